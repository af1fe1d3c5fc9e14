"""A computer's style reaches a seat only in its debrief, unless the trainer shows it (``tabletop host
--show-opponent``): every frame a seat receives is read (issue 10 point 2, for a networked class)."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from netkit import PASSPHRASE, Running, bounded, play_to_end

from tabletop.cli.main import build_parser
from tabletop.engine.model import Side
from tabletop.net.classfile import ClassPlan, SeatPlan, TablePlan
from tabletop.net.host import ClassHost
from tabletop.net.server import start
from tabletop.saves.signing import ClassSecret
from tabletop.saves.writer import load_save
from tabletop.scenarios.library import resolve

W, M = Side.WASHINGTON, Side.MOSCOW


def plan(moscow: str = "human") -> ClassPlan:
    """One table of the tutorial (whose text names no style but GRIT, the way of making gestures)."""
    seats = {W: SeatPlan("Eagles"), M: SeatPlan("Bears", moscow)}
    return ClassPlan("style", "test", (TablePlan("t1", "Table 1", "tutorial", resolve("tutorial"), 7, seats),))


@contextlib.asynccontextmanager
async def hosting(folder: Path, class_plan: ClassPlan, show: bool) -> AsyncIterator[Running]:
    host = ClassHost.open(class_plan, folder, PASSPHRASE, show_opponent=show)
    runner, port = await start(host, "127.0.0.1", 0)
    try:
        yield Running(host, port)
    finally:
        await runner.cleanup()
        host.close()


def names(style: str, frame: str) -> bool:
    return re.search(rf"\b{re.escape(style)}\b", frame, re.IGNORECASE) is not None


def has_debrief(frame: str) -> bool:
    def walk(value: Any) -> bool:
        if isinstance(value, dict):
            return "debrief" in value or any(walk(v) for v in value.values())
        return isinstance(value, list) and any(walk(v) for v in value)

    return walk(json.loads(frame))


async def washington_frames(folder: Path, class_plan: ClassPlan, show: bool, seat_style: str | None) -> list[str]:
    """Every frame Washington's seat receives in a whole game: a computer plays Moscow (seated by the class
    file, or by the facilitator's "Seat a computer" when ``seat_style`` is given), then the class ends."""
    async with hosting(folder, class_plan, show) as net:
        frames: list[str] = []
        seat = net.seat("t1", W)
        seat.record = frames
        await seat.connect()
        facilitator = net.facilitator()
        await facilitator.connect()
        if seat_style is not None:
            assert (await facilitator.seat("t1", "moscow", seat_style)).get("ok")
            await seat.wait_for(lambda c: c.view["seats"]["moscow"]["player"] != "human")
        await play_to_end(seat)
        await facilitator.end_class()
        await seat.wait_for(lambda c: "debrief" in c.view)
        await seat.send({"type": "refresh"})  # a rejoin's whole view, too
        await seat.wait_for(lambda c: len(frames) > 2 and has_debrief(frames[-1]))
        for client in (seat, facilitator):
            await client.close()
        return frames


def before_and_after_the_debrief(frames: list[str]) -> tuple[list[str], list[str]]:
    first = next(n for n, frame in enumerate(frames) if has_debrief(frame))
    return frames[:first], frames[first:]


async def test_by_default_no_frame_before_the_debrief_names_the_style(tmp_path):
    async def body():
        for n, (class_plan, style, seated) in enumerate([(plan("hardliner"), "hardliner", None),
                                                         (plan(), "opportunist", "opportunist")]):
            frames = await washington_frames(tmp_path / str(n), class_plan, False, seated)
            before, after = before_and_after_the_debrief(frames)
            assert before and any('"player":"computer"' in f.replace(" ", "") for f in before)
            leaked = [frame[:200] for frame in before if names(style, frame)]
            assert not leaked, f"a seat was told the style before its debrief: {leaked[:1]}"
            assert any(names(style, frame) for frame in after)  # the debrief reveals it: the search can find it
    await bounded(body(), 150)


async def test_with_show_opponent_the_seat_is_told_the_style(tmp_path):
    async def body():
        for n, (class_plan, style, seated) in enumerate([(plan("hardliner"), "hardliner", None),
                                                         (plan(), "opportunist", "opportunist")]):
            frames = await washington_frames(tmp_path / str(n), class_plan, True, seated)
            before, _ = before_and_after_the_debrief(frames)
            assert any(f'"player":"{style}"' in frame.replace(" ", "") for frame in before)
    await bounded(body(), 150)


def test_the_choice_is_kept_in_each_tables_save_across_a_restart(tmp_path):
    def shown(folder: Path, show: bool) -> str:
        host = ClassHost.open(plan("learner"), folder, PASSPHRASE, show_opponent=show)
        try:
            table = host.tables["t1"]
            return host.seat_welcome(table, W)["seats"]["moscow"]["player"]
        finally:
            host.close()

    assert shown(tmp_path / "a", False) == "computer"
    assert shown(tmp_path / "a", False) == "computer"
    assert shown(tmp_path / "a", True) == "learner"  # shown later: the table's save now records it
    assert shown(tmp_path / "a", False) == "learner"
    assert shown(tmp_path / "b", True) == "learner"
    assert shown(tmp_path / "b", False) == "learner"
    for folder in (tmp_path / "a", tmp_path / "b"):
        loaded = load_save(folder / "table-t1.jsonl")
        assert loaded.header["show_opponent"] is True and loaded.seats[M] == "learner"
        assert loaded.signature(ClassSecret(PASSPHRASE)).text == "signed by this class"
        assert not list(folder.glob("*.reseat.jsonl"))


def test_a_seat_whose_side_a_computer_plays_is_not_told_its_style(tmp_path):
    host = ClassHost.open(plan("grit"), tmp_path, PASSPHRASE)
    try:
        from tabletop.engine.actions import Pass

        refusal = host._refusal(host.tables["t1"], M, Pass(M))
    finally:
        host.close()
    assert refusal == "Moscow is played by the computer now"


def test_host_takes_show_opponent(capsys):
    parser = build_parser()
    assert parser.parse_args(["host", "--tables", "2", "--scenario", "tutorial", "--show-opponent"]).show_opponent
    assert not parser.parse_args(["host", "--tables", "2", "--scenario", "tutorial"]).show_opponent
    with pytest.raises(SystemExit):
        parser.parse_args(["host", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--show-opponent show each table's players the style of a computer seated against them" in help_text


def test_the_seats_status_line_says_what_the_host_says():
    from tabletop.net.mirror import SeatGame
    from tabletop.tui.screens.join_session import SeatSession

    session = SeatSession(SeatGame(resolve("tutorial"), W), W, "Eagles")
    session.take_seats({"washington": {"team": "Eagles", "player": "human", "connected": True},
                        "moscow": {"team": "Bears", "player": "computer", "connected": False}})
    assert session.seat_label(M) == "Bears: computer"
    session.take_seats({"washington": {"team": "Eagles", "player": "human", "connected": True},
                        "moscow": {"team": "Bears", "player": "hardliner", "connected": False}})
    assert session.seat_label(M) == "Bears: computer (hardliner)"  # only ever sent when the trainer shows it
