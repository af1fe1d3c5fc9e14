"""The shipped library: every scenario validates cleanly, plays to an end, and is balanced."""

from __future__ import annotations

import pytest

from tabletop.batch.tournament import MAX_TIER_SHARE, MIN_TIERS, run_tournament
from tabletop.engine.autoplay import simulate
from tabletop.engine.consistency import check_consistency
from tabletop.engine.model import EndReason
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
    assert 5 <= len(scenario.irritants) <= 10
    if scenario_id == "tutorial":
        # Three irritants (visas for banking, and flights) plus each side's cheap gesture (issue 10).
        assert len(scenario.irritants) == 5 and scenario.rounds == 6
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


@pytest.mark.parametrize("scenario_id", IDS)
def test_each_side_has_a_cheap_gesture_that_is_not_the_other_sides_top_priority(scenario_id):
    """Issue 10: GRIT can be played in every shipped scenario, the tutorial included."""
    from tabletop.engine.gestures import CHEAP, cheap_gestures, top_priorities
    from tabletop.engine.model import SIDES

    scenario = SCENARIOS[scenario_id]
    for side in SIDES:
        gestures = cheap_gestures(scenario, side)
        assert gestures, side
        for gesture in gestures:
            assert gesture.irritant.mover.value == side.value
            assert gesture.irritant.id not in top_priorities(scenario, side.other)
            assert gesture.cost <= CHEAP and gesture.worth > gesture.cost


@pytest.mark.parametrize("element, scenario_ids", [
    ("sanctions relief linked to the embassies", ["istanbul-2025-04", "summer-2025"]),
    ("the invitation to a summit", ["istanbul-2025-02", "summer-2025", "autumn-2025"]),
    ("the treaty's expiry", ["autumn-2025", "new-start-2026"]),
    ("the slow fade", ["summer-2025", "autumn-2025"]),
    ("the oscillating public tone", ["istanbul-2025-02", "summer-2025", "autumn-2025"]),
    ("a message to Europe or China", IDS),
])
def test_the_seeds_story_is_playable_in_at_least_two_scenarios(element, scenario_ids):
    """Issue 14: each element of the seed's story is a real choice in two scenarios or more."""
    for scenario_id in scenario_ids:
        scenario = SCENARIOS[scenario_id]
        ids = {irritant.id for irritant in scenario.irritants}
        if element.startswith("sanctions"):
            relief = [i for i in scenario.irritants if i.id in ("aeroflot", "agri-bank")]
            assert relief and all(i.mover.value == "washington" for i in relief)
            assert ids & {"local-hires", "banking", "properties"}
        elif element.startswith("the invitation"):
            assert "summit" in ids and scenario.irritant("summit").mover.value == "both"
        elif element.startswith("the treaty"):
            assert ids & {"limits", "one-year-offer"}
        elif element.startswith("the oscillating"):
            moves = [value for inject in scenario.injects
                     for effects in (inject.effects, inject.respond, inject.absorb) if effects
                     for value in effects.tone.values()]
            assert any(v > 0 for v in moves) or scenario_id == "istanbul-2025-02"
            assert any(v < 0 for v in moves)
        elif element.startswith("a message"):
            assert {audience.id for audience in scenario.audiences} == {"europe", "china"}
        else:
            assert any(EndReason.LAPSE in tier.when.ended_by for tier in scenario.outcomes)
            assert scenario.rules.lapse_after < scenario.rounds
    assert len(scenario_ids) >= 2
