"""The shipped library: every scenario validates cleanly, plays to an end, and is balanced."""

from __future__ import annotations

import pytest

from tabletop.batch.tournament import MAX_TIER_SHARE, MIN_TIERS, run_tournament
from tabletop.engine.autoplay import simulate
from tabletop.engine.consistency import check_consistency
from tabletop.engine.opponents import STRATEGIES
from tabletop.scenarios.library import load_path, shipped

IDS = ["autumn-2025", "freeze", "istanbul-2025-02", "istanbul-2025-04", "new-start-2026", "summer-2025", "tutorial"]
SCENARIOS = {item.id: load_path(item.path) for item in shipped()}


def test_the_seven_scenarios_are_shipped():
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


@pytest.mark.parametrize("scenario_id", ["freeze", "tutorial"])
def test_invented_scenarios_are_labelled_hypothetical_where_players_read_them(scenario_id):
    scenario = SCENARIOS[scenario_id]
    assert scenario.hypothetical
    assert "hypothetical" in scenario.setting.lower() and "hypothetical" in scenario.date.lower()


@pytest.mark.parametrize("scenario_id", IDS)
def test_every_factual_text_names_a_source_and_every_source_is_used(scenario_id):
    from tabletop.engine.provenance import check_provenance, factual_texts

    scenario = SCENARIOS[scenario_id]
    assert check_provenance(scenario) == []
    cited = {source for _, _, sources, _ in factual_texts(scenario) for source in sources}
    assert cited == {source.id for source in scenario.sources}, "a [[sources]] entry no text cites"
    for source in scenario.sources:
        assert source.outlet and source.title and source.date[:2] in ("19", "20")


def test_the_corrected_facts_stay_corrected():
    """Errors found by an instructor (issue 14): they must not creep back in."""
    feb = SCENARIOS["istanbul-2025-02"]
    assert "Neither capital has an ambassador" not in feb.setting + feb.irritant("ambassadors").description
    assert "no ambassador in Washington" in " ".join(feb.setting.split())
    start = SCENARIOS["new-start-2026"]
    texts = " ".join([start.setting, start.irritant("limits").description, *start.debrief_questions, start.aftermath])
    assert "700 deployed launchers" not in texts and "unanswered for four months" not in texts
    assert "700 deployed ICBMs, SLBMs and heavy bombers" in " ".join(texts.split())
    assert "good idea" in start.setting


def test_the_summer_of_2025_ends_in_the_fade():
    summer = SCENARIOS["summer-2025"]
    assert "faded" in summer.aftermath
    fade = next(tier for tier in summer.outcomes if tier.id == "into-silence")
    assert "really happened" in fade.description
    titles = {inject.id: inject for inject in summer.injects}
    assert titles["round-cancelled"].round == 1 and titles["anchorage"].kind.value == "scheduled"
    assert titles["invitation-stands"].forces_choice


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
