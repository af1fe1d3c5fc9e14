"""The console's dialogs take their ranges and warnings from the engine (timer range, collapse on an inject)."""

from __future__ import annotations

from classkit import all_text, classroom_app, open_console, to_table, type_text, wait_for

from tabletop.engine.model import TIMER_MAX, TIMER_MIN
from tabletop.tui.screens.console_dialogs import CustomInjectScreen, TimerScreen


async def test_the_timer_dialog_states_the_engines_range():
    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        await open_console(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimerScreen))
        assert f"{TIMER_MIN} to {TIMER_MAX}" in all_text(app)


async def test_a_free_text_inject_that_would_collapse_the_talks_is_flagged():
    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        game = app.session.game
        await open_console(pilot)
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, CustomInjectScreen))
        dialog = app.screen
        await type_text(pilot, "Embassy stormed")
        preview = dialog.query_one("#ci-preview")
        assert "ends the talks in collapse" not in str(preview.content)
        dialog.query_one("#ci-trust").value = str(-game.state.trust)   # trust to 0: the talks collapse
        await wait_for(pilot, lambda: "Warning: this ends the talks in collapse." in str(preview.content))
        dialog.query_one("#ci-trust").value = str(1 - game.state.trust)   # trust to 1: they go on
        await wait_for(pilot, lambda: "ends the talks in collapse" not in str(preview.content))


async def test_the_free_text_inject_states_each_meters_range_as_the_engine_keeps_it():
    from tabletop.engine.effects import STANDING_RANGE, TENSION_RANGE, TRUST_RANGE

    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        state = app.session.game.state
        await open_console(pilot)
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, CustomInjectScreen))
        text = all_text(app)
        assert f"Trust (now {state.trust}, {TRUST_RANGE[0]}–{TRUST_RANGE[1]})" in text
        assert f"Tension (now {state.tension}, {TENSION_RANGE[0]}–{TENSION_RANGE[1]})" in text
        assert f"standing (now {state.standing[0]}, {STANDING_RANGE[0]}–{STANDING_RANGE[1]})" in text
