"""The line above the table: round and clock, initiative, tones, seats, seed, whose turn."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Side
from tabletop.engine.options import told
from tabletop.engine.state import GameState, Phase
from tabletop.engine.tone import tone_word
from tabletop.engine.views import BOOKKEEPING_EVENTS, player_visible
from tabletop.tui.session import Session
from tabletop.tui.text import lines, plain, side_name

PHASE_WORDS = {
    Phase.ROUND_START: "the round opens",
    Phase.INJECT_RESPONSE: "answering a news event",
    Phase.STATEMENTS: "public statements (chosen in secret)",
    Phase.NEGOTIATION: "negotiation",
    Phase.CONCLUDE_PENDING: "a proposal to conclude",
    Phase.IMPLEMENTATION: "implementation",
    Phase.ROUND_END: "the round ends",
    Phase.ENDED: "the talks are over",
}


class TableStatus(Static):
    """Where the talks stand, in three lines: the round, who must act (``turn``), the tone, the latest news.

    A fourth line, ``saving``, says when saving failed or the game is played on unsaved.
    """

    state: reactive[GameState | None] = reactive(None)
    turn: reactive[Content] = reactive(Content(""))
    latest: reactive[str] = reactive("")
    saving: reactive[str] = reactive("")

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session

    def watch_state(self) -> None:
        self._show()

    def watch_turn(self) -> None:
        self._show()

    def watch_latest(self) -> None:
        self._show()

    def watch_saving(self, saving: str) -> None:
        self.set_class(bool(saving), "-saving")
        self._show()

    def _show(self) -> None:
        if self.state is not None:
            self.update(status_content(self.session, self.state, self.turn, self.latest, self.saving))


def status_content(session: Session, state: GameState, turn: Content, latest: str, saving: str = "") -> Content:
    game = session.game
    scenario = game.scenario
    clock = Content.assemble(
        (f"Round {state.round} of {scenario.rounds}", "bold"), " · ",
        plain(PHASE_WORDS.get(state.phase, state.phase.value), "italic"))
    tones: list[Content | str] = ["Tone today: "]
    for n, side in enumerate(SIDES):
        if n:
            tones.append(", ")
        tones += [side_name(session.name(side), side), f" {tone_word(state.tone_of(side))}"]
    seats = ", ".join(f"{session.name(s)} {session.seat_label(s)}" for s in SIDES)
    second = Content.assemble(
        "Initiative: ", side_name(session.name(state.initiative), state.initiative),
        plain(f" · seed {game.seed}", "bold"), " · ", *tones, " · deadline: ", plain(scenario.deadline),
        " · ", plain(seats, "dim"))
    third = Content.assemble(("Latest: ", "bold $accent"), plain(latest)) if latest else Content("")
    rows = [Content.assemble(clock, "  ▸ ", turn), second, third]
    return lines([*rows, plain(saving, "bold reverse $error")] if saving else rows)


QUIET = BOOKKEEPING_EVENTS | {EventKind.AUDIENCE, EventKind.SETTLE}
"""Lines the status line skips: progress markers, and the meters' drift that follows every move."""


def latest_event(game: Game) -> str:
    """The most recent move worth reading (a side's move, a deal, news), for the status line."""
    for index, event in reversed(game.events):
        if event.kind not in QUIET and player_visible(game, index, event):
            return told(game, index, event).text  # a package turned down by rule says which part
    return ""


def turn_text(session: Session, side: Side | None, viewer: Side | None, thinking: bool) -> Content:
    """Who must act now, in words."""
    if session.game.is_over:
        return plain("The talks are over.", "bold")
    if session.game.state.paused:
        return plain("Paused by the facilitator.", "bold")
    if side is None:
        return plain("…")
    name = side_name(session.name(side), side)
    if thinking:
        return Content.assemble(name, plain(" is deciding…", "italic"))
    if side is viewer:
        return Content.assemble(("Your move, ", "bold reverse"), Content.assemble(name).stylize("reverse"))
    return Content.assemble("Waiting for ", name)
