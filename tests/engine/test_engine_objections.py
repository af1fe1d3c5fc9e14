"""Issue 11, snag 1: a package turned down because the rules forbid accepting it says which part, with no number.

The words come from the engine (:mod:`tabletop.engine.objections`, asked through
:func:`tabletop.engine.options.rejection_reason` and ``told``), and the computer
opponents learn from them: none asks again, at that rung or higher, for what the
other side said went past its absolute red line.
"""

from __future__ import annotations

import re

import pytest
from enginekit import M, W, lab, offer, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.autoplay import simulate
from tabletop.engine.game import Game
from tabletop.engine.objections import Blocked
from tabletop.engine.options import blocked, rejection_reason, told
from tabletop.engine.red_lines import absolute_crossings
from tabletop.scenarios.library import resolve


def reject_text(game: Game) -> str:
    index, event = game.events[-1] if game.events[-1][1].kind.value == "reject" else next(
        (i, e) for i, e in reversed(game.events) if e.kind.value == "reject")
    return told(game, index, event).text


def test_a_rejection_past_an_absolute_red_line_names_the_part_and_no_number():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("visas", 2), ("banking", 3))))
    assert blocked(game, M) is not None and blocked(game, M).blocked is Blocked.RED_LINE
    game.apply(act.Reject(M))
    text = reject_text(game)
    assert "Moscow cannot accept “Banking” going past its absolute red line." in text
    reason = rejection_reason(game, len(game.actions))
    assert reason and not re.search(r"\d", reason), reason
    assert "Visas" not in reason  # only the part that could not be accepted


def test_a_rejection_past_what_the_capital_would_ratify_says_so():
    game = Game(lab(standing=22, banking_red="{ rung = 1, price = 10 }"), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("visas", 2), ("banking", 3))))
    game.apply(act.Reject(M))
    assert "Moscow cannot accept “Banking” going past what its capital would ratify." in reject_text(game)


def test_a_free_rejection_gives_no_invented_reason():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("visas", 2), ("banking", 2))))
    assert blocked(game, M) is None
    game.apply(act.Reject(M))
    assert rejection_reason(game, len(game.actions)) == ""
    assert reject_text(game).endswith("the negotiation closes for this round.")


def test_a_counter_in_place_of_an_impossible_acceptance_says_why_too():
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("visas", 2), ("banking", 3))))
    game.apply(act.Counter(M, offer(("visas", 2), ("banking", 2))))
    index, event = game.events[-1] if game.events[-1][1].counter else next(
        (i, e) for i, e in reversed(game.events) if e.counter)
    assert "Moscow cannot accept “Banking” going past its absolute red line." in told(game, index, event).text


@pytest.mark.parametrize("scenario_id", ["new-start-2026", "autumn-2025"])
def test_no_opponent_asks_again_for_what_was_refused_past_an_absolute_red_line(scenario_id):
    scenario = resolve(scenario_id)
    names = ["tit-for-tat", "hardliner", "aspiration", "learner"]
    for washington in names:
        for moscow in names:
            game = simulate(scenario, washington, moscow, 51)
            refused: dict[tuple, int] = {}
            for action in game.actions:
                if not isinstance(action, act.Propose | act.Counter):
                    continue
                for crossed in absolute_crossings(scenario, action.side.other, action.offer.concessions):
                    asked = next(c.to for c in action.offer.concessions if c.irritant == crossed.irritant)
                    key = (action.side, crossed.irritant)
                    assert asked < refused.get(key, asked + 1), (
                        f"{washington} v {moscow}: {action.side.value} asks {crossed.irritant} {asked} again")
                    refused[key] = min(refused.get(key, asked), asked)
