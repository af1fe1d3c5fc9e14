"""The facilitator console: the white cell's own screen, opened by F9 (or ctrl+f) and never shown to players.

It lists the master scenario events list with each inject's status (fire now,
hold or release, skip), sends a free-text inject with chosen effects, pauses
and resumes the exercise, sets the round timer, shows both confidential
briefs, and takes notes on the current moment tagged with an objective.
Every control is an engine action applied through the game's session, so the
log, the save, a replay and the after-action report all show it; the console
redraws when the change comes back from the app (as the table does), whoever
made it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from tabletop.engine import actions as act
from tabletop.engine.effects import describe_effects
from tabletop.engine.game import IllegalAction
from tabletop.engine.injects import choice_label
from tabletop.engine.model import SIDES, Response
from tabletop.engine.options import refusal
from tabletop.reports.hotwash import ScheduledInject, game_note_entries, inject_schedule
from tabletop.tui.messages import GameChanged
from tabletop.tui.screens.console_dialogs import CustomInjectScreen, FacilitatorNoteScreen, TimerScreen
from tabletop.tui.screens.passphrase import FacilitatorOnly
from tabletop.tui.session import Session
from tabletop.tui.text import lines, para, plain, side_name
from tabletop.tui.widgets.brief import confidential_brief
from tabletop.tui.widgets.round_clock import StopsTheClock
from tabletop.tui.widgets.status import PHASE_WORDS

TABS = ("events", "brief-washington", "brief-moscow", "notes")
STATUS_STYLE = {"fired": "dim", "held": "bold yellow", "skipped": "dim strike", "missed": "yellow",
                "upcoming": "bold"}


def _short(text: str, width: int) -> str:
    """One cell's worth of ``text`` (the detail pane shows it whole)."""
    return text if len(text) <= width else text[: width - 1] + "…"


class ConsoleScreen(FacilitatorOnly, StopsTheClock, Screen[None]):
    """The white cell's controls over the game in play."""

    CSS_PATH = "classroom.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back to the table"),
        Binding("f", "fire", "Fire now", tooltip="Fire the highlighted inject now"),
        Binding("h", "hold", "Hold", tooltip="Hold the highlighted inject back"),
        Binding("h", "release", "Release", tooltip="Release the highlighted inject"),
        Binding("s", "skip", "Skip", tooltip="Drop the highlighted inject from this game"),
        Binding("i", "custom", "Free-text inject"),
        Binding("p", "pause", "Pause"),
        Binding("p", "resume", "Resume"),
        Binding("t", "timer", "Timer"),
        Binding("n", "note", "Note"),
        *[Binding(str(n), f"tab('{tab}')", show=False) for n, tab in enumerate(TABS, 1)],
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="console")
        self.session = session
        self.sub_title = f"Facilitator console · {session.game.scenario.title}"
        self.schedule: list[ScheduledInject] = inject_schedule(session.game)

    def compose(self) -> ComposeResult:
        scenario = self.session.game.scenario
        yield Header()
        yield Static(id="console-status")
        with TabbedContent(initial="events"):
            with TabPane("1 Events list", id="events"), Horizontal(id="console-events"):
                yield DataTable(id="injects", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="inject-detail-box"):
                    yield Static(id="inject-detail")
            for n, side in enumerate(SIDES, 2):
                with TabPane(Content(f"{n} {scenario.sides[side].name} brief"), id=f"brief-{side.value}"), VerticalScroll():
                    yield Static(id=f"console-brief-{side.value}")
            with TabPane("4 Notes & objectives", id="notes"), VerticalScroll():
                yield Static(id="console-notes")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#injects", DataTable)
        table.add_columns("#", "Status", "Inject", "Target", "Objective", "When")
        self.query_one("#inject-detail-box").border_title = "The highlighted inject"
        self.refresh_console()
        table.focus()
        # A computer seat may still move while the console is open: redraw on every change, whoever made it.
        self.watch(self.app, "game_change", self.game_changed, init=False)

    # -- drawing -----------------------------------------------------------------------

    def game_changed(self, change: GameChanged | None) -> None:
        if change is not None:
            self.refresh_console()

    def refresh_console(self) -> None:
        """Redraw everything from the game."""
        game = self.session.game
        self.schedule = inject_schedule(game)
        self.query_one("#console-status", Static).update(self.status_content())
        self._fill_table()
        self._show_detail()
        for side in SIDES:
            self.query_one(f"#console-brief-{side.value}", Static).update(
                confidential_brief(game.scenario, side, game.state.rungs))
        self.query_one("#console-notes", Static).update(self.notes_content())
        self.refresh_bindings()

    def status_content(self) -> Content:
        game = self.session.game
        state = game.state
        waiting: list[Content | str] = []
        for n, side in enumerate(game.awaiting()):
            waiting += [" and " if n else "", side_name(self.session.name(side), side)]
        first = Content.assemble(
            ("FACILITATOR CONSOLE", "bold reverse $warning"), plain(" white cell only · Esc back to the table", "dim"))
        second = Content.assemble(
            (f"Round {state.round} of {game.scenario.rounds}", "bold"), " · ",
            plain(PHASE_WORDS.get(state.phase, state.phase.value), "italic"), " · ",
            *(["waiting for ", *waiting] if waiting else ["no side is due to move"]))
        names = [self.session.name(side) for side in SIDES]
        third = Content.assemble(
            ("PAUSED", "bold reverse $accent") if state.paused else ("running", "$success"), " · ",
            plain(f"round timer {state.timer} s" if state.timer else "no round timer"), " · ",
            plain(f"trust {state.trust} · tension {state.tension} · standing {names[0]} {state.standing[0]}, "
                  f"{names[1]} {state.standing[1]}"),
            plain(f" · {len(game_note_entries(game))} note(s)", "dim"))
        return lines([first, second, third])

    def _fill_table(self) -> None:
        table = self.query_one("#injects", DataTable)
        row = table.cursor_row
        table.clear()
        for item in self.schedule:
            style = STATUS_STYLE.get(item.status, "")
            table.add_row(Text(str(item.number)), Text(item.status_text, style=style),
                          Text(_short(item.inject.title, 32), style="bold" if item.can_fire else "dim"),
                          Text(item.inject.target.value), Text(item.inject.objective), Text(_short(item.when, 40)),
                          key=item.inject.id)
        if self.schedule:
            table.move_cursor(row=min(max(row, 0), len(self.schedule) - 1))

    def selected(self) -> ScheduledInject | None:
        table = self.query_one("#injects", DataTable)
        if not self.schedule or table.cursor_row < 0:
            return None
        return self.schedule[min(table.cursor_row, len(self.schedule) - 1)]

    @on(DataTable.RowHighlighted, "#injects")
    def _highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _show_detail(self) -> None:
        self.query_one("#inject-detail", Static).update(self.detail_content(self.selected()))

    def detail_content(self, item: ScheduledInject | None) -> Content:
        if item is None:
            return plain("This scenario has no injects: send a free-text one with i.", "dim")
        scenario = self.session.game.scenario
        inject = item.inject
        objective = next((o for o in scenario.objectives if o.id == inject.objective), None)
        rows: list[Content | str] = [
            plain(f"{item.number}. {inject.title}", "bold"),
            plain(f"{inject.kind.value} · target {inject.target.value}", "dim"),
            Content.assemble(("When: ", "bold"), plain(item.when)),
            Content.assemble(("Status: ", "bold"), plain(item.status_text)),
            "", para(inject.text), "",
            Content.assemble(("Expected action: ", "bold"), para(inject.expected_action)),
            Content.assemble(("Objective: ", "bold"), plain(objective.text if objective else inject.objective)),
            Content.assemble(("Effects: ", "bold"), plain(describe_effects(scenario, inject.effects) or "none")),
        ]
        if inject.forces_choice:  # each answer in the words the target sees (the engine's respond / absorb)
            for response, effects in ((Response.RESPOND, inject.respond), (Response.ABSORB, inject.absorb)):
                rows.append(Content.assemble(plain(f"{choice_label(inject, response)} ({response.value}): ", "bold"),
                                             plain(describe_effects(scenario, effects) if effects else "no effect")))
        if inject.notes.strip():
            rows += ["", plain("Evaluator notes", "bold $accent"), para(inject.notes)]
        if item.status == "missed" or (item.status == "held" and inject.round is not None
                                       and inject.round < self.session.game.state.round):
            rows += ["", plain("Its round has passed: only firing it by hand (f) will bring it in now.", "italic")]
        return lines(rows)

    def notes_content(self) -> Content:
        game = self.session.game
        rows: list[Content | str] = [plain("Learning objectives", "bold $accent")]
        for objective in game.scenario.objectives:
            rows.append(Content.assemble("• ", para(objective.text, "bold"), plain(f"  [{objective.id}]", "dim")))
            rows.append(Content.assemble("  expected: ", para(objective.expected, "italic")))
        rows += ["", plain("Your notes (n adds one on the current moment)", "bold $accent")]
        notes = game_note_entries(game)
        if not notes:
            rows.append(plain("No notes yet.", "dim"))
        for note in notes:
            tag = f" [{note.objective}]" if note.objective else ""
            rows.append(Content.assemble((f"Round {note.round}, #{note.at}{tag}: ", "bold"), plain(note.text)))
        return lines(rows)

    # -- controls ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        legal = set(self.session.game.legal_kinds(None))
        item = self.selected()
        held = item is not None and item.status == "held"
        if action == "hold":  # hold and release share a key: only one of them shows
            if held:
                return False
            return True if item is not None and not refusal(self.session.game, act.HoldInject(item.inject.id)) else None
        if action == "release":
            return (True if "release_inject" in legal else None) if held else False
        needs = {"fire": "fire_inject", "skip": "skip_inject", "custom": "custom_inject", "pause": "pause",
                 "resume": "resume", "timer": "set_timer", "note": "note"}.get(action)
        if needs is None:
            return True
        if action in ("pause", "resume"):
            paused = self.session.game.state.paused
            if (action == "pause") == paused:
                return False
        if needs not in legal:
            return None
        if action in ("fire", "skip"):  # the engine says whether this inject still has the control
            control = act.FireInject if action == "fire" else act.SkipInject
            return True if item is not None and not refusal(self.session.game, control(item.inject.id)) else None
        return True

    def apply(self, action: act.Action) -> bool:
        """Apply a facilitator's action (the console redraws when the change comes back); False if refused."""
        try:
            self.session.apply(action)
        except IllegalAction as error:
            self.notify(str(error), title="Not allowed", severity="warning", markup=False)
            return False
        return True

    def action_fire(self) -> None:
        if (item := self.selected()) is not None and self.apply(act.FireInject(item.inject.id)):
            self.notify(f"Fired \u201c{item.inject.title}\u201d: the teams see it when you go back to the table.",
                        markup=False)

    def action_hold(self) -> None:
        if (item := self.selected()) is not None:
            self.apply(act.HoldInject(item.inject.id))

    def action_release(self) -> None:
        if (item := self.selected()) is not None:
            self.apply(act.ReleaseInject(item.inject.id))

    def action_skip(self) -> None:
        if (item := self.selected()) is not None:
            self.apply(act.SkipInject(item.inject.id))

    def action_pause(self) -> None:
        self.apply(act.Pause())

    def action_resume(self) -> None:
        self.apply(act.Resume())

    def action_custom(self) -> None:
        def send(action: act.CustomInject | None) -> None:
            if action is not None and self.apply(action):
                self.notify("Free-text inject sent: the teams see it when you go back to the table.")

        self.app.push_screen(CustomInjectScreen(self.session.game), send)

    def action_timer(self) -> None:
        def chosen(seconds: int | None) -> None:
            if seconds is not None:
                self.apply(act.SetTimer(seconds))

        self.app.push_screen(TimerScreen(self.session.game.state.timer or 0), chosen)

    def action_note(self) -> None:
        def written(note: act.Note | None) -> None:
            if note is not None and self.apply(note):
                self.notify("Note saved on this moment.")

        self.app.push_screen(FacilitatorNoteScreen(self.session.game), written)

    def action_tab(self, tab: str) -> None:
        tabbed = self.query_one(TabbedContent)
        tabbed.active = tab
        # Focus moves into the shown pane: left on the hidden events list, it would switch the tab back.
        target = tabbed.get_pane(tab).query("DataTable, VerticalScroll").first()
        target.focus()

    def action_close(self) -> None:
        self.app.clear_notifications()  # the console's messages stay with the facilitator
        self.dismiss(None)


__all__ = ["ConsoleScreen"]
