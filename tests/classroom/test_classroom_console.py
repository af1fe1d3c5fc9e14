"""The facilitator console through Pilot: each control becomes an action in the log, the save and the report."""

from __future__ import annotations

from classkit import all_text, classroom_app, close_console, open_console, screen_text, to_table, type_text, wait_for
from markdown_view import rendered_text
from screentext import toast_text
from textual.widgets import Select, TabbedContent

from tabletop.engine import actions as act
from tabletop.engine.model import Effects, Posture, Side
from tabletop.engine.state import Phase
from tabletop.reports.after_action import after_action_report
from tabletop.saves.writer import load_save
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.briefing import HandoverScreen
from tabletop.tui.screens.console import ConsoleScreen
from tabletop.tui.screens.console_dialogs import CustomInjectScreen, FacilitatorNoteScreen, TimerScreen
from tabletop.tui.screens.dialogs import NewsFlashScreen
from tabletop.tui.screens.passphrase import PassphraseScreen
from tabletop.tui.screens.table import TableScreen

W, M = Side.WASHINGTON, Side.MOSCOW


def facilitator_actions(app: TabletopApp) -> list[act.Action]:
    """The facilitator's actions after the round timer the game started with (always the first action)."""
    first, *rest = app.session.game.actions
    assert isinstance(first, act.SetTimer)
    return [a for a in rest if a.by_facilitator]


def saved(app: TabletopApp):
    """The game's save as it is on disk now, loaded and verified."""
    loaded = load_save(app.session.autosave.path)
    game = loaded.replay(verify=True)
    return loaded, game


async def test_no_console_without_a_facilitator():
    from tabletop.scenarios.library import resolve

    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="human", seed=5, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        for key in ("f9", "ctrl+f"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is table
        assert "Facilitator console" not in {b.binding.description for b in app.screen.active_bindings.values()}


async def test_the_passphrase_guards_the_console():
    app = classroom_app(passphrase="white cell")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        table = await to_table(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        await type_text(pilot, "black cell")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is table
        await wait_for(pilot, lambda: "Wrong passphrase." in toast_text(app))
        assert "FACILITATOR CONSOLE" not in all_text(app)
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is table
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        await type_text(pilot, "white cell")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        assert "FACILITATOR CONSOLE" in all_text(app)
        await pilot.press("f9")  # the same key closes it
        await wait_for(pilot, lambda: app.screen is table)


async def test_hold_release_fire_and_skip_are_logged_and_saved():
    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        console = await open_console(pilot)
        assert "A press leak" in all_text(app) and "upcoming" in all_text(app)
        await pilot.press("h")
        await pilot.pause()
        game = app.session.game
        assert game.state.held == ("press-leak",)
        assert "held" in all_text(app)
        await pilot.press("h")  # the same key releases it
        await pilot.pause()
        assert game.state.held == ()
        await pilot.press("f")
        await pilot.pause()
        assert game.state.has_fired("press-leak") and game.state.fired[0].by_hand
        assert facilitator_actions(app) == [act.HoldInject("press-leak"), act.ReleaseInject("press-leak"),
                                            act.FireInject("press-leak")]
        assert console.check_action("fire", ()) is None  # fired: greyed out
        await close_console(pilot)
        # the teams see the news as soon as the console closes
        await wait_for(pilot, lambda: isinstance(app.screen, NewsFlashScreen))
        assert "A press leak" in all_text(app)
        loaded, replayed = saved(app)
        assert replayed.actions == game.actions and replayed.fingerprint() == game.fingerprint()
        report = after_action_report(replayed, loaded)
        assert "Facilitator holds the inject “A press leak”." in report
        assert "NEWS: A press leak." in report

    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        await open_console(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert app.session.game.state.skipped == ("press-leak",)
        assert "skipped" in all_text(app)
        assert facilitator_actions(app) == [act.SkipInject("press-leak")]


async def test_a_free_text_inject_with_effects():
    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        game = app.session.game
        trust, visas = game.state.trust, game.state.rungs[0]
        await open_console(pilot)
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, CustomInjectScreen))
        dialog = app.screen
        await type_text(pilot, "Consul expelled [b]now[/b]")
        await pilot.press("tab")
        await type_text(pilot, "A consul is declared persona non grata.")
        await pilot.press("tab")
        await type_text(pilot, "-150")  # trust would leave its range: refused
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and not facilitator_actions(app)
        assert "Trust" in str(dialog.query_one("#ci-preview").content)
        await pilot.press("backspace", "backspace")  # -1
        dialog.query_one("#ci-rung-0").value = "1"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        custom = facilitator_actions(app)[-1]
        assert custom == act.CustomInject("Consul expelled [b]now[/b]", "A consul is declared persona non grata.",
                                          Effects(trust=-1, rungs={"visas": 1}))
        assert game.state.trust == trust - 1 and game.state.rungs[0] == visas + 1
        await close_console(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, NewsFlashScreen))
        assert "Consul expelled [b]now[/b]" in all_text(app)  # text as written, never markup
        loaded, replayed = saved(app)
        assert replayed.actions[-1] == custom
        assert "NEWS: Consul expelled [b]now[/b]. A consul is declared persona non grata. (trust -1, " \
               "Visas for Russian diplomats +1 rung)" in rendered_text(after_action_report(replayed, loaded))


async def test_pause_stops_both_sides_and_resume_lets_them_go_on():
    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        await open_console(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert game.state.paused and "PAUSED" in all_text(app)
        await close_console(pilot)
        text = all_text(app)
        assert "paused the exercise" in text and "Paused by the facilitator" in text
        await pilot.press("c")  # no side may move
        await pilot.pause()
        assert game.state.statements == (None, None)
        await open_console(pilot)
        await pilot.press("p")  # the same key resumes
        await pilot.pause()
        assert not game.state.paused
        await close_console(pilot)
        await wait_for(pilot, lambda: app.screen is table and table.actor() is W)
        await pilot.press("c")
        await pilot.pause()
        assert game.state.statements[0] is Posture.CONCILIATORY
        assert facilitator_actions(app) == [act.Pause(), act.Resume()]
        events = [e.text for i, e in game.events if e.kind == "facilitator" and i > 1]  # after the starting timer
        assert events == ["Facilitator pauses the exercise.", "Facilitator resumes the exercise."]
        assert saved(app)[1].actions == game.actions


async def test_pause_holds_a_computer_seat():
    app = classroom_app(washington="human", moscow="grit")
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        await wait_for(pilot, lambda: table.actor() is W and W in game.awaiting())
        await pilot.press("n")
        await wait_for(pilot, lambda: game.state.phase is Phase.NEGOTIATION)
        await open_console(pilot)
        await pilot.press("p")
        await close_console(pilot)
        moves = len(game.actions)
        await pilot.press("s")  # Washington passes? not while paused
        await pilot.pause()
        assert len(game.actions) == moves and game.state.paused
        assert "Paused by the facilitator" in all_text(app)
        await open_console(pilot)
        await pilot.press("p")
        await close_console(pilot)
        await wait_for(pilot, lambda: table.actor() is W and W in game.awaiting())
        await pilot.press("s")
        await wait_for(pilot, lambda: len(game.actions) > moves + 1)  # Moscow (the computer) moves again


async def test_a_note_on_the_current_moment():
    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        await pilot.press("h")  # Washington: hardline
        await wait_for(pilot, lambda: app.session.game.state.statements[0] is not None)
        moment = len(app.session.game.actions)
        await open_console(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, FacilitatorNoteScreen))
        await type_text(pilot, "Washington opened [red]hard[/red]")
        app.screen.query_one(Select).value = "composure"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        game = app.session.game
        assert game.actions[-1] == act.Note("Washington opened [red]hard[/red]", "composure")
        await pilot.press("4")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "notes"
        assert "Washington opened [red]hard[/red]" in screen_text(app)
        await close_console(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, HandoverScreen))  # over to Moscow
        assert "opened [red]hard" not in all_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is table and table.viewer is M)
        assert "opened [red]hard" not in all_text(app)  # never on the players' screen
        loaded, replayed = saved(app)
        report = after_action_report(replayed, loaded)
        # beside its moment in the timeline, and in the notes section
        assert f"#{moment + 1} · facilitator's note · Note [composure]: Washington opened [red]hard[/red]" \
            in rendered_text(report)
        assert "Round 1, after #" in report and "Absorb a provocation" in report


async def test_the_timer_dialog_sets_the_round_timer():
    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        await open_console(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimerScreen))
        await pilot.press("ctrl+u", "5", "enter")  # out of range: refused
        await pilot.pause()
        assert isinstance(app.screen, TimerScreen)
        await pilot.press("ctrl+u", "9", "0", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        assert app.session.game.state.timer == 90
        assert facilitator_actions(app) == [act.SetTimer(90)]
        assert "round timer 90 s" in all_text(app)
        await close_console(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, TableScreen))
        assert "left for Washington and Moscow" in all_text(app)
