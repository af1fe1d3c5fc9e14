"""Why a side could not accept a package, in words that name the part and reveal no number.

A package may be turned down by choice, or because the rules forbid the side
to accept it: it takes an irritant past the side's absolute red line, or its
capital would not ratify it. In the second case the rejection says which part
could not be accepted (:func:`objection`), so the other side learns what
blocked the deal without learning the rung or the standing behind it. The
words are public from the moment the rejection is made: the log, the status
line and the computer opponents all read the same answer.
"""

from __future__ import annotations

from enum import Enum

import attrs

from tabletop.engine.effects import short_name
from tabletop.engine.model import Scenario, Side
from tabletop.engine.ratification import ratifiable, standing_after
from tabletop.engine.red_lines import absolute_crossings
from tabletop.engine.state import Concession, GameState, Offer


class Blocked(Enum):
    """What forbids a side to accept a package."""

    RED_LINE = "red line"
    """It takes an irritant past the side's absolute red line."""
    RATIFICATION = "ratification"
    """The side's capital would not ratify it."""


@attrs.frozen
class Objection:
    """The part of a package ``side`` could not accept, and why."""

    side: Side
    concessions: tuple[Concession, ...]
    """The concessions of the package that could not be accepted (public: the package was on the table)."""
    blocked: Blocked

    @property
    def irritants(self) -> tuple[str, ...]:
        return tuple(c.irritant for c in self.concessions)

    def text(self, scenario: Scenario) -> str:
        """The objection in one sentence, e.g. "Moscow cannot accept “Visas” going past its absolute red line"."""
        name = scenario.sides[self.side].name
        parts = [f"“{short_name(scenario.irritant(i).name)}”" for i in self.irritants]
        if not parts:
            return f"{name}'s capital would not ratify this package"
        what = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        if self.blocked is Blocked.RED_LINE:
            return f"{name} cannot accept {what} going past its absolute red line"
        return f"{name} cannot accept {what} going past what its capital would ratify"

def objection(scenario: Scenario, state: GameState, offer: Offer, side: Side) -> Objection | None:
    """The part of ``offer`` the rules forbid ``side`` to accept from ``state``, if any (None: a free choice).

    Absolute red lines come first; then ratification at home, naming the concessions
    whose removal alone would let the capital ratify the rest (else every concession
    of the side's own that costs it standing).
    """
    rungs, standing = state.rungs, state.standing
    key = (id(rungs), id(standing), id(offer), side)
    seen = _SEEN.get(key)
    if seen is not None and seen[0] is rungs and seen[1] is standing and seen[2] is offer and seen[3] is scenario:
        return seen[4]
    if len(_SEEN) >= 256:
        _SEEN.clear()
    found = _objection(scenario, state, offer, side)
    _SEEN[key] = (rungs, standing, offer, scenario, found)
    return found


_SEEN: dict[tuple[int, int, int, Side], tuple[tuple[int, ...], tuple[int, int], Offer, Scenario, Objection | None]] = {}
"""The latest objections found. An objection depends on the board, the standing, the offer and the side only
(all immutable: the same objects give the same answer, in whichever state they stand). The opponent that
turned a package down and the one reading its rejection both ask, and so does the log."""


def past_red_line(scenario: Scenario, offer: Offer, side: Side) -> tuple[Concession, ...]:
    """The concessions of ``offer`` past ``side``'s absolute red lines: what an objection names first, whatever
    the board (empty: no red line stands in the way, and ratification decides)."""
    crossed = {c.irritant for c in absolute_crossings(scenario, side, offer.concessions)}
    return tuple(c for c in offer.concessions if c.irritant in crossed) if crossed else ()


def _objection(scenario: Scenario, state: GameState, offer: Offer, side: Side) -> Objection | None:
    crossed = past_red_line(scenario, offer, side)
    if crossed:
        return Objection(side, crossed, Blocked.RED_LINE)
    if ratifiable(scenario, state, offer, side):
        return None
    own = [c for c in offer.concessions if scenario.irritant(c.irritant).mover.includes(side)]
    decisive = [c for c in own if (rest := _without(offer, c.irritant)).concessions
                and ratifiable(scenario, state, rest, side)]
    if not decisive:
        index = 0 if side is Side.WASHINGTON else 1
        before = state.standing[index]
        decisive = [c for c in own if standing_after(scenario, state, Offer((c,), ()))[index] < before]
    return Objection(side, tuple(decisive), Blocked.RATIFICATION)


def _without(offer: Offer, irritant: str) -> Offer:
    return Offer(tuple(c for c in offer.concessions if c.irritant != irritant),
                 tuple(link for link in offer.links if irritant not in link))


__all__ = ["Blocked", "Objection", "objection", "past_red_line"]
