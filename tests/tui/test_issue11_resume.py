"""Resuming a game in the interface (issue 11): past news flashes are not replayed, a pending forced choice
opens its own dialog and no default key answers it, the dialog shows the inject but not its answer key, and a
classroom game stays a classroom game."""

from __future__ import annotations

from screentext import screen_text
from textual.widgets import Button, Static
from tuikit import wait_for

from tabletop.engine import actions as act
from tabletop.engine.effects import describe_effects
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.opponents import make_opponent
from tabletop.reports.after_action import after_action_report
from tabletop.saves.writer import SaveWriter, load_save
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.classroom import Classroom
from tabletop.tui.messages import PlaySaved
from tabletop.tui.screens.debrief import DebriefScreen
from tabletop.tui.screens.dialogs import InjectChoiceScreen, NewsFlashScreen
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.session import Session

W, M = Side.WASHINGTON, Side.MOSCOW
SIZE = (120, 40)


def round_three_with_a_choice_pending() -> Game:
    """new-start-2026, tit-for-tat against a human Moscow, seed 51 (as in the issue): several news flashes have
    landed and an inject waits for Moscow's answer (Moscow's moves so far made by a stand-in)."""
    scenario = resolve("new-start-2026")
    game = Game(scenario, 51, {W: "tit-for-tat", M: "human"})
    players = {W: make_opponent("tit-for-tat", W, 51), M: make_opponent("grit", M, 51)}
    while not (game.state.pending and scenario.inject(game.state.pending[0]).target.value == "moscow"):
        side = game.awaiting()[0]
        game.apply(players[side].decide(game))
    assert len([event for _, event in game.events if event.kind.value == "inject"]) >= 3
    return game


def answered(game: Game, inject: str) -> bool:
    return any(isinstance(a, act.RespondInject) and a.inject == inject for a in game.actions)


def resumed_app(game: Game, folder) -> TabletopApp:
    with SaveWriter.create(game, folder) as writer:
        path = writer.path
    loaded = load_save(path)
    return TabletopApp(pace=0, opening=PlaySaved(loaded.replay(), SaveWriter.resume(loaded, None)))


async def through_the_briefing(pilot) -> None:
    app = pilot.app
    await pilot.pause()
    while not isinstance(app.screen, (TableScreen, NewsFlashScreen, InjectChoiceScreen)):
        await pilot.press("enter")
        await pilot.pause()


async def test_resume_shows_only_the_latest_flash_and_enter_never_answers_the_pending_choice(temporary_saves):
    game = round_three_with_a_choice_pending()
    pending = game.state.pending[0]
    app = resumed_app(game, temporary_saves)
    async with app.run_test(size=SIZE) as pilot:
        await through_the_briefing(pilot)
        seen: list[str] = []
        for _ in range(8):  # a player pressing Enter through whatever comes up
            await wait_for(pilot, lambda: answered(app.session.game, pending)
                           or isinstance(app.screen, (NewsFlashScreen, InjectChoiceScreen)))
            if answered(app.session.game, pending):
                break
            if isinstance(app.screen, NewsFlashScreen):
                seen.append(screen_text(app))
            await pilot.press("enter")
            await pilot.pause()
        assert len(seen) == 1, "only the latest news flash is shown again"
        latest = [event for _, event in game.events if event.kind.value == "inject"][-1]
        assert latest.inject is not None and game.scenario.inject(latest.inject).title in seen[0]
        assert isinstance(app.screen, InjectChoiceScreen), "the pending choice opens its own dialog"
        session = app.session
        assert not answered(session.game, pending), "Enter answered the choice"
        assert session.game.state.pending[:1] == (pending,)
    saved = load_save(session.autosave.path)
    assert not any(getattr(a, "inject", "") == pending for a in saved.actions)


async def test_the_forced_choice_opens_with_nothing_chosen_shows_its_own_labels_and_not_the_answer(
        temporary_saves):
    game = round_three_with_a_choice_pending()
    inject = game.scenario.inject(game.state.pending[0])
    app = resumed_app(game, temporary_saves)
    async with app.run_test(size=SIZE) as pilot:
        await through_the_briefing(pilot)
        while not isinstance(app.screen, InjectChoiceScreen):
            await wait_for(pilot, lambda: isinstance(app.screen, (NewsFlashScreen, InjectChoiceScreen)))
            if isinstance(app.screen, NewsFlashScreen):
                await pilot.press("escape")
                await pilot.pause()
        dialog = app.screen
        assert dialog.focused is None, "nothing is chosen when the dialog opens"
        text = screen_text(app)
        assert inject.title in text
        assert inject.respond_label in text and inject.absorb_label in text
        assert "Expected" not in text and inject.expected_action[:30] not in text
        said = " ".join([str(dialog.query_one(".dialog-text", Static).content),
                         *(str(button.label) for button in dialog.query(Button))])
        assert "Respond" not in said and "Absorb" not in said  # the inject's own words, not the engine's
        effects = [describe_effects(game.scenario, e) for e in (inject.respond, inject.absorb) if e]
        assert effects and not any(effect in said for effect in effects)  # no effect numbers
        assert "trust" not in said.lower() and "standing" not in said.lower()
        for key in ("enter", "space", "r", "a", "y"):  # no default or stray key takes the choice
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is dialog and not answered(app.session.game, inject.id), key
        await pilot.press("2")
        await wait_for(pilot, lambda: answered(app.session.game, inject.id))
        answer = next(a for a in app.session.game.actions if getattr(a, "inject", "") == inject.id)
        assert answer.side is M and answer.response.value == "absorb"
        # the log does not give the expected answer away either
        assert not any(inject.expected_action in event.text for _, event in app.session.game.events)
        assert "(respond)" not in screen_text(app) and "(absorb)" not in screen_text(app)


async def test_a_classroom_game_without_a_timer_is_still_one_when_resumed(temporary_saves, tutorial):
    app = TabletopApp(scenario=tutorial, washington="human", moscow="grit", seed=7, pace=0,
                      classroom=Classroom())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.session is not None and app.session.autosave.path is not None)
        path = app.session.autosave.path
        app.session.apply(act.Statement(W, Posture.CONCILIATORY))
        await pilot.pause()
        app.session.autosave.close()  # the player quits: the save is let go
    assert tutorial.rules.round_timer in (None, 0)
    loaded = load_save(path)
    app = TabletopApp(pace=0, opening=PlaySaved(loaded.replay(), SaveWriter.resume(loaded, None)))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.session is not None)
        assert app.session.classroom is not None, "the facilitator's console is lost on resume"
        while not isinstance(app.screen, TableScreen):
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConsoleScreen")


async def test_the_debrief_shows_what_each_forced_choice_expected_and_what_was_chosen():
    game = round_three_with_a_choice_pending()
    inject = game.scenario.inject(game.state.pending[0])
    game.apply(act.RespondInject(M, inject.id, Response.ABSORB))
    players = {W: make_opponent("tit-for-tat", W, 51), M: make_opponent("grit", M, 51)}
    while not game.is_over:
        game.apply(players[game.awaiting()[0]].decide(game))
    app = TabletopApp(pace=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(DebriefScreen(Session(game)))
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen) and app.screen.query("#debrief-choices"))
        said = " ".join(str(app.screen.query_one("#debrief-choices", Static).content).split())
    assert f"“{inject.title}”: Moscow chose “{inject.absorb_label}”" in said
    assert f"Expected: {' '.join(inject.expected_action.split())}" in said
    assert f"“{inject.respond_label}”: " in said and describe_effects(game.scenario, inject.absorb) in said
    report = " ".join(after_action_report(game).split())  # the after-action report carries the same
    assert "## Forced choices" in report and f"Moscow chose “{inject.absorb_label}”" in report


async def test_the_facilitator_console_shows_the_expected_answer_and_each_answers_labels_and_effects():
    scenario = resolve("istanbul-2025-02")
    choices = [inject for inject in scenario.injects if inject.forces_choice]
    app = TabletopApp(scenario=scenario, washington="human", moscow="human", seed=5, pace=0, classroom=Classroom())
    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, TableScreen):
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConsoleScreen")
        await pilot.pause()
        shown: list[str] = []
        for _ in scenario.injects:
            shown.append(" ".join(str(app.screen.query_one("#inject-detail", Static).content).split()))
            await pilot.press("down")
            await pilot.pause()
    for inject in choices:
        detail = next(text for text in shown if inject.title in text)
        assert f"Expected action: {' '.join(inject.expected_action.split())}" in detail
        assert f"{inject.respond_label} (respond): {describe_effects(scenario, inject.respond)}" in detail
        assert f"{inject.absorb_label} (absorb): " in detail
