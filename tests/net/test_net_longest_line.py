"""Issue 10 review (H7): the longest log line an honest host sends for a scenario that validates reaches a seat.

A seat refuses a log line past ``mirror.LOG_TEXT_LIMIT``; the limit was 9,000 characters, and a legal set of
three packages of every irritant with every link, on a scenario whose names are at the validator's limit, made a
far longer line: both mirrors refused it and the table locked. The limit is now derived from the engine's limits
(``net.longest``); the test builds the worst legal case (``MAX_IRRITANTS`` irritants of ``MAX_RUNGS`` rungs, every
name at ``MAX_NAME``) and sends it through a real host on loopback to both seats.
"""

from __future__ import annotations

import itertools
import json
import tomllib
from pathlib import Path

from netkit import bounded, running_host
from test_net_hostile_host import mirror_of

from tabletop.engine import actions as act
from tabletop.engine.limits import MAX_IRRITANTS, MAX_NAME, MAX_RUNGS
from tabletop.engine.model import Posture, Side
from tabletop.engine.process import MESO_MAX, meso_problem
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.net.classfile import plan_for
from tabletop.net.decoding import MESSAGE_TEXT_LIMIT
from tabletop.net.longest import LOG_TEXT_LIMIT, MESO_LINE
from tabletop.scenarios.library import load_path, shipped_dir

W, M = Side.WASHINGTON, Side.MOSCOW


def at_limit(start: str, fill: str = "x") -> str:
    return (start + " " + fill * MAX_NAME)[:MAX_NAME]


def widest_scenario(folder: Path) -> Path:
    """The tutorial made as wide as the validator allows: every irritant, rung and side named at the limit."""
    data = tomllib.loads((shipped_dir() / "tutorial.toml").read_text(encoding="utf-8"))
    ids = [f"irritant-{n:02d}" for n in range(1, MAX_IRRITANTS + 1)]
    data["irritants"] = [{"id": i, "name": at_limit(f"Irritant {n}"), "description": "A long-named irritant.",
                          "mover": "washington", "start": 0,
                          "rungs": [at_limit(f"Rung {r} of {n}", "y") for r in range(MAX_RUNGS)]}
                         for n, i in enumerate(ids, start=1)]
    for side, (gain, cost) in (("washington", (0, 1)), ("moscow", (5, 0))):
        data["sides"][side]["name"] = at_limit(side.title())
        data["sides"][side]["valuations"] = {i: {"gain": gain, "cost": cost} for i in ids}
    data["outcomes"] = [o for o in data["outcomes"] if o["id"] in ("collapse", "stalemate")]
    for audience in data["audiences"]:
        audience["reactions"] = [r for r in audience["reactions"] if "irritant" not in r]
        audience["readings"] = {k: v for k, v in audience["readings"].items() if k in ("collapse", "default")}
    path = folder / "widest.toml"
    path.write_text("".join(_toml(key, value) for key, value in data.items()), encoding="utf-8")
    return path


def _toml(key: str, value: object) -> str:
    """``key = value`` with value as a TOML inline value (JSON's strings are TOML's basic strings)."""
    return f"{key} = {_inline(value)}\n"


def _inline(value: object) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def widest_meso(scenario, state) -> tuple[Offer, ...]:
    """``MESO_MAX`` packages of every irritant, every pair linked, Washington's to propose, equal to it."""
    ids = [irritant.id for irritant in scenario.irritants]
    links = tuple(itertools.combinations(ids, 2))
    top = MAX_RUNGS - 1
    return tuple(Offer(tuple(Concession(i, top - (n if i == ids[0] else 0)) for i in ids), links)
                 for n in range(MESO_MAX))


async def test_the_widest_legal_set_of_packages_reaches_both_seats(tmp_path):
    path = widest_scenario(tmp_path)
    scenario = load_path(path)  # it validates
    assert len(scenario.irritants) == MAX_IRRITANTS

    async def body():
        async with running_host(tmp_path / "class", plan_for(1, scenario, str(path))) as net, \
                net.seat("t1", W) as washington, net.seat("t1", M) as moscow:
            seats = {W: washington, M: moscow}
            for side, client in seats.items():
                assert (await client.act(act.Statement(side, Posture.NEUTRAL)))["ok"]
            game = net.host.tables["t1"].game
            assert game.state.phase is Phase.NEGOTIATION and game.awaiting() == (W,)
            offers = widest_meso(scenario, game.state)
            assert meso_problem(scenario, game.state, W, offers) == ""
            assert (await washington.act(act.ProposeMeso(W, offers)))["ok"]
            line = game.events[-1][1].text
            for client in seats.values():
                await client.wait_for(lambda c: any(entry.get("text") == line for entry in c.view["log"]))
                assert client.problem in (None, ""), client.problem
                mirror = mirror_of(client)  # the seat's mirror reads the table, the line included
                assert mirror.events[-1][1].text == line
            print(f"the widest MESO line: {len(line)} characters; the limit {LOG_TEXT_LIMIT}")
            assert 9000 < len(line) <= LOG_TEXT_LIMIT <= MESSAGE_TEXT_LIMIT
            assert len(line) > 0.95 * MESO_LINE  # the limit is the worst case, not a guess far above it
            assert (await moscow.act(act.AcceptOption(M, 2)))["ok"]  # and the table goes on
            for client in seats.values():
                await client.wait_for(lambda c: any(str(entry.get("text", "")).startswith("Deal 1 implemented")
                                                    for entry in c.view["log"]))
                assert client.problem in (None, "") and mirror_of(client).state.deals
    await bounded(body(), 60)
