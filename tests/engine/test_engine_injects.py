"""Injects (scheduled, conditional, random, contingency, forced choices, by hand) and audiences."""

from __future__ import annotations

import attrs
import pytest
from enginekit import M, W, classic, close_round, deal_through, lab, offer, play_to_round, state_both, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Effects, Posture, Response
from tabletop.engine.state import Phase


def inject(id_: str, kind: str, fields: str, target: str = "both") -> str:
    return f"""
[[injects]]
id = "{id_}"
title = "Inject {id_}"
text = "Something happens ({id_})."
kind = "{kind}"
target = "{target}"
expected_action = "Keep calm."
objective = "obj"
{fields}
"""


def fired(game: Game) -> dict[str, int]:
    return {f.inject: f.round for f in game.state.fired}


# --- scheduled -----------------------------------------------------------------------


def test_a_scheduled_inject_fires_at_the_start_of_its_round():
    scenario = lab(inject("leak", "scheduled", "round = 3\neffects = { trust = -7, tension = 1 }"))
    game = Game(scenario, 1)
    play_to_round(game, 2)
    assert "leak" not in fired(game)
    state_both(game)
    game.apply(act.Pass(game.state.to_move))
    before = game.state
    events = game.apply(act.Pass(game.state.to_move))  # closes round 2, opens round 3
    assert game.state.round == 3
    assert fired(game) == {"leak": 3}
    assert game.state.trust == before.trust - 7
    assert game.state.tension == before.tension + 1
    assert any(e.kind == "inject" and "Inject leak" in e.text for e in events)
    close_round(game)
    assert fired(game) == {"leak": 3}, "an inject fires once"


def test_a_scheduled_inject_for_round_one_is_there_from_the_start():
    scenario = lab(inject("opening", "scheduled", "round = 1\neffects = { trust = -10 }"))
    game = Game(scenario, 1)
    assert fired(game) == {"opening": 1}
    assert game.state.trust == scenario.meters.trust - 10


# --- conditional -----------------------------------------------------------------------


CONDITIONAL = inject("alarm", "conditional", "when = { trust_below = 45 }\neffects = { tension = 1 }")


def test_a_conditional_inject_fires_when_its_condition_holds():
    scenario = lab(CONDITIONAL, trust=50)
    game = Game(scenario, 1)
    to_negotiation(game)
    game.apply(act.Retaliate(W, "visas", 0))  # trust 50 -> 44, below 45
    assert "alarm" not in fired(game), "conditions are checked when a round opens"
    tension = game.state.tension
    close_round(game)
    assert fired(game) == {"alarm": 2}
    assert game.state.tension == tension + 1


def test_a_conditional_inject_does_not_fire_while_its_condition_fails():
    game = Game(lab(CONDITIONAL, trust=50), 1)
    while not game.is_over:
        close_round(game)
    assert "alarm" not in fired(game)


def test_a_conditional_inject_on_a_rung_fires_once_the_rung_is_reached():
    scenario = lab(inject("flights-back", "conditional",
                          "when = { rungs_at_least = { flights = 1 } }\neffects = { trust = 3 }"))
    game = Game(scenario, 1)
    close_round(game)
    assert not fired(game)
    state_both(game)
    game.apply(act.Pass(M))
    deal_through(game, W, offer(("flights", 1)))
    assert fired(game) == {"flights-back": 3}


# --- random ---------------------------------------------------------------------------


def random_inject(probability: float) -> str:
    return inject("storm", "random", f"probability = {probability}\nfrom_round = 1\nto_round = 1\n"
                                     "effects = { trust = -1 }")


def test_a_random_inject_fires_by_its_probability_and_the_seed():
    scenario = lab(random_inject(0.3))
    hits = [("storm" in fired(Game(scenario, seed))) for seed in range(300)]
    assert 0.2 < sum(hits) / len(hits) < 0.4
    for seed in range(20):
        assert ("storm" in fired(Game(scenario, seed))) == hits[seed], "the same seed gives the same roll"


@pytest.mark.parametrize(("probability", "expected"), [(0.0, False), (1.0, True)])
def test_a_random_inject_with_a_certain_probability(probability, expected):
    scenario = lab(random_inject(probability))
    assert all(("storm" in fired(Game(scenario, seed))) is expected for seed in range(30))


def test_a_random_inject_rolls_only_within_its_window():
    scenario = lab(inject("storm", "random", "probability = 1.0\nfrom_round = 3\nto_round = 4"))
    game = Game(scenario, 5)
    play_to_round(game, 2)
    assert not fired(game)
    play_to_round(game, 3)
    assert fired(game) == {"storm": 3}


# --- forced choices and contingencies ---------------------------------------------------


ULTIMATUM = inject("ultimatum", "scheduled", """round = 1
respond = { trust = 4 }
absorb = { standing = { moscow = -6 } }
respond_label = 'Answer it'
absorb_label = 'Let it pass'""", target="moscow")
FOLLOW_UP = inject("follow-up", "contingency", 'follows = "ultimatum"\nafter_rounds = 1\neffects = { tension = 1 }')


def test_a_forced_choice_blocks_the_game_until_its_target_answers():
    scenario = lab(ULTIMATUM)
    game = Game(scenario, 1)
    assert game.state.phase is Phase.INJECT_RESPONSE
    assert game.awaiting() == (M,)
    assert game.legal_kinds(W) == ["walk_out"]
    for action in (act.Statement(W, Posture.NEUTRAL), act.Statement(M, Posture.NEUTRAL),
                   act.RespondInject(W, "ultimatum", Response.RESPOND), act.Pass(W)):
        before = game.state
        with pytest.raises(IllegalAction):
            game.apply(action)
        assert game.state is before
    game.apply(act.RespondInject(M, "ultimatum", Response.RESPOND))
    assert game.state.phase is Phase.STATEMENTS
    assert game.state.trust == scenario.meters.trust + 4


def test_absorbing_applies_the_absorb_effects():
    scenario = lab(ULTIMATUM)
    game = Game(scenario, 1)
    game.apply(act.RespondInject(M, "ultimatum", Response.ABSORB))
    assert game.state.trust == scenario.meters.trust
    assert game.state.standing_of(M) == scenario.meters.standing[1] - 6


@pytest.mark.parametrize(("response", "follows"), [(Response.RESPOND, False), (Response.ABSORB, True)])
def test_a_contingency_fires_only_when_the_expected_action_did_not_happen(response, follows):
    game = Game(lab(ULTIMATUM + FOLLOW_UP), 1)
    game.apply(act.RespondInject(M, "ultimatum", response))
    close_round(game)
    assert game.state.round == 2
    assert ("follow-up" in fired(game)) is follows
    play_to_round(game, 4)
    assert ("follow-up" in fired(game)) is follows


CHECKED = inject("ask", "scheduled", "round = 1\ncheck = { rungs_at_least = { banking = 2 } }") + \
    inject("reminder", "contingency", 'follows = "ask"\nafter_rounds = 2\neffects = { trust = -5 }')


def test_a_contingency_checks_the_parents_condition_after_its_delay():
    game = Game(lab(CHECKED), 1)
    play_to_round(game, 2)
    assert "reminder" not in fired(game), "not before its delay"
    play_to_round(game, 3)
    assert fired(game).get("reminder") == 3


def test_a_contingency_stays_silent_when_the_expected_action_happened():
    game = Game(lab(CHECKED), 1)
    to_negotiation(game)
    game.apply(act.Pass(W))
    game.apply(act.Gesture(M, "banking", 2))
    play_to_round(game, 4)
    assert "reminder" not in fired(game)


# --- the facilitator --------------------------------------------------------------------


LATE = inject("late", "scheduled", "round = 5\neffects = { trust = -4 }")
LATE_CHOICE = inject("crisis", "scheduled", """round = 6
respond = { trust = 2 }
absorb = { trust = -2 }
respond_label = 'Answer it'
absorb_label = 'Let it pass'""", target="washington")


def test_the_facilitator_fires_an_inject_by_hand_and_it_does_not_fire_again():
    scenario = lab(LATE)
    game = Game(scenario, 1)
    to_negotiation(game)
    assert "fire_inject" in game.legal_kinds(None)
    before = game.state
    game.apply(act.FireInject("late"))
    assert game.state.trust == before.trust - 4
    assert [(f.inject, f.by_hand) for f in game.state.fired] == [("late", True)]
    with pytest.raises(IllegalAction, match="already"):
        game.apply(act.FireInject("late"))
    with pytest.raises(IllegalAction, match="no inject"):
        game.apply(act.FireInject("nonexistent"))
    play_to_round(game, 6)
    assert len(game.state.fired) == 1


def test_a_forced_choice_fired_by_hand_mid_negotiation_blocks_then_resumes_it():
    scenario = lab(LATE_CHOICE)
    game = Game(scenario, 1)
    to_negotiation(game)
    package = offer(("banking", 2))
    game.apply(act.Propose(W, package))
    game.apply(act.FireInject("crisis"))
    assert game.state.phase is Phase.INJECT_RESPONSE and game.awaiting() == (W,)
    with pytest.raises(IllegalAction):
        game.apply(act.Accept(M))
    game.apply(act.RespondInject(W, "crisis", Response.ABSORB))
    assert game.state.phase is Phase.NEGOTIATION
    assert game.state.offer == package and game.awaiting() == (M,)
    game.apply(act.Accept(M))
    assert game.state.rung(scenario, "banking") == 2


def test_a_custom_inject_applies_its_effects():
    scenario = lab()
    game = Game(scenario, 1)
    before = game.state
    events = game.apply(act.CustomInject("Spy scandal", "An attache is expelled.",
                                         Effects(trust=-8, tension=1, standing={"moscow": 3}, rungs={"visas": -1})))
    assert game.state.trust == before.trust - 8
    assert game.state.tension == before.tension + 1
    assert game.state.standing_of(M) == before.standing_of(M) + 3
    assert game.state.rung(scenario, "visas") == before.rung(scenario, "visas") - 1
    assert any("Spy scandal" in e.text for e in events)
    assert game.state.phase is Phase.STATEMENTS, "a free-text inject does not skip the statements"


@pytest.mark.parametrize("bad", [
    act.CustomInject("  ", "no title", Effects(trust=-1)),
    act.CustomInject("Bad", "unknown irritant", Effects(rungs={"nowhere": 1})),
    act.CustomInject("Bad", "unknown side", Effects(standing={"paris": 1})),
])
def test_a_malformed_custom_inject_is_refused(bad):
    game = Game(lab(), 1)
    before = game.state
    with pytest.raises(IllegalAction):
        game.apply(bad)
    assert game.state is before and game.actions == []


def test_only_the_facilitator_fires_injects():
    game = Game(lab(LATE), 1)
    for side in (W, M):
        assert not {"fire_inject", "custom_inject"} & set(game.legal_kinds(side))
    assert {"fire_inject", "custom_inject"} <= set(game.legal_kinds(None))


def test_an_answer_that_collapses_the_talks_says_so_in_the_log():
    scenario = lab(inject("ultimatum", "scheduled", """round = 1
respond = { trust = -100 }
absorb = { trust = -1 }
respond_label = 'Answer it'
absorb_label = 'Let it pass'""", target="moscow"))
    game = Game(scenario, 1)
    events = game.apply(act.RespondInject(M, "ultimatum", Response.RESPOND))
    assert game.is_over and game.state.outcome == "collapse"
    assert any(e.kind == "collapse" for e in events)


# --- audiences ---------------------------------------------------------------------


AUDIENCE = """
[[audiences]]
id = "europe"
name = "Europe"
stance = "Uneasy."

[[audiences.reactions]]
on = "concession"
irritant = "flights"
text = "Europe asks why flights resume."
effects = { standing = { washington = -3 } }

[[audiences.reactions]]
on = "statement"
side = "moscow"
posture = "hardline"
text = "Europe is alarmed by Moscow's tone."
effects = { tension = 1 }

[[audiences.reactions]]
on = "retaliation"
text = "Europe calls for restraint."
inject = "restraint"

[[injects]]
id = "restraint"
title = "Calls for restraint"
text = "Capitals call for restraint."
kind = "conditional"
when = { round_at_least = 99 }
target = "both"
expected_action = "Calm down."
objective = "obj"
effects = { trust = -2 }
"""


def test_an_audience_reaction_lands_as_a_standing_effect():
    quiet, watched = lab(), lab(AUDIENCE.replace("round_at_least = 99", "round_at_least = 6"))
    results = []
    for scenario in (quiet, watched):
        game = Game(scenario, 1)
        to_negotiation(game)
        deal_through(game, W, offer(("flights", 1)))
        results.append(game.state)
    assert results[1].standing_of(W) == results[0].standing_of(W) - 3
    assert results[1].standing_of(M) == results[0].standing_of(M)


def test_an_audience_reacts_only_to_what_it_watches():
    quiet, watched = lab(), lab(AUDIENCE.replace("round_at_least = 99", "round_at_least = 6"))
    results = []
    for scenario in (quiet, watched):
        game = Game(scenario, 1)
        to_negotiation(game)
        deal_through(game, W, offer(("banking", 2)))
        results.append(game.state.standing)
    assert results[0] == results[1]


@pytest.mark.parametrize(("posture", "effect"), [(Posture.HARDLINE, 1), (Posture.NEUTRAL, 0)])
def test_an_audience_reacts_to_a_sides_posture(posture, effect):
    scenario = lab(AUDIENCE.replace("round_at_least = 99", "round_at_least = 6"))
    game = Game(scenario, 1)
    events = game.apply(act.Statement(W, Posture.HARDLINE))
    events = game.apply(act.Statement(M, posture))
    assert game.state.tension == scenario.meters.tension + effect
    assert any("alarmed" in e.text for e in events) is bool(effect)


def test_an_audience_reaction_can_fire_an_inject():
    scenario = lab(AUDIENCE.replace("round_at_least = 99", "round_at_least = 6"))
    game = Game(scenario, 1)
    to_negotiation(game)
    game.apply(act.Retaliate(W, "visas", 0))
    assert fired(game) == {"restraint": 1}


def test_an_audience_reacts_to_its_irritant_inside_a_larger_package():
    watched = classic()
    silent = attrs.evolve(watched, audiences=())
    standing = []
    for scenario in (silent, watched):
        game = Game(scenario, 1)
        game.apply(act.Statement(W, Posture.NEUTRAL))
        game.apply(act.Statement(M, Posture.NEUTRAL))
        deal_through(game, W, offer(("flights", 1), ("banking", 1)))
        standing.append(game.state.standing_of(W))
    assert standing[1] == standing[0] - 2
