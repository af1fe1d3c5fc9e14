"""Issue 10 review, point 2: a seat on the network sees every kind of computer rejection reason, word for word.

A real class host on loopback; Moscow is a computer seat, Washington a seat on
the network driven by this test. At each of its proposals the test picks, on a
copy of the host's game, a package (or a set of packages) the computer would turn
down for a reason not heard yet: a part past a red line (the rules' words), a
package that gives it nothing for what it costs, a part that costs it too much,
one that asks too little, a set of packages... then proposes it for real. Every
rejection the computer makes reaches Washington's log exactly as the engine
tells it to the host's game (``options.told``): the reasons are never copied
here, so the engine may reword them.
"""

from __future__ import annotations

import itertools
import re

import attrs
from netkit import bounded, running_host
from test_net_hostile_host import mirror_of

from tabletop.engine import actions as act
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.opponents import make_opponent
from tabletop.engine.options import options, told
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.net.classfile import plan_for
from tabletop.scenarios.library import resolve

W, M = Side.WASHINGTON, Side.MOSCOW
STYLES = ("aspiration", "conceder", "hardliner", "tit-for-tat")
"""Four tables, one opponent style each: the words of a rejection are the same whatever the style (the engine's
promise), and Washington proposes in only some rounds of a game, so four games give room for every kind."""


def kind_of(reason: str) -> str:
    """A reason with the irritants it names taken out: two reasons of one kind read the same."""
    return re.sub(r"“[^”]*”", "“…”", reason)


def packages(game: Game) -> list[act.Action]:
    """Washington's proposals to try: every single step, every pair of steps, and sets of two packages (two single
    steps, or two pairs sharing their first step)."""
    rungs = options(game, W).offer_rungs
    steps = [Concession(irritant, to) for irritant, tos in sorted(rungs.items()) for to in tos]
    offers = [Offer((s,), ()) for s in steps]
    offers += [Offer((a, b), ()) for a, b in itertools.combinations(steps, 2) if a.irritant != b.irritant]
    singles, doubles = offers[: len(steps)], offers[len(steps):]
    sets = list(itertools.combinations(singles, 2))
    sets += [(a, b) for a, b in itertools.combinations(doubles, 2) if a.concessions[0] == b.concessions[0]]
    moves: list[act.Action] = [act.ProposeMeso(W, pair) for pair in sets]
    return moves + [act.Propose(W, offer) for offer in offers]  # sets first: fewer of them are legal


def answer(game: Game, move: act.Action, style: str) -> str | None:
    """The reason the computer would give on turning ``move`` down now (None: it would not turn it down)."""
    trial = game.copy()
    try:
        trial.apply(move)
    except IllegalAction:
        return None
    start = len(trial.events)
    reply = make_opponent(style, M, game.seed).decide(trial)
    if not isinstance(reply, act.Reject):
        return None
    trial.apply(reply)
    index, event = next((i, e) for i, e in trial.events[start:] if e.kind is EventKind.REJECT)
    return told(trial, index, event).reason


def washingtons_move(game: Game, heard: set[str], style: str) -> act.Action:
    """Washington's next move: a proposal the computer would reject for a reason not heard yet, else a dull one."""
    state = game.state
    kinds = options(game, W).kinds
    if state.phase is Phase.STATEMENTS:
        return act.Statement(W, Posture.NEUTRAL)
    if state.phase is Phase.INJECT_RESPONSE:
        return act.RespondInject(W, state.pending[0], Response.ABSORB)
    if state.phase is Phase.CONCLUDE_PENDING:
        return act.DeclineConclude(W)
    if "disclose_priorities" in kinds and "pass" not in kinds:  # asked about its priorities: declines to say
        return act.DisclosePriorities(W, ())
    if state.offer is not None or state.meso:
        return act.Reject(W)
    if "propose" in kinds:
        for move in packages(game):
            reason = answer(game, move, style)
            if reason is not None and kind_of(reason) not in heard:
                return move
    return act.Pass(W)


async def test_a_seat_sees_every_kind_of_computer_rejection_reason_as_the_engine_tells_it(tmp_path):
    base = resolve("new-start-2026")
    scenario = attrs.evolve(base, rules=attrs.evolve(base.rules, exchange_limit=1))  # it answers, never counters
    heard: dict[str, str] = {}
    checked = {"by rule": 0, "by choice": 0, "a set": 0}

    async def body():
        async with running_host(tmp_path / "class", plan_for(len(STYLES), scenario, "new-start-2026")) as net, \
                net.facilitator() as white_cell:
            for n, style in enumerate(STYLES, 1):
                table = f"t{n}"
                assert (await white_cell.seat(table, "moscow", style))["ok"]
                game = net.host.tables[table].game
                async with net.seat(table, W) as washington:
                    for _ in range(400):
                        if game.is_over:
                            break
                        if W not in game.awaiting():
                            await washington.wait_for(lambda c, g=game: W in g.awaiting() or g.is_over)
                            continue
                        seen, start = len(game.actions), len(game.events)
                        result = await washington.act(washingtons_move(game, set(heard), style))
                        assert result.get("ok"), result
                        await washington.wait_for(lambda c, s=seen: c.view["table"]["actions"] >= s + 1)
                        for index, event in game.events[start:]:  # heard now: the next proposal seeks another
                            if event.kind is EventKind.REJECT and event.side is M:
                                heard.setdefault(kind_of(told(game, index, event).reason), event.text)
                    await washington.wait_for(lambda c, g=game: c.view["table"]["actions"] == len(g.actions))
                    mirror = mirror_of(washington)  # the terminal client's table, as it reads the host's log
                    shown = {entry["seq"]: event for entry, (_, event) in zip(washington.view["log"], mirror.events)}
                    rejections = [(seq, index, e) for seq, (index, e) in enumerate(game.events)
                                  if e.kind is EventKind.REJECT and e.side is M]
                    for seq, index, event in rejections:
                        expected = told(game, index, event)
                        seat_event = shown.get(seq)
                        assert seat_event is not None, expected.text
                        assert seat_event.text == expected.text and seat_event.reason == expected.reason
                        assert expected.reason, expected.text  # a computer always says why
                        made = game.actions[index - 1]
                        assert isinstance(made, act.Reject)
                        checked["by choice" if made.reason else "by rule"] += 1
                        if isinstance(game.actions[index - 2], act.ProposeMeso):
                            checked["a set"] += 1
    await bounded(body(), 240)
    assert all(checked.values()), (checked, sorted(heard))
    # every kind the engine has for a package or a set (on 2026-12-01: nine, from the red line to "wants more")
    assert len(heard) >= 7, sorted(heard)
