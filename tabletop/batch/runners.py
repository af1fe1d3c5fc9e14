"""Where a batch of games is played: in this process, on every core of this machine, or on a Ray cluster.

A batch is a list of matches (who plays Washington, who plays Moscow, the
seed). Every game is deterministic for its scenario, seats and seed, so each
runner returns exactly the same results in the same order; only the wall time
differs. Matches are sent to workers in chunks, and the scenario travels once
per worker, not once per game.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.context
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

import attrs

from tabletop.engine.autoplay import simulate
from tabletop.engine.model import SIDES, Scenario, Side


@attrs.frozen
class Match:
    """One game to play: the strategy in each seat and the seed."""

    washington: str
    moscow: str
    seed: int


@attrs.frozen
class GameResult:
    """What a batch keeps of one finished game."""

    washington: str
    moscow: str
    seed: int
    outcome: str
    scores: tuple[float, float]
    agreement: bool = False
    """Whether an agreement stood at the end (at least one deal not wholly undone)."""
    walk_aways: tuple[float, float] = (0.0, 0.0)
    """Each side's walk-away value (its outside option) as play left it: what no agreement paid."""
    ended: str = ""
    """How the talks ended (an :class:`EndReason` value)."""
    accepted: tuple[bool, bool] = (False, False)
    """Whether each side accepted a package of the other side's that still stands at the end."""

    def score_of(self, side: Side) -> float:
        return self.scores[0 if side is Side.WASHINGTON else 1]

    def surplus_of(self, side: Side) -> float:
        """How far the side ended above (or below) what no agreement would have paid it."""
        index = 0 if side is Side.WASHINGTON else 1
        return round(self.scores[index] - self.walk_aways[index], 1)


class RunnerError(RuntimeError):
    """A batch could not be run where it was asked to run (Ray missing or unreachable)."""


def play(scenario: Scenario, match: Match) -> GameResult:
    """Play one match to the end."""
    game = simulate(scenario, match.washington, match.moscow, match.seed)
    state = game.state
    scores = game.final_scores()
    standing = [deal for deal in state.deals if len(deal.undone) < len(deal.offer.concessions)]
    accepted = tuple(any(deal.proposer is not side for deal in standing) for side in SIDES)
    return GameResult(match.washington, match.moscow, match.seed, state.outcome or "",
                      (scores[Side.WASHINGTON], scores[Side.MOSCOW]), bool(standing),
                      (round(state.alternative_of(Side.WASHINGTON), 1), round(state.alternative_of(Side.MOSCOW), 1)),
                      state.ended.value if state.ended else "", (accepted[0], accepted[1]))


def play_chunk(scenario: Scenario, matches: Sequence[Match]) -> list[GameResult]:
    return [play(scenario, match) for match in matches]


def chunks(matches: Sequence[Match], count: int) -> list[Sequence[Match]]:
    """``matches`` cut into at most ``count`` runs of consecutive matches, in order."""
    count = max(1, min(count, len(matches)))
    size = -(-len(matches) // count)
    return [matches[i:i + size] for i in range(0, len(matches), size)]


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_WORKER_SCENARIO: list[Scenario] = []


def _init_worker(scenario: Scenario) -> None:
    _WORKER_SCENARIO[:] = [scenario]


def _worker_chunk(matches: Sequence[Match]) -> list[GameResult]:
    return play_chunk(_WORKER_SCENARIO[0], matches)


def _start_method() -> multiprocessing.context.BaseContext:
    """Workers start from a fresh server process, never forked from this one: a process that already runs
    threads (an interface, a local Ray, a test runner's) can hold a lock at the moment of a fork, and the forked
    worker would wait on it for ever. ``spawn`` where there is no fork server (Windows, macOS's default)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_local(scenario: Scenario, matches: Sequence[Match], jobs: int = 1) -> list[GameResult]:
    """Play ``matches`` here: in this process (``jobs`` 1) or in ``jobs`` worker processes (0: every core)."""
    jobs = cores() if jobs == 0 else jobs
    if jobs <= 1 or len(matches) < 2:
        return play_chunk(scenario, matches)
    parts = chunks(matches, jobs * 4)  # several chunks per worker evens out slow and fast pairings
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_start_method(), initializer=_init_worker,
                             initargs=(scenario,)) as pool:
        return [result for part in pool.map(_worker_chunk, parts) for result in part]


def run_ray(scenario: Scenario, matches: Sequence[Match], address: str | None = None) -> list[GameResult]:
    """Play ``matches`` on a Ray cluster (``address``), or on a local Ray started for the purpose.

    Needs the optional extra: ``pip install 'tabletop[ray]'``.
    """
    try:
        import ray
    except ImportError:
        raise RunnerError("--ray needs Ray: pip install 'tabletop[ray]'") from None
    started_here = not ray.is_initialized()
    if started_here:
        try:
            ray.init(address=address or None, include_dashboard=False, logging_level=logging.ERROR,
                     log_to_driver=False, configure_logging=False)
        except (ConnectionError, RuntimeError, ValueError) as error:
            raise RunnerError(f"cannot reach a Ray cluster at {address or 'a new local Ray'}: "
                              f"{' '.join(str(error).split())[:200]}") from None
    try:
        remote = ray.remote(play_chunk)
        scenario_ref = ray.put(scenario)
        workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        futures = [remote.remote(scenario_ref, list(part)) for part in chunks(matches, workers * 4)]
        return [result for part in ray.get(futures) for result in part]
    finally:
        if started_here:
            ray.shutdown()
