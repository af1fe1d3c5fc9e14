"""The shipped library: every scenario validates cleanly, plays to an end, and is balanced."""

from __future__ import annotations

import pytest

from tabletop.batch.tournament import MAX_TIER_SHARE, MIN_TIERS, run_tournament
from tabletop.engine.autoplay import simulate
from tabletop.engine.consistency import check_consistency
from tabletop.engine.opponents import STRATEGIES
from tabletop.scenarios.library import load_path, shipped

IDS = ["autumn-2025", "freeze", "istanbul-2025-02", "istanbul-2025-04", "new-start-2026", "tutorial"]
SCENARIOS = {item.id: load_path(item.path) for item in shipped()}


def test_the_six_scenarios_are_shipped():
    assert sorted(SCENARIOS) == IDS


@pytest.mark.parametrize("scenario_id", IDS)
def test_each_scenario_validates_without_warnings(scenario_id):
    scenario = SCENARIOS[scenario_id]
    assert check_consistency(scenario) == []
    assert 5 <= len(scenario.irritants) <= 10 or scenario_id == "tutorial"
    if scenario_id == "tutorial":
        assert len(scenario.irritants) == 3 and scenario.rounds == 6
    assert scenario.objectives and scenario.debrief_questions and scenario.outcomes[-1].when.is_empty
    assert {a.id for a in scenario.audiences} == {"europe", "china"}
    if scenario_id != "tutorial":
        kinds = {inject.kind.value for inject in scenario.injects}
        assert {"scheduled", "conditional", "random", "contingency"} <= kinds


def test_freeze_is_labelled_hypothetical():
    assert SCENARIOS["freeze"].hypothetical
    assert "hypothetical" in (SCENARIOS["freeze"].title + SCENARIOS["freeze"].setting).lower()


@pytest.mark.parametrize("scenario_id", IDS)
def test_every_pair_of_opponents_plays_to_an_end(scenario_id):
    scenario = SCENARIOS[scenario_id]
    tiers = {tier.id for tier in scenario.outcomes}
    for washington in STRATEGIES:
        for moscow in STRATEGIES:
            game = simulate(scenario, washington, moscow, 1)
            assert game.is_over and game.state.outcome in tiers
            assert all(0 <= s <= 100 for s in game.final_scores().values())


@pytest.mark.parametrize("scenario_id", IDS)
def test_balance_holds_on_a_few_seeds(scenario_id):
    tournament = run_tournament(SCENARIOS[scenario_id], seeds=4)
    counts = tournament.tier_counts()
    total = sum(counts.values())
    assert max(counts.values()) / total <= MAX_TIER_SHARE, counts
    assert sum(1 for c in counts.values() if c) >= MIN_TIERS, counts
    assert tournament.dominant() is None
