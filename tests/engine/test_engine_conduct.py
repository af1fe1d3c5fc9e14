"""The debrief's account of how the talks were conducted, computed from the record."""

from __future__ import annotations

import pytest
from enginekit import M, W, close_round, deal_through, lab, offer, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.analysis import debrief, pareto_frontier
from tabletop.engine.conduct import reciprocity, zopa
from tabletop.engine.game import Game


def finish(game: Game) -> Game:
    while not game.is_over:
        close_round(game)
    return game


def test_the_zone_of_agreement_is_the_efficient_boards_both_prefer_to_walking_away():
    scenario = lab()
    frontier = pareto_frontier(scenario)
    zone = zopa(frontier, (50.0, 40.0))
    assert zone.exists
    assert all(w >= 50 and m >= 40 for w, m in zone.boards)
    assert len(zone.boards) == sum(1 for p in frontier if p.washington >= 50 and p.moscow >= 40)
    assert "zone of possible agreement" in zone.words(("Washington", "Moscow"))
    nothing = zopa(frontier, (99.0, 99.0))
    assert not nothing.exists and "No zone of possible agreement" in nothing.words(("Washington", "Moscow"))


def test_the_split_measures_each_sides_gain_over_what_no_deal_pays():
    game = Game(lab(), 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    d = debrief(finish(game))
    gains = d.conduct.split.gains
    assert gains == (round(d.scores[W] - 50, 1), round(d.scores[M] - 40, 1))
    share = d.conduct.split.share(W)
    assert share is not None and 0 <= share <= 1


def test_no_deal_means_no_surplus_to_share():
    d = debrief(finish(Game(lab(), 1)))
    assert d.conduct.split.gains == (0.0, 0.0) and d.conduct.split.share(W) is None


def test_packages_trace_each_sides_concession_curve_and_first_offer():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", 3))))
    game.apply(act.Counter(M, offer(("visas", 3))))
    game.apply(act.Counter(W, offer(("banking", 2), ("visas", 2))))
    d = debrief(game)
    first = d.conduct.first_offer(W)
    assert first is not None and first.offer == offer(("banking", 3))
    curve = d.conduct.curve(W)
    assert len(curve) == 2 and curve[1][1] < curve[0][1]  # Washington conceded from its anchor
    assert d.conduct.first_offer(M).their_score < d.conduct.first_offer(M).own_score


def test_the_reciprocity_audit_counts_gestures_returned_and_pocketed():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Gesture(W, "visas", 2))
    game.apply(act.Gesture(M, "banking", 2))  # Moscow answers in kind
    audit = reciprocity(game)
    assert audit[W].made == 1 and audit[W].returned == 1 and audit[W].pocketed == 0
    assert audit[M].made == 1 and audit[M].returned == 0 and audit[M].pocketed == 0


def test_a_side_that_never_answers_a_gesture_is_seen_pocketing_it():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Gesture(W, "visas", 2))
    game.apply(act.Pass(M))
    audit = reciprocity(game)
    assert audit[M].pocketed == 1 and audit[W].returned == 0


def test_interests_sit_beside_positions():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", 2))))
    d = debrief(game)
    assert d.conduct.priorities[W].valued[0] == "banking"  # Washington gains most from banking
    assert d.conduct.priorities[W].asked == ("banking",)


def test_first_offers_anchor_the_outcome_nearer_the_side_that_held_to_its_opening():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", 2))))            # Washington's ambitious opening
    game.apply(act.Counter(M, offer(("visas", 3), ("flights", 2))))
    game.apply(act.Counter(W, offer(("banking", 2), ("visas", 2))))
    game.apply(act.Accept(M))                                     # close to Washington's anchor
    d = debrief(finish(game))
    anchoring = d.conduct.anchoring
    assert anchoring.first is W
    assert anchoring.openings[W] is not None and anchoring.openings[W].offer == offer(("banking", 2))
    assert anchoring.openings[M] is not None and anchoring.openings[M].index == 4
    assert anchoring.nearer is W
    # Washington asked for 72.2 (22.2 over its walk-away of 50) and ended with 61.1: half of it
    assert anchoring.kept(W) == pytest.approx(11.1 / 22.2, abs=0.01)
    kept_m = anchoring.kept(M)
    assert kept_m is not None and kept_m < 0  # Moscow ended below its walk-away value


def test_without_a_package_nothing_anchored():
    d = debrief(finish(Game(lab(), 1)))
    assert d.conduct.anchoring.first is None and d.conduct.anchoring.nearer is None
    assert d.conduct.anchoring.kept(W) is None


def test_turning_points_beyond_trust_name_deals_spurned_packages_and_swings():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", 2), ("visas", 2))))
    game.apply(act.Reject(M))                                     # good for both, turned down
    spurned_at = len(game.actions)
    finish(game)
    d = debrief(game)
    kinds = {m.what: m for m in d.conduct.moments}
    assert "spurned" in kinds and kinds["spurned"].index == spurned_at
    assert "Moscow turned down Washington's package" in kinds["spurned"].text
    assert [m.index for m in d.conduct.moments] == sorted(m.index for m in d.conduct.moments)
    for swing in d.conduct.swings:  # every large swing is a moment unless an event at that move says more
        assert any(m.index == swing.index for m in d.conduct.moments)


def test_a_deal_is_a_turning_point():
    game = Game(lab(), 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    d = debrief(game)
    deals = [m for m in d.conduct.moments if m.what == "deal"]
    assert len(deals) == 1 and deals[0].index == len(game.actions)


def test_a_give_of_ones_own_in_a_deal_returns_a_gesture():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Gesture(W, "visas", 2))
    game.apply(act.Pass(M))
    if game.state.round == 1:
        close_round(game)
    to_negotiation(game)
    deal_through(game, game.state.to_move, offer(("banking", 2)))  # Moscow moves banking: a give of its own
    audit = reciprocity(game)
    assert audit[W].made == 1 and audit[W].returned == 1
    assert audit[M].pocketed == 0
