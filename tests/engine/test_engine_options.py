"""The engine answers "what may this seat do now, with which parameters", and its answers agree with apply.

In the lab scenario Moscow moves banking (rungs 0-3, starting at 1) and has an
absolute red line at rung 2 on it; Washington moves visas; flights move only
when both agree.
"""

from __future__ import annotations

import itertools

from enginekit import M, W, deal_through, lab, offer, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import Posture
from tabletop.engine.opponents import make_opponent
from tabletop.engine.options import options, package_preview, preview, refusal
from tabletop.engine.red_lines import absolute_crossings, board_ceilings, ceiling, crossings
from tabletop.engine.views import Audience, log_for, may_read_brief, player_visible


def negotiating() -> Game:
    game = Game(lab(), seed=1)
    to_negotiation(game)
    return game


def test_statements_phase_offers_the_three_postures_and_no_package():
    game = Game(lab(), seed=1)
    seat = options(game, W)
    assert seat.kinds == {"statement", "walk_out"}
    assert seat.postures == tuple(Posture)
    assert seat.offer_rungs == {} and seat.gestures == ()


def test_offer_rungs_stop_at_the_sides_own_absolute_red_line_only():
    game = negotiating()
    game.apply(act.Pass(W))  # Moscow to move
    moscow = options(game, M)
    assert moscow.offer_rungs["banking"] == (2,)  # rung 3 is past Moscow's absolute red line
    assert moscow.offer_rungs["visas"] == (2, 3)  # Washington's irritant: Moscow may ask for the top
    washington = options(Game(lab(), seed=1), W)
    assert washington.offer_rungs == {}  # not its turn to propose yet


def test_washington_may_ask_for_any_banking_rung_because_moscows_red_lines_are_confidential():
    game = negotiating()
    assert options(game, W).offer_rungs["banking"] == (2, 3)


def test_gestures_move_only_ones_own_irritants_and_never_past_an_absolute_red_line():
    game = negotiating()
    game.apply(act.Pass(W))
    gestures = options(game, M).gestures
    assert gestures == (act.Gesture(M, "banking", 2),)
    assert refusal(game, act.Gesture(M, "banking", 3))  # the engine refuses what the options leave out


def test_every_option_offered_is_accepted_by_apply():
    game = negotiating()
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    for _ in range(3):
        if game.is_over:
            break
        side = game.awaiting()[0] if game.awaiting() else None
        if side is None:
            break
        seat = options(game, side)
        for action in itertools.chain(seat.gestures, seat.retaliations, seat.reneges):
            assert refusal(game, action) == "", action
        for irritant, rungs in seat.offer_rungs.items():
            kind = act.Counter if game.state.offer is not None else act.Propose
            for to in rungs:
                assert refusal(game, kind(side, offer((irritant, to)))) == "", (irritant, to)
        game.apply(act.Pass(side) if seat.may("pass") else act.Statement(side, Posture.NEUTRAL))


def test_retaliations_never_go_below_an_agreed_deal():
    game = negotiating()
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    while W not in game.awaiting() or not options(game, W).may("retaliate"):
        side = game.awaiting()[0]
        game.apply(act.Pass(side) if options(game, side).may("pass") else act.Statement(side, Posture.NEUTRAL))
    seat = options(game, W)
    assert seat.retaliations == ()  # visas at 2 is part of deal 1: only a renege can take it back
    assert seat.reneges == (act.Renege(W, 1, "visas"),)


def test_accept_is_refused_with_a_reason_when_the_package_crosses_an_absolute_red_line():
    game = negotiating()
    game.apply(act.Propose(W, offer(("banking", 3))))
    seat = options(game, M)
    assert not seat.may_accept
    assert "absolute red line" in seat.accept_refusal
    assert seat.may("counter") and seat.may("reject")


def test_preview_of_accepting_matches_what_accepting_does():
    game = negotiating()
    game.apply(act.Propose(W, offer(("visas", 2), ("banking", 2))))
    seen = preview(game, M, act.Accept(M))
    game.apply(act.Accept(M))
    assert seen.score_after == game.score(M)
    assert seen.standing[1] == game.state.standing_of(M)
    assert seen.trust[1] == game.state.trust


def test_package_preview_names_the_priced_red_line_it_crosses():
    scenario = lab(banking_red="{ rung = 1, price = 4 }")
    game = Game(scenario, seed=1)
    to_negotiation(game)
    game.apply(act.Pass(W))
    seen = package_preview(game, M, offer(("banking", 2), ("visas", 2)))
    assert [(c.irritant, c.absolute, c.price) for c in seen.crossings] == [("banking", False, 4)]
    assert seen.score_after > seen.score_before


def test_red_line_answers_agree_with_each_other():
    scenario = lab()
    assert ceiling(scenario, M, "banking") == 2
    assert ceiling(scenario, W, "banking") == 3  # Washington does not move banking
    assert board_ceilings(scenario)[scenario.position["banking"]] == 2
    assert [c.irritant for c in absolute_crossings(scenario, M, offer(("banking", 3)).concessions)] == ["banking"]
    assert crossings(scenario, W, scenario.start_rungs(), offer(("banking", 3)).concessions) == []


def test_computer_moves_are_always_among_the_options():
    game = Game(lab(), seed=5)
    players = {W: make_opponent("tit-for-tat", W, 5), M: make_opponent("opportunist", M, 5)}
    while not game.is_over:
        side = game.awaiting()[0]
        action = players[side].decide(game)
        seat = options(game, side)
        assert seat.may(action.kind), action
        if isinstance(action, act.Gesture):
            assert action in seat.gestures
        game.apply(action)


def test_views_hide_the_white_cells_notes_from_players_but_not_from_the_facilitator():
    game = Game(lab(), seed=1)
    game.apply(act.Note("Watch Moscow's delegation [closely]"))
    index, event = next((i, e) for i, e in game.events if e.kind == "note")
    assert not player_visible(game, index, event)
    assert (index, event) in log_for(game, Audience.FACILITATOR)
    assert (index, event) not in log_for(game, W)
    assert (index, event) not in log_for(game, Audience.PUBLIC)


def test_briefs_are_read_by_their_own_side_and_the_facilitator_only():
    assert may_read_brief(W, W) and not may_read_brief(W, M)
    assert may_read_brief(Audience.FACILITATOR, M)
    assert not may_read_brief(Audience.PUBLIC, W)
