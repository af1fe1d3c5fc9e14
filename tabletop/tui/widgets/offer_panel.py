"""What lies on the table: an offer (or a proposal to conclude), with the viewer's own score of it.

Whether the viewer may accept, and why not, is the engine's answer
(:func:`tabletop.engine.options.options`), shown in its words.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from tabletop.engine import actions as act
from tabletop.engine.effects import describe_concession, irritant_name
from tabletop.engine.game import IllegalAction
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.objections import Blocked
from tabletop.engine.options import blocked, options, preview
from tabletop.engine.scoring import board_after, final_scores, score
from tabletop.engine.state import GameState, Offer
from tabletop.tui.session import Session
from tabletop.tui.text import lines, plain, side_name, signed


def offer_lines(scenario: Scenario, offer: Offer) -> list[Content]:
    rows = [Content.assemble(" • ", plain(describe_concession(scenario, c))) for c in offer.concessions]
    if offer.links:
        links = ", ".join(f"{irritant_name(scenario, a)} ↔ {irritant_name(scenario, b)}" for a, b in offer.links)
        rows.append(Content.assemble(" ", ("linked: ", "bold"), plain(links),
                                     plain(" (reneging on one undoes the other)", "dim")))
    return rows


def offer_score(scenario: Scenario, state: GameState, offer: Offer, side: Side) -> Content:
    """``side``'s private score now and if the offer were implemented."""
    now = score(scenario, side, state.rungs)
    then = score(scenario, side, board_after(scenario, state.rungs, offer))
    walk = state.alternative_of(side)
    style = "$success" if then > now else "$error" if then < now else "dim"
    return Content.assemble((f"{now:.1f} now → ", ""), (f"{then:.1f}", f"bold {style}"),
                            (f" if accepted ({signed(then - now)})", style), f" · walk-away {walk:g}")


def accept_refusal(session: Session, side: Side, offer: Offer) -> Content:
    """Why the engine will not let ``side`` accept ``offer`` now, in its words (empty when it may)."""
    seat = options(session.game, side)
    if not seat.accept_refusal:
        return Content("")
    # The engine's refusal says why; its objection names the part (the irritant past a red line, or what the
    # capital would not ratify).
    found = blocked(session.game, side)
    where = ""
    if found is not None and found.blocked is Blocked.RED_LINE:
        where = " (on " + ", ".join(irritant_name(session.game.scenario, i) for i in found.irritants) + ")"
    elif found is not None:
        where = f" ({found.text(session.game.scenario)})"
    then = " Counter or reject." if seat.may(act.Reject.kind) else ""
    return plain(f"You cannot accept: {seat.accept_refusal}{where}.{then}", "bold $error")


def red_line_costs(session: Session, side: Side) -> list[Content]:
    """What accepting the package on the table would cost ``side`` for its priced red lines (the engine's preview),
    flagged as the builder flags them; empty when it crosses none (or may not accept)."""
    game = session.game
    try:
        seen = preview(game, side, act.Accept(side))
    except IllegalAction:
        return []
    rows = [Content.assemble(plain("⚑ Accepting crosses your red line on ", "bold $warning"),
                             plain(irritant_name(game.scenario, c.irritant), "bold $warning"),
                             plain(f" (−{c.price} standing)", "$warning"))
            for c in seen.crossings if not c.absolute]
    if rows:
        before, after = seen.standing
        rows.append(plain(f"   your standing {before} → {after} if you accept", "$warning"))
    return rows


def on_the_table(state: GameState) -> bool:
    """Whether an offer or a proposal to conclude is waiting for an answer (the panel shows then)."""
    return (state.offer is not None and state.offer_by is not None) or bool(state.meso) or (
        state.conclude_by is not None and not state.is_over)


ANSWERS: list[tuple[str, str, str, ButtonVariant, str]] = [
    ("a", "Accept", "offer-accept", "success", "accept"),
    ("o", "Counter", "offer-counter", "primary", "counter"),
    ("x", "Reject", "offer-reject", "error", "reject"),
    ("y", "Agree", "conclude-agree", "success", "agree"),
    ("n", "Keep talking", "conclude-decline", "primary", "decline"),
]
"""The panel's answer buttons: key, label, id, colour and the table's action."""


class OfferPanel(Vertical):
    """Hidden when nothing is on the table; its buttons answer for the viewer when it is their turn."""

    state: reactive[GameState | None] = reactive(None)
    viewer: reactive[Side | None] = reactive(None)

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(id="offer-text")  # the answers' keys come first, as in the move bar and the footer
        with Horizontal(id="offer-buttons"):
            for key, label, name, variant, action in ANSWERS:
                yield Button(Content.assemble((key, "bold"), f" {label}"), id=name, variant=variant, compact=True,
                             action=f"screen.{action}")

    def on_mount(self) -> None:
        self._show()

    def watch_state(self) -> None:
        self._show()

    def watch_viewer(self) -> None:
        self._show()

    def _show(self) -> None:
        state, viewer, session = self.state, self.viewer, self.session
        if state is None or not self.children:
            return  # not composed yet: the first state comes after
        scenario = session.game.scenario
        offer_up = state.offer is not None and state.offer_by is not None
        conclude_up = state.conclude_by is not None and not state.is_over
        self.display = on_the_table(state)
        answering = viewer is not None and state.to_move is viewer and session.is_human(viewer)
        for button_id in ("offer-accept", "offer-counter", "offer-reject"):
            self.query_one(f"#{button_id}").display = offer_up and answering
        refused = Content("")
        if offer_up and answering:
            assert state.offer is not None and viewer is not None
            refused = accept_refusal(session, viewer, state.offer)
        self.query_one("#offer-accept", Button).disabled = bool(refused)
        for button_id in ("conclude-agree", "conclude-decline"):
            self.query_one(f"#{button_id}").display = conclude_up and answering
        text = self.query_one("#offer-text", Static)
        if offer_up:
            assert state.offer is not None and state.offer_by is not None
            rows: list[Content | str] = [Content.assemble(
                ("On the table: ", "bold"), side_name(session.name(state.offer_by), state.offer_by),
                f"'s package (exchange {state.exchanges} of {scenario.rules.exchange_limit})")]
            rows += offer_lines(scenario, state.offer)
            if viewer is not None:
                rows.append(Content.assemble(("Your private score: ", "bold"),
                                             offer_score(scenario, state, state.offer, viewer)))
                if refused:
                    rows.append(refused)
                elif answering:
                    rows += red_line_costs(session, viewer)
            elif session.is_demo:
                for side in SIDES:
                    rows.append(Content.assemble(side_name(session.name(side), side), ": ",
                                                 offer_score(scenario, state, state.offer, side)))
            text.update(lines(rows))
        elif state.meso and state.offer_by is not None:  # several packages: pick one (k), counter or reject all
            rows = [Content.assemble(("On the table: ", "bold"), side_name(session.name(state.offer_by), state.offer_by),
                                     f"'s {len(state.meso)} packages of equal value to it: pick one (k), "
                                     "counter (o) or reject them all (x)")]
            for number, option in enumerate(state.meso, start=1):
                rows.append(plain(f"({number})", "bold"))
                rows += offer_lines(scenario, option)
                if viewer is not None:
                    rows.append(Content.assemble(("   Your private score: ", "bold"),
                                                 offer_score(scenario, state, option, viewer)))
            text.update(lines(rows))
        elif not conclude_up:
            text.update("")  # nothing private may linger, even hidden
        else:
            assert state.conclude_by is not None
            rows = [Content.assemble(side_name(session.name(state.conclude_by), state.conclude_by),
                                     (" proposes to conclude the talks now.", "bold"))]
            if answering:
                rows.append(plain("If you agree, the game ends and is graded on the board as it stands.", "dim"))
            else:  # the proposer (or a watcher) waits: the answer is the other side's
                other = state.conclude_by.other
                rows.append(Content.assemble(("Waiting for ", "dim"), side_name(session.name(other), other),
                                             ("'s answer: if it agrees, the game ends on the board as it stands.",
                                              "dim")))
            if viewer is not None:
                # Ending by agreement scores the board if an agreement stands, else exactly the walk-away.
                ending = final_scores(scenario, state)[viewer]
                rows.append(Content.assemble(("Your private score if it ends now: ", "bold"), f"{ending:.1f}",
                                             f" (walk-away {state.alternative_of(viewer):g})"))
            text.update(lines(rows))
