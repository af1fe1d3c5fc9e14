"""A round's rhythm: secret statements revealed together, the initiative, tone drift, the clock."""

from __future__ import annotations

import itertools

import pytest
from enginekit import M, W, close_round, lab, play_to_round, state_both

from tabletop.engine import actions as act
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import EndReason, Posture, Response
from tabletop.engine.opponents import PlayerView
from tabletop.engine.rounds import BOTH_CONCILIATORY_BONUS, POSTURE_STANDING, POSTURE_TRUST
from tabletop.engine.state import Concession, Offer, Phase

POSTURES = list(Posture)


@pytest.mark.parametrize(("w", "m"), list(itertools.product(POSTURES, POSTURES)))
def test_statements_are_revealed_together_with_their_trust_and_standing_effects(w, m):
    game = Game(lab(), 1)
    before = game.state
    game.apply(act.Statement(W, w))
    # Chosen but secret: nothing visible has changed yet.
    assert game.state.postures == (None, None)
    assert (game.state.trust, game.state.standing) == (before.trust, before.standing)
    assert game.state.phase is Phase.STATEMENTS and game.awaiting() == (M,)
    events = game.apply(act.Statement(M, m))
    assert game.state.postures == (w, m)
    bonus = BOTH_CONCILIATORY_BONUS if w is m is Posture.CONCILIATORY else 0
    assert game.state.trust == before.trust + POSTURE_TRUST[w] + POSTURE_TRUST[m] + bonus
    assert game.state.standing_of(W) == before.standing_of(W) + POSTURE_STANDING[w]
    assert game.state.standing_of(M) == before.standing_of(M) + POSTURE_STANDING[m]
    reveal = " ".join(e.text for e in events if e.kind == "statement")
    assert w.value in reveal and m.value in reveal
    assert game.state.phase is Phase.NEGOTIATION


def test_a_statement_is_secret_until_the_other_side_has_chosen():
    game = Game(lab(), 1)
    events = game.apply(act.Statement(W, Posture.HARDLINE))
    text = " ".join(e.text for e in events).lower()
    assert "hardline" not in text, "the first statement's posture leaked into the log"
    assert PlayerView(game, M).their_last_posture is None
    with pytest.raises(IllegalAction, match="already"):
        game.apply(act.Statement(W, Posture.CONCILIATORY))
    assert game.state.statements[0] is Posture.HARDLINE


def test_the_order_of_the_statements_does_not_matter():
    one, two = Game(lab(), 1), Game(lab(), 1)
    one.apply(act.Statement(W, Posture.HARDLINE))
    one.apply(act.Statement(M, Posture.CONCILIATORY))
    two.apply(act.Statement(M, Posture.CONCILIATORY))
    two.apply(act.Statement(W, Posture.HARDLINE))
    assert one.fingerprint() == two.fingerprint()


@pytest.mark.parametrize("first", [W, M])
def test_the_initiative_alternates_by_round(first):
    scenario = lab(first=first.value, rounds=6)
    game = Game(scenario, 1)
    seen = []
    while not game.is_over:
        state_both(game)
        seen.append(game.state.to_move)
        assert game.state.initiative is game.state.to_move
        close_round(game)
    assert seen == [first if n % 2 == 0 else first.other for n in range(scenario.rounds)]


@pytest.mark.parametrize(("low", "high", "drift"), [(-0.2, 0.3, 1.0), (-1.0, 1.0, 2.0), (0.1, 0.4, 0.5),
                                                    (-0.6, -0.6, 0.9), (-0.5, 0.5, 0.0)])
@pytest.mark.parametrize("seed", range(5))
def test_tone_drifts_but_stays_within_the_scenario_bounds(low, high, drift, seed):
    game = Game(lab(tone_min=low, tone_max=high, tone_drift=drift, rounds=8), seed)
    tones = []
    while not game.is_over:
        tones.append(game.state.tone)
        close_round(game)
    for pair in tones:
        for tone in pair:
            assert low <= tone <= high
    if drift == 0:
        assert len(set(tones)) == 1


def test_tone_actually_drifts_with_a_drift_setting():
    changes = 0
    for seed in range(5):
        game = Game(lab(tone_min=-1.0, tone_max=1.0, tone_drift=0.5, rounds=8), seed)
        tones = []
        while not game.is_over:
            tones.append(game.state.tone)
            close_round(game)
        changes += len(set(tones)) - 1
    assert changes >= 10


def test_tone_stays_within_bounds_written_with_three_decimals():
    game = Game(lab(tone_min=0.555, tone_max=0.555, tone_drift=0.3), 1)
    assert all(0.555 - 1e-9 <= tone <= 0.555 + 1e-9 for tone in game.state.tone)


def test_the_deadline_ends_the_game_after_the_last_round():
    scenario = lab(rounds=4)
    game = Game(scenario, 1)
    play_to_round(game, scenario.rounds)
    assert not game.is_over
    close_round(game)
    assert game.is_over
    assert game.state.ended is EndReason.DEADLINE
    assert game.state.round == scenario.rounds
    assert game.state.outcome == "none"
    assert game.awaiting() == ()
    with pytest.raises(IllegalAction, match="over"):
        game.apply(act.Statement(W, Posture.NEUTRAL))


@pytest.mark.parametrize(("action", "words"), [
    (act.Propose(W, Offer((Concession("visas", 2),))), "not allowed in the statements phase"),
    (act.Pass(W), "not allowed in the statements phase"),
    (act.AgreeConclude(M), "not allowed in the statements phase"),
    (act.RespondInject(M, "nothing", Response.RESPOND), "not allowed in the statements phase"),
])
def test_an_action_out_of_its_phase_is_refused_with_a_plain_reason(action, words):
    game = Game(lab(), 1)
    before = (game.state, list(game.actions), list(game.events))
    with pytest.raises(IllegalAction, match=words):
        game.apply(action)
    assert (game.state, game.actions, game.events) == before


def test_an_action_out_of_turn_is_refused_with_a_plain_reason():
    game = Game(lab(), 1)
    state_both(game)
    before = (game.state, list(game.actions), list(game.events))
    with pytest.raises(IllegalAction, match="not Moscow's turn"):
        game.apply(act.Pass(M))
    assert (game.state, game.actions, game.events) == before
