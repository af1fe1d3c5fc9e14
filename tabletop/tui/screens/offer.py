"""The offer builder: choose concessions for each side, mark links, see your own score, send.

The rungs each irritant may be offered at come from the engine
(:attr:`SeatOptions.offer_rungs <tabletop.engine.options.SeatOptions.offer_rungs>`),
the scores and red lines crossed from its previews: the builder re-derives no rule.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Static

from tabletop.engine.effects import describe_offer
from tabletop.engine.model import Irritant, Mover, Side
from tabletop.engine.options import options, package_preview
from tabletop.engine.red_lines import crossing
from tabletop.engine.state import Concession, Offer
from tabletop.tui.screens.dialogs import ConfirmScreen
from tabletop.tui.session import Session
from tabletop.tui.text import lines, plain, side_name, signed
from tabletop.tui.widgets.board import mover_label

LINK_MARK = "linked"


class ConcessionRow(Widget, can_focus=True):
    """One irritant in the offer: ◀ ▶ (or ← →) choose the rung, space marks a link."""

    BINDINGS = [
        Binding("left,minus", "step(-1)", "Rung down", show=False),
        Binding("right,plus,equals_sign", "step(1)", "Rung up", show=False),
        Binding("space,l", "toggle_link", "Link", show=False),
    ]

    target: reactive[int] = reactive(0, layout=True)  # a moved row may wrap to more lines
    linked: reactive[bool] = reactive(False, layout=True)

    class Changed(Message):
        """The row's rung or link changed."""

    def __init__(self, irritant: Irritant, current: int, viewer: Side, session: Session, rungs: tuple[int, ...],
                 target: int | None = None, linked: bool = False) -> None:
        super().__init__(classes="concession-row")
        self.irritant = irritant
        self.current = current
        self.viewer = viewer
        self.session = session
        self.ceiling = max(rungs, default=current)
        """The highest rung the engine lets this side offer the irritant at."""
        self.set_reactive(ConcessionRow.target, current if target is None else target)
        self.set_reactive(ConcessionRow.linked, linked)

    @property
    def concession(self) -> Concession | None:
        return Concession(self.irritant.id, self.target) if self.target > self.current else None

    def gain_for_viewer(self) -> float:
        concession = Concession(self.irritant.id, self.target)
        return package_preview(self.session.game, self.viewer, Offer((concession,), ())).score_change

    def render(self) -> Content:
        irritant = self.irritant
        scenario = self.session.game.scenario
        moving = self.target > self.current
        link = ("[x] linked", "bold $accent") if self.linked and moving else ("[ ] link", "dim")
        first = Content.assemble(("◀ ▶  ", "bold $accent"), plain(irritant.name, "bold" if moving else ""),
                                 plain(f"  {mover_label(scenario, irritant)}", "dim"), "   ", link)
        if moving:
            value = self.gain_for_viewer()
            style = "$success" if value > 0 else "$error" if value < 0 else "dim"
            second = Content.assemble("     ", plain(irritant.rungs[self.current], "dim"), " → ",
                                      plain(irritant.rungs[self.target], "bold"), "   ",
                                      (f"your score {signed(value)}", style), self._red_line_note())
        else:
            second = Content.assemble("     ", plain(f"stays at “{irritant.rungs[self.current]}”", "dim"),
                                      self._ceiling_note())
        return lines([first, second])

    def _red_line_note(self) -> Content:
        crossed = crossing(self.session.game.scenario, self.viewer, self.irritant.id, self.current, self.target)
        if crossed is None:
            return Content("")
        if crossed.absolute:
            return plain("  ✖ past your absolute red line", "bold $error")
        return plain(f"  ⚑ crosses your red line (−{crossed.price} standing)", "$warning")

    def _ceiling_note(self) -> Content:
        if self.ceiling >= self.irritant.top:
            return Content("")
        return plain(f"  (your absolute red line: no higher than “{self.irritant.rungs[self.ceiling]}”)", "dim")

    def action_step(self, delta: int) -> None:
        wanted = self.target + delta
        self.target = max(self.current, min(self.ceiling, wanted))
        if wanted > self.ceiling >= self.current:
            self.app.bell()
        if self.target == self.current:
            self.linked = False
        self.post_message(self.Changed())

    def action_toggle_link(self) -> None:
        self.linked = not self.linked and self.target > self.current
        self.post_message(self.Changed())

    def on_click(self, event: events.Click) -> None:
        self.focus()
        if event.y == 0 and event.x <= 1:
            self.action_step(-1)
        elif event.y == 0 and event.x <= 3:
            self.action_step(1)
        elif event.y == 0 and event.x >= self.render().cell_length - 12:
            self.action_toggle_link()


def _within(target: int | None, rungs: tuple[int, ...]) -> int | None:
    """``target`` brought down to the highest rung this side may offer (None when it may offer none of them)."""
    if target is None:
        return None
    allowed = [rung for rung in rungs if rung <= target]
    return max(allowed) if allowed else None


class OfferBuilderScreen(ModalScreen[Offer | None]):
    """Build a package (or a counter-offer); returns the offer, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s,enter", "send", "Send", priority=True),
        Binding("escape", "cancel", "Cancel"),
        Binding("up,shift+tab", "move_row(-1)", "Previous", show=False, priority=True),
        Binding("down,tab", "move_row(1)", "Next", show=False, priority=True),
    ]

    AUTO_FOCUS = "ConcessionRow"

    def __init__(self, session: Session, viewer: Side, base: Offer | None = None, counter: bool = False) -> None:
        super().__init__(classes="dialog")
        self.session = session
        self.viewer = viewer
        self.base = base
        self.counter = counter
        self.opening: Offer | None = None
        """The package as the builder opened (empty, or the counter's base): cancelling anything else asks."""

    def compose(self) -> ComposeResult:
        game = self.session.game
        scenario = game.scenario
        targets = {c.irritant: c.to for c in self.base.concessions} if self.base else {}
        linked = {i for pair in self.base.links for i in pair} if self.base else set()
        offer_rungs = options(game, self.viewer).offer_rungs
        groups: dict[str, list[ConcessionRow]] = {"give": [], "ask": [], "both": []}
        rows: list[ConcessionRow] = []
        for n, irritant in enumerate(scenario.irritants):
            rungs = offer_rungs.get(irritant.id, ())
            if not rungs:
                continue  # nothing this side may offer on it now
            key = "both" if irritant.mover is Mover.BOTH else "give" if irritant.mover.includes(self.viewer) else "ask"
            # A counter starts from the package on the table, brought within what the engine lets this side offer.
            target = _within(targets.get(irritant.id), rungs)
            row = ConcessionRow(irritant, game.state.rungs[n], self.viewer, self.session, rungs, target,
                                irritant.id in linked and target is not None)
            groups[key].append(row)
            rows.append(row)
        if sum(row.linked for row in rows) < 2:
            for row in rows:  # a link needs two ends: a lone mark left from the package on the table goes
                row.set_reactive(ConcessionRow.linked, False)
        other = self.session.name(self.viewer.other)
        title = "Counter-offer" if self.counter else "Your proposal"
        with Vertical(classes="dialog-box wide tall", id="builder"):
            yield Static(Content.assemble((title, "bold"), " — ", side_name(self.session.name(self.viewer), self.viewer),
                                          plain(" (only you see your score)", "dim")), classes="dialog-title")
            with VerticalScroll(id="builder-rows", can_focus=False):
                for key, heading in (("give", "You give"), ("ask", f"You ask of {other}"),
                                     ("both", "Both move together")):
                    if groups[key]:
                        yield Static(plain(heading, "bold $accent underline"), classes="builder-heading")
                        yield from groups[key]
            yield Static(id="builder-summary")
            with Horizontal(classes="dialog-buttons"):
                # Buttons are for the mouse: the keys never leave the rows, so Enter always sends (the hint says so).
                for button in (Button(Content("Send · Enter"), variant="success", id="send", action="screen.send",
                                      compact=True),
                               Button(Content("Cancel · Esc"), variant="default", id="cancel", action="screen.cancel",
                                      compact=True)):
                    button.can_focus = False
                    yield button
            yield Static(plain("↑↓ irritant · ←→ rung · space link · Enter send · Esc cancel", "dim"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        rows = list(self.query(ConcessionRow))
        if rows:
            rows[0].focus()
        self.opening = self.build()
        self.update_summary()

    def action_move_row(self, delta: int) -> None:
        """Up and down move between the rows and stop at the first and the last (they never reach the buttons)."""
        rows = list(self.query(ConcessionRow))
        if not rows:
            return
        at = rows.index(self.focused) if self.focused in rows else 0
        rows[max(0, min(len(rows) - 1, at + delta))].focus()

    def on_concession_row_changed(self, _: ConcessionRow.Changed) -> None:
        self.update_summary()

    def build(self) -> Offer:
        rows = list(self.query(ConcessionRow))
        concessions = [row.concession for row in rows if row.concession is not None]
        marked = [row.irritant.id for row in rows if row.linked and row.concession is not None]
        links = list(zip(marked, marked[1:])) if len(marked) >= 2 else []
        return Offer(tuple(c for c in concessions if c is not None), tuple(links))

    def update_summary(self) -> None:
        game = self.session.game
        scenario = game.scenario
        offer = self.build()
        summary = self.query_one("#builder-summary", Static)
        if not offer.concessions:
            summary.update(plain("Choose at least one concession: move a rung up with → or ▶.", "italic"))
            return
        seen = package_preview(game, self.viewer, offer)
        now, then = seen.score_before, seen.score_after
        walk = scenario.sides[self.viewer].walk_away
        marked = sum(1 for row in self.query(ConcessionRow) if row.linked and row.concession is not None)
        rows: list[Content | str] = [
            Content.assemble(("Package: ", "bold"), plain(describe_offer(scenario, offer))),
            Content.assemble(("Your private score: ", "bold"), f"{now:.1f} now → ", (f"{then:.1f}", "bold"),
                             f" ({signed(then - now)}) · walk-away {walk:g}"),
        ]
        if marked == 1:
            rows.append(plain("Mark at least two concessions to link them.", "$warning"))
        summary.update(lines(rows))

    def action_send(self) -> None:
        offer = self.build()
        if not offer.concessions:
            self.notify("Choose at least one concession first.", severity="warning")
            return
        self.dismiss(offer)

    def action_cancel(self) -> None:
        """Close without sending; a package with changes is discarded only when the player says so."""
        if self.build() == self.opening:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        question = Content.assemble(("Discard this package?", "bold"), "\n\nYour changes are lost; nothing is sent.")
        self.app.push_screen(ConfirmScreen(question, yes="Discard", no="Keep building"), answered)
