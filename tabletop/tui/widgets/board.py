"""The irritants on the table: a compact list of ladders and the full ladder of the one highlighted.

Both redraw themselves when the board (``state``) or the side looking at it
(``viewer``) changes; the screen binds or sets those attributes.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tabletop.engine.model import Irritant, Mover, Scenario, Side
from tabletop.engine.state import GameState
from tabletop.tui.text import lines, para, plain


def mover_label(scenario: Scenario, irritant: Irritant) -> str:
    if irritant.mover is Mover.BOTH:
        return "both move it"
    return f"{scenario.sides[Side(irritant.mover.value)].name} moves it"


def stake(scenario: Scenario, side: Side, irritant: Irritant) -> Content:
    """What the irritant's climb to the top is worth to ``side`` (its private numbers)."""
    value = scenario.valuation(side, irritant.id)
    flag = " ⚑" if value.red_line is not None else ""
    if value.net > 0:
        return plain(f"worth +{value.net:g} to you{flag}", "$success")
    if value.net < 0:
        return plain(f"costs you {-value.net:g}{flag}", "$error")
    return plain(f"no stake for you{flag}", "dim")


def pips(irritant: Irritant, rung: int) -> Content:
    parts = []
    for n in range(irritant.top + 1):
        if n == rung:
            parts.append(("◆", "bold $accent"))
        elif n < rung:
            parts.append(("■", "$accent"))
        else:
            parts.append(("□", "dim"))
    return Content.assemble(*parts)


def irritant_prompt(scenario: Scenario, irritant: Irritant, rung: int, viewer: Side | None) -> Content:
    first = Content.assemble(plain(irritant.name, "bold"), "  ", plain(mover_label(scenario, irritant), "dim"))
    if viewer is not None:
        first = Content.assemble(first, " · ", stake(scenario, viewer, irritant))
    second = Content.assemble("  ", pips(irritant, rung), f" {rung}/{irritant.top} ", plain(irritant.rungs[rung]))
    return lines([first, second])


class IrritantBoard(OptionList):
    """One entry per irritant: name, who moves it, the current rung; the viewer's stake if any."""

    state: reactive[GameState | None] = reactive(None)
    viewer: reactive[Side | None] = reactive(None)

    def __init__(self, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario

    def watch_state(self) -> None:
        self._fill()

    def watch_viewer(self) -> None:
        self._fill()

    def _fill(self) -> None:
        if self.state is None:
            return
        rungs = self.state.rungs
        highlighted = self.highlighted
        prompts = [Option(irritant_prompt(self.scenario, i, rungs[n], self.viewer), id=i.id)
                   for n, i in enumerate(self.scenario.irritants)]
        self.set_options(prompts)
        if prompts:
            self.highlighted = highlighted if highlighted is not None else 0


class LadderDetail(Static):
    """Every rung of one irritant (``irritant``, an id), the current one marked; the viewer's own numbers for it."""

    state: reactive[GameState | None] = reactive(None)
    viewer: reactive[Side | None] = reactive(None)
    irritant: reactive[str | None] = reactive(None)

    def __init__(self, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario

    def watch_state(self) -> None:
        self._show()

    def watch_viewer(self) -> None:
        self._show()

    def watch_irritant(self) -> None:
        self._show()

    def _show(self) -> None:
        if self.irritant is None or self.state is None:
            self.update("")
            return
        self.update(ladder_content(self.scenario, self.state, self.irritant, self.viewer))


def ladder_content(scenario: Scenario, state: GameState, irritant_id: str, viewer: Side | None) -> Content:
    irritant = scenario.irritant(irritant_id)
    rung = state.rung(scenario, irritant_id)
    red = scenario.valuation(viewer, irritant_id).red_line if viewer is not None else None
    rows: list[Content | str] = [
        Content.assemble(plain(irritant.name, "bold"), " — ", plain(mover_label(scenario, irritant), "italic"))]
    if irritant.description:
        rows.append(para(irritant.description, "dim"))
    for n, name in enumerate(irritant.rungs):
        marker = ("▶ ", "bold $accent") if n == rung else ("  ", "")
        notes = []
        if n == rung:
            notes.append(("  now", "bold $accent"))
        if n == irritant.start:
            notes.append(("  start", "dim"))
        if red is not None and n == red.rung + 1:
            text = "  ⚑ your red line: never this far" if red.absolute else \
                f"  ⚑ your red line: from here costs {red.price} standing"
            notes.append((text, "$warning"))
        rows.append(Content.assemble(marker, f"{n} ", plain(name, "bold" if n == rung else ""), *notes))
    if viewer is not None:
        value = scenario.valuation(viewer, irritant_id)
        rows.append(plain(f"You: gain {value.gain:g}, home cost {value.cost:g} for the climb from start to top"
                          f" (net {value.net:+g})", "italic"))
    return lines(rows)
