"""Round-robin tournaments of the computer opponents, and the balance checks on their results."""

from __future__ import annotations

from collections import Counter
from itertools import product

import attrs

from tabletop.batch.runners import GameResult, Match, run_local, run_ray
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.opponents import STRATEGIES

MAX_TIER_SHARE = 0.70
MIN_TIERS = 3


@attrs.frozen
class Tournament:
    """Every ordered pair of strategies on one scenario over a run of seeds."""

    scenario: Scenario
    seeds: int
    results: tuple[GameResult, ...]

    def tier_counts(self) -> dict[str, int]:
        counts = Counter(r.outcome for r in self.results)
        return {tier.id: counts.get(tier.id, 0) for tier in self.scenario.outcomes}

    def mean_score(self, strategy: str, side: Side) -> float:
        index = 0 if side is Side.WASHINGTON else 1
        scores = [r.scores[index] for r in self.results if (r.washington, r.moscow)[index] == strategy]
        return round(sum(scores) / len(scores), 2) if scores else 0.0

    def mean_against(self, strategy: str, opponent: str) -> float:
        """Mean score of ``strategy`` against ``opponent``, over both sides."""
        scores = [r.scores[0] for r in self.results if r.washington == strategy and r.moscow == opponent]
        scores += [r.scores[1] for r in self.results if r.moscow == strategy and r.washington == opponent]
        return sum(scores) / len(scores) if scores else 0.0

    def dominant(self) -> str | None:
        """A strategy that scores best against every other one, if there is one."""
        names = sorted({r.washington for r in self.results} | {r.moscow for r in self.results})
        for strategy in names:
            if all(
                self.mean_against(strategy, opponent) > max(self.mean_against(other, opponent)
                                                            for other in names if other != strategy)
                for opponent in names if opponent != strategy
            ):
                return strategy
        return None

    def balance_problems(self) -> list[str]:
        """What breaks the balance rules (empty when the scenario is balanced)."""
        problems = []
        counts = self.tier_counts()
        total = sum(counts.values()) or 1
        for tier_id, count in counts.items():
            if count / total > MAX_TIER_SHARE:
                problems.append(f"tier {tier_id!r} in {100 * count / total:.0f}% of games (at most {MAX_TIER_SHARE:.0%})")
        occurring = sum(1 for c in counts.values() if c)
        if occurring < MIN_TIERS:
            problems.append(f"only {occurring} tier(s) occur (at least {MIN_TIERS})")
        dominant = self.dominant()
        if dominant:
            problems.append(f"{dominant} scores best against every other opponent")
        return problems

    def to_dict(self) -> dict:
        total = len(self.results) or 1
        return {
            "scenario": self.scenario.id,
            "seeds": self.seeds,
            "games": len(self.results),
            "outcomes": {k: {"games": v, "share": round(v / total, 3)} for k, v in self.tier_counts().items()},
            "mean_scores": {
                name: {side.value: self.mean_score(name, side) for side in SIDES} for name in STRATEGIES
            },
            "balance_problems": self.balance_problems(),
        }


def matches(strategies: tuple[str, ...], seeds: int, first_seed: int = 1) -> list[Match]:
    """Every ordered pair of ``strategies`` for ``seeds`` consecutive seeds, in a fixed order."""
    return [Match(washington, moscow, seed) for washington, moscow in product(strategies, repeat=2)
            for seed in range(first_seed, first_seed + seeds)]


def run_tournament(scenario: Scenario, seeds: int, first_seed: int = 1,
                   strategies: tuple[str, ...] = tuple(STRATEGIES), jobs: int = 1,
                   ray: bool = False, ray_address: str | None = None) -> Tournament:
    """Play every ordered pair of ``strategies`` on ``scenario`` for ``seeds`` consecutive seeds.

    ``jobs`` worker processes (0: every core), or a Ray cluster when ``ray`` is set: the results are
    the same, in the same order, however they are run.
    """
    todo = matches(strategies, seeds, first_seed)
    results = run_ray(scenario, todo, ray_address) if ray else run_local(scenario, todo, jobs)
    return Tournament(scenario, seeds, tuple(results))
