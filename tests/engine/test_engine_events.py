"""Events say what happened in fields as well as in words: code reads the fields, players read the text."""

from __future__ import annotations

from enginekit import M, W, deal_through, lab, offer, state_both, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Response


def only(events, kind):
    found = [e for e in events if e.kind is kind]
    assert len(found) == 1, [e.text for e in events]
    return found[0]


def test_every_event_kind_is_a_member_of_the_enum():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Gesture(W, "visas", 2))
    game.apply(act.Propose(M, offer(("banking", 2))))
    game.apply(act.Accept(W))
    assert all(isinstance(e.kind, EventKind) for _, e in game.events)


def test_a_gesture_names_its_irritant_rung_and_whether_it_was_reciprocated():
    game = Game(lab(), 1)
    to_negotiation(game)
    first = only(game.apply(act.Gesture(W, "visas", 2)), EventKind.GESTURE)
    answer = only(game.apply(act.Gesture(M, "banking", 2)), EventKind.GESTURE)
    assert (first.side, first.irritant, first.rung, first.reciprocated) == (W, "visas", 2, False)
    assert (answer.side, answer.irritant, answer.rung, answer.reciprocated) == (M, "banking", 2, True)
    assert answer.text == "Moscow makes a gesture: Banking to \u201cOne bank\u201d (reciprocated)."


def test_revealed_statements_carry_both_postures():
    game = Game(lab(), 1)
    game.apply(act.Statement(W, Posture.HARDLINE))
    events = game.apply(act.Statement(M, Posture.CONCILIATORY))
    assert only(events, EventKind.STATEMENTS).postures == (Posture.HARDLINE, Posture.CONCILIATORY)


def test_offers_counters_and_deals_carry_the_package_and_the_deal_number():
    game = Game(lab(), 1)
    to_negotiation(game)
    first, second = offer(("visas", 2)), offer(("visas", 2), ("banking", 2))
    proposed = only(game.apply(act.Propose(W, first)), EventKind.OFFER)
    countered = only(game.apply(act.Counter(M, second)), EventKind.OFFER)
    deal = only(game.apply(act.Accept(W)), EventKind.DEAL)
    assert (proposed.offer, proposed.counter) == (first, False)
    assert (countered.offer, countered.counter) == (second, True)
    assert (deal.deal, deal.offer) == (1, second)


def test_a_renege_names_the_deal_and_everything_it_undoes():
    game = Game(lab(), 1)
    to_negotiation(game)
    deal_through(game, W, offer(("visas", 2), ("banking", 2), ("flights", 1), links=[("visas", "banking")]))
    state_both(game)
    game.apply(act.Pass(M))  # round 2: Moscow holds the initiative
    event = only(game.apply(act.Renege(W, 1, "visas")), EventKind.RENEGE)
    assert (event.side, event.deal, event.irritant, event.undone) == (W, 1, "visas", ("banking", "visas"))


def test_an_inject_choice_and_its_answer_name_the_inject_and_the_response():
    game = Game(lab(INJECT), 1)
    demand = only(game.events_of(0), EventKind.CHOICE)
    assert (demand.inject, demand.side, demand.response) == ("leak", W, None)
    answer = only(game.apply(act.RespondInject(W, "leak", Response.ABSORB)), EventKind.CHOICE)
    assert (answer.inject, answer.side, answer.response) == ("leak", W, Response.ABSORB)


def test_a_conclusion_says_whether_it_was_proposed_agreed_or_declined():
    game = Game(lab(), 1)
    to_negotiation(game)
    proposed = only(game.apply(act.ProposeConclude(W)), EventKind.CONCLUDE)
    declined = only(game.apply(act.DeclineConclude(M)), EventKind.CONCLUDE)
    assert (proposed.agreed, declined.agreed) == (None, False)
    game.apply(act.ProposeConclude(M))
    agreed = only(game.apply(act.AgreeConclude(W)), EventKind.CONCLUDE)
    assert agreed.agreed is True


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
respond_label = 'Answer it'
absorb_label = 'Let it pass'
"""


def test_the_lessons_count_reciprocated_gestures_from_the_events_not_their_words():
    # A rung whose label contains "(reciprocated)" once fooled a search of the log's prose.
    from enginekit import lab_text

    from tabletop.engine.analysis import debrief
    from tabletop.engine.scenario import parse_scenario
    from tabletop.reports.lessons import draw_lessons

    scenario = parse_scenario(lab_text().replace('"Quota"', '"Quota (reciprocated)"'), "lab.toml")
    game = Game(scenario, 1)
    to_negotiation(game)
    game.apply(act.Gesture(W, "visas", 2))
    assert "(reciprocated)" in game.events[-1][1].text
    found = draw_lessons(game, debrief(game))
    assert not any("reciprocated in kind" in line for line in found.well)
    game.apply(act.Gesture(M, "banking", 2))
    found = draw_lessons(game, debrief(game))
    assert "1 gesture was reciprocated in kind." in found.well
