"""The replay viewer: a saved game moment by moment, with everything visible.

A moment is the game after ``n`` actions (0: the opening). The viewer steps
forwards and back, jumps to the start of any round, to the beginning or the
end, and shows the board, the meters, the log, both confidential briefs (but,
in a game still in progress, the brief of a computer whose style is hidden) and
the facilitator's notes as they were at that moment, with a timeline of the
whole game. A computer opponent's style is named as the game named it: from the
opening when the trainer showed it (the save's ``show_opponent``) or nothing was
hidden (no person played against a computer: two computers, or two people),
else only at the end of a finished game, where the game's debrief reveals it. "Play on from here" (:mod:`tabletop.tui.screens.replay_fork`) forks
a new save with seats of the user's choice and hands the game up to the app to play; a note
(:mod:`tabletop.tui.screens.replay_notes`) is appended to the save, signed like it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from tabletop.engine.actions import Statement
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Side
from tabletop.engine.options import told
from tabletop.engine.views import is_timeline_event
from tabletop.saves.hidden import seals, style_shown
from tabletop.saves.signing import ClassSecret
from tabletop.saves.writer import LoadedSave, describe_action, game_notes
from tabletop.tui.screens.replay_notes import ReplayNotes
from tabletop.tui.session import Session
from tabletop.tui.text import lines, plain
from tabletop.tui.widgets.board import IrritantBoard
from tabletop.tui.widgets.brief import confidential_brief
from tabletop.tui.widgets.event_log import EventLog
from tabletop.tui.widgets.meters import MeterPanel
from tabletop.tui.widgets.status import TableStatus, latest_event

LOG_LINES = 150
SEALED = plain("Sealed while the game is in progress: this is the brief of the computer across the table, and "
               "what its opponent negotiates to find out. The debrief opens it when the game ends.")
"""On a jump the log is rewritten with the last events only: enough to scroll back through, quick to draw."""


def snapshot(game: Game, moment: int) -> Game:
    """A read-only copy of ``game`` as it was after ``moment`` actions."""
    snap = game.copy()
    snap.actions = game.actions[:moment]
    snap.history = game.history[: moment + 1]
    snap.events = [(i, event) for i, event in game.events if i <= moment]
    snap.state = game.history[moment]
    return snap


def round_starts(game: Game) -> dict[int, int]:
    """For each round, the first moment in it (the moment the round opened)."""
    starts: dict[int, int] = {}
    for moment, state in enumerate(game.history):
        starts.setdefault(state.round, moment)
    return starts


def moment_text(game: Game, moment: int) -> str:
    """One line for the timeline: what the action was and what it did."""
    if moment == 0:
        return "Opening: the talks begin"
    action = game.actions[moment - 1]
    what = describe_action(action)
    if isinstance(action, Statement):
        what += f" ({action.posture.value}, secret until both have chosen)"
    events = [told(game, moment, e).text for e in game.events_of(moment) if is_timeline_event(e)]
    return f"{what}: {events[0]}" if events else what


class ReplayScreen(ReplayNotes):
    """Step through a saved game; nothing here changes the save."""

    CSS_PATH = "replay.tcss"
    AUTO_FOCUS = "#replay-timeline"
    BINDINGS = [
        Binding("right,l", "step(1)", "Forward", key_display="→"),
        Binding("left,h", "step(-1)", "Back", key_display="←"),
        Binding("left_square_bracket", "round(-1)", "Round −", key_display="["),
        Binding("right_square_bracket", "round(1)", "Round +", key_display="]"),
        Binding("home", "go(0)", "Start", show=False),
        Binding("end", "go_end", "End", show=False),
        Binding("f", "fork", "Play on from here"),
        Binding("n", "note", "Note"),
        Binding("escape,q", "close", "Close"),
        *[Binding(str(n), f"jump_round({n})", f"Round {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(self, loaded: LoadedSave, game: Game | None = None, at: int | None = None,
                 saves_folder: str | None = None, secret: ClassSecret | None = None) -> None:
        """``secret``: the class's secret given to ``tabletop replay`` (None: the environment's)."""
        super().__init__(classes="replay")
        self.secret = secret if secret is not None else ClassSecret.from_environment()
        self.loaded = loaded
        self.game = game if game is not None else loaded.replay(verify=True)
        self.last = len(self.game.actions)
        self.moment = self.last if at is None else max(0, min(self.last, at))
        self.saves_folder = saves_folder
        self.session = Session(self.game)  # names and seats for the panels; nothing is applied to it
        self.shown = style_shown(loaded.header)
        """No style is hidden: the trainer chose to show it (at ``play``, or ``resume --show-opponent``), or no
        person played against a computer (the save's name and the saves list name the styles too)."""
        self.starts = round_starts(self.game)
        self.notes = game_notes(self.game, loaded.notes)
        self.noted = {note.at for note in self.notes}
        self._log_at: int | None = None
        self._rungs: tuple[int, ...] | None = None
        self._notes_shown: tuple[int, bool] | None = None

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="replay-position", markup=False)
        yield TableStatus(self.session, id="replay-status")
        with Horizontal(id="replay-body"):
            with Vertical(id="replay-left"):
                yield IrritantBoard(self.game.scenario, id="replay-board")
                yield MeterPanel(self.game.scenario, id="replay-meters")
            yield EventLog(id="replay-log")
            with TabbedContent(id="replay-tabs"):
                for side in SIDES:
                    with TabPane(Content(f"{self.game.scenario.sides[side].name} brief"), id=f"tab-{side.value}"):
                        yield VerticalScroll(Static(id=f"replay-brief-{side.value}", markup=False))
                with TabPane("Notes", id="tab-notes"):
                    yield VerticalScroll(Static(id="replay-notes", markup=False))
        yield OptionList(*self.timeline_options(), id="replay-timeline")
        yield Footer()

    def timeline_options(self) -> list[Option]:
        game = self.game
        options: list[Option] = []
        current_round = None
        for moment, state in enumerate(game.history):
            if state.round != current_round:
                current_round = state.round
                options.append(Option(plain(f"── Round {state.round} ──", "bold"), id=f"round-{state.round}",
                                      disabled=True))
            options.append(Option(self.timeline_prompt(moment), id=f"m{moment}"))
        return options

    def timeline_prompt(self, moment: int) -> Content:
        mark = "✎ " if moment in self.noted else ""
        return Content.assemble((f"#{moment:<3} ", "dim"), plain(mark, "$warning"),
                                plain(moment_text(self.game, moment)))

    def on_mount(self) -> None:
        scenario = self.game.scenario
        self.sub_title = f"Replay: {scenario.title}"
        self.query_one("#replay-board", IrritantBoard).can_focus = False
        self.show(self.moment)

    # -- showing a moment ------------------------------------------------------

    def show(self, moment: int) -> None:
        """Redraw everything as it was after ``moment`` actions."""
        moment = max(0, min(self.last, moment))
        self.moment = moment
        game = self.game
        snap = snapshot(game, moment)
        state = snap.state
        what = "the opening" if moment == 0 else f"#{moment} {describe_action(game.actions[moment - 1])}"
        end = " · the end" if moment == self.last else ""
        self.query_one("#replay-position", Static).update(layout=False, content=Content.assemble(
            ("REPLAY ", "bold reverse"), plain(f" {self.loaded.path.name} · moment {moment} of {self.last} · "
                                               f"round {state.round}{end} · "), plain(what, "bold")))
        status = self.query_one("#replay-status", TableStatus)
        reveal = self.reveals(moment)
        if reveal != self.session.show_opponent:
            self.session.show_opponent = reveal
            status.mutate_reactive(TableStatus.state)  # the seats' words change though the moment's state may not
        status.turn = plain(what, "bold")
        status.latest = latest_event(snap)
        status.state = state
        self.query_one("#replay-meters", MeterPanel).state = state
        if state.rungs != self._rungs:
            # The board and the briefs' scores change only when a rung moves: redraw them only then.
            self._rungs = state.rungs
            self.query_one("#replay-board", IrritantBoard).state = state
            for side in SIDES:
                self.query_one(f"#replay-brief-{side.value}", Static).update(
                    SEALED if self.sealed(side) else confidential_brief(game.scenario, side, state.rungs))
        notes = sum(1 for note in self.notes if note.at <= moment)
        if (notes, moment in self.noted) != self._notes_shown:
            self._notes_shown = (notes, moment in self.noted)
            self.query_one("#replay-notes", Static).update(self.notes_content(moment))
        self.update_log(moment)
        self.sync_timeline(moment)

    def sealed(self, side: Side) -> bool:
        """Whether ``side``'s confidential brief stays sealed: a hidden computer's in a game still in progress (its
        walk-away and valuations are what its opponent negotiates to find out; the debrief opens it at the end)."""
        return seals(self.shown, self.game.is_over, self.game.seats[side])

    def reveals(self, moment: int) -> bool:
        """Whether the seats name a computer opponent's style at ``moment``: as the game did, from the opening
        when nothing was hidden (see ``shown``), else only at the end of a finished game (its debrief reveals it)."""
        return self.shown or (moment == self.last and self.game.is_over)

    def update_log(self, moment: int) -> None:
        log = self.query_one("#replay-log", EventLog)
        if self._log_at is not None and moment == self._log_at + 1:
            new = [(i, e) for i, e in self.game.events if i == moment]
        else:
            log.clear()
            new = [(i, e) for i, e in self.game.events if i <= moment][-LOG_LINES:]
        for index, event in new:
            if event.kind is not EventKind.POSTURE_CHOSEN:  # the statements line says it all
                log.add(told(self.game, index, event))  # a package turned down by rule says which part
        self._log_at = moment

    def notes_content(self, moment: int) -> Content:
        notes = [note for note in self.notes if note.at <= moment]
        if not notes:
            return plain("No facilitator notes up to this moment.", "dim italic")
        objectives = {o.id: o.text for o in self.game.scenario.objectives}
        rows: list[Content | str] = []
        for note in notes:
            style = "bold $warning" if note.at == moment else "bold"
            where = "opening" if note.at == 0 else f"#{note.at}"
            rows.append(plain(f"Round {note.round}, {where}", style))
            if note.objective:
                rows.append(plain(f"Objective: {objectives.get(note.objective, note.objective)}", "italic"))
            rows += [plain(note.text), ""]
        return lines(rows)

    def sync_timeline(self, moment: int) -> None:
        timeline = self.query_one("#replay-timeline", OptionList)
        index = timeline.get_option_index(f"m{moment}")
        if timeline.highlighted != index:
            timeline.highlighted = index

    @on(OptionList.OptionHighlighted, "#replay-timeline")
    def picked(self, event: OptionList.OptionHighlighted) -> None:
        # Highlight messages arrive after the fact: one the highlight has since left is stale (it may
        # come from our own sync_timeline), and following it would bounce between two moments.
        if event.option_index != event.option_list.highlighted:
            return
        option_id = event.option.id or ""
        if option_id.startswith("m") and int(option_id[1:]) != self.moment:
            self.show(int(option_id[1:]))

    # -- moving ------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        self.show(self.moment + delta)

    def action_go(self, moment: int) -> None:
        self.show(moment)

    def action_go_end(self) -> None:
        self.show(self.last)

    def action_round(self, delta: int) -> None:
        """To the start of the previous or next round (back: the start of this round first)."""
        here = self.game.history[self.moment].round
        start = self.starts[here]
        if delta < 0:
            target = start if self.moment > start else self.starts.get(here - 1, 0)
        else:
            target = self.starts.get(here + 1, self.last)
        self.show(target)

    def action_jump_round(self, number: int) -> None:
        if number in self.starts:
            self.show(self.starts[number])
        else:
            self.notify(f"This game has no round {number}.", severity="warning")

    def action_close(self) -> None:
        self.dismiss(None)

    # -- notes ---------------------------------------------------------------------

    def notes_changed(self) -> None:
        self.notes = game_notes(self.game, self.loaded.notes)
        self.noted = {note.at for note in self.notes}
        self._notes_shown = None
        timeline = self.query_one("#replay-timeline", OptionList)
        timeline.replace_option_prompt(f"m{self.moment}", self.timeline_prompt(self.moment))
        self.show(self.moment)


__all__ = ["ReplayScreen", "moment_text", "round_starts", "snapshot"]
