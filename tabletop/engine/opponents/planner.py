"""Shared reasoning for computer opponents: guessing the other side, building packages.

An opponent cannot see the other side's valuations, so it guesses them: every
irritant it moves is assumed to be worth something to the other side, and
more so once the other side has asked for it; every irritant the other side
moves is assumed to cost it something, and less once it has offered it.
"""

from __future__ import annotations

import attrs

from tabletop.engine.model import Effects, Irritant
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.state import Concession, Offer, deal_floor


class Guess:
    """A side's running estimate of what the other side gains and pays per irritant."""

    def __init__(self, view: PlayerView) -> None:
        n = max(1, len(view.irritants))
        base = 100.0 / n
        self.gain: dict[str, float] = {}
        self.cost: dict[str, float] = {}
        asked: set[str] = set()
        offered: set[str] = set()
        for offer in view.their_offers:
            for concession in offer.concessions:
                irritant = view.irritants[view.position[concession.irritant]]
                if view.they_move(irritant):
                    offered.add(irritant.id)
                else:
                    asked.add(irritant.id)
        for irritant in view.irritants:
            if not view.they_move(irritant):
                self.gain[irritant.id] = base * (1.6 if irritant.id in asked else 1.0)
            if not view.moves(irritant):
                self.cost[irritant.id] = base * (0.3 if irritant.id in offered else 0.5)

    def their_value(self, view: PlayerView, irritant: Irritant, frm: int, to: int) -> float:
        """Guessed change in the other side's score if ``irritant`` moves from ``frm`` to ``to``."""
        span = irritant.top - irritant.start
        a = max(frm, irritant.start) - irritant.start
        b = max(to, irritant.start) - irritant.start
        fraction = (b - a) / span
        return (self.gain.get(irritant.id, 0.0) - self.cost.get(irritant.id, 0.0)) * fraction

    def offer_value(self, view: PlayerView, offer: Offer) -> float:
        total = 0.0
        for concession in offer.concessions:
            irritant = view.irritants[view.position[concession.irritant]]
            total += self.their_value(view, irritant, view.rungs[view.position[irritant.id]], concession.to)
        return total


@attrs.frozen
class Style:
    """How a strategy bargains: how much it asks, how much it gives, how fair it needs a deal."""

    ask_rungs: int = 1
    max_asks: int = 1
    their_share: float = 0.2
    min_gain: float = 1.0
    demand_only: bool = False


@attrs.frozen
class Step:
    irritant: Irritant
    to: int
    mine: float
    theirs: float


def build_offer(view: PlayerView, guess: Guess, style: Style) -> Offer | None:
    """A package that gains me at least ``style.min_gain`` and should look good to them too.

    Greedy: take the asks I value most, then add the gives that please them most
    per point they cost me, until they gain ``their_share`` of what I gain.
    Every give is linked to the asks, so reneging on one undoes the other.
    """
    asks: list[Step] = []
    gives: list[Step] = []
    for irritant in view.irritants:
        current = view.rungs[view.position[irritant.id]]
        ceiling = view.my_ceiling(irritant) if irritant.mover.includes(view.side) else irritant.top
        if current >= ceiling:
            continue
        top_ask = min(ceiling, current + style.ask_rungs)
        for to in range(current + 1, (top_ask if not view.moves(irritant) else current + 1) + 1):
            mine = view.step_value(irritant, current, to)
            theirs = guess.their_value(view, irritant, current, to)
            step = Step(irritant, to, mine, theirs)
            if mine > 0 and not view.moves(irritant):
                asks.append(step)
            elif theirs > 0 and irritant.mover.includes(view.side) and to == current + 1:
                gives.append(step)
    if not asks:
        return None
    asks.sort(key=lambda s: (-s.mine, s.irritant.id))
    chosen: dict[str, Step] = {}
    for step in asks:
        if step.irritant.id in chosen:
            continue
        chosen[step.irritant.id] = step
        if len(chosen) >= style.max_asks:
            break
    mine = sum(s.mine for s in chosen.values())
    theirs = sum(s.theirs for s in chosen.values())
    gives.sort(key=lambda s: (-(s.theirs / max(0.01, -s.mine)) if s.mine < 0 else -1e9, s.irritant.id))
    for step in [] if style.demand_only else gives:
        if theirs >= style.their_share * mine and theirs > 0:
            break
        if step.irritant.id in chosen:
            continue
        if mine + step.mine < style.min_gain:
            continue
        chosen[step.irritant.id] = step
        mine += step.mine
        theirs += step.theirs
    if mine < style.min_gain or (theirs <= 0 and not style.demand_only):
        return None
    concessions = tuple(Concession(s.irritant.id, s.to) for s in chosen.values())
    ask_ids = [s.irritant.id for s in chosen.values() if not view.moves(s.irritant) and s.mine > 0]
    give_ids = [i for i in chosen if i not in ask_ids]
    links = tuple((g, ask_ids[0]) for g in give_ids) if ask_ids else ()
    return Offer(concessions, links)


def cheapest_gesture(view: PlayerView, guess: Guess) -> Concession | None:
    """My one-rung unilateral move that pleases them most per point it costs me."""
    best: tuple[float, str, Concession] | None = None
    for irritant in view.irritants:
        if not view.moves(irritant):
            continue
        current = view.rungs[view.position[irritant.id]]
        if current >= view.my_ceiling(irritant):
            continue
        cost = -view.step_value(irritant, current, current + 1)
        crossed = view.crossing(irritant, current, current + 1)
        if crossed is not None:
            cost += crossed.price
        ratio = cost - 0.2 * guess.their_value(view, irritant, current, current + 1)
        key = (ratio, irritant.id, Concession(irritant.id, current + 1))
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def retaliation_target(view: PlayerView) -> Concession | None:
    """One rung down on my own irritant that saves me most (never below a rung a deal set)."""
    best: tuple[float, str, Concession] | None = None
    for irritant in view.irritants:
        if not view.moves(irritant):
            continue
        current = view.rungs[view.position[irritant.id]]
        if current - 1 < deal_floor(view.deals, irritant.id)[0]:
            continue
        saving = view.step_value(irritant, current, current - 1)
        key = (-saving, irritant.id, Concession(irritant.id, current - 1))
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def effects_value(view: PlayerView, effects: Effects | None) -> float:
    """How much I like an inject's effects (trust and my standing good, tension bad)."""
    if effects is None:
        return 0.0
    value = 0.5 * effects.trust + effects.standing.get(view.side.value, 0) - 8.0 * effects.tension
    for irritant_id, delta in effects.rungs.items():
        irritant = view.irritants[view.position[irritant_id]]
        current = view.rungs[view.position[irritant_id]]
        target = max(0, min(irritant.top, current + delta))
        value += view.step_value(irritant, current, target)
    return value
