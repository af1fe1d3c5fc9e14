"""The process moves (issue 10, point 3): asking and stating priorities, several packages at once (MESOs),
an address to Europe or Beijing; what the other side may see of them; the computer opponents' use of them;
saves that carry them; and rules-2 saves made before them, which replay exactly as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from enginekit import lab, offer, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.autoplay import simulate
from tabletop.engine.conduct import conduct
from tabletop.engine.disclosures import disclosure_lines, disclosures
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Message, Posture, Response, Side
from tabletop.engine.opponents import make_opponent
from tabletop.engine.opponents.model import OpponentModel
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.options import options, refusal
from tabletop.engine.process import MESO_TOLERANCE, address_effects, meso_values, priority_order
from tabletop.engine.process_options import process_options
from tabletop.engine.views import log_for
from tabletop.saves.format import load_save
from tabletop.saves.writer import write_game

W, M = Side.WASHINGTON, Side.MOSCOW

AUDIENCES = """
[[audiences]]
id = "europe"
name = "European capitals"
stance = "Watch the table."

[[audiences]]
id = "china"
name = "Beijing"
stance = "Watches too."
"""

# Washington's score: banking +27.8 a rung, visas and flights -11.1 a rung: these two are worth the same to it.
EQUAL = (offer(("banking", 2), ("visas", 2)), offer(("banking", 2), ("flights", 1)))
BETTER = offer(("banking", 2))
# Also equal for Washington (+5.6 each); Moscow gains far more from the first.
GENEROUS = (offer(("banking", 2), ("visas", 3)), offer(("banking", 2), ("visas", 2), ("flights", 1)))


RULES_2 = Path(__file__).parent.parent / "data" / "saves-v2"


def negotiating(**options_) -> Game:
    game = Game(lab(AUDIENCES, **options_), 1)
    to_negotiation(game)
    assert game.state.to_move is W
    return game


# --- asking and stating priorities ---------------------------------------------------


def test_a_question_must_be_answered_before_anything_else():
    game = negotiating()
    game.apply(act.AskPriorities(W))
    assert game.awaiting() == (M,)
    assert sorted(options(game, M).kinds) == ["disclose_priorities", "walk_out"]
    assert "answer first" in refusal(game, act.Propose(M, offer(("visas", 2)))).lower()
    game.apply(act.DisclosePriorities(M, ("flights",)))
    assert game.awaiting() == (W,), "the answer hands the floor back to the side that asked"
    assert "already asked" in refusal(game, act.AskPriorities(W))


def test_declining_to_say_answers_a_question_but_an_unasked_statement_names_something():
    game = negotiating()
    assert "at least one irritant" in refusal(game, act.DisclosePriorities(W, ()))
    game.apply(act.AskPriorities(W))
    events = game.apply(act.DisclosePriorities(M, ()))
    assert "declines to say" in events[0].text


def test_an_unasked_statement_keeps_the_turn_once_a_round():
    game = negotiating()
    game.apply(act.DisclosePriorities(W, ("banking", "flights")))
    assert game.awaiting() == (W,)
    assert "already stated" in refusal(game, act.DisclosePriorities(W, ("banking",)))
    assert "named twice" in refusal(Game.replay(game.scenario, 1, game.actions[:-1]),
                                    act.DisclosePriorities(W, ("banking", "banking")))


def test_the_truth_never_reaches_the_other_side():
    game = negotiating()
    truth = priority_order(game.scenario, M)
    assert truth == ("visas", "flights")
    game.apply(act.AskPriorities(W))
    game.apply(act.DisclosePriorities(M, ("flights", "banking")))  # not what its brief says
    for viewer in (W, M):
        told = [e for _, e in log_for(game, viewer) if e.kind is EventKind.DISCLOSURE]
        assert [e.ranking for e in told] == [("flights", "banking")]
        assert all("Visas" not in e.text for e in told)
    view = PlayerView(game, W)
    assert view.my_priorities() == priority_order(game.scenario, W)
    assert "visas" not in json.dumps(game.state.to_dict()).split('"rungs"')[0]  # no ranking kept in the state
    found = disclosures(game)
    assert [(d.said, d.truth, d.asked, d.truthful) for d in found] == [(("flights", "banking"), truth, True, False)]
    line = disclosure_lines(game.scenario, tuple(found))[0]
    assert "Moscow said Flights, Banking; in truth: Visas, Flights" in line and "misleading" in line


def test_time_up_on_a_question_declines_to_say():
    game = negotiating()
    game.apply(act.AskPriorities(W))
    events = game.apply(act.TimeUp())
    assert any("declining to say" in e.text for e in events)
    assert game.awaiting() == (W,)
    # the debrief tells it as the log did: Moscow was asked and said nothing (not "nothing was asked")
    found = disclosures(game)
    assert [(d.side, d.said, d.asked) for d in found] == [(M, (), True)]
    assert "Moscow declined to say" in disclosure_lines(game.scenario, tuple(found))[0]


# --- several packages at once ----------------------------------------------------------


def test_a_set_must_be_of_equal_value_to_its_proposer():
    game = negotiating()
    values = meso_values(game.scenario, game.state, W, EQUAL)
    assert abs(values[0] - values[1]) <= MESO_TOLERANCE
    assert "equal value" in refusal(game, act.ProposeMeso(W, (EQUAL[0], BETTER)))
    assert "2 or 3 packages" in refusal(game, act.ProposeMeso(W, (BETTER,)))
    assert "2 or 3 packages" in refusal(game, act.ProposeMeso(W, (*EQUAL, *EQUAL)))
    assert "differ" in refusal(game, act.ProposeMeso(W, (EQUAL[0], EQUAL[0])))
    assert refusal(game, act.ProposeMeso(W, EQUAL)) == ""


def test_the_other_side_picks_one_package_of_the_set():
    game = negotiating()
    game.apply(act.ProposeMeso(W, EQUAL))
    seat = options(game, M)
    assert {"accept_option", "counter", "reject"} <= seat.kinds and "accept" not in seat.kinds
    assert "propose" not in seat.kinds and "gesture" not in seat.kinds
    assert "no package 3" in refusal(game, act.AcceptOption(M, 2))
    events = game.apply(act.AcceptOption(M, 1))
    assert "picks package 2 of 2" in events[0].text
    assert game.state.deals[-1].offer == EQUAL[1]
    assert game.state.meso == ()


def test_a_counter_or_a_rejection_clears_the_whole_set():
    game = negotiating()
    game.apply(act.ProposeMeso(W, EQUAL))
    trial = game.copy()
    trial.apply(act.Counter(M, offer(("visas", 3))))
    assert trial.state.meso == () and trial.state.offer == offer(("visas", 3))
    events = game.apply(act.Reject(M))
    assert "rejects every package" in events[0].text
    assert game.state.meso == () and game.state.phase.value != "negotiation"


# --- an address to an audience -----------------------------------------------------------


def test_signalling_ones_own_partner_firms_the_outside_option_by_less_each_time():
    game = negotiating()
    start, trust = game.state.alternative_of(W), game.state.trust
    events = game.apply(act.Address(W, "europe", Message.SIGNAL))
    assert events[0].kind is EventKind.ADDRESS and events[0].audience == "europe"
    assert game.state.alternative_of(W) == start + 2 and game.state.trust == trust - 3
    assert all(f"{start + 2:g}" not in e.text for e in events), "the outside option stays in its own brief"
    assert not game.flow.has_not_addressed(W), "once a round"
    later = [address_effects(game.state.evolve(signals=(n, 0)), W, "europe", Message.SIGNAL).alternative
             for n in (1, 2)]
    assert later == [{"washington": 1}, {}]


def test_a_wedge_does_not_use_up_the_signal_to_ones_own_partner():
    game = negotiating()
    start = game.state.alternative_of(W)
    game.apply(act.Address(W, "china", Message.SIGNAL))  # a wedge between Moscow and Beijing
    assert game.state.alternative_of(W) == start
    assert address_effects(game.state, W, "europe", Message.SIGNAL).alternative == {"washington": 2}


def test_reassuring_ones_own_partner_is_not_free():
    """Promising one's partners the talks will not come at their expense is heard at the table: it buys
    standing at home for some trust, so it is a choice, not a better pass."""
    game = negotiating()
    trust = game.state.trust
    game.apply(act.Address(W, "europe", Message.REASSURE))
    assert game.state.trust < trust


def test_reassuring_partners_and_driving_a_wedge():
    game = negotiating()
    standing = game.state.standing_of(W)
    assert "no audience 'nato'" in refusal(game, act.Address(W, "nato", Message.SIGNAL)).lower()
    game.apply(act.Address(W, "europe", Message.REASSURE))
    assert game.state.standing_of(W) == standing + 2
    game.apply(act.Address(M, "europe", Message.SIGNAL))  # Moscow drives a wedge between Washington and Europe
    assert game.state.standing_of(W) == standing + 2 - 2


# --- the computer opponents ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("tit-for-tat", ("visas", "flights")),
    ("grit", ("visas", "flights")),
    ("conceder", ("visas", "flights")),
    ("learner", ("visas", "flights")),
    ("aspiration", ("visas",)),
    ("hardliner", ("visas",)),
    ("opportunist", ("flights", "visas")),
])
def test_each_opponent_answers_a_question_in_its_own_way(name, expected):
    game = negotiating()
    game.apply(act.AskPriorities(W))
    answers = {make_opponent(name, M, seed).decide(game) for seed in (1, 2, 3)}
    assert answers == {act.DisclosePriorities(M, expected)}


def test_an_opponent_picks_the_package_of_the_set_best_for_itself():
    game = negotiating()
    game.apply(act.ProposeMeso(W, GENEROUS))
    picks = {name: make_opponent(name, M, 4).decide(game) for name in
             ("tit-for-tat", "grit", "conceder", "learner", "aspiration", "hardliner", "opportunist")}
    assert picks["conceder"] == act.AcceptOption(M, 0)
    assert act.AcceptOption(M, 1) not in picks.values(), "option 2 gives Moscow less than option 1"
    assert picks == {name: make_opponent(name, M, 4).decide(game) for name in picks}, "deterministic for a seed"
    reversed_ = negotiating()
    reversed_.apply(act.ProposeMeso(W, GENEROUS[::-1]))
    assert make_opponent("conceder", M, 4).decide(reversed_) == act.AcceptOption(M, 1), "the best, not the first"


def test_a_disclosure_enters_the_model_of_the_other_side():
    game = negotiating()
    game.apply(act.AskPriorities(W))
    before = OpponentModel(PlayerView(game, W))
    before.update(PlayerView(game, W))
    game.apply(act.DisclosePriorities(M, ("flights",)))
    after = OpponentModel(PlayerView(game, W))
    after.update(PlayerView(game, W))
    flights = game.scenario.position["flights"]
    assert after.per_rung()[flights] > before.per_rung()[flights]
    assert after.disclosed == ("flights",)


def test_opponents_ask_offer_sets_and_address_their_partners_deterministically():
    scenario = load_save(RULES_2 / "istanbul-2025-04.jsonl").scenario  # frozen in the save: retuning cannot move it
    kinds = set()
    for opponent in ("tit-for-tat", "hardliner", "conceder"):
        game = simulate(scenario, opponent, "learner", 0)
        assert game.actions == simulate(scenario, opponent, "learner", 0).actions
        kinds |= {a.kind for a in game.actions}
    assert {"ask_priorities", "disclose_priorities", "propose_meso", "address"} <= kinds


# --- saves --------------------------------------------------------------------------------------


def test_a_save_with_every_process_move_round_trips(tmp_path: Path):
    game = negotiating()
    game.apply(act.AskPriorities(W))
    game.apply(act.DisclosePriorities(M, ("flights", "visas")))
    game.apply(act.DisclosePriorities(W, ("banking",)))
    game.apply(act.ProposeMeso(W, EQUAL))
    game.apply(act.AcceptOption(M, 0))
    while game.state.phase.value != "negotiation":
        game.apply(act.Statement(game.awaiting()[0], next(iter(options(game, game.awaiting()[0]).postures))))
    game.apply(act.Address(game.awaiting()[0], "china", Message.REASSURE))
    path = tmp_path / "process.jsonl"
    write_game(game, path)
    loaded = load_save(path)
    replayed = loaded.verify()
    assert replayed.actions == game.actions and replayed.fingerprint() == game.fingerprint()
    assert [d.said for d in conduct(replayed, [], replayed.final_scores()).disclosures] == [
        ("flights", "visas"), ("banking",)]


EXPECTED = json.loads((RULES_2 / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_rules_2_save_made_before_the_process_moves_replays_exactly(name):
    """Made with the code before the process moves (computer games, every fingerprint recorded)."""
    game = load_save(RULES_2 / name).verify()
    expected = EXPECTED[name]
    assert game.fingerprint() == expected["fingerprint"]
    assert {s.value: v for s, v in game.final_scores().items()} == expected["scores"]
    assert game.state.outcome == expected["outcome"] and len(game.actions) == expected["actions"]


def test_illegal_process_moves_leave_the_game_as_it_was():
    game = negotiating()
    before = game.fingerprint()
    for action in (act.AcceptOption(W, 0), act.DisclosePriorities(W, ("nothing",)), act.AskPriorities(M),
                   act.Address(M, "europe", Message.SIGNAL)):
        with pytest.raises(IllegalAction):
            game.apply(action)
    assert game.fingerprint() == before


def test_the_seats_process_options_are_moves_the_engine_accepts():
    game = Game(load_save(RULES_2 / "istanbul-2025-04.jsonl").scenario, 4)
    while game.state.phase.value != "negotiation":
        side = game.awaiting()[0]
        pending = game.state.pending
        game.apply(act.RespondInject(side, pending[0], Response.ABSORB) if pending else act.Statement(side, Posture.NEUTRAL))
    side = game.awaiting()[0]
    seat = process_options(game, side)
    assert seat.may_ask and seat.may_disclose and not seat.answering
    assert seat.sets, "a scenario of eight irritants offers sets of equal packages"
    for offers in seat.sets:
        assert refusal(game, act.ProposeMeso(side, offers)) == ""
    assert len(seat.addresses) == 2 * len(game.scenario.audiences)
    game.apply(act.ProposeMeso(side, seat.sets[0]))
    picks = process_options(game, side.other).picks
    assert [p.offer for p in picks] == list(seat.sets[0])
    trial = game.copy()
    trial.apply(act.AcceptOption(side.other, 0))
    assert trial.score(side.other) == pytest.approx(picks[0].score_after)
