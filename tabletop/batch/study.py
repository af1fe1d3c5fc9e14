"""The student study: the scripted students against every computer opponent, and the checks that the
game rewards what a negotiation course teaches.

Each student plays each computer opponent from both seats over a run of
seeds. A game is judged by its *surplus*: the student's final score minus its
walk-away value as play left it (what no agreement would have paid), so that
scenarios and sides with different walk-aways compare fairly.
"""

from __future__ import annotations

from collections import Counter
from statistics import fmean

import attrs

from tabletop.batch.runners import GameResult, Match, run_local, run_ray
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.opponents import STRATEGIES, STUDENTS

THOUGHTFUL = ("logroll", "grit-student", "mirror")
"""The lines a negotiation course teaches: trading, GRIT, reciprocity."""
SIMPLE = ("free-rider", "always-accept", "always-pass", "ultimatum", "deadline", "random")
"""The tempting shortcuts: grabbing, giving in, waiting, a last-round ultimatum (after silence, or after keeping
the channel open), anything at all."""
MAX_TIER_SHARE = 0.70
MAX_SIDE_GAP = 15.0
"""At most this many points between the two sides' rates of ending above their walk-away."""


@attrs.frozen
class Seat:
    """One game seen from one side: who sat there, against whom, and how it ended for that side."""

    player: str
    opponent: str
    side: Side
    result: GameResult

    @property
    def surplus(self) -> float:
        return self.result.surplus_of(self.side)


def study_matches(seeds: int, first_seed: int = 1, students: tuple[str, ...] = tuple(STUDENTS),
                  opponents: tuple[str, ...] = tuple(STRATEGIES)) -> list[Match]:
    """Every student against every opponent, from both seats, for ``seeds`` consecutive seeds."""
    todo = []
    for student in students:
        for opponent in opponents:
            for seed in range(first_seed, first_seed + seeds):
                todo += [Match(student, opponent, seed), Match(opponent, student, seed)]
    return todo


@attrs.frozen
class Study:
    scenario: Scenario
    seeds: int
    results: tuple[GameResult, ...]
    students: tuple[str, ...] = tuple(STUDENTS)
    opponents: tuple[str, ...] = tuple(STRATEGIES)

    def seats(self, player: str, opponent: str | None = None) -> list[Seat]:
        """Every game ``player`` (a student) played, against ``opponent`` or any opponent."""
        out = []
        for r in self.results:
            for side, name, other in ((Side.WASHINGTON, r.washington, r.moscow), (Side.MOSCOW, r.moscow, r.washington)):
                if name == player and other in self.opponents and (opponent is None or other == opponent):
                    out.append(Seat(player, other, side, r))
        return out

    def surplus(self, player: str, opponent: str | None = None) -> float:
        """Mean surplus over the walk-away of ``player`` against ``opponent`` (or every opponent alike)."""
        if opponent is None:
            return round(fmean(self.surplus(player, o) for o in self.opponents), 1)
        return round(fmean(seat.surplus for seat in self.seats(player, opponent)), 1)

    def top_tier_share(self, player: str) -> tuple[str, float]:
        """The outcome tier ``player`` met most often, and its share of that player's games."""
        counts = Counter(seat.result.outcome for seat in self.seats(player))
        tier, count = counts.most_common(1)[0]
        return tier, count / sum(counts.values())

    def above_walk_away(self, side: Side) -> float:
        """The share of every game in the study in which ``side`` ended above its walk-away value."""
        return fmean(1.0 if r.surplus_of(side) > 0 else 0.0 for r in self.results)

    def opponents_below(self) -> list[Seat]:
        """Games in which a computer opponent ended below its walk-away in an agreement it had accepted
        (collapses aside, where both sides pay the penalty whatever they agreed)."""
        out = []
        for r in self.results:
            for index, side in enumerate(SIDES):
                name = (r.washington, r.moscow)[index]
                if (name in self.opponents and r.ended != "collapse" and r.agreement and r.accepted[index]
                        and r.surplus_of(side) < 0):
                    out.append(Seat(name, (r.moscow, r.washington)[index], side, r))
        return out

    def problems(self) -> list[str]:
        """Which of the checks fail (empty when the game rewards good negotiation with varied outcomes)."""
        return self.reward_problems() + self.tier_problems()

    def tier_problems(self) -> list[str]:
        """Player types whose games end in one outcome tier too often."""
        found = []
        for player in self.students:
            tier, share = self.top_tier_share(player)
            if share > MAX_TIER_SHARE:
                found.append(f"{player} ends in tier {tier!r} in {share:.0%} of its games (at most {MAX_TIER_SHARE:.0%})")
        return found

    def reward_problems(self) -> list[str]:
        """Where the game fails to reward what a negotiation course teaches, or an opponent can be gamed."""
        found = []
        half = len(self.opponents) / 2
        for good in ("grit-student", "logroll"):
            for bad in ("free-rider", "ultimatum", "deadline"):
                wins = sum(1 for o in self.opponents if self.surplus(good, o) > self.surplus(bad, o))
                if wins <= half:
                    found.append(f"{good} beats {bad} against only {wins} of {len(self.opponents)} opponents")
        best_good = max(THOUGHTFUL, key=self.surplus)
        for bad in SIMPLE:
            if self.surplus(bad) > self.surplus(best_good):
                found.append(f"{bad} ({self.surplus(bad):+.1f}) beats the best thoughtful line, "
                             f"{best_good} ({self.surplus(best_good):+.1f})")
        for o in self.opponents:
            best = max(self.students, key=lambda s: self.surplus(s, o))
            if best == "always-accept":
                found.append(f"accepting everything pays best against {o}")
        gap = 100 * abs(self.above_walk_away(Side.WASHINGTON) - self.above_walk_away(Side.MOSCOW))
        if gap > MAX_SIDE_GAP:
            found.append(f"Washington ends above its walk-away in {self.above_walk_away(Side.WASHINGTON):.0%} of "
                         f"games, Moscow in {self.above_walk_away(Side.MOSCOW):.0%} (at most {MAX_SIDE_GAP:.0f} "
                         "points apart)")
        below = self.opponents_below()
        if below:
            names = sorted({seat.player for seat in below})
            found.append(f"a computer opponent accepted an agreement that left it below its walk-away in "
                         f"{len(below)} game(s) ({', '.join(names)})")
        return found

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario.id,
            "seeds": self.seeds,
            "games": len(self.results),
            "surplus": {s: {o: self.surplus(s, o) for o in self.opponents} | {"mean": self.surplus(s)}
                        for s in self.students},
            "top_tier": {s: {"tier": t, "share": round(share, 3)}
                         for s in self.students for t, share in [self.top_tier_share(s)]},
            "above_walk_away": {side.value: round(self.above_walk_away(side), 3) for side in SIDES},
            "problems": self.problems(),
        }


def run_study(scenario: Scenario, seeds: int, first_seed: int = 1, jobs: int = 1, ray: bool = False,
              ray_address: str | None = None) -> Study:
    """Play every student against every computer opponent on ``scenario``; the same results however run."""
    todo = study_matches(seeds, first_seed)
    results = run_ray(scenario, todo, ray_address) if ray else run_local(scenario, todo, jobs)
    return Study(scenario, seeds, tuple(results))
