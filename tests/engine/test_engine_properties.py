"""Invariants under random legal play (hypothesis).

A driver picks, for the side the game awaits (or now and then the facilitator),
one of ``game.legal_kinds(side)`` and builds random parameters for it, good or
bad. Whatever happens, the meters stay in range, the rungs on their ladders, a
negotiating action moves only what its side may move, a refused action leaves
the game untouched, and the action log replays to the very same game.
"""

from __future__ import annotations

import json

import attrs
from enginekit import M, W, lab
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tabletop.engine import actions as act
from tabletop.engine.action_reader import action_from_dict
from tabletop.engine.effects import TENSION_MAX
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Effects, Message, Mover, Posture, Response, Side
from tabletop.engine.state import Concession, Offer
from tabletop.scenarios.library import resolve

RICH_EXTRA = """
[[injects]]
id = "leak"
title = "Leak"
text = "A leak."
kind = "scheduled"
round = 2
target = "both"
expected_action = "Stay calm."
objective = "obj"
effects = { trust = -4, rungs = { visas = -1 } }
check = { rungs_at_least = { visas = 2 } }

[[injects]]
id = "leak-again"
title = "Another leak"
text = "Another leak."
kind = "contingency"
follows = "leak"
after_rounds = 2
target = "both"
expected_action = "Stay calm."
objective = "obj"
effects = { tension = 1 }

[[injects]]
id = "slump"
title = "Slump"
text = "Trust slumps."
kind = "conditional"
when = { trust_below = 40 }
target = "both"
expected_action = "Rebuild."
objective = "obj"
effects = { tension = 1, rungs = { banking = -1 } }

[[injects]]
id = "storm"
title = "Storm"
text = "A storm."
kind = "random"
probability = 0.4
target = "both"
expected_action = "Shelter."
objective = "obj"
effects = { rungs = { flights = 1 }, standing = { moscow = -3 } }

[[injects]]
id = "ultimatum"
title = "Ultimatum"
text = "A demand."
kind = "scheduled"
round = 3
target = "washington"
expected_action = "Respond."
objective = "obj"
respond = { trust = 3, rungs = { visas = 1 } }
absorb = { standing = { washington = -4 } }
respond_label = 'Answer it'
absorb_label = 'Let it pass'

[[injects]]
id = "protest"
title = "Protest"
text = "A protest."
kind = "conditional"
when = { round_at_least = 99 }
target = "moscow"
expected_action = "Answer."
objective = "obj"
respond = { trust = -2 }
absorb = { tension = 1 }
respond_label = 'Answer it'
absorb_label = 'Let it pass'

[[audiences]]
id = "europe"
name = "Europe"
stance = "Watching."

[[audiences.reactions]]
on = "concession"
irritant = "flights"
text = "Flights worry Europe."
effects = { standing = { washington = -2 } }

[[audiences.reactions]]
on = "retaliation"
text = "Europe protests."
inject = "protest"

[[audiences.reactions]]
on = "statement"
posture = "hardline"
text = "Hard words."
effects = { trust = -1 }
"""

SCENARIOS = {
    "tutorial": resolve("tutorial"),
    "lab": lab(RICH_EXTRA, tone_min=-0.6, tone_max=0.6, tone_drift=0.4, trust=45, exchange_limit=2),
}

ENDINGS = ("walk_out", "propose_conclude", "agree_conclude")


def build(data, game: Game, kind: str, side: Side | None) -> act.Action:
    """An action of ``kind`` for ``side`` with random (often legal, sometimes not) parameters."""
    scenario = game.scenario
    irritants = [i.id for i in scenario.irritants]
    any_irritant = st.sampled_from([*irritants, "nowhere"]) if data.draw(st.integers(0, 9)) == 0 \
        else st.sampled_from(irritants)

    def rung(irritant_id: str, up: bool) -> int:
        if irritant_id not in scenario.position:
            return 1
        current = game.state.rung(scenario, irritant_id)
        top = scenario.irritant(irritant_id).top
        if data.draw(st.integers(0, 7)) == 0:
            return data.draw(st.integers(-1, top + 1))
        if up:
            return data.draw(st.integers(min(current + 1, top), top))
        return data.draw(st.integers(0, max(0, current - 1)))

    def an_offer() -> Offer:
        chosen = data.draw(st.lists(any_irritant, min_size=1, max_size=3, unique=True))
        concessions = tuple(Concession(i, rung(i, True)) for i in chosen)
        links = []
        if len(chosen) > 1 and data.draw(st.booleans()):
            links.append((chosen[0], chosen[1]))
        return Offer(concessions, tuple(links))

    if kind == "statement":
        return act.Statement(side, data.draw(st.sampled_from(list(Posture))))
    if kind == "respond_inject":
        pending = game.state.pending[0] if game.state.pending else "ultimatum"
        return act.RespondInject(side, pending, data.draw(st.sampled_from(list(Response))))
    if kind in ("propose", "counter"):
        return (act.Propose if kind == "propose" else act.Counter)(side, an_offer())
    if kind in ("gesture", "retaliate"):
        irritant = data.draw(any_irritant)
        cls = act.Gesture if kind == "gesture" else act.Retaliate
        return cls(side, irritant, rung(irritant, kind == "gesture"))
    if kind == "renege":
        deals = game.state.deals
        number = data.draw(st.integers(1, len(deals) + (1 if data.draw(st.integers(0, 9)) == 0 else 0) or 1))
        deal_irritants = list(deals[number - 1].offer.irritants()) if number <= len(deals) else irritants
        return act.Renege(side, number, data.draw(st.sampled_from(deal_irritants)))
    if kind == "disclose_priorities":
        ranking = data.draw(st.lists(st.sampled_from([*irritants, "nothing"]), max_size=3))
        return act.DisclosePriorities(side, tuple(ranking))
    if kind == "propose_meso":
        return act.ProposeMeso(side, tuple(an_offer() for _ in range(data.draw(st.integers(1, 4)))))
    if kind == "accept_option":
        return act.AcceptOption(side, data.draw(st.integers(-1, 3)))
    if kind == "address":
        audiences = [a.id for a in scenario.audiences] + ["nobody"]
        return act.Address(side, data.draw(st.sampled_from(audiences)), data.draw(st.sampled_from(list(Message))))
    if kind == "fire_inject":
        return act.FireInject(data.draw(st.sampled_from([i.id for i in scenario.injects] + ["nothing"])))
    if kind == "custom_inject":
        effects = Effects(
            trust=data.draw(st.integers(-15, 15)),
            tension=data.draw(st.integers(-2, 2)),
            standing={s: data.draw(st.integers(-15, 15)) for s in data.draw(
                st.lists(st.sampled_from(["washington", "moscow"]), unique=True, max_size=2))},
            rungs={i: data.draw(st.integers(-2, 2)) for i in data.draw(
                st.lists(st.sampled_from(irritants), unique=True, max_size=2))},
        )
        return act.CustomInject(data.draw(st.sampled_from(["News", "Scandal", ""])), "Free text.", effects)
    return generic(data, game, act.ACTION_TYPES[kind], side)


def generic(data, game: Game, cls: type[act.Action], side: Side | None) -> act.Action:
    """Any other action (the facilitator's controls, say), its fields filled by name and type."""
    values = {}
    for field in attrs.fields(cls):
        if field.name == "side":
            values["side"] = side if side is not None else data.draw(st.sampled_from([W, M]))
        elif field.name == "inject":
            values["inject"] = data.draw(st.sampled_from([i.id for i in game.scenario.injects] + ["nothing"]))
        elif field.name == "objective":
            values["objective"] = data.draw(st.sampled_from(["", "obj", "logroll", "nothing"]))
        elif field.type in (int, "int"):
            values[field.name] = data.draw(st.sampled_from([0, 5, 10, 60, 9999]))
        elif field.type in (str, "str"):
            values[field.name] = data.draw(st.sampled_from(["", "A note.", "Text"]))
        elif field.default is attrs.NOTHING:
            raise AssertionError(f"the test does not know how to fill {cls.__name__}.{field.name}")
    return cls(**values)


def snapshot(game: Game) -> tuple:
    return (game.state, game.fingerprint(), len(game.actions), len(game.events), len(game.history),
            game.flow.state)


def check_meters(game: Game) -> None:
    state = game.state
    assert 0 <= state.trust <= 100
    assert 1 <= state.tension <= TENSION_MAX
    for side in (W, M):
        assert 0 <= state.standing_of(side) <= 100
    for irritant, rung in zip(game.scenario.irritants, state.rungs):
        assert 0 <= rung <= irritant.top, (irritant.id, rung)


def allowed_moves(game: Game, before, action: act.Action) -> dict[str, str]:
    """Irritant -> direction ('up', 'down', 'any') that ``action`` (and what it triggered) may move."""
    scenario = game.scenario
    after = game.state
    allowed: dict[str, str] = {}

    def allow(irritant: str, way: str) -> None:
        allowed[irritant] = way if allowed.get(irritant, way) == way else "any"

    if isinstance(action, act.Gesture):
        assert scenario.irritant(action.irritant).mover.value == action.side.value
        allow(action.irritant, "up")
    elif isinstance(action, act.Retaliate):
        assert scenario.irritant(action.irritant).mover.includes(action.side)
        allow(action.irritant, "down")
    elif isinstance(action, act.Accept):
        for concession in before.offer.concessions:
            allow(concession.irritant, "up")
    elif isinstance(action, act.AcceptOption):
        for concession in before.meso[action.option].concessions:
            allow(concession.irritant, "up")
    elif isinstance(action, act.Renege):
        deal = next(d for d in before.deals if d.number == action.deal)
        for irritant in deal.offer.linked_to(action.irritant):
            allow(irritant, "down")
    elif isinstance(action, act.RespondInject):
        inject = scenario.inject(action.inject)
        for effects in (inject.respond, inject.absorb):
            for irritant in (effects.rungs if effects else {}):
                allow(irritant, "any")
    for fired in after.fired[len(before.fired):]:
        for irritant in scenario.inject(fired.inject).effects.rungs:
            allow(irritant, "any")
    return allowed


def check_moves(game: Game, before, action: act.Action) -> None:
    if action.by_facilitator:
        return
    allowed = allowed_moves(game, before, action)
    for irritant, old, new in zip(game.scenario.irritants, before.rungs, game.state.rungs):
        if old == new:
            continue
        way = allowed.get(irritant.id)
        assert way is not None, f"{action!r} moved {irritant.id} {old}->{new}"
        assert way == "any" or (way == "up") == (new > old), f"{action!r} moved {irritant.id} {old}->{new}"
        if isinstance(action, (act.Gesture, act.Retaliate)) and way != "any":
            side_may = irritant.mover is Mover.BOTH or irritant.mover.value == action.side.value
            assert side_may


def check_illegal_kind(data, game: Game) -> None:
    """Some kind the phase does not allow now, for some side: refused, and nothing changes."""
    side = data.draw(st.sampled_from([W, M, None]))
    legal = set(game.legal_kinds(side))
    kinds = [k for k, cls in act.ACTION_TYPES.items() if k not in legal and cls.by_facilitator == (side is None)]
    if not kinds:
        return
    kind = data.draw(st.sampled_from(kinds))
    action = build(data, game, kind, side)
    before = snapshot(game)
    try:
        game.apply(action)
    except IllegalAction as error:
        message = str(error)
        assert message and "\n" not in message and message != "not allowed now", message
    else:
        raise AssertionError(f"{action!r} was applied though {kind} is not in legal_kinds({side})")
    assert snapshot(game) == before


def drive(data, game: Game, steps: int, checks: bool) -> Game:
    for _ in range(steps):
        if game.is_over:
            break
        awaiting = game.awaiting()
        assert awaiting, f"the game waits for no one in phase {game.state.phase}"
        if checks and data.draw(st.integers(0, 5)) == 0:
            check_illegal_kind(data, game)
        side = None if data.draw(st.integers(0, 11)) == 0 else data.draw(st.sampled_from(awaiting))
        kinds = game.legal_kinds(side)
        if not kinds:
            continue
        # Endings are rare, deals common: otherwise most games stop before anything happens.
        if data.draw(st.integers(0, 19)) != 0:
            kinds = [k for k in kinds if k not in ENDINGS] or kinds
        if "accept" in kinds and data.draw(st.booleans()):
            kinds = ["accept"]
        kind = data.draw(st.sampled_from(kinds))
        action = build(data, game, kind, side)
        before = snapshot(game)
        try:
            game.apply(action)
        except IllegalAction as error:
            assert str(error) and str(error) != "not allowed now"
            assert snapshot(game) == before, "a refused action changed the game"
            continue
        if checks:
            check_meters(game)
            check_moves(game, before[0], action)
            assert game.history[-1] is game.state and len(game.history) == len(game.actions) + 1
    return game


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(data=st.data(), name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 2**32))
def test_random_play_keeps_every_invariant(data, name, seed):
    game = Game(SCENARIOS[name], seed)
    check_meters(game)
    drive(data, game, 120, checks=True)
    if game.is_over:
        assert game.state.outcome in {t.id for t in game.scenario.outcomes}
        for value in game.final_scores().values():
            assert 0 <= value <= 100


@PROPERTY
@given(data=st.data(), name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 2**32))
def test_replaying_the_actions_reproduces_the_game_step_by_step(data, name, seed):
    scenario = SCENARIOS[name]
    game = drive(data, Game(scenario, seed), 100, checks=False)
    replayed = Game.replay(scenario, seed, game.actions)
    assert [s.fingerprint() for s in replayed.history] == [s.fingerprint() for s in game.history]
    assert replayed.events == game.events
    # and through plain data, as a save file holds it
    loaded = [action_from_dict(json.loads(json.dumps(a.to_dict()))) for a in game.actions]
    assert loaded == game.actions
    assert Game.replay(scenario, seed, loaded).fingerprint() == game.fingerprint()


ACTIONS = st.one_of(
    st.builds(act.Statement, st.sampled_from([W, M]), st.sampled_from(list(Posture))),
    st.builds(act.RespondInject, st.sampled_from([W, M]), st.text(max_size=8), st.sampled_from(list(Response))),
    st.builds(lambda s, cs, link, counter: (act.Counter if counter else act.Propose)(
        s, Offer(tuple(Concession(i, t) for i, t in cs), ((cs[0][0], cs[-1][0]),) if link and len(cs) > 1 else ())),
        st.sampled_from([W, M]),
        st.lists(st.tuples(st.sampled_from(["visas", "banking", "flights", "x"]), st.integers(-3, 9)),
                 min_size=1, max_size=3, unique_by=lambda c: c[0]),
        st.booleans(), st.booleans()),
    st.builds(lambda cls, s: cls(s), st.sampled_from([act.Accept, act.Reject, act.Pass, act.WalkOut,
                                                      act.ProposeConclude, act.AgreeConclude,
                                                      act.DeclineConclude]), st.sampled_from([W, M])),
    st.builds(act.Gesture, st.sampled_from([W, M]), st.text(max_size=8), st.integers(-5, 5)),
    st.builds(act.Retaliate, st.sampled_from([W, M]), st.text(max_size=8), st.integers(-5, 5)),
    st.builds(act.Renege, st.sampled_from([W, M]), st.integers(0, 9), st.text(max_size=8)),
    st.builds(act.FireInject, st.text(max_size=12)),
    st.builds(act.CustomInject, st.text(max_size=20), st.text(max_size=40), st.builds(
        Effects, trust=st.integers(-100, 100), tension=st.integers(-4, 4),
        standing=st.dictionaries(st.sampled_from(["washington", "moscow"]), st.integers(-100, 100)),
        rungs=st.dictionaries(st.text(max_size=6), st.integers(-20, 20)))),
)


@settings(max_examples=300, deadline=None)
@given(ACTIONS)
def test_every_action_round_trips_through_plain_data_and_json(action):
    data = action.to_dict()
    assert data["type"] == action.kind
    assert action_from_dict(data) == action
    assert action_from_dict(json.loads(json.dumps(data))) == action


@settings(max_examples=100, deadline=None)
@given(data=st.data(), kind=st.sampled_from(sorted(act.ACTION_TYPES)))
def test_every_kind_of_action_round_trips_through_json(data, kind):
    game = Game(SCENARIOS["lab"], 1)
    side = None if act.ACTION_TYPES[kind].by_facilitator else data.draw(st.sampled_from([W, M]))
    action = build(data, game, kind, side)
    assert action_from_dict(json.loads(json.dumps(action.to_dict()))) == action
