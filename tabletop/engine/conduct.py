"""How the talks were conducted: what a negotiation course asks about, computed from the record.

The debrief and the after-action report show these beside the scores: the zone
of possible agreement in words, how the surplus was split, each side's
concession curve, first offers and anchoring, a reciprocity audit (gestures made,
returned, exploited), each side's real priorities beside what it asked for
(interests against positions), and the turning points beyond trust (the
largest swings of every meter and the moments that changed the talks, from
:mod:`tabletop.engine.turning`). Everything here reads the game's record;
nothing is stored in the state.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import attrs

from tabletop.engine import actions as act
from tabletop.engine.disclosures import Disclosure, disclosures
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.process import priority_order
from tabletop.engine.scoring import board_after, score
from tabletop.engine.state import Offer
from tabletop.engine.turning import Moment, Swing, moments, swings

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
    """Gestures of this side that the other side answered: with a gesture, or with a give of its own in a deal."""
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
class Anchoring:
    """Each side's opening package beside where the talks ended: did the first offer anchor the outcome?"""

    openings: dict[Side, Package | None]
    first: Side | None
    """The side that put the first package on the table (None: no package was ever put forward)."""
    outcome: tuple[float, float]
    """The final scores (Washington, Moscow)."""
    alternatives: tuple[float, float]

    def kept(self, side: Side) -> float | None:
        """How much of the gain over its walk-away value that ``side``'s opening asked for it ended with.

        None when it made no package or its opening asked for no gain; negative when it ended below.
        """
        opening = self.openings[side]
        n = 0 if side is Side.WASHINGTON else 1
        if opening is None or opening.own_score <= self.alternatives[n]:
            return None
        return (self.outcome[n] - self.alternatives[n]) / (opening.own_score - self.alternatives[n])

    @property
    def nearer(self) -> Side | None:
        """The side whose opening package the outcome lies nearer to, in both scores (None: no anchor, a tie)."""
        distance = {}
        for side, opening in self.openings.items():
            if opening is not None:
                mine = (opening.own_score, opening.their_score)
                point = mine if side is Side.WASHINGTON else mine[::-1]
                distance[side] = abs(point[0] - self.outcome[0]) + abs(point[1] - self.outcome[1])
        if len(distance) == 1:
            return next(iter(distance))
        if len(distance) == 2 and abs(distance[Side.WASHINGTON] - distance[Side.MOSCOW]) > 0.05:
            return min(distance, key=lambda s: distance[s])
        return None


@attrs.frozen
class Conduct:
    zopa: Zopa
    split: Split
    packages: tuple[Package, ...]
    reciprocity: dict[Side, Reciprocity]
    priorities: dict[Side, Priorities]
    swings: tuple[Swing, ...]
    anchoring: Anchoring
    moments: tuple[Moment, ...]
    disclosures: tuple[Disclosure, ...] = ()
    """What each side said of its priorities, against what was true, in order."""

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
    """Every package put on the table, in order; each of a set of equal packages (a MESO) counts as one."""
    scenario = game.scenario
    out = []
    for index, action in enumerate(game.actions, start=1):
        if isinstance(action, (act.Propose, act.Counter)):
            offers: tuple[Offer, ...] = (action.offer,)
        elif isinstance(action, act.ProposeMeso):
            offers = action.offers
        else:
            continue
        before = game.history[index - 1]
        side = action.side
        for offer in offers:
            board = board_after(scenario, before.rungs, offer)
            out.append(Package(index, before.round, side, offer, score(scenario, side, board),
                               score(scenario, side.other, board)))
    return out


def reciprocity(game: Game) -> dict[Side, Reciprocity]:
    """Gestures in order. A gesture that answers an open gesture of the other side returns it, and so does a
    deal in which the side gives one of its own irritants (the computer opponents count returns the same
    way); a gesture that answers nothing opens a new one, which the other side then owes. What is still open
    at the end was pocketed."""
    scenario = game.scenario
    made = {side: 0 for side in SIDES}
    returned = {side: 0 for side in SIDES}
    open_ = {side: 0 for side in SIDES}

    def answer(giver: Side) -> bool:
        if open_[giver.other]:
            open_[giver.other] -= 1
            returned[giver.other] += 1
            return True
        return False

    for index, action in enumerate(game.actions, start=1):
        if isinstance(action, act.Gesture):
            made[action.side] += 1
            if not answer(action.side):
                open_[action.side] += 1
            continue
        before, after = game.history[index - 1], game.history[index]
        if len(after.deals) > len(before.deals):
            movers = {scenario.irritant(c.irritant).mover.value for c in after.deals[-1].offer.concessions}
            for side in SIDES:
                if side.value in movers:  # it gave one of its own in the deal
                    answer(side)
    return {side: Reciprocity(made[side], returned[side], open_[side.other]) for side in SIDES}


def priorities(scenario: Scenario, game: Game) -> dict[Side, Priorities]:
    out = {}
    for side in SIDES:
        valued = priority_order(scenario, side)
        asked: Counter[str] = Counter()
        for action in game.actions:
            if isinstance(action, (act.Propose, act.Counter, act.ProposeMeso)) and action.side is side:
                offers = action.offers if isinstance(action, act.ProposeMeso) else (action.offer,)
                for irritant in {c.irritant for offer in offers for c in offer.concessions}:
                    if scenario.irritant(irritant).mover.value != side.value:  # theirs, or shared
                        asked[irritant] += 1
        out[side] = Priorities(tuple(valued), tuple(i for i, _ in sorted(asked.items(), key=lambda x: (-x[1], x[0]))))
    return out


def anchoring(found: list[Package], outcome: tuple[float, float], alternatives: tuple[float, float]) -> Anchoring:
    openings = {side: next((p for p in found if p.side is side), None) for side in SIDES}
    return Anchoring(openings, found[0].side if found else None, outcome, alternatives)


def conduct(game: Game, frontier: list[FrontierPoint], scores: dict[Side, float]) -> Conduct:
    """Everything above for a game, given its frontier and final scores."""
    state = game.state
    alternatives = (state.alternative_of(Side.WASHINGTON), state.alternative_of(Side.MOSCOW))
    gains = (round(scores[Side.WASHINGTON] - alternatives[0], 1), round(scores[Side.MOSCOW] - alternatives[1], 1))
    found = packages(game)
    found_swings = swings(game)
    outcome = (scores[Side.WASHINGTON], scores[Side.MOSCOW])
    return Conduct(zopa(frontier, alternatives), Split(gains), tuple(found), reciprocity(game),
                   priorities(game.scenario, game), tuple(found_swings), anchoring(found, outcome, alternatives),
                   tuple(moments(game, found_swings)), tuple(disclosures(game)))
