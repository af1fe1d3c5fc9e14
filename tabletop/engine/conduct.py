"""How the talks were conducted: what a negotiation course asks about, computed from the record.

The debrief and the after-action report show these beside the scores: the zone
of possible agreement in words, how the surplus was split, each side's
concession curve, first offers and anchoring, a reciprocity audit (gestures made,
returned, exploited), each side's real priorities beside what it asked for
(interests against positions), and the largest swings of every meter.
Everything here reads the game's record; nothing is stored in the state.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import attrs

from tabletop.engine import actions as act
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.scoring import board_after, score
from tabletop.engine.state import Offer

if TYPE_CHECKING:
    from tabletop.engine.analysis import FrontierPoint
    from tabletop.engine.game import Game


@attrs.frozen
class Zopa:
    """The efficient boards both sides prefer to their outside options."""

    alternatives: tuple[float, float]
    boards: tuple[tuple[float, float], ...]
    """Scores (Washington, Moscow) of the efficient boards inside the zone, best for Washington first."""

    @property
    def exists(self) -> bool:
        return bool(self.boards)

    def words(self, names: tuple[str, str]) -> str:
        w, m = names
        if not self.boards:
            return (f"No zone of possible agreement: no reachable board gives {w} at least {self.alternatives[0]:g} "
                    f"and {m} at least {self.alternatives[1]:g} at once, so no deal could beat both walk-away "
                    "values.")
        best_w, best_m = self.boards[0], self.boards[-1]
        return (f"The zone of possible agreement: boards giving {w} at least {self.alternatives[0]:g} and {m} at "
                f"least {self.alternatives[1]:g}. Along the efficient frontier it runs from {w} {best_w[0]:.1f} / "
                f"{m} {best_w[1]:.1f} (best for {w}) to {w} {best_m[0]:.1f} / {m} {best_m[1]:.1f} (best for {m}).")


@attrs.frozen
class Split:
    """How the gain over both outside options was shared."""

    gains: tuple[float, float]

    @property
    def total(self) -> float:
        return round(self.gains[0] + self.gains[1], 1)

    def share(self, side: Side) -> float | None:
        """``side``'s share of a positive joint surplus (None when there was none to share)."""
        positive = [max(0.0, g) for g in self.gains]
        if sum(positive) <= 0:
            return None
        return positive[0 if side is Side.WASHINGTON else 1] / sum(positive)


@attrs.frozen
class Package:
    """A package one side put on the table, with both sides' scores of it (as if implemented then)."""

    index: int
    round: int
    side: Side
    offer: Offer
    own_score: float
    their_score: float


@attrs.frozen
class Reciprocity:
    """One side's gestures: made, answered in kind by the other side, and received but never returned."""

    made: int
    returned: int
    """Gestures of this side that the other side answered with a gesture of its own."""
    pocketed: int
    """Gestures this side received and never answered with one."""


@attrs.frozen
class Priorities:
    """A side's interests (its real priorities) beside its positions (what it asked for)."""

    valued: tuple[str, ...]
    """Irritant ids it gains most from, most valuable first (only those it gains from)."""
    asked: tuple[str, ...]
    """Irritant ids it asked the other side to move, most often asked first."""

    @property
    def overlap(self) -> int:
        return len(set(self.valued[:2]) & set(self.asked[:2]))


@attrs.frozen
class Swing:
    """One of the largest single moves of a meter."""

    meter: str
    index: int
    round: int
    before: float
    after: float


@attrs.frozen
class Conduct:
    zopa: Zopa
    split: Split
    packages: tuple[Package, ...]
    reciprocity: dict[Side, Reciprocity]
    priorities: dict[Side, Priorities]
    swings: tuple[Swing, ...]

    def first_offer(self, side: Side) -> Package | None:
        return next((p for p in self.packages if p.side is side), None)

    def curve(self, side: Side) -> list[tuple[int, float]]:
        """``side``'s concession curve: its own score of each package it put forward, by round."""
        return [(p.round, p.own_score) for p in self.packages if p.side is side]


def zopa(frontier: list[FrontierPoint], alternatives: tuple[float, float]) -> Zopa:
    inside = [p.scores for p in frontier if p.washington >= alternatives[0] and p.moscow >= alternatives[1]]
    inside.sort(key=lambda s: (-s[0], s[1]))
    return Zopa(alternatives, tuple(inside))


def packages(game: Game) -> list[Package]:
    scenario = game.scenario
    out = []
    for index, action in enumerate(game.actions, start=1):
        if not isinstance(action, (act.Propose, act.Counter)):
            continue
        before = game.history[index - 1]
        side = action.side
        board = board_after(scenario, before.rungs, action.offer)
        out.append(Package(index, before.round, side, action.offer, score(scenario, side, board),
                           score(scenario, side.other, board)))
    return out


def reciprocity(game: Game) -> dict[Side, Reciprocity]:
    """Gestures in order: one that answers an open gesture of the other side returns it; one that answers
    nothing opens a new one, which the other side then owes. What is still open at the end was pocketed."""
    made = {side: 0 for side in SIDES}
    returned = {side: 0 for side in SIDES}
    open_ = {side: 0 for side in SIDES}
    for action in game.actions:
        if not isinstance(action, act.Gesture):
            continue
        side = action.side
        made[side] += 1
        if open_[side.other]:
            open_[side.other] -= 1
            returned[side.other] += 1
        else:
            open_[side] += 1
    return {side: Reciprocity(made[side], returned[side], open_[side.other]) for side in SIDES}


def priorities(scenario: Scenario, game: Game) -> dict[Side, Priorities]:
    out = {}
    for side in SIDES:
        valuations = scenario.sides[side].valuations
        valued = sorted((i.id for i in scenario.irritants if valuations.get(i.id) and valuations[i.id].gain > 0),
                        key=lambda i: (-valuations[i].gain, i))
        asked: Counter[str] = Counter()
        for action in game.actions:
            if isinstance(action, (act.Propose, act.Counter)) and action.side is side:
                for concession in action.offer.concessions:
                    if scenario.irritant(concession.irritant).mover.value != side.value:  # theirs, or shared
                        asked[concession.irritant] += 1
        out[side] = Priorities(tuple(valued), tuple(i for i, _ in sorted(asked.items(), key=lambda x: (-x[1], x[0]))))
    return out


def swings(game: Game, count: int = 4) -> list[Swing]:
    """The largest single moves of standing, tension and the outside options (trust has its turning points)."""
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
    weight = {"tension": 10.0}
    found.sort(key=lambda s: (-abs(s.after - s.before) * weight.get(s.meter, 1.0), s.index))
    return sorted(found[:count], key=lambda s: s.index)


def conduct(game: Game, frontier: list[FrontierPoint], scores: dict[Side, float]) -> Conduct:
    """Everything above for a game, given its frontier and final scores."""
    state = game.state
    alternatives = (state.alternative_of(Side.WASHINGTON), state.alternative_of(Side.MOSCOW))
    gains = (round(scores[Side.WASHINGTON] - alternatives[0], 1), round(scores[Side.MOSCOW] - alternatives[1], 1))
    return Conduct(zopa(frontier, alternatives), Split(gains), tuple(packages(game)), reciprocity(game),
                   priorities(game.scenario, game), tuple(swings(game)))
