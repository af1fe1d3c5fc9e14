"""Rules version 2: the walk-away value is what no agreement pays; ratification; the slow fade; tone from play."""

from __future__ import annotations

import pytest
from enginekit import M, W, close_round, deal_through, lab, lab_text, offer, state_both, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import EndReason, Posture
from tabletop.engine.options import options
from tabletop.engine.scenario import ScenarioError, parse_scenario


def play_out_passing(game: Game) -> Game:
    while not game.is_over:
        close_round(game)
    return game


# --- a true walk-away ---------------------------------------------------------------


def test_with_no_agreement_each_side_scores_exactly_its_walk_away():
    scenario = lab()
    game = play_out_passing(Game(scenario, 1))
    assert game.state.ended is EndReason.DEADLINE and not game.state.agreement_stands
    assert game.final_scores() == {W: 50.0, M: 40.0}  # the briefs' walk-away values, not the opening board


def test_gestures_alone_are_not_an_agreement():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Gesture(W, "visas", 2))
    play_out_passing(game)
    assert game.final_scores() == {W: 50.0, M: 40.0}


def test_with_an_agreement_standing_the_board_is_scored():
    game = Game(lab(), 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    play_out_passing(game)
    assert game.state.agreement_stands
    assert game.final_scores() == {W: game.score(W), M: game.score(M)}


ALTERNATIVE_INJECT = """
[[injects]]
id = "beijing"
title = "Beijing courts Moscow"
text = "A long-term energy deal is signed in Beijing."
kind = "scheduled"
round = 2
target = "moscow"
expected_action = "Weigh it."
objective = "obj"
effects = { alternative = { moscow = 12 }, tone = { moscow = -0.5 } }
"""


def test_an_inject_moves_a_sides_outside_option_and_no_deal_then_pays_the_new_value():
    game = Game(lab(ALTERNATIVE_INJECT, tone_min=-1.0, tone_max=1.0), 1)
    close_round(game)
    assert game.state.alternative_of(M) == 52.0 and game.state.alternative_of(W) == 50.0
    assert any(e.kind is EventKind.TONE and e.side is M for _, e in game.events)  # a headline: Moscow hardens
    play_out_passing(game)
    assert game.final_scores()[M] == 52.0


def test_a_collapse_costs_the_penalty_below_the_outside_option():
    game = Game(lab(trust=3), 1)
    game.apply(act.Statement(W, Posture.HARDLINE))
    game.apply(act.Statement(M, Posture.HARDLINE))
    assert game.state.ended is EndReason.COLLAPSE and game.state.walked_out is None
    assert game.final_scores() == {W: 40.0, M: 30.0}  # walk-away less collapse_penalty (10)


# --- ratification ---------------------------------------------------------------------


def test_a_package_that_would_sink_a_sides_standing_below_the_bar_is_not_ratified():
    scenario = lab(standing=22)  # the bar is 20; Moscow's home cost for banking takes it below
    game = Game(scenario, 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", 2))))  # Moscow's home cost: 5 standing, from 22 to 17
    seat = options(game, M)
    with pytest.raises(IllegalAction, match="would not ratify"):
        game.apply(act.Accept(M))
    assert "would not ratify" in seat.accept_refusal or not seat.may_accept


def test_a_side_may_not_propose_what_its_own_capital_would_not_ratify():
    game = Game(lab(standing=22), 1)
    to_negotiation(game)
    game.apply(act.Pass(W))
    with pytest.raises(IllegalAction, match="Moscow's capital would not ratify"):
        game.apply(act.Propose(M, offer(("banking", 2))))


# --- back into silence ---------------------------------------------------------------


def test_talks_without_progress_lose_a_round_then_lapse_quietly():
    scenario = lab(rounds=8, lapse_after=2)
    game = Game(scenario, 1)
    close_round(game)
    close_round(game)  # two rounds without progress: round 3 is cancelled
    assert game.state.round == 4 and game.state.cancelled_round == 3
    assert any(e.kind is EventKind.LAPSE and "cancelled" in e.text for _, e in game.events)
    close_round(game)  # nothing again: the talks lapse
    assert game.is_over and game.state.ended is EndReason.LAPSE
    assert game.final_scores() == {W: 50.0, M: 40.0}


def test_a_gesture_keeps_the_channel_warm():
    game = Game(lab(rounds=8, lapse_after=2), 1)
    close_round(game)
    to_negotiation(game)
    assert game.awaiting() == (M,)
    game.apply(act.Gesture(M, "banking", 2))
    close_round(game)
    close_round(game)
    assert not game.is_over and game.state.cancelled_round == 0


# --- tone from play ---------------------------------------------------------------------


def test_a_hardline_statement_hardens_that_capitals_tone_and_makes_a_headline():
    game = Game(lab(tone_min=-1.0, tone_max=1.0), 1)
    for _ in range(2):
        state_both(game, Posture.HARDLINE, Posture.NEUTRAL)
        close_round(game)
    assert game.state.tone_of(W) <= -0.5 < game.state.tone_of(M)
    headlines = [e for _, e in game.events if e.kind is EventKind.TONE]
    assert headlines and all(e.side is W for e in headlines)
    assert "Washington's tone hardens" in headlines[0].text


def test_the_tone_is_the_same_for_the_same_seed_and_moves():
    one, two = Game(lab(tone_min=-1.0, tone_max=1.0, tone_drift=0.4), 9), Game(lab(tone_min=-1.0, tone_max=1.0,
                                                                                    tone_drift=0.4), 9)
    for game in (one, two):
        play_out_passing(game)
    assert one.state.tone == two.state.tone and one.fingerprint() == two.fingerprint()


# --- forced choices carry their own labels ---------------------------------------------------


def test_a_forced_choice_needs_its_own_labels():
    text = lab_text("""
[[injects]]
id = "ask"
title = "A request"
text = "They ask."
kind = "scheduled"
round = 1
target = "moscow"
expected_action = "Answer."
objective = "obj"
respond = { trust = 1 }
absorb = { trust = -1 }
""")
    with pytest.raises(ScenarioError) as error:
        parse_scenario(text, "x.toml")
    keys = [p.key for p in error.value.problems]
    assert keys == ["injects.ask.respond_label", "injects.ask.absorb_label"]
