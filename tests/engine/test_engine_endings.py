"""How a game ends (walk-out, conclusion, collapse, deadline), the outcome tiers and the scores."""

from __future__ import annotations

import attrs
import pytest
from enginekit import M, W, close_round, deal_through, lab, offer, play_to_round, state_both, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.effects import TENSION_MAX
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Effects, EndReason, Side
from tabletop.engine.rules import RENEGE_STANDING, RENEGE_TRUST
from tabletop.engine.scoring import score
from tabletop.engine.state import Phase


def walk_away_scores(game: Game, walker: Side | None) -> dict[Side, float]:
    """After a collapse each side scores its outside option less the collapse penalty, or less the smaller
    walk-out penalty when a side walked out."""
    rules = game.scenario.rules
    penalty = rules.walkout_cost if walker is not None else rules.collapse_penalty
    return {side: max(0.0, game.scenario.sides[side].walk_away - penalty) for side in (W, M)}


def finish_by_passing(game: Game) -> Game:
    while not game.is_over:
        close_round(game)
    return game


# --- walking out ------------------------------------------------------------------


@pytest.mark.parametrize("walker", [W, M])
@pytest.mark.parametrize("phase", ["statements", "negotiation"])
def test_walking_out_ends_the_talks_at_each_sides_walk_away_less_the_walkout_penalty(walker, phase):
    scenario = lab()
    game = Game(scenario, 1)
    if phase == "negotiation":
        to_negotiation(game)
    assert "walk_out" in game.legal_kinds(walker)
    game.apply(act.WalkOut(walker))
    assert game.is_over
    assert game.state.ended is EndReason.COLLAPSE and game.state.walked_out is walker
    assert game.state.outcome == "collapse"
    scores = game.final_scores()
    assert scores == walk_away_scores(game, walker)
    cost = scenario.rules.collapse_penalty / 2  # the default walk-out penalty: half a collapse
    assert scores[walker] == scenario.sides[walker].walk_away - cost
    assert scores[walker.other] == scenario.sides[walker.other].walk_away - cost


def test_walking_out_is_possible_while_a_forced_choice_waits():
    scenario = lab("""
[[injects]]
id = "ultimatum"
title = "Ultimatum"
text = "A demand."
kind = "scheduled"
round = 1
target = "moscow"
expected_action = "Answer."
objective = "obj"
respond = { trust = 1 }
absorb = { trust = -1 }
respond_label = 'Answer it'
absorb_label = 'Let it pass'
""")
    game = Game(scenario, 1)
    game.apply(act.WalkOut(W))
    assert game.is_over and game.state.walked_out is W
    assert game.final_scores() == walk_away_scores(game, W)


@pytest.mark.parametrize("grabber", [W, M])
def test_grabbing_a_concession_and_walking_out_scores_less_than_staying(grabber):
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    # A package generous to the grabber: the other side concedes, the grabber gives a token.
    generous = offer(("banking", 2), ("visas", 2)) if grabber is W else offer(("visas", 3), ("banking", 2))
    deal_through(game, W, generous)
    state_both(game)
    stay = finish_by_passing(game.copy())
    if game.state.to_move is not grabber:
        game.apply(act.Pass(game.state.to_move))
    game.apply(act.WalkOut(grabber))
    assert stay.final_scores()[grabber] > game.final_scores()[grabber]
    assert stay.final_scores()[grabber] > score(scenario, grabber, scenario.start_rungs())


def test_a_walkout_is_no_exit_once_the_game_is_over():
    game = finish_by_passing(Game(lab(), 1))
    with pytest.raises(IllegalAction, match="over"):
        game.apply(act.WalkOut(W))


def test_reneging_after_a_deal_costs_the_documented_trust_and_standing():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    deal_through(game, W, offer(("banking", 2), ("visas", 2), links=[("banking", "visas")]))
    state_both(game)
    before = game.state
    game.apply(act.Renege(M, 1, "banking"))
    assert before.trust - game.state.trust == RENEGE_TRUST
    assert before.standing_of(M) - game.state.standing_of(M) == RENEGE_STANDING
    assert game.state.rungs == scenario.start_rungs()


# --- concluding -------------------------------------------------------------------


def test_proposing_and_agreeing_to_conclude_ends_the_game_graded_on_the_board():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    state_both(game)
    game.apply(act.ProposeConclude(M))
    assert game.state.phase is Phase.CONCLUDE_PENDING and game.awaiting() == (W,)
    assert set(game.legal_kinds(W)) >= {"agree_conclude", "decline_conclude"}
    game.apply(act.AgreeConclude(W))
    assert game.is_over and game.state.ended is EndReason.CONCLUSION
    assert game.state.outcome == "deal"
    assert game.final_scores() == {side: score(scenario, side, game.state.rungs) for side in (W, M)}


def test_declining_to_conclude_goes_on():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.ProposeConclude(W))
    game.apply(act.DeclineConclude(M))
    assert not game.is_over
    assert game.state.phase is Phase.NEGOTIATION and game.awaiting() == (M,)
    game.apply(act.Gesture(M, "banking", 2))
    assert game.state.rung(game.scenario, "banking") == 2


def test_only_a_proposal_to_conclude_can_be_agreed_to():
    game = Game(lab(), 1)
    to_negotiation(game)
    with pytest.raises(IllegalAction):
        game.apply(act.AgreeConclude(W))
    game.apply(act.ProposeConclude(W))
    with pytest.raises(IllegalAction):
        game.apply(act.AgreeConclude(W))  # the proposer cannot agree with itself


# --- collapse ---------------------------------------------------------------------


@pytest.mark.parametrize(("effects", "cause", "recalled"), [
    (Effects(trust=-100), "trust", None),
    (Effects(standing={"moscow": -100}), "recalled", Side.MOSCOW),
    (Effects(standing={"washington": -100}), "recalled", Side.WASHINGTON),
])
def test_the_talks_collapse_when_a_meter_hits_its_limit(effects, cause, recalled):
    game = Game(lab(), 1)
    game.apply(act.CustomInject("Shock", "Something terrible.", effects))
    assert game.is_over and game.state.ended is EndReason.COLLAPSE
    assert cause in game.state.cause
    assert game.state.recalled is recalled
    assert game.state.outcome == "collapse"
    assert game.final_scores() == walk_away_scores(game, None)


def test_the_talks_collapse_when_tension_reaches_crisis():
    game = Game(lab(tension=2), 1)
    game.apply(act.CustomInject("Shock", "Troops move.", Effects(tension=TENSION_MAX - 2 - 1)))
    assert not game.is_over
    game.apply(act.CustomInject("Shock", "Troops move again.", Effects(tension=1)))
    assert game.is_over and game.state.tension == TENSION_MAX
    assert game.state.ended is EndReason.COLLAPSE


def test_a_retaliation_spiral_at_high_tension_collapses_the_talks():
    game = Game(lab(tension=TENSION_MAX - 1, trust=90), 1)
    to_negotiation(game)
    game.apply(act.Retaliate(W, "visas", 0))
    assert not game.is_over
    game.apply(act.Retaliate(M, "banking", 0))
    assert game.is_over and game.state.ended is EndReason.COLLAPSE


# --- the deadline and the tiers ---------------------------------------------------------


def test_the_first_matching_tier_wins():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    finish_by_passing(game)
    assert game.state.ended is EndReason.DEADLINE
    assert game.state.outcome == "deal"  # "none" (the catch-all) matches too, but comes later


def test_the_last_tier_catches_all():
    game = finish_by_passing(Game(lab(), 1))
    assert game.state.outcome == "none"


def test_a_collapse_is_graded_by_the_collapse_tier_even_with_a_deal_on_the_board():
    game = Game(lab(), 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    state_both(game)
    game.apply(act.WalkOut(M))
    assert game.state.outcome == "collapse"


def test_tiers_are_checked_in_the_scenarios_order():
    """Swap the first two tiers: a deal that ends in a walk-out is now graded 'deal'."""
    scenario = lab()
    reordered = attrs.evolve(scenario, outcomes=(scenario.outcomes[1], scenario.outcomes[0], scenario.outcomes[2]))
    game = Game(reordered, 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    state_both(game)
    game.apply(act.WalkOut(M))
    assert game.state.outcome == "deal"


def test_the_deadline_scores_the_board():
    scenario = lab()
    game = Game(scenario, 1)
    play_to_round(game, 3)
    to_negotiation(game)
    deal_through(game, W, offer(("banking", 3 - 1), ("visas", 2)))
    finish_by_passing(game)
    assert game.state.ended is EndReason.DEADLINE
    for side in (W, M):
        assert game.final_scores()[side] == score(scenario, side, game.state.rungs)
        assert 0 <= game.final_scores()[side] <= 100
