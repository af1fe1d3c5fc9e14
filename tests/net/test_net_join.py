"""``tabletop join``: the terminal client of one seat, driven with Pilot against a real class host on loopback."""

from __future__ import annotations

import asyncio

from netkit import PASSPHRASE, bounded, free_port, play_to_end, running_host, tutorial_plan, wait_until
from screentext import screen_text, toast_text
from textual.pilot import Pilot

from tabletop.engine.model import Side
from tabletop.net.scripted import scripted_move
from tabletop.saves.writer import load_save
from tabletop.tui.screens.briefing import BriefingScreen
from tabletop.tui.screens.dialogs import ChoiceScreen, ConfirmScreen, InjectChoiceScreen, NewsFlashScreen
from tabletop.tui.screens.join_app import SeatApp
from tabletop.tui.screens.join_debrief import SeatDebriefScreen
from tabletop.tui.screens.join_dialogs import CodeScreen
from tabletop.tui.screens.join_table import JoinTableScreen
from tabletop.tui.screens.offer import OfferBuilderScreen

W, M = Side.WASHINGTON, Side.MOSCOW
SIZE = (150, 45)


async def until(pilot: Pilot, condition, timeout: float = 20.0) -> None:
    """Let the app and the host run until ``condition()`` holds; fail with the screen's text otherwise."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            raise AssertionError(f"timed out; the screen reads:\n{screen_text(pilot.app)}")
        await pilot.pause(0.02)


async def to_table(pilot: Pilot) -> JoinTableScreen:
    """Join and read through the briefing to the table."""
    app = pilot.app
    await until(pilot, lambda: app.session is not None or app.problem)
    while not isinstance(app.screen, JoinTableScreen):
        await pilot.press("enter")
        await pilot.pause(0.05)
    return app.screen


def status(app: SeatApp) -> str:
    return "\n".join(screen_text(app).splitlines()[1:4])


async def test_a_seat_joins_moves_sees_the_other_seat_and_its_moves_reach_the_save(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.seat("t1", M) as moscow:
            app = SeatApp(net.url, net.code("t1", W))
            async with app.run_test(size=SIZE) as pilot:
                await to_table(pilot)
                assert "● joined" in status(app) and "Your move, Washington" in status(app)
                assert "Private to Washington" in screen_text(app)
                await pilot.press("c")  # a conciliatory statement, sent to the host
                await moscow.wait_for(lambda c: "washington" in c.view["table"]["chosen"]
                                      and c.view["table"]["chosen"]["washington"])
                assert (await moscow.act({"type": "statement", "side": "moscow", "posture": "hardline"}))["ok"]
                await until(pilot, lambda: "Statements revealed" in screen_text(app))
                # the seat's log has the revealed statements (on screen a tone headline may follow them on the
                # status line, and the log panel may wrap the sentence)
                assert any("Washington conciliatory, Moscow hardline" in event.text
                           for _, event in app.session.game.events)
                # a package from the offer builder, sent, and seen by the other seat
                await until(pilot, lambda: "Propose" in screen_text(app))
                await pilot.press("p")
                await until(pilot, lambda: isinstance(app.screen, OfferBuilderScreen))
                await pilot.press("right", "enter")
                await until(pilot, lambda: isinstance(app.screen, JoinTableScreen))
                await moscow.wait_for(lambda c: c.view["table"].get("offer") is not None)
                assert "Waiting for Moscow" in status(app)
                assert (await moscow.act({"type": "accept", "side": "moscow"}))["ok"]
                await until(pilot, lambda: "Deal 1 implemented" in screen_text(app))
                game = net.host.tables["t1"].game
                saved = load_save(net.host.state.folder / "table-t1.jsonl")
                assert [a.kind for a in saved.actions] == [a.kind for a in game.actions]
                assert [a.kind for a in game.actions][:4] == ["statement", "statement", "propose", "accept"]
    await bounded(body())


async def test_a_move_pressed_while_the_host_is_away_is_applied_once_when_it_is_back(tmp_path):
    async def body():
        folder, port = tmp_path / "class", free_port()
        first = running_host(folder, port=port)
        net = await first.__aenter__()
        app = SeatApp(net.url, net.code("t1", W))
        async with app.run_test(size=SIZE) as pilot:
            await to_table(pilot)
            await first.__aexit__(None, None, None)
            await until(pilot, lambda: "reconnecting" in status(app) or "host gone" in status(app))
            await pilot.press("h")  # hardline, while nobody listens
            async with running_host(folder, port=port) as again:
                await until(pilot, lambda: again.host.tables["t1"].game.actions)
                await until(pilot, lambda: "Washington has chosen a posture" in screen_text(app))
                actions = again.host.tables["t1"].game.actions
                assert [a.kind for a in actions] == ["statement"] and actions[0].posture.value == "hardline"
                assert "● joined" in status(app)
    await bounded(body())


async def test_a_refused_code_asks_again_and_a_bad_one_given_on_the_command_line_is_one_line(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net:
            typed = SeatApp(net.url)
            async with typed.run_test(size=SIZE) as pilot:
                await until(pilot, lambda: isinstance(typed.screen, CodeScreen))
                await pilot.press(*"7Q2MX-K9D4T", "enter")
                await until(pilot, lambda: isinstance(typed.screen, CodeScreen) and "unknown join code" in
                            screen_text(typed))
                await pilot.press(*("backspace",) * 11, *net.code("t1", M), "enter")
                screen = await to_table(pilot)
                assert screen.seat.side is M
            given = SeatApp(net.url, "7Q2MX-K9D4T")
            async with given.run_test(size=SIZE) as pilot:
                await until(pilot, lambda: given.problem)
            assert given.return_code == 1
            assert given.problem.startswith("tabletop join: the host at") and "unknown join code" in given.problem
            assert "\n" not in given.problem
    await bounded(body())


async def test_no_host_at_the_address_is_one_line(tmp_path):
    async def body():
        app = SeatApp(f"ws://127.0.0.1:{free_port()}/ws", "7Q2MX-K9D4T")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.problem)
        assert app.return_code == 1
        assert app.problem.startswith("tabletop join: cannot reach a class host at ws://127.0.0.1:")
        assert "\n" not in app.problem and "Traceback" not in app.problem
    await bounded(body())


async def test_the_end_of_class_opens_the_seat_debrief(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.facilitator() as facilitator:
            app = SeatApp(net.url, net.code("t2", M))
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await to_table(pilot)
                assert (await facilitator.end_class())["ok"]
                await until(pilot, lambda: isinstance(app.screen, SeatDebriefScreen)
                            and "ended the class" in screen_text(app))
                text = screen_text(app)
                assert "The facilitator ended the class" in text and "your walk-away value" in text
                assert PASSPHRASE not in text
    await bounded(body())


async def test_a_hostile_message_after_joining_is_a_notification_and_the_table_goes_on(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net:
            app = SeatApp(net.url, net.code("t1", W))
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await to_table(pilot)
                peer = net.host.seats[("t1", W)]
                peer.send({"type": "update", "table": "t1", "state": {"table": {"round": "many"}, "log": "x"}})
                peer.send({"type": "seats", "seats": 12})
                await until(pilot, lambda: "cannot read" in toast_text(app))
                assert "Traceback" not in screen_text(app)
                await until(pilot, lambda: "Round 1 of" in status(app))  # a fresh view was asked for
                await pilot.press("c")
                await wait_until(lambda: net.host.tables["t1"].game.actions)
                assert net.host.tables["t1"].game.actions[0].kind == "statement"
    await bounded(body())


async def press_for(pilot: Pilot, turn: int) -> str:
    """Whatever the seat's screen asks now, answered with keys as a player would (the host judges)."""
    app = pilot.app
    screen = app.screen
    if isinstance(screen, (NewsFlashScreen, BriefingScreen)):
        await pilot.press("enter")
        return "read"
    if isinstance(screen, InjectChoiceScreen):
        await pilot.press("2")  # the second answer (the engine's "absorb")
        return "absorb"
    if isinstance(screen, OfferBuilderScreen):
        await pilot.press("right", "enter")
        await pilot.pause(0.05)
        if app.screen is screen:
            await pilot.press("escape")
        return "offer"
    if not isinstance(screen, JoinTableScreen) or app.in_flight is not None:
        return "wait"
    side = screen.actor()
    kinds = screen.seat_options(screen.seat.side).kinds if side is not None else frozenset()
    if side is None or side not in screen.session.game.awaiting() or not kinds:
        return "wait"
    for kind, key in (("statement", "cnh"[turn % 3]), ("agree_conclude", "y"), ("accept", "a"),
                      ("propose", "p" if turn % 2 == 0 else "s"), ("pass", "s"), ("reject", "x")):
        if kind in kinds:
            await pilot.press(key)
            return kind
    return "wait"


async def test_a_seat_plays_a_whole_game_to_its_debrief_against_a_team_on_another_connection(tmp_path):
    async def body():
        plan = tutorial_plan(1, "istanbul-2025-02")  # the largest scenario: news, forced choices, packages
        async with running_host(tmp_path / "class", plan) as net, net.seat("t1", M) as moscow:
            other = asyncio.create_task(play_to_end(moscow))
            app = SeatApp(net.url, net.code("t1", W))
            async with app.run_test(size=SIZE) as pilot:
                done: list[str] = []
                for turn in range(3000):
                    if isinstance(app.screen, SeatDebriefScreen):
                        break
                    done.append(await press_for(pilot, turn))
                    await pilot.pause(0.02)
                else:
                    raise AssertionError(f"no debrief; the screen reads:\n{screen_text(app)}")
                await until(pilot, lambda: "Scores" in screen_text(app))
                assert net.host.tables["t1"].game.is_over
                assert {"statement"} <= set(done), done
                text = screen_text(app)
                assert "your walk-away value" in text and "Washington" in text
            await bounded(other, 30)
    await bounded(body(), 240)


async def test_a_seat_reneges_on_a_deal_and_walks_out_with_the_score_the_host_gives(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.seat("t1", M) as moscow:
            app = SeatApp(net.url, net.code("t1", W))
            game = net.host.tables["t1"].game

            async def moscow_moves() -> None:
                """Moscow accepts what is offered, passes otherwise, and answers what it must."""
                while not game.is_over:
                    move = scripted_move(moscow.view)
                    kinds = set(moscow.view.get("options", {}).get("kinds", ()))
                    if move is not None and move["type"] in ("propose", "reject") and "pass" in kinds:
                        move = {"type": "pass", "side": "moscow"}
                    if move is None:
                        seen = moscow.view["table"]["actions"]
                        await moscow.wait_for(lambda c, seen=seen: c.view["table"]["actions"] != seen
                                              or c.view["table"]["over"], 30)
                        continue
                    await moscow.act(move)

            other = asyncio.create_task(moscow_moves())
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                screen = await to_table(pilot)

                def my_kinds() -> frozenset[str]:
                    return screen.seat_options(W).kinds if W in game.awaiting() and app.in_flight is None \
                        else frozenset()

                async def my_turn(kind: str) -> None:
                    """Read the news and answer what is forced, until ``kind`` is a move Washington may make."""
                    async def ready() -> bool:
                        if isinstance(app.screen, NewsFlashScreen):
                            await pilot.press("enter")
                        elif isinstance(app.screen, InjectChoiceScreen):
                            await pilot.press("2")
                        return isinstance(app.screen, JoinTableScreen) and kind in my_kinds()

                    for _ in range(1000):
                        if await ready():
                            return
                        await pilot.pause(0.02)
                    raise AssertionError(f"{kind} never open; the screen reads:\n{screen_text(app)}")

                await my_turn("statement")
                await pilot.press("c")
                await my_turn("propose")
                await pilot.press("p")
                await until(pilot, lambda: isinstance(app.screen, OfferBuilderScreen))
                await pilot.press("right", "enter")  # Washington's own irritant, one rung up
                await until(pilot, lambda: len(game.state.deals) == 1)
                for _ in range(40):  # on until the deal may be reneged on
                    await my_turn("walk_out")  # open whenever Washington is to move
                    if "renege" in my_kinds():
                        break
                    await pilot.press("n" if "statement" in my_kinds() else "s")
                    await until(pilot, lambda: app.in_flight is None)
                await pilot.press("e")
                await until(pilot, lambda: isinstance(app.screen, ChoiceScreen) and "Deal 1" in screen_text(app))
                await pilot.press("enter")
                await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
                await pilot.press("y")
                await until(pilot, lambda: any(a.kind == "renege" for a in game.actions))
                await my_turn("walk_out")
                await pilot.press("w")
                await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and "you score" in screen_text(app))
                await pilot.press("y")
                await until(pilot, lambda: game.is_over)
                assert game.state.walked_out is W
                await until(pilot, lambda: isinstance(app.screen, (SeatDebriefScreen, NewsFlashScreen))
                            or "talks are over" in screen_text(app))
            await bounded(other, 30)
    await bounded(body(), 120)
