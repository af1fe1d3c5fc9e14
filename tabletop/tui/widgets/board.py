"""The irritants on the table: a compact list of ladders and the full ladder of the one highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tabletop.engine.model import Irritant, Mover, Scenario, Side
from tabletop.tui.session import Session
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


def irritant_prompt(session: Session, irritant: Irritant, rung: int, viewer: Side | None) -> Content:
    scenario = session.game.scenario
    first = Content.assemble(plain(irritant.name, "bold"), "  ", plain(mover_label(scenario, irritant), "dim"))
    if viewer is not None:
        first = Content.assemble(first, " · ", stake(scenario, viewer, irritant))
    second = Content.assemble("  ", pips(irritant, rung), f" {rung}/{irritant.top} ", plain(irritant.rungs[rung]))
    return lines([first, second])


class IrritantBoard(OptionList):
    """One entry per irritant: name, who moves it, the current rung; the viewer's stake if any."""

    def show(self, session: Session, viewer: Side | None) -> None:
        scenario = session.game.scenario
        rungs = session.game.state.rungs
        highlighted = self.highlighted
        prompts = [Option(irritant_prompt(session, i, rungs[n], viewer), id=i.id)
                   for n, i in enumerate(scenario.irritants)]
        self.set_options(prompts)
        if prompts:
            self.highlighted = highlighted if highlighted is not None else 0


class LadderDetail(Static):
    """Every rung of one irritant, the current one marked; the viewer's own numbers for it."""

    def show(self, session: Session, irritant_id: str | None, viewer: Side | None) -> None:
        if irritant_id is None:
            self.update("")
            return
        self.update(ladder_content(session, irritant_id, viewer))


def ladder_content(session: Session, irritant_id: str, viewer: Side | None) -> Content:
    scenario = session.game.scenario
    irritant = scenario.irritant(irritant_id)
    rung = session.game.state.rung(scenario, irritant_id)
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
