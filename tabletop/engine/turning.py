"""Turning points beyond trust: the moments a debrief stops at, computed from the record.

Trust's own turning points are :func:`tabletop.engine.analysis.turning_points`.
Here are the others: the largest single moves of standing, tension and the
walk-away values (:func:`swings`), and the moments that changed the course of
the talks (:func:`moments`): deals, retaliations, reneges, walk-outs, lapses,
and packages turned down although both sides would have gained from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from tabletop.engine import actions as act
from tabletop.engine.effects import EventKind
from tabletop.engine.model import SIDES
from tabletop.engine.objections import objection
from tabletop.engine.scoring import board_after, score

if TYPE_CHECKING:
    from tabletop.engine.game import Game


@attrs.frozen
class Swing:
    """One of the largest single moves of a meter."""

    meter: str
    index: int
    round: int
    before: float
    after: float


@attrs.frozen
class Moment:
    """A turning point beyond trust: a deal, a broken promise, a spurned package, a lapse, a large swing."""

    index: int
    round: int
    what: str
    """deal, retaliation, renege, walk-out, lapse, spurned, or a meter's name for a swing."""
    text: str


def swings(game: Game, count: int = 4, leave_out: frozenset[str] = frozenset()) -> list[Swing]:
    """The largest single moves of standing, tension and the outside options (trust has its turning points).

    ``leave_out``: meters (as named in :attr:`Swing.meter`) not to be shown, set aside before the largest are
    chosen, so that a hidden move leaves no gap that tells its size.
    """
    found = []
    history = game.history
    for index in range(1, len(history)):
        a, b = history[index - 1], history[index]
        for side in SIDES:
            name = game.scenario.sides[side].name
            if b.standing_of(side) != a.standing_of(side):
                found.append(Swing(f"{name}'s standing", index, a.round, a.standing_of(side), b.standing_of(side)))
            if b.alternative_of(side) != a.alternative_of(side):
                found.append(Swing(f"{name}'s walk-away value", index, a.round, a.alternative_of(side),
                                   b.alternative_of(side)))
        if b.tension != a.tension:
            found.append(Swing("tension", index, a.round, a.tension, b.tension))
    if leave_out:
        found = [swing for swing in found if swing.meter not in leave_out]
    weight = {"tension": 10.0}
    found.sort(key=lambda s: (-abs(s.after - s.before) * weight.get(s.meter, 1.0), s.index))
    return sorted(found[:count], key=lambda s: s.index)


MOMENT_EVENTS = {EventKind.DEAL: "deal", EventKind.RETALIATION: "retaliation", EventKind.RENEGE: "renege",
                 EventKind.WALKOUT: "walk-out", EventKind.LAPSE: "lapse", EventKind.COLLAPSE: "collapse"}


def why_rejected(game: Game, index: int) -> str:
    """The end of a sentence saying why the package was turned down by action ``index`` (a Reject): its own
    words (``Reject.reason``, quoted as given: data, never markup), else the part the rules forbade accepting,
    else "" (a person's rejection, and every save made before rejections gave reasons, say nothing)."""
    action = game.actions[index - 1]
    before = game.history[index - 1]
    reason = action.reason.strip().rstrip(".") if isinstance(action, act.Reject) else ""
    if reason:
        return f", saying: “{reason}”"
    forbidden = objection(game.scenario, before, before.offer, action.side) \
        if isinstance(action, act.Reject) and before.offer is not None else None
    return f"; the rules forbade accepting it: {forbidden.text(game.scenario)}" if forbidden is not None else ""


PRIORITY = {"deal": 0, "renege": 0, "retaliation": 0, "walk-out": 0, "collapse": 0, "lapse": 1, "spurned": 1}


def moments(game: Game, found_swings: list[Swing], count: int = 8, leave_out: frozenset[str] = frozenset(),
            ) -> list[Moment]:
    """The turning points beyond trust, at most ``count``, in the order they happened.

    Every deal, retaliation, renege, walk-out, lapse or collapse; each package turned down although both
    sides would have gained from it; the largest swings of standing, tension and the walk-away values.
    ``leave_out``: kinds of moment (:attr:`Moment.what`) not to be shown, set aside before the ``count`` are
    chosen (with :func:`swings` given the same, a hidden moment leaves no gap).
    """
    scenario = game.scenario
    out: dict[int, Moment] = {}
    for index, event in game.events:
        what = MOMENT_EVENTS.get(event.kind)
        if what is not None and index not in out and what not in leave_out:
            out[index] = Moment(index, event.round, what, event.text)
    for index, action in enumerate(game.actions, start=1):
        before = game.history[index - 1]
        if isinstance(action, act.Reject) and before.offer is not None and index not in out \
                and "spurned" not in leave_out:
            board = board_after(scenario, before.rungs, before.offer)
            if all(score(scenario, s, board) > score(scenario, s, before.rungs) for s in SIDES):
                by = scenario.sides[action.side.other].name
                out[index] = Moment(index, before.round, "spurned",
                                    f"{scenario.sides[action.side].name} turned down {by}'s package although both "
                                    f"sides would have gained from it{why_rejected(game, index)}.")
    for swing in found_swings:
        if swing.index not in out and swing.meter not in leave_out:
            out[swing.index] = Moment(swing.index, swing.round, swing.meter,
                                      f"{swing.meter} {swing.before:g} → {swing.after:g}")
    # when there are more than ``count``: events that changed the board or the relationship come first
    kept = sorted(out.values(), key=lambda m: (PRIORITY.get(m.what, 2), m.index))[:count]
    return sorted(kept, key=lambda m: m.index)
