"""What every computer opponent does the same way: never below its alternative, the deadline as an
ultimatum, no package put again once turned down, cooling on a side that pockets gestures, learning
the other side's priorities, conceding along a named curve, and the same decisions for the same seed.
"""

from __future__ import annotations

from collections import Counter

import pytest
from enginekit import M, W, lab, lab_text, offer, play_to_round, state_both, to_negotiation

from tabletop.engine import actions as act
from tabletop.engine.autoplay import simulate
from tabletop.engine.game import Game
from tabletop.engine.model import Effects, Posture, Side
from tabletop.engine.opponents import STRATEGIES, PlayerView, describe, make_opponent
from tabletop.engine.opponents.conduct import concession_curve, refusal_chance
from tabletop.engine.opponents.model import OpponentModel
from tabletop.engine.scenario import parse_scenario
from tabletop.engine.scoring import board_after, score
from tabletop.engine.state import Offer
from tabletop.scenarios.library import resolve

SEEDS = range(16)
LIBRARY = ("tutorial", "istanbul-2025-02", "istanbul-2025-04", "autumn-2025", "freeze", "new-start-2026")
STUDENT_LINES = ("free-rider", "ultimatum", "always-accept", "logroll")


def do(game: Game, action: act.Action) -> None:
    """Apply ``action`` at its side's next turn in the negotiation: neutral statements and passes until then."""
    side = action.side
    while not (game.state.phase.value == "negotiation" and game.state.to_move is side):
        if game.state.phase.value == "statements":
            state_both(game)
        else:
            game.apply(act.Pass(side.other))
    game.apply(action)


def to_speak(game: Game) -> None:
    """Pass out the round in progress (if one is), up to the statements of the next."""
    while game.state.phase.value != "statements":
        game.apply(act.Pass(game.awaiting()[0]))


def answers(game: Game, side: Side, seeds=SEEDS) -> dict[str, Counter]:
    """Per opponent, how it answers the package on the table over many seeds."""
    return {name: Counter(make_opponent(name, side, seed).decide(game).kind for seed in seeds) for name in STRATEGIES}


def final_round_offer(package) -> Game:
    """The lab in its last round, Washington's package on the table for Moscow."""
    scenario = lab()
    game = Game(scenario, 1)
    play_to_round(game, scenario.rounds)
    to_negotiation(game)
    if game.state.to_move is not W:
        game.apply(act.Pass(M))
    game.apply(act.Propose(W, package))
    return game


# --- never below the alternative -------------------------------------------------------------


def test_no_opponent_accepts_a_gain_that_leaves_it_below_its_walk_away_even_at_the_deadline():
    game = final_round_offer(offer(("banking", 2), ("flights", 2)))
    view = PlayerView(game, M)
    assert view.score_now < view.score_after(game.state.offer) < view.alternative  # a gain, short of 40
    for name, kinds in answers(game, M).items():
        assert kinds["accept"] == 0, name


def games_against_students() -> list[Game]:
    out = []
    for scenario_id in LIBRARY:
        scenario = resolve(scenario_id)
        for name in STRATEGIES:
            for student in STUDENT_LINES:
                for seed in (1, 2):
                    out.append(simulate(scenario, name, student, seed))
                    out.append(simulate(scenario, student, name, seed))
    return out


@pytest.fixture(scope="module")
def played() -> list[Game]:
    return games_against_students()


def test_no_opponent_accepts_or_concludes_below_its_walk_away_in_play(played):
    checked = 0
    for game in played:
        for n, action in enumerate(game.actions):
            side = getattr(action, "side", None)
            if side is None or game.seats[side] not in STRATEGIES:
                continue
            before = game.history[n]
            if isinstance(action, act.Accept):
                board = board_after(game.scenario, before.rungs, before.offer)
            elif isinstance(action, act.AgreeConclude):
                board = before.rungs
            else:
                continue
            checked += 1
            alternative = PlayerView(game.at(n), side).alternative
            assert score(game.scenario, side, board) >= alternative, (game.scenario.id, game.seats, n, action)
    assert checked >= 80, checked


def test_no_opponent_puts_a_package_again_that_the_other_side_turned_down(played):
    offers = 0
    for game in played:
        turned_down: dict[Side, set] = {W: set(), M: set()}
        table = None
        for action in game.actions:
            if isinstance(action, (act.Propose, act.Counter)):
                if isinstance(action, act.Counter) and table is not None:
                    turned_down[table[0]].add(table[1])
                if game.seats[action.side] in STRATEGIES:
                    offers += 1
                    assert action.offer.concessions not in turned_down[action.side], (game.seats, action)
                table = (action.side, action.offer.concessions)
            elif isinstance(action, act.Reject) and table is not None:
                turned_down[table[0]].add(table[1])
                table = None
            elif isinstance(action, act.Accept):
                table = None
    assert offers >= 1000, offers


# --- the deadline: an ultimatum --------------------------------------------------------------------


def test_the_chance_of_refusing_a_final_offer_grows_as_ones_share_shrinks():
    assert refusal_chance(0.5) == refusal_chance(0.35) == 0.0
    assert refusal_chance(0.10) == pytest.approx(1.0) and refusal_chance(0.0) == 1.0
    assert refusal_chance(0.225) == pytest.approx(0.5)
    shares = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35]
    chances = [refusal_chance(s) for s in shares]
    assert chances == sorted(chances, reverse=True)


def test_at_the_deadline_a_lopsided_package_is_a_gamble_and_a_fair_one_is_not():
    seeds = range(64)
    fair = answers(final_round_offer(offer(("banking", 2), ("visas", 3))), M, seeds)  # Moscow 63.2
    lopsided = answers(final_round_offer(offer(("banking", 2), ("flights", 1), ("visas", 2))), M, seeds)  # 50.0
    for name in STRATEGIES:
        assert fair[name]["accept"] == len(seeds), name
        assert 0 < lopsided[name]["accept"] < len(seeds), (name, lopsided[name])


def test_the_gamble_is_drawn_from_the_opponents_own_seeded_generator():
    game = final_round_offer(offer(("banking", 2), ("flights", 1), ("visas", 2)))
    for name in STRATEGIES:
        first = [make_opponent(name, M, seed).decide(game) for seed in range(32)]
        again = [make_opponent(name, M, seed).decide(game.copy()) for seed in range(32)]
        assert first == again


# --- reciprocity: cooling on a side that pockets gestures --------------------------------------------


def pocketed(returned: bool) -> tuple[Game, Game]:
    """The lab at the start of a round, Washington (the opponent) to speak. Washington gestured twice (visas
    0 to 2) and Moscow gave nothing back, or returned one gesture (banking to 2); the twin reached the same
    round, board and trust by news from outside (injects), with no gestures at all."""
    scenario = lab(visas_start=0, banking_red="{ rung = 3, absolute = true }")
    game, twin = Game(scenario, 1), Game(scenario, 1)
    do(game, act.Gesture(W, "visas", 1))
    to_speak(game)
    do(game, act.Gesture(W, "visas", 2))
    if returned:
        do(game, act.Gesture(M, "banking", 2))
    to_speak(game)
    moved = {"visas": 2, "banking": 1} if returned else {"visas": 2}
    twin.apply(act.CustomInject("News", "Things move.", Effects(rungs=moved)))
    twin.apply(act.CustomInject("Mood", "The mood changes.", Effects(trust=game.state.trust - twin.state.trust)))
    play_to_round(twin, game.state.round)
    assert game.state.rungs == twin.state.rungs and game.state.trust == twin.state.trust
    return game, twin


def acceptances(game: Game, packages) -> Counter:
    """How often the GRIT opponent (Washington) accepts each Moscow package, over many seeds."""
    out: Counter = Counter()
    for package in packages:
        position = game.copy()
        do(position, act.Propose(M, package))
        out[package] = sum(make_opponent("grit", W, seed).decide(position).kind == "accept" for seed in SEEDS)
    return out


PACKAGES = [offer(("banking", 3), *extra) for extra in
            ((), (("visas", 3),), (("flights", 1),), (("flights", 1), ("visas", 3)), (("flights", 2),),
             (("flights", 2), ("visas", 3)))]
"""Moscow's packages, worth 85 down to 56 to Washington (walk-away 50)."""


def test_a_side_that_pockets_two_gestures_finds_grit_cooler_in_words_and_price():
    game, twin = pocketed(returned=False)
    assert Counter(make_opponent("grit", W, s).decide(twin).posture for s in SEEDS)[Posture.CONCILIATORY] >= 12
    assert Counter(make_opponent("grit", W, s).decide(game).posture for s in SEEDS)[Posture.CONCILIATORY] <= 4
    cold, warm = acceptances(game, PACKAGES), acceptances(twin, PACKAGES)
    assert all(cold[p] <= warm[p] for p in PACKAGES)
    assert sum(cold.values()) < sum(warm.values())


def test_returning_a_gesture_warms_grit_back():
    game, twin = pocketed(returned=True)
    assert Counter(make_opponent("grit", W, s).decide(game).posture for s in SEEDS)[Posture.CONCILIATORY] >= 12
    assert acceptances(game, PACKAGES) == acceptances(twin, PACKAGES)


# --- the opponent model: learning priorities, trading on them -----------------------------------------


TWO_ASKS = lab_text(first="moscow").replace(
    '[[irritants]]\nid = "flights"',
    '[[irritants]]\nid = "consulate"\nname = "Consulate"\nmover = "washington"\nrungs = ["Closed", "Skeleton", '
    '"Open"]\nstart = 0\n\n[[irritants]]\nid = "flights"').replace(
    "visas = { gain = 0, cost = 20 }", "visas = { gain = 0, cost = 20 }\nconsulate = { gain = 0, cost = 20 }").replace(
    "visas = { gain = 50, cost = 0 }", "visas = { gain = 50, cost = 0 }\nconsulate = { gain = 50, cost = 0 }")
# Washington moves visas and a consulate, each costing it the same; Moscow values both the same.


def asked_for(irritant: str) -> Game:
    """Moscow asks twice for one of Washington's two levers (Washington turns it down); round 3 of 8."""
    game = Game(parse_scenario(TWO_ASKS.replace("rounds = 6", "rounds = 8")), 1)
    for _ in range(2):
        do(game, act.Propose(M, offer((irritant, 2), ("banking", 2))))
        game.apply(act.Reject(W))
    while not (game.state.phase.value == "negotiation" and game.state.to_move is W):
        if game.state.phase.value == "statements":
            state_both(game)
        else:
            game.apply(act.Pass(M))
    assert game.state.round == 3
    return game


def proposed(action: act.Action) -> Offer:
    """The package an opponent proposes: alone, or the first (its own choice) of a set of equal packages."""
    assert isinstance(action, act.Propose | act.ProposeMeso), action
    return action.offer if isinstance(action, act.Propose) else action.offers[0]


@pytest.mark.parametrize(("asked", "other"), [("visas", "consulate"), ("consulate", "visas")])
def test_the_model_ranks_what_the_other_side_keeps_asking_for_above_what_it_never_asks(asked, other):
    game = asked_for(asked)
    view = PlayerView(game, W)
    model = OpponentModel(view)
    model.update(view)
    per_rung = model.per_rung()
    assert per_rung[view.position[asked]] > per_rung[view.position[other]] > 0


@pytest.mark.parametrize(("asked", "other"), [("visas", "consulate"), ("consulate", "visas")])
@pytest.mark.parametrize("name", ["learner", "tit-for-tat", "aspiration"])
def test_an_opponent_gives_what_the_other_side_asked_for_before_an_equal_cost_it_did_not(name, asked, other):
    """The two levers cost Washington the same; its package gives more of the one Moscow asked for."""
    game = asked_for(asked)
    view = PlayerView(game, W)
    more = 0
    for seed in range(8):
        package = proposed(make_opponent(name, W, seed).decide(game))
        steps = {c.irritant: c.to - view.rungs[view.position[c.irritant]] for c in package.concessions}
        assert steps.get(asked, 0) >= steps.get(other, 0), package
        more += steps.get(asked, 0) > steps.get(other, 0)
    assert more >= 6


# --- concession curves ------------------------------------------------------------------------------


def test_the_concession_curve_is_boulware_below_e_1_and_conceder_above():
    alt, best = 40.0, 80.0
    assert concession_curve(alt, best, 0.0, 0.2) == concession_curve(alt, best, 0.0, 3.0) == best
    assert concession_curve(alt, best, 1.0, 0.2) == concession_curve(alt, best, 1.0, 3.0) == alt
    halfway = {e: concession_curve(alt, best, 0.5, e) for e in (0.2, 0.5, 1.0, 3.0)}
    assert halfway[1.0] == pytest.approx(60.0)
    assert halfway[0.2] > halfway[0.5] > halfway[1.0] > halfway[3.0]
    assert halfway[0.2] > 78 and halfway[3.0] < 50


def conceding(moscow_concedes: bool) -> Game:
    """Rounds 1-3 of the lab: Moscow proposes each round, coming Washington's way (its last package worth
    61 to Washington, whose walk-away is 50) or standing still (every package below 50)."""
    game = Game(lab(rounds=8, first="moscow"), 1)
    packages = [offer(("flights", 2), ("visas", 3)), offer(("banking", 2), ("flights", 1), ("visas", 3)),
                offer(("banking", 2), ("visas", 2))]
    if not moscow_concedes:
        packages = [offer(("flights", 2), ("visas", 3)), offer(("flights", 1), ("visas", 3)),
                    offer(("flights", 2), ("visas", 2))]
    for package in packages:
        do(game, act.Propose(M, package))
        game.apply(act.Reject(W))
    while not (game.state.phase.value == "negotiation" and game.state.to_move is W):
        if game.state.phase.value == "statements":
            state_both(game)
        else:
            game.apply(act.Pass(M))
    return game


@pytest.mark.parametrize("name", ["tit-for-tat", "learner"])
def test_an_opponent_answers_the_other_sides_concessions_with_its_own(name):
    """Washington's next package asks for less when Moscow's packages came its way than when they did not."""
    asked = {}
    for concedes in (True, False):
        game = conceding(concedes)
        values = []
        for seed in range(6):
            values.append(PlayerView(game, W).offer_value(proposed(make_opponent(name, W, seed).decide(game))))
        asked[concedes] = sum(values) / len(values)
    assert asked[True] < asked[False]


# --- seven opponents, each described ---------------------------------------------------------------


def test_seven_opponents_each_with_a_paragraph_for_the_help_screen():
    assert list(STRATEGIES) == ["tit-for-tat", "grit", "hardliner", "conceder", "opportunist", "aspiration",
                                "learner"]
    for name in STRATEGIES:
        text = describe(name)
        assert len(text.split()) >= 40 and "\n" not in text, name


@pytest.mark.parametrize("name", ["aspiration", "learner"])
def test_an_opponent_carried_through_a_game_decides_as_one_built_at_any_moment(name):
    scenario = resolve("istanbul-2025-04")
    for other in ("free-rider", "logroll", "tit-for-tat"):
        game = simulate(scenario, name, other, 7)
        for n in range(0, len(game.actions), 3):
            position = Game.replay(scenario, 7, game.actions[:n])
            if W in position.awaiting():
                assert make_opponent(name, W, 7).decide(position) == game.actions[n]
