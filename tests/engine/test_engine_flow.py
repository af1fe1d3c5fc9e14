"""The phase machine: one table of kinds, the library's own answers, and one place for the phase."""

from __future__ import annotations

import gc
import logging

import pytest
from enginekit import M, W, classic, lab, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine import flow
from tabletop.engine.action_reader import offer_from_dict
from tabletop.engine.autoplay import simulate
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game
from tabletop.engine.kinds import BY_NAME, FACILITATOR_KINDS, HIDDEN_FROM_PLAYERS, KINDS
from tabletop.engine.model import Response
from tabletop.engine.state import Phase
from tabletop.engine.views import player_visible
from tabletop.scenarios.library import resolve, shipped_ids

SEATS = (W, M, None)


def test_each_action_class_is_declared_once_in_the_table():
    classes = [kind.action for kind in KINDS]
    assert len(classes) == len(set(classes))
    assert set(BY_NAME) == set(act.ACTION_TYPES)
    assert {name for name, cls in act.ACTION_TYPES.items() if cls.by_facilitator} == FACILITATOR_KINDS
    assert {"note", "hold_inject", "release_inject", "skip_inject"} == HIDDEN_FROM_PLAYERS


def test_every_condition_in_the_table_is_a_condition_of_the_flow_with_a_reason():
    for kind in KINDS:
        for condition in kind.conditions:
            assert callable(getattr(flow.PhaseFlow, condition)), (kind.name, condition)
            assert condition in flow.WHY, (kind.name, condition)


def positions():
    """Every moment of a few computer games and of a hand-played one with a pause and an offer."""
    for strategies, seed in ((("grit", "tit-for-tat"), 3), (("hardliner", "conceder"), 5),
                             (("opportunist", "grit"), 8)):
        game = simulate(classic(), *strategies, seed)
        yield from (game.at(n) for n in range(len(game.actions) + 1))
    game = Game(lab(), 1)
    yield game.copy()
    game.apply(act.Pause())
    yield game.copy()
    game.apply(act.Resume())
    to_negotiation(game)
    game.apply(act.Propose(W, offer_from_dict({"concessions": [{"irritant": "visas", "to": 2}]})))
    yield game.copy()
    game.apply(act.WalkOut(M))
    yield game


def test_the_fast_answer_is_the_libraries_may_trigger_answer():
    asked = 0
    for game in positions():
        model = game.flow
        for kind in KINDS:
            for side in SEATS:
                assert model.quick_may(kind.name, side) == model.may_trigger(kind.name, side, None), \
                    (kind.name, side, game.state.phase)
                asked += 1
        assert model.quick_may("advance") == model.may_trigger("advance")
        assert model.quick_may("advance") is False, "a game at rest has no phase left to pass through"
    assert asked > 1000


def test_an_action_is_asked_with_its_own_arguments():
    game = Game(lab(INJECT), 1)
    assert game.state.phase is Phase.INJECT_RESPONSE and game.awaiting() == (W,)
    right = act.RespondInject(W, "leak", Response.RESPOND)
    wrong = act.RespondInject(W, "not-this-one", Response.RESPOND)
    assert game.flow.may_trigger("respond_inject", W, right)
    assert not game.flow.may_trigger("respond_inject", W, wrong)
    assert game.flow.quick_may("respond_inject", W, right) and not game.flow.quick_may("respond_inject", W, wrong)
    assert game.flow.why_not(wrong) == "Washington is not the side asked to answer this inject"


def test_the_phase_lives_in_the_game_state_only():
    game = simulate(classic(), "grit", "tit-for-tat", 2)
    for n, state in enumerate(game.history):
        past = game.at(n)
        assert past.flow.state is state.phase is past.state.phase
    game = Game(lab(), 1)
    assert game.flow.state is game.state.phase is Phase.STATEMENTS
    to_negotiation(game)
    assert game.flow.state is game.state.phase is Phase.NEGOTIATION
    assert "state" not in vars(game.flow), "the machine writes the phase into the game state, not the flow"


def test_the_phases_that_run_by_themselves_are_entered_through_the_machine():
    game = Game(lab(rounds=2), 1)
    to_negotiation(game)
    events = game.apply(act.Pass(W)) + game.apply(act.Pass(M))
    assert any(e.kind is EventKind.ROUND and e.round == 2 for e in events)
    assert game.state.round == 2 and game.flow.state is Phase.STATEMENTS
    to_negotiation(game)
    game.apply(act.Pass(M))
    events = game.apply(act.Pass(W))
    assert [e.kind for e in events][-2:] == [EventKind.DEADLINE, EventKind.OUTCOME]
    assert game.is_over and game.flow.state is Phase.ENDED


@pytest.mark.parametrize("scenario", shipped_ids())
def test_the_fast_advance_plays_exactly_as_the_libraries_trigger(monkeypatch, scenario):
    for washington, moscow, seed in (("grit", "tit-for-tat", 3), ("learner", "hardliner", 5), ("conceder", "aspiration", 8)):
        monkeypatch.setattr(flow, "FAST_ADVANCE", True)
        fast = simulate(resolve(scenario), washington, moscow, seed)
        monkeypatch.setattr(flow, "FAST_ADVANCE", False)
        slow = simulate(resolve(scenario), washington, moscow, seed)
        assert len(fast.history) > 10 and fast.is_over
        assert fast.history == slow.history
        assert [(i, e.kind, e.text) for i, e in fast.events] == [(i, e.kind, e.text) for i, e in slow.events]


def test_the_libraries_logger_is_left_alone_and_says_nothing_above_debug(caplog):
    caplog.set_level(logging.DEBUG, logger="transitions")
    game = simulate(classic(), "grit", "conceder", 1)
    game.copy().apply(act.Note("after the end"))
    assert not logging.getLogger("transitions.core").disabled
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert any(r.name == "transitions.core" for r in caplog.records), "its debug log works when asked for"


def test_one_machine_serves_every_game_and_a_finished_game_leaves_it():
    machine = flow._machine()
    first, second = Game(lab(), 1), Game(lab(), 2)
    assert first.flow.may_trigger("pause", None, None) and second.flow.may_trigger("note", None, None)
    assert first.flow in machine.models and second.flow in machine.models
    gc.collect()
    before = len(machine.models)
    for seed in range(5):
        game = Game(lab(), seed).copy()
        assert game.flow.may_trigger("pause", None, None)
        del game
    gc.collect()
    assert len(machine.models) == before


def test_a_game_joins_the_machine_when_the_library_is_asked():
    machine = flow._machine()
    game = simulate(classic(), "grit", "conceder", 4)
    assert game.flow not in machine.models, "computer play asks through the fast paths only"
    assert not game.flow.may_trigger("pause", None, None), "the game is over"
    assert game.flow in machine.models and game.flow.state is Phase.ENDED
    with pytest.raises(AttributeError):
        game.flow.no_such_attribute  # noqa: B018 (the lookup is the test)


@pytest.mark.parametrize("kind", sorted(HIDDEN_FROM_PLAYERS - {"note"}))
def test_players_do_not_see_the_log_lines_of_hidden_facilitator_controls(kind):
    game = Game(classic(), 1)
    inject = game.scenario.injects[0].id
    action = act.ACTION_TYPES[kind](inject=inject)
    if kind == "release_inject":
        game.apply(act.HoldInject(inject))
    game.apply(action)
    index, event = game.events[-1]
    assert event.kind is EventKind.FACILITATOR and not player_visible(game, index, event)


INJECT = """
[[injects]]
id = "leak"
title = "A leak"
text = "Something leaks."
kind = "scheduled"
round = 1
target = "washington"
expected_action = "Answer it."
objective = "obj"
respond = { trust = 1 }
absorb = { trust = -1 }
respond_label = "Answer the leak"
absorb_label = "Let it pass"
"""
