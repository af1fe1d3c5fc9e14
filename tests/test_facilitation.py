"""The facilitator's controls are ordinary actions: they change what the rules say, and replay."""

from __future__ import annotations

import pytest

from tabletop.engine import actions as act
from tabletop.engine.action_reader import action_from_dict
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Posture, Side
from tabletop.engine.state import Concession, Offer, Phase

W, M = Side.WASHINGTON, Side.MOSCOW


def to_negotiation(game: Game) -> None:
    game.apply(act.Statement(W, Posture.NEUTRAL))
    game.apply(act.Statement(M, Posture.NEUTRAL))
    assert game.state.phase is Phase.NEGOTIATION


def finish_round(game: Game) -> None:
    while game.state.phase is Phase.NEGOTIATION:
        game.apply(act.Pass(game.state.to_move))


def test_pause_blocks_every_side_until_resume(tutorial):
    game = Game(tutorial, 1)
    game.apply(act.Pause())
    assert game.legal_kinds(W) == [] and game.legal_kinds(M) == []
    with pytest.raises(IllegalAction, match="paused"):
        game.apply(act.Statement(W, Posture.NEUTRAL))
    game.apply(act.Resume())
    game.apply(act.Statement(W, Posture.NEUTRAL))
    assert [e.text for _, e in game.events if e.kind == "facilitator"] == [
        "Facilitator pauses the exercise.", "Facilitator resumes the exercise."]


def test_a_held_inject_waits_and_a_skipped_one_never_fires(tutorial):
    held = Game(tutorial, 1)
    held.apply(act.HoldInject("press-leak"))
    skipped = Game(tutorial, 1)
    skipped.apply(act.SkipInject("press-leak"))
    for game in (held, skipped):
        for _ in range(2):  # past round 3's opening, when the press leak is due (and before the talks fade)
            to_negotiation(game)
            finish_round(game)
        assert game.state.round == 3 and not game.state.has_fired("press-leak")
    held.apply(act.ReleaseInject("press-leak"))
    with pytest.raises(IllegalAction, match="already skipped"):
        skipped.apply(act.SkipInject("press-leak"))
    held.apply(act.FireInject("press-leak"))
    assert held.state.has_fired("press-leak")


def test_a_skipped_inject_cannot_be_held_or_fired_and_a_fired_one_not_held(tutorial):
    """The engine, not the console, says which controls an inject still has (a dashboard on the network asks
    the same engine)."""
    game = Game(tutorial, 1)
    game.apply(act.SkipInject("press-leak"))
    for control in (act.HoldInject("press-leak"), act.FireInject("press-leak")):
        with pytest.raises(IllegalAction, match="was skipped"):
            game.apply(control)
    assert "press-leak" not in game.state.held and not game.state.has_fired("press-leak")
    fired = Game(tutorial, 1)
    fired.apply(act.FireInject("press-leak"))
    for control in (act.HoldInject("press-leak"), act.SkipInject("press-leak"), act.FireInject("press-leak")):
        with pytest.raises(IllegalAction, match="already fired"):
            fired.apply(control)


def test_time_up_passes_for_whoever_is_due(tutorial):
    game = Game(tutorial, 1)
    game.apply(act.Statement(W, Posture.HARDLINE))
    game.apply(act.TimeUp())
    assert game.state.postures == (Posture.HARDLINE, Posture.NEUTRAL)
    assert any("Time is up for Moscow: the move counts as a neutral statement" in e.text for _, e in game.events)
    game.apply(act.Propose(W, Offer((Concession("banking", 1), Concession("visas", 1)))))
    game.apply(act.TimeUp())
    assert game.state.offer is None and game.state.round == 2
    assert any("Time is up for Moscow: the move counts as rejecting the offer on the table" in e.text
               for _, e in game.events)


def test_notes_need_text_and_a_real_objective(tutorial):
    game = Game(tutorial, 1)
    game.apply(act.Note("Washington opened softly", "logroll"))
    assert game.events[-1][1].text == "Note [logroll]: Washington opened softly"
    with pytest.raises(IllegalAction):
        game.apply(act.Note("   "))
    with pytest.raises(IllegalAction, match="no objective"):
        game.apply(act.Note("x", "not-an-objective"))


def test_facilitator_actions_replay_to_the_same_game(tutorial):
    game = Game(tutorial, 7)
    for action in (act.SetTimer(120), act.HoldInject("press-leak"), act.Note("start")):
        game.apply(action)
    to_negotiation(game)
    game.apply(act.TimeUp())
    data = [a.to_dict() for a in game.actions]
    again = Game.replay(tutorial, 7, [action_from_dict(d) for d in data])
    assert again.fingerprint() == game.fingerprint()
    assert again.state.timer == 120
