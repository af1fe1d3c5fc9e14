"""Issue 10, point 2 (check 5 of the student study): a computer opponent does not count on what the other side can
take back at will.

A gesture is a unilateral move: its maker may retaliate on it later (take it back) as long as no standing deal
covers it. An opponent that accepted a small package only because the other side's gesture lifted the board would
be left, once the gesture is taken back, with a standing agreement below its walk-away (so the board, not the
walk-away, counts at the end). Every computer opponent therefore weighs a package, and its own proposals, against
the board with the other side's unprotected gestures taken back.

The lab: Washington gestures on visas (worth 17.5 to Moscow), then in the final round offers flights one rung
(13.2 to Moscow). The board after the package scores 51.8 for Moscow only thanks to the visas gesture, which no
deal protects; without it, Moscow would stand at 34.2 (or lower, after gestures of its own in return).
"""

from __future__ import annotations

import pytest
from enginekit import M, W, lab_text, offer

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import Posture
from tabletop.engine.opponents import STRATEGIES, make_opponent
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.scenario import parse_scenario
from tabletop.engine.state import Offer, Phase


def final_offer(name: str, walk_away: int, package: Offer, seed: int) -> tuple[act.Action, PlayerView, object]:
    """Washington gestures on visas in round 3 and puts ``package`` to Moscow (``name``) in the final round, 4;
    Moscow's answer, its view, and the opponent."""
    text = lab_text(rounds=4, visas_start=0, banking_start=0).replace("walk_away = 40", f"walk_away = {walk_away}")
    game = Game(parse_scenario(text, "lab.toml"), seed)
    opponent = make_opponent(name, M, seed)
    gestured = False
    while True:
        state = game.state
        if game.awaiting()[0] is M:
            game.apply(opponent.decide(game))
            continue
        on_table = state.offer is not None or bool(state.meso)
        if state.phase is Phase.STATEMENTS:
            game.apply(act.Statement(W, Posture.NEUTRAL))
        elif state.phase is Phase.CONCLUDE_PENDING:
            game.apply(act.DeclineConclude(W))
        elif state.question is W:
            game.apply(act.DisclosePriorities(W, ()))
        elif state.round == 3 and not gestured and not on_table:
            game.apply(act.Gesture(W, "visas", 1))
            gestured = True
        elif state.round == 4 and gestured:
            game.apply(act.Counter(W, package) if on_table else act.Propose(W, package))
            return opponent.decide(game), PlayerView(game, M), opponent
        else:
            game.apply(act.Reject(W) if on_table else act.Pass(W))


@pytest.mark.parametrize("name", sorted(STRATEGIES))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_opponent_accepts_a_package_worth_its_walk_away_only_while_a_gesture_stands(name, seed):
    answer, view, opponent = final_offer(name, 45, offer(("flights", 1)), seed)
    assert view.rungs[0] == 1  # the gesture stands, outside any deal
    assert not isinstance(answer, act.Accept), answer
    if isinstance(answer, act.Counter):  # nor does it propose one itself
        assert opponent.secure(view.with_offer(answer.offer), answer.offer) >= view.alternative


@pytest.mark.parametrize("name", ["aspiration", "hardliner", "opportunist"])
def test_the_package_looks_enough_while_the_gesture_stands(name):
    """The styles that make no gestures of their own stand at 51.8 after the package, above 45: they accepted it
    before this rule."""
    _, view, _ = final_offer(name, 45, offer(("flights", 1)), 1)
    assert view.score_after(offer(("flights", 1))) > view.alternative


@pytest.mark.parametrize("name", ["aspiration", "hardliner", "opportunist"])
def test_a_gesture_locked_into_the_package_counts(name):
    """The same trade with the visas rung written into it (a deal then protects it) is taken."""
    answer, view, _ = final_offer(name, 45, offer(("flights", 1), ("visas", 2), links=[("visas", "flights")]), 1)
    assert isinstance(answer, act.Accept), answer


@pytest.mark.parametrize("name", ["aspiration", "hardliner", "opportunist"])
def test_with_a_walk_away_the_package_clears_even_without_the_gesture_it_is_taken(name):
    answer, _, _ = final_offer(name, 30, offer(("flights", 1)), 1)
    assert isinstance(answer, act.Accept), answer
