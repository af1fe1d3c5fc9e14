"""Issue 11, snag 1 (review): a computer opponent that turns a package down by choice says why.

No rule forbids it to accept, it simply does not want the package: the player is
told, in words from the opponent's own evaluation that name an irritant and no
number, why (the package leaves it worse off than no agreement, which part
costs it too much...). The reason travels in the ``Reject`` action, so a replay
shows the same words without re-running the opponent; a human's rejection is
saved exactly as before.
"""

from __future__ import annotations

import re

import pytest
from enginekit import M, W, lab, lab_text, offer, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.action_reader import action_from_dict
from tabletop.engine.autoplay import simulate
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Posture
from tabletop.engine.opponents import STRATEGIES, make_opponent
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.options import rejection_reason, told
from tabletop.engine.scenario import parse_scenario
from tabletop.engine.state import Phase
from tabletop.scenarios.library import resolve


def last_reject(game: Game) -> tuple[int, str]:
    index, event = next((i, e) for i, e in reversed(game.events) if e.kind is EventKind.REJECT)
    return index, told(game, index, event).text


@pytest.mark.parametrize("name", sorted(STRATEGIES))
def test_a_package_that_leaves_the_computer_worse_off_than_no_deal_is_refused_with_a_reason(name):
    game = Game(lab(exchange_limit=1), 1)  # one exchange: the opponent may not counter, only answer
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", 2))))  # Moscow's cost, nothing for it in return
    answer = make_opponent(name, M, 1).decide(game)
    assert isinstance(answer, act.Reject)
    game.apply(answer)
    index, text = last_reject(game)
    assert rejection_reason(game, index) == ""  # no rule forbade it: a free choice
    assert text.startswith("Moscow rejects the package; the negotiation closes for this round. Moscow ")
    assert "no agreement" in text and "“Banking”" in text, text
    assert not re.search(r"\d", text), text


def test_every_computer_rejection_by_choice_says_why_in_words_without_a_number():
    scenario = resolve("autumn-2025")
    seen = 0
    for washington, moscow in (("hardliner", "tit-for-tat"), ("learner", "aspiration"), ("conceder", "hardliner")):
        game = simulate(scenario, washington, moscow, 7)
        for index, event in game.events:
            if event.kind is not EventKind.REJECT:
                continue
            seen += 1
            said = event.reason or rejection_reason(game, index)
            assert said, f"{washington} v {moscow}: {event.text}"
            assert not re.search(r"\d", said), said
            assert told(game, index, event).text.endswith(said + ".")
    assert seen >= 3, "these games should hold some rejections"


def test_a_replay_shows_the_same_reason_without_the_opponent():
    game = simulate(resolve("autumn-2025"), "hardliner", "tit-for-tat", 7)
    saved = [action_from_dict(a.to_dict()) for a in game.actions]
    again = Game.replay(game.scenario, game.seed, saved)
    reasons = [e.reason for _, e in game.events if e.kind is EventKind.REJECT and e.reason]
    assert reasons
    assert [e.reason for _, e in again.events if e.kind is EventKind.REJECT and e.reason] == reasons
    assert again.state.fingerprint() == game.state.fingerprint()


def test_a_human_rejection_saves_as_before_and_a_reason_is_one_short_line():
    assert act.Reject(W).to_dict() == {"type": "reject", "side": "washington"}
    assert action_from_dict({"type": "reject", "side": "moscow"}) == act.Reject(M)
    game = Game(lab(), 1)
    to_negotiation(game)
    game.apply(act.Propose(W, offer(("banking", 2))))
    for bad in ("two\nlines", "x" * 201):
        with pytest.raises(IllegalAction, match="one line of at most 200 characters"):
            game.apply(act.Reject(M, reason=bad))


def test_a_set_of_packages_turned_down_by_choice_says_why_too():
    game = Game(lab(exchange_limit=1), 1)
    to_negotiation(game)
    game.apply(act.ProposeMeso(W, (offer(("banking", 2), ("flights", 1)), offer(("banking", 2), ("visas", 2)))))
    answer = make_opponent("tit-for-tat", M, 1).decide(game)
    assert isinstance(answer, act.Reject)
    game.apply(answer)
    _, text = last_reject(game)
    assert text.startswith("Moscow rejects every package on the table; the negotiation closes for this round. ")
    assert "these packages" in text and "“Banking”" in text, text


@pytest.mark.parametrize("name", sorted(STRATEGIES))
def test_the_words_of_a_refusal_do_not_depend_on_the_walk_away(name):
    """A player cannot probe for the walk-away by the wording: the same package on the same board is refused in
    the same words whether it leaves the opponent above or below its walk-away (issue 10, refusal review)."""
    package = offer(("banking", 2), ("flights", 1))  # Moscow scores it 23.7 on this board (21.1 now)
    said = {}
    for walk_away in (22, 80):
        scenario = parse_scenario(lab_text(exchange_limit=1).replace("walk_away = 40", f"walk_away = {walk_away}"),
                                  "lab.toml")
        game = Game(scenario, 1)
        to_negotiation(game)
        game.apply(act.Propose(W, package))
        answer = make_opponent(name, M, 1).decide(game)
        assert isinstance(answer, act.Reject), (walk_away, answer)
        said[walk_away] = answer.reason
    assert said[22] == said[80] and said[22], said
    assert "no agreement" not in said[22]  # it gains from this package: it says what it wants, not "no deal"


def test_a_cooled_opponent_refuses_in_any_delegation_s_words_without_announcing_its_rule():
    """A side that pocketed two gestures finds the conceder cooled; it refuses a small package in the words any
    delegation would use, and says nothing of gestures to be returned (a reciprocal style stays hidden until the
    debrief)."""
    game = Game(lab(visas_start=0, banking_start=0, exchange_limit=1), 2)  # no counter: an answer
    conceder = make_opponent("conceder", M, 2)
    def my_turn_in_round_4() -> bool:
        state = game.state
        return (state.round >= 4 and state.phase is Phase.NEGOTIATION and game.awaiting()[0] is W
                and state.offer is None and not state.meso)

    while not my_turn_in_round_4():
        if game.awaiting()[0] is M:
            game.apply(conceder.decide(game))
        elif game.state.phase is Phase.STATEMENTS:
            game.apply(act.Statement(W, Posture.NEUTRAL))
        elif game.state.offer is not None or game.state.meso:
            game.apply(act.Reject(W))
        else:
            game.apply(act.Pass(W))
    assert sum(1 for a in game.actions if a.kind == "gesture" and a.side is M) == 2  # both pocketed
    game.apply(act.Propose(W, offer(("visas", 1))))
    answer = conceder.decide(game)
    assert conceder.cold(PlayerView(game, M))
    assert isinstance(answer, act.Reject)
    assert answer.reason == "Moscow wants more in return before it can agree to this package"
