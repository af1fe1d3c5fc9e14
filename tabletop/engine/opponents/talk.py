"""How the computer opponents use the process moves: answering a question, picking from a set, making one.

* Asked which irritants matter most, each style answers in its own way
  (:func:`disclosure`): truthful (its real priorities, in order), vague (only
  the first) or misleading (its real first priority moved to the end, so that
  what it wants most looks like a chip to trade).
* Offered several packages at once, it accepts the best for itself of those it
  would accept alone (:func:`pick_option`), else counters or rejects them all.
* A set of its own (:func:`package_set`): the package it would propose, with
  others worth the same to it within two and a half points (the engine
  allows three), found on and around the chain of efficient packages.
* An address to its own partner audience (:func:`partner_address`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabletop.engine import actions as act
from tabletop.engine.model import Message
from tabletop.engine.opponents.chooser import Shape
from tabletop.engine.opponents.evidence import Key
from tabletop.engine.opponents.ladders import MyRungs, Terms
from tabletop.engine.opponents.model import OpponentModel
from tabletop.engine.opponents.packages import search_packages
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.process import PARTNERS
from tabletop.engine.state import Offer

if TYPE_CHECKING:
    from tabletop.engine.opponents.base import Strategy

SET_TOLERANCE = 2.5
"""How far apart (my points) the packages of my own set may be: inside the engine's tolerance, with room."""


def disclosure(view: PlayerView, candour: str) -> tuple[str, ...]:
    """What a side of this ``candour`` says when asked which irritants matter most to it."""
    truth = view.my_priorities()
    if candour == "vague":
        return truth[:1]
    if candour == "misleading" and len(truth) >= 2:
        top = truth[:3]
        return (*top[1:], top[0])
    return truth[:3]


def pick_option(strategy: Strategy, view: PlayerView) -> act.Action:
    """Accept the best for me of the packages on the table that I would accept alone; else counter with
    something new to them, or reject them all."""
    side = strategy.side
    best: tuple[float, int] | None = None
    if view.can("accept_option"):
        for number, offer in enumerate(view.meso):
            trial = view.with_offer(offer)
            if not trial.ratified(offer) or not strategy.acceptable(trial):
                continue
            value = (view.score_after(offer), -number)
            if best is None or value > best:
                best = value
    if best is not None:
        return act.AcceptOption(side, -best[1])
    if view.can("counter"):
        counter = strategy.package(view, also_avoid=view.meso)
        if counter is not None:
            return act.Counter(side, counter)
    return act.Reject(side)


def package_set(view: PlayerView, mine: MyRungs, model: OpponentModel, terms: Terms, target: float,
                avoid: set[Key], size: int = 3) -> tuple[tuple[Offer, ...], Offer | None]:
    """The package I would propose, with up to ``size - 1`` others worth as much to me and new to the other
    side (the best for it by my guess first), if the engine would take them as a set; else (). Also the
    package alone (what :func:`~tabletop.engine.opponents.packages.choose` picks; None: none), so that a
    side without a set proposes it without searching again."""
    found = search_packages(view, mine, model, terms, target, avoid)
    if found is None:
        return (), None
    chooser, search = found
    theirs_best, gain, best = search.chosen
    shapes: dict[Shape, tuple[float, float]] = dict(search.valued)
    for around, (around_gain, around_theirs) in list(search.valued.items()):
        if abs(around_gain - gain) > 2 * SET_TOLERANCE + 30:
            continue  # no variant one step from it comes near my gain
        for n, steps in enumerate(chooser.sizes):
            taken = around[n]
            mine_row, theirs_row = chooser.mine[n], chooser.theirs[n]
            for other in (taken - 1, taken + 1):
                if not 0 <= other <= steps:
                    continue  # off the ladder (checked before the shape is built)
                shape = around[:n] + (other,) + around[n + 1:]
                if shape not in shapes:
                    shapes[shape] = (around_gain + mine_row[other] - mine_row[taken],
                                     around_theirs + theirs_row[other] - theirs_row[taken])
    others = sorted(((theirs, shape) for shape, (mine_gain, theirs) in shapes.items()
                     if abs(mine_gain - gain) <= SET_TOLERANCE and theirs > 0 and shape != best
                     and shape not in search.banned and chooser.asks_something(shape)), reverse=True)
    single = chooser.offer(best)
    if not others:
        return (), single
    offers: list[Offer] = []
    for shape in (best, *(shape for _, shape in others)):
        offer = single if shape is best else chooser.offer(shape)
        if view.ratifiable(offer):  # asked one at a time: ratification is the costly question
            offers.append(offer)
            if len(offers) == size:
                break
    chosen = tuple(offers)
    if len(chosen) < 2 or view.meso_problem(chosen):
        return (), single
    return chosen, single


def partner_address(view: PlayerView, message: Message) -> act.Action | None:
    """An address to my own partner audience (Europe for Washington, Beijing for Moscow), when open to me."""
    if not view.can("address"):
        return None
    partner = next((a for a in view.audiences if PARTNERS.get(a) is view.side), None)
    return act.Address(view.side, partner, message) if partner is not None else None
