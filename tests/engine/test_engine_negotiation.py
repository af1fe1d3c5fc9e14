"""The negotiation: offers and counters, accepting, linked packages and reneging, retaliation, gestures."""

from __future__ import annotations

import attrs
import pytest
from enginekit import M, W, close_round, deal_through, lab, offer, play_to_round, state_both, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.deals import PACKAGE_TRUST, RECIPROCAL_PACKAGE_TRUST
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Effects, Posture, RedLine, Scenario, Side, Valuation
from tabletop.engine.rules import (
    GESTURE_TRUST,
    RECIPROCATION_TRUST,
    RENEGE_STANDING,
    RENEGE_TRUST,
    RETALIATION_STANDING_HIT,
    RETALIATION_TRUST,
    TENSION_BITE,
)
from tabletop.engine.scoring import score
from tabletop.engine.state import Phase


def standing_change(scenario: Scenario, side: Side, irritant_id: str, frm: int, to: int) -> float:
    """What GAME.md says one concession does to ``side``'s standing: home cost (and red-line
    price) for a mover, the visible win for a side that gains from it."""
    irritant = scenario.irritant(irritant_id)
    value = scenario.valuation(side, irritant_id)
    span = irritant.top - irritant.start
    steps = to - max(frm, irritant.start)
    delta = value.gain / span * steps * scenario.rules.standing_per_gain
    if irritant.mover.includes(side):
        delta -= value.cost / span * steps * scenario.rules.standing_per_cost
        red = value.red_line
        if red is not None and not red.absolute and frm <= red.rung < to:
            delta -= red.price
    return delta


def set_tension(game: Game, level: int) -> None:
    game.apply(act.CustomInject("Tension", "The facilitator raises the temperature.",
                                Effects(tension=level - game.state.tension)))
    assert game.state.tension == level


# --- offers, counters and the exchange limit ------------------------------------


@pytest.mark.parametrize("limit", [1, 2, 3, 4])
def test_offers_and_counters_alternate_up_to_the_exchange_limit(limit):
    game = Game(lab(exchange_limit=limit), 1)
    to_negotiation(game)
    packages = [offer(("visas", 2)), offer(("banking", 2)), offer(("visas", 2), ("banking", 2)),
                offer(("flights", 1)), offer(("visas", 3))]
    side = W
    game.apply(act.Propose(side, packages[0]))
    for n in range(1, limit):
        side = side.other
        assert "counter" in game.legal_kinds(side)
        game.apply(act.Counter(side, packages[n]))
        assert game.state.offer == packages[n] and game.state.offer_by is side
    assert game.state.exchanges == limit
    side = side.other
    assert game.awaiting() == (side,)
    assert "counter" not in game.legal_kinds(side)
    before = game.state
    with pytest.raises(IllegalAction, match="exchange limit"):
        game.apply(act.Counter(side, packages[limit]))
    assert game.state is before
    assert {"accept", "reject"} <= set(game.legal_kinds(side))


def test_only_the_side_to_move_may_answer_an_offer():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", 2))))
    with pytest.raises(IllegalAction, match="turn"):
        game.apply(act.Accept(W))
    with pytest.raises(IllegalAction, match="offer"):
        game.apply(act.Propose(M, offer(("visas", 2))))


def test_reject_closes_the_negotiation_for_the_round():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", 2))))
    game.apply(act.Reject(M))
    assert game.state.round == 2 and game.state.phase is Phase.STATEMENTS
    assert game.state.rungs == game.scenario.start_rungs()


@pytest.mark.parametrize("bad", [
    offer(),
    offer(("visas", 1)),          # not above the current rung
    offer(("visas", 9)),          # off the ladder
    offer(("nowhere", 1)),        # no such irritant
    offer(("visas", 2), links=[("visas", "banking")]),  # link to something not in the offer
])
def test_a_malformed_offer_is_refused_with_a_reason(bad):
    game = Game(lab(), 1)
    to_negotiation(game)
    before = game.state
    with pytest.raises(IllegalAction) as error:
        game.apply(act.Propose(W, bad))
    assert str(error.value)
    assert game.state is before and game.actions[-1].kind == "statement"


# --- accepting: the package is implemented at once ---------------------------------


def test_accept_implements_the_package_at_once_with_costs_and_visible_wins():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    before = game.state
    package = offer(("visas", 2), ("banking", 2), links=[("visas", "banking")])
    game.apply(act.Propose(W, package))
    assert game.state.rungs == before.rungs, "a proposal alone moves nothing"
    events = game.apply(act.Accept(M))
    assert game.state.rung(scenario, "visas") == 2 and game.state.rung(scenario, "banking") == 2
    assert game.state.rung(scenario, "flights") == before.rung(scenario, "flights")
    assert [d.offer for d in game.state.deals] == [package]
    assert any(e.kind == "deal" for e in events)
    # Both sides conceded: a reciprocal package builds more trust.
    assert game.state.trust == before.trust + RECIPROCAL_PACKAGE_TRUST
    for side in (W, M):
        expected = sum(standing_change(scenario, side, i, 1, 2) for i in ("visas", "banking"))
        assert game.state.standing_of(side) == pytest.approx(before.standing_of(side) + expected, abs=1)
    assert game.state.round == 2, "accepting closes the round's negotiation"


def test_a_one_sided_package_charges_the_mover_and_shows_a_win_for_the_other():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    before = game.state
    deal_through(game, W, offer(("banking", 3 - 1)))
    assert game.state.trust == before.trust + PACKAGE_TRUST
    home_cost = standing_change(scenario, M, "banking", 1, 2)
    visible_win = standing_change(scenario, W, "banking", 1, 2)
    assert home_cost < 0 < visible_win
    assert game.state.standing_of(M) == pytest.approx(before.standing_of(M) + home_cost, abs=0.5)
    assert game.state.standing_of(W) == pytest.approx(before.standing_of(W) + visible_win, abs=0.5)


def test_crossing_a_priced_red_line_costs_its_price_on_top_of_the_home_cost():
    scenario = lab()
    price = scenario.valuation(W, "flights").red_line.price
    red_rung = scenario.valuation(W, "flights").red_line.rung
    results = {}
    for to in (red_rung, red_rung + 1):
        game = Game(scenario, 1)
        to_negotiation(game)
        before = game.state.standing_of(W)
        events = game.apply(act.Propose(W, offer(("flights", to))))
        events = game.apply(act.Accept(M))
        results[to] = (game.state.standing_of(W) - before, [e for e in events if "red line" in e.text])
    below, above = results[red_rung], results[red_rung + 1]
    # Paid silently: the shared log must not reveal a confidential red line.
    assert below[1] == [] and above[1] == []
    assert above[0] == pytest.approx(standing_change(scenario, W, "flights", 0, red_rung + 1), abs=0.5)
    # Two rungs cost twice one rung's home cost, plus the price for crossing the line.
    assert above[0] - 2 * below[0] == pytest.approx(-price, abs=1.5)


def test_an_absolute_red_line_cannot_be_passed():
    scenario = lab()
    red = scenario.valuation(M, "banking").red_line
    assert red.absolute
    game = Game(scenario, 1)
    to_negotiation(game)
    game.apply(act.Pass(W))
    # Moscow can neither gesture nor offer past its own absolute red line ...
    with pytest.raises(IllegalAction, match="red line"):
        game.apply(act.Gesture(M, "banking", red.rung + 1))
    with pytest.raises(IllegalAction, match="red line"):
        game.apply(act.Propose(M, offer(("banking", red.rung + 1), ("visas", 2))))
    # ... and when Washington (who cannot know it) asks for it, Moscow cannot accept.
    game = Game(scenario, 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", red.rung + 1))))
    with pytest.raises(IllegalAction, match="red line"):
        game.apply(act.Accept(M))
    assert game.state.rung(scenario, "banking") == scenario.irritant("banking").start


def test_asking_past_the_other_sides_absolute_red_line_on_a_shared_irritant_does_not_reveal_it():
    scenario = lab()
    sides = dict(scenario.sides)
    valuations = dict(sides[M].valuations)
    valuations["flights"] = Valuation(gain=35, cost=10, red_line=RedLine(rung=1, absolute=True))
    sides[M] = attrs.evolve(sides[M], valuations=valuations)
    scenario = attrs.evolve(scenario, sides=sides)
    game = Game(scenario, 1)
    to_negotiation(game)
    package = offer(("flights", 2), ("visas", 2))
    game.apply(act.Propose(W, package))  # Washington cannot know Moscow's line: no refusal names it
    assert game.state.offer == package
    with pytest.raises(IllegalAction, match="red line"):
        game.apply(act.Accept(M))
    # Moscow itself cannot offer past its own line on the shared irritant.
    game.apply(act.Reject(M))
    state_both(game)
    with pytest.raises(IllegalAction, match="red line"):
        game.apply(act.Propose(M, package))


# --- linked packages and reneging ----------------------------------------------------


def linked_deal(scenario: Scenario) -> Game:
    """Round 1: visas and banking linked, flights unlinked, all accepted. The game is then in round 2."""
    game = Game(scenario, 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2), ("flights", 1), links=[("visas", "banking")]))
    assert game.state.round == 2
    return game


@pytest.mark.parametrize("reneger", [W, M])
def test_reneging_undoes_the_concession_and_everything_linked_to_it(reneger):
    scenario = lab()
    game = linked_deal(scenario)
    state_both(game)
    if game.state.to_move is not reneger:
        game.apply(act.Pass(game.state.to_move))
    before = game.state
    own = "visas" if reneger is W else "banking"
    events = game.apply(act.Renege(reneger, 1, own))
    after = game.state
    assert after.rung(scenario, "visas") == 1 and after.rung(scenario, "banking") == 1
    assert after.rung(scenario, "flights") == 1, "an unlinked concession stays"
    assert set(after.deals[0].undone) == {"visas", "banking"}
    assert after.trust == before.trust - RENEGE_TRUST
    assert after.standing_of(reneger) == before.standing_of(reneger) - RENEGE_STANDING
    assert after.standing_of(reneger.other) == before.standing_of(reneger.other)
    assert after.tension == before.tension + 1
    assert any(e.kind == "renege" for e in events)
    # The same concession cannot be reneged on twice.
    if game.awaiting() == (reneger,):
        with pytest.raises(IllegalAction):
            game.apply(act.Renege(reneger, 1, own))


def test_reneging_on_an_unlinked_concession_undoes_only_that_one():
    scenario = lab()
    game = linked_deal(scenario)
    state_both(game)
    game.apply(act.Pass(M))  # round 2: Moscow holds the initiative
    game.apply(act.Renege(W, 1, "flights"))
    assert game.state.rung(scenario, "flights") == 0
    assert game.state.rung(scenario, "visas") == 2 and game.state.rung(scenario, "banking") == 2


def test_a_side_cannot_renege_on_the_other_sides_concession():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    state_both(game)
    before = game.state
    with pytest.raises(IllegalAction, match="renege|concession"):
        game.apply(act.Renege(M, 1, "visas"))
    assert game.state is before


def test_reneging_costs_double_trust_when_tension_bites():
    scenario = lab(trust=80)
    game = linked_deal(scenario)
    state_both(game)
    set_tension(game, TENSION_BITE)
    before = game.state
    game.apply(act.Renege(M, 1, "banking"))
    assert game.state.trust == max(0, before.trust - 2 * RENEGE_TRUST)


def test_reneging_is_never_allowed_in_the_final_round():
    scenario = lab(rounds=4)
    game = linked_deal(scenario)
    play_to_round(game, scenario.rounds)
    state_both(game)
    side = game.state.to_move
    assert "renege" not in game.legal_kinds(side)
    before = game.state
    with pytest.raises(IllegalAction, match="final round"):
        game.apply(act.Renege(side, 1, "flights"))
    assert game.state is before


# --- retaliation -------------------------------------------------------------------


def test_a_retaliation_moves_one_own_irritant_down_and_costs_trust_and_the_others_standing():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    before = game.state
    game.apply(act.Retaliate(W, "visas", 0))
    assert game.state.rung(scenario, "visas") == 0
    assert game.state.trust == before.trust - RETALIATION_TRUST
    assert game.state.standing_of(M) == before.standing_of(M) - RETALIATION_STANDING_HIT
    assert game.state.tension == before.tension, "a first retaliation is not yet a spiral"


@pytest.mark.parametrize(("side", "irritant"), [(W, "banking"), (M, "visas")])
def test_a_side_cannot_retaliate_on_the_other_sides_irritant(side, irritant):
    game = Game(lab(first=side.value), 1)
    to_negotiation(game)
    with pytest.raises(IllegalAction, match="moved by"):
        game.apply(act.Retaliate(side, irritant, 0))


def test_retaliation_costs_double_trust_at_the_biting_tension():
    scenario = lab(trust=90)
    game = Game(scenario, 1)
    to_negotiation(game)
    set_tension(game, TENSION_BITE)
    before = game.state
    game.apply(act.Retaliate(W, "visas", 0))
    assert game.state.trust == before.trust - 2 * RETALIATION_TRUST


def test_a_retaliation_answering_a_retaliation_raises_tension():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    start = game.state.tension
    game.apply(act.Retaliate(W, "visas", 0))
    assert game.state.tension == start
    events = game.apply(act.Retaliate(M, "banking", 0))
    assert game.state.tension == start + 1
    assert "spiral" in " ".join(e.text for e in events)


def test_a_gesture_after_a_retaliation_does_not_raise_tension():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    start = game.state.tension
    game.apply(act.Retaliate(W, "visas", 0))
    game.apply(act.Gesture(M, "banking", 2))
    assert game.state.tension == start


def test_retaliation_cannot_go_below_a_rung_a_standing_deal_set():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2)))
    state_both(game)
    game.apply(act.Pass(M))
    game.apply(act.Gesture(W, "visas", 3))
    if game.state.round == 2:
        close_round(game)
    state_both(game)
    assert game.state.round == 3 and game.state.to_move is W
    before = game.state
    with pytest.raises(IllegalAction, match="renege"):
        game.apply(act.Retaliate(W, "visas", 1))
    assert game.state is before
    game.apply(act.Retaliate(W, "visas", 2))  # down to the deal's rung is allowed
    assert game.state.rung(scenario, "visas") == 2


def test_a_retaliation_on_a_conciliatory_day_costs_more_trust():
    costs = {}
    for tone in (0.0, 0.6):
        game = Game(lab(tone_min=tone, tone_max=tone), 1)
        to_negotiation(game)
        before = game.state.trust
        game.apply(act.Retaliate(W, "visas", 0))
        costs[tone] = before - game.state.trust
    assert costs[0.6] > costs[0.0] == RETALIATION_TRUST


# --- gestures --------------------------------------------------------------------


def test_a_reciprocated_gesture_earns_a_bonus():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    t0 = game.state.trust
    game.apply(act.Gesture(W, "visas", 2))
    assert game.state.trust == t0 + GESTURE_TRUST
    events = game.apply(act.Gesture(M, "banking", 2))
    assert game.state.trust == t0 + 2 * GESTURE_TRUST + RECIPROCATION_TRUST
    assert "reciprocated" in " ".join(e.text for e in events)


def test_an_unanswered_gesture_earns_no_bonus():
    game = Game(lab(), 1)
    to_negotiation(game)
    t0 = game.state.trust
    game.apply(act.Pass(W))
    game.apply(act.Gesture(M, "banking", 2))
    assert game.state.trust == t0 + GESTURE_TRUST


def test_a_gesture_charges_the_home_cost_and_shows_the_others_win():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    before = game.state
    game.apply(act.Gesture(W, "visas", 2))
    assert game.state.rung(scenario, "visas") == 2
    assert game.state.standing_of(W) == pytest.approx(
        before.standing_of(W) + standing_change(scenario, W, "visas", 1, 2), abs=0.5)
    assert game.state.standing_of(M) == pytest.approx(
        before.standing_of(M) + standing_change(scenario, M, "visas", 1, 2), abs=0.5)
    assert game.state.standing_of(M) > before.standing_of(M)


@pytest.mark.parametrize(("irritant", "to"), [("banking", 2), ("flights", 1), ("visas", 1), ("visas", 4)])
def test_a_gesture_moves_only_an_own_irritant_up_its_ladder(irritant, to):
    game = Game(lab(), 1)
    to_negotiation(game)
    before = game.state
    with pytest.raises(IllegalAction):
        game.apply(act.Gesture(W, irritant, to))
    assert game.state is before


def test_a_gesture_on_a_hardline_day_buys_less_trust():
    gains = {}
    for tone in (-0.6, 0.0, 0.6):
        game = Game(lab(tone_min=tone, tone_max=tone), 1)
        to_negotiation(game)
        before = game.state.trust
        game.apply(act.Gesture(W, "visas", 2))
        gains[tone] = game.state.trust - before
    assert gains[-0.6] < gains[0.0] == GESTURE_TRUST < gains[0.6]


# --- scores ------------------------------------------------------------------------


def test_rungs_below_the_start_earn_nothing_and_cost_nothing():
    scenario = lab()
    game = Game(scenario, 1)
    to_negotiation(game)
    start = {side: game.score(side) for side in (W, M)}
    game.apply(act.Retaliate(W, "visas", 0))
    game.apply(act.Retaliate(M, "banking", 0))
    assert game.state.rungs[:2] == (0, 0)
    assert {side: game.score(side) for side in (W, M)} == start
    assert score(scenario, W, (0, 0, 0)) == score(scenario, W, scenario.start_rungs())


def test_statements_change_no_rung():
    game = Game(lab(), 1)
    state_both(game, Posture.HARDLINE, Posture.HARDLINE)
    assert game.state.rungs == game.scenario.start_rungs()
