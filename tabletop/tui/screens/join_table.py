"""One seat of a networked class: the same table a local player sees, played on a class host.

:class:`JoinTableScreen` is the local :class:`~tabletop.tui.screens.table.TableScreen`
with its widgets, keys, dialogs and news flashes, but the game behind it is a
:class:`~tabletop.net.mirror.SeatGame`: the table as the host last described it,
and the moves open as the engine's ``options`` answer the host sent. A move is
not applied here; it goes to the host (the app's :meth:`send <SeatConnection.send>`),
and the table redraws when the host's update comes back, like any other
change. No hand-over, no computer moves, no local clock: the other side plays
on its own machine and the host keeps the time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import ComposeResult
from textual.content import Content
from textual.reactive import reactive

from tabletop.engine import actions
from tabletop.engine.model import SIDES, Side
from tabletop.engine.options import SeatOptions, package_preview
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.net.mirror import as_object
from tabletop.tui.messages import GameChanged
from tabletop.tui.screens.join_session import SeatConnection, SeatSession, SeatStatus, clock_text
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.text import plain, side_name, signed
from tabletop.tui.widgets.status import TableStatus

ENDED = "the class has ended"


class JoinTableScreen(TableScreen):
    """The table of one seat of a networked class (see the module's docstring)."""

    connection: reactive[Content] = reactive(Content(""))
    """The connection to the host, in words."""
    clock: reactive[Content] = reactive(Content(""))
    """The round timer as the host counts it."""
    seating: reactive[str] = reactive("")
    """Who plays each side and whether they are connected, as the host last said."""

    def __init__(self, session: SeatSession, link: SeatConnection, talks_over: Callable[[], object] | None = None,
                 ended: Callable[[], bool] = lambda: False) -> None:
        super().__init__(session, pace=0.0, talks_over=talks_over)
        self.seat = session
        self.link = link
        self.class_ended = ended
        self._time: tuple[float | None, bool, float] = (None, False, 0.0)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, TableStatus):
                yield SeatStatus(self.session, id="status").data_bind(
                    JoinTableScreen.state, JoinTableScreen.turn, JoinTableScreen.latest, JoinTableScreen.connection,
                    JoinTableScreen.clock, JoinTableScreen.seating)
            else:
                yield widget

    def on_mount(self) -> None:
        # TableScreen's own on_mount runs as well (Textual calls each class's handler along the MRO).
        self.set_interval(1.0, self._count_down, name="host clock")

    # -- following the host ----------------------------------------------------------

    def game_changed(self, change: GameChanged | None) -> None:
        """Every change the host reports is shown (a seat is not told the actions, only what they did)."""
        if change is not None:
            self._moment = -1
        super().game_changed(change)

    def follow_seats(self) -> None:
        """The host said who plays and who is connected: the status line shows it."""
        self.seating = " · ".join(self.seat.seat_label(side) for side in SIDES)

    def follow_clock(self, time_left: float | None, runs: bool) -> None:
        """The host's round timer at this moment; the line counts down from it while it runs."""
        self._time = (time_left, runs, time.monotonic())
        self._count_down()

    def _count_down(self) -> None:
        left, runs, since = self._time
        if left is not None and runs:
            left -= time.monotonic() - since
        self.clock = clock_text(left)

    def _update_turn(self) -> None:
        game = self.session.game
        if game.is_over or game.state.paused or self.seat.next_side() is not None:
            super()._update_turn()
            return
        waiting = [s for s in game.awaiting() if s is not self.seat.side]
        if self.class_ended():
            self.turn = plain("The facilitator has ended the class.", "bold")
        elif waiting:
            other = waiting[0]
            self.turn = Content.assemble("Waiting for ", side_name(self.session.name(other), other))
        else:
            self.turn = plain("…")

    # -- what happens next --------------------------------------------------------------

    def drive(self) -> None:
        """As at a local table; and when the facilitator ends the class mid-game, on to the debrief."""
        if self.class_ended() and self.talks_over is not None and not self._ended and not self._blocked \
                and not self._flashes and self.is_current and not self._covered():
            self._ended = True
            self.talks_over()
            return
        super().drive()

    def computer_move(self) -> None:
        """Never: the other side moves on its own machine, or the host moves for a computer seat."""
        self._timer = None
        self.thinking = None

    # -- moves go to the host -----------------------------------------------------------------

    def act(self, action: actions.Action) -> bool:
        """Send the move to the host; its answer comes back as an update (or a refusal, as a notification)."""
        if not self.link.send(action):
            self.notify("Your last move is still on its way to the host.", severity="warning")
            return False
        return True

    def seat_options(self, side: Side) -> SeatOptions:
        """What this seat may do now: the engine's answer, as the host sent it."""
        seat = self.seat.options()
        if side is not self.seat.side or seat is None:
            return SeatOptions(side, frozenset(), (), None, (), {}, (), (), (), "")
        return seat

    def action_gesture(self) -> None:
        """The gestures the host's options list, each with what it does to this side's own score."""
        side = self.actor()
        if side is None:
            return
        game = self.session.game
        choices: list[tuple[Content, actions.Action]] = []
        for gesture in self.seat_options(side).gestures:
            irritant = game.scenario.irritant(gesture.irritant)
            seen = package_preview(game, side, Offer((Concession(gesture.irritant, gesture.to),)))
            note = f"   your score {signed(seen.score_change)}"
            note += "".join(f" · crosses your red line (−{c.price} standing)" for c in seen.crossings if not c.absolute)
            choices.append((Content.assemble(plain(irritant.name, "bold"), " → ", plain(irritant.rungs[gesture.to]),
                                             plain(note, "dim")), gesture))
        self._choose("A gesture: move one of your irritants up, asking nothing", choices,
                     "You have no irritant of your own left to move up.")

    def action_renege(self) -> None:
        """The reneges the host's options list, each with the concessions it would take back with it."""
        side = self.actor()
        if side is None:
            return
        game = self.session.game
        deals = {deal.number: deal for deal in game.state.deals}
        choices: list[tuple[Content, actions.Action]] = []
        for renege in self.seat_options(side).reneges:
            deal = deals.get(renege.deal)
            if deal is None:
                continue
            undone = sorted(deal.offer.linked_to(renege.irritant) - set(deal.undone))
            names = ", ".join(game.scenario.irritant(i).name for i in undone)
            choices.append((Content.assemble((f"Deal {deal.number} (round {deal.round}): ", "bold"),
                                             plain(f"undo {names}")), renege))

        def question(action: actions.Action) -> Content:
            return Content.assemble(("Renege on an agreed deal?", "bold"), "\n\nIt undoes the concession and "
                                    "everything linked to it, costs heavy trust, some standing, and raises tension.")

        self._choose("Renege on one of your concessions", choices, "You have no concession to renege on.", question)

    def action_walk_out(self) -> None:
        """Walking out, confirmed with the score the host's engine says it would leave this side."""
        if (side := self.actor()) is not None:
            self.run_worker(self._walk_out(side), group="walk-out", exclusive=True)

    async def _walk_out(self, side: Side) -> None:
        walk_out = actions.WalkOut(side)
        answer = await self.link.preview(walk_out)
        if answer.get("type") != "preview":
            self.notify(str(answer.get("message", "the host did not answer")), title="Not allowed",
                        severity="warning", markup=False)
            return
        seen = as_object(answer.get("preview"))
        final = seen.get("final_score")
        game = self.session.game
        then = f"you score {final:.1f}" if isinstance(final, (int, float)) else "the game ends"
        question = Content.assemble(("Walk out of the talks?", "bold"), "\n\n", side_name(self.session.name(side), side),
                                    f" leaves the table. The talks collapse and {then} (your walk-away value is "
                                    f"{game.state.alternative_of(side):g}; your score now {game.score(side):.1f}).")
        self._confirm(question, lambda: self.act(walk_out))

    def can_accept(self) -> bool:
        return self.actor() is not None and "accept" in self.seat_options(self.seat.side).kinds

    def ask_inject(self, side: Side) -> None:
        if self.session.game.state.phase is Phase.INJECT_RESPONSE and self.seat_options(side).inject:
            super().ask_inject(side)


__all__ = ["ENDED", "JoinTableScreen"]
