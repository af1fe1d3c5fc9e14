"""Why a computer opponent turns a package down by choice, in words that reveal no number.

A package the rules forbid it to accept already says which part could not be
accepted (:mod:`tabletop.engine.objections`). When nothing forbids it and the
opponent simply does not want the package, :func:`refusal_reason` says what a
delegation would say across the table, from the package alone: that it would
rather have no agreement than a package that gives it nothing for what it
costs, which part costs it most for what the package gives, that it wants more
in return, or that at the deadline the package leaves it too small a share.
The words name irritants, never a rung, a score or a walk-away value, and they
give away nothing the debrief is kept to reveal: which words it says never
depends on its walk-away (a player cannot probe for it by the wording), and a
cooled opponent (one whose gestures were pocketed) does not announce its
reciprocal rule; its words are those of any delegation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabletop.engine.deals import fit_reason
from tabletop.engine.effects import short_name
from tabletop.engine.objections import objection
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.state import Offer

if TYPE_CHECKING:
    from tabletop.engine.game import Game


def refusal_reason(game: Game, view: PlayerView) -> str:
    """What the computer opponent in ``view.side``'s seat says when it rejects what is on the table now ("" when
    the rules already say why). Its words are the same whatever its style and its walk-away, and fit a
    rejection's one short line whatever the scenario's names."""
    return fit_reason(_reason(game, view))


def _reason(game: Game, view: PlayerView) -> str:
    scenario = game.scenario
    state = game.state
    name = scenario.sides[view.side].name
    if view.meso:  # several packages: the rules' objections are not told for a set, so say it here
        offers = tuple(o for o in view.meso if objection(scenario, state, o, view.side) is None)
        if not offers:
            return f"{name} may not accept any of these packages: each goes past what it can accept"
    elif view.offer is None or objection(scenario, state, view.offer, view.side) is not None:
        return ""  # the rules forbade it: the rejection names the part (options.told), nothing to add
    else:
        offers = (view.offer,)
    offer = max(offers, key=view.score_after)  # of several, what it says is about the best for it
    several = len(view.meso) > 1
    if not view.ratifiable(offer, view.side.other):
        other = scenario.sides[view.side.other].name
        return f"{name} will not accept what {other}'s own capital would not ratify"
    worst = _costliest(view, offer)
    what = "any of these packages" if several else "this package"
    if view.score_after(offer) <= view.score_now:  # it gives me nothing for what it costs me
        reason = f"{name} would rather have no agreement than {what}"
        return f"{reason}, above all because of “{worst}”" if worst else reason
    given = "each of these packages gives" if several else "the package gives"
    if worst:
        return f"{name} cannot accept “{worst}” as offered: {given} it too little in return"
    if view.final_round:
        left = "each of these packages leaves" if several else "the package leaves"
        return f"{name} finds {left} it too small a share of what the agreement gains"
    return f"{name} wants more in return before it can agree to {'these packages' if several else 'this package'}"


def _costliest(view: PlayerView, offer: Offer) -> str:
    """The name of the irritant whose move in ``offer`` costs me most ("" when no part costs me anything)."""
    worst, name = 0.0, ""
    for concession in offer.concessions:
        irritant = view.irritants[view.position[concession.irritant]]
        cost = view.step_value(irritant, view.rungs[view.position[concession.irritant]], concession.to)
        if cost < worst:
            worst, name = cost, short_name(irritant.name)
    return name


__all__ = ["refusal_reason"]
