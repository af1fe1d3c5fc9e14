"""Briefs to print and hand out before play: the public one, and each side's confidential one.

These are player handouts: they never hold the answer key, the other side's
confidential brief or its numbers. A side's handout shows only that side's own
values. Anything the scenario marks hypothetical says so where the players read
it; the sources themselves are listed in the facilitator's guide.
"""

from __future__ import annotations

from tabletop.engine.model import Scenario, Side
from tabletop.reports.document import (
    Block,
    Heading,
    Inline,
    PageBreak,
    Quote,
    Text,
    b,
    bullets,
    i,
    inline,
    para,
    table,
    to_markdown,
)


def _fact_note(scenario: Scenario) -> Block:
    if scenario.hypothetical:
        return Quote(inline(b("Hypothetical scenario."), " The situation is invented for training; where it cites "
                            "real events, they are real."))
    return para(i("The facts in this brief are sourced in the facilitator's guide; anything invented for the "
                  "exercise is marked hypothetical."))


def public_brief_blocks(scenario: Scenario) -> list[Block]:
    """What both teams may read: the setting, the public brief, each side's public position, the table."""
    s = scenario
    out: list[Block] = [Heading(1, s.title), para(i(f"{s.date}. Public brief for both delegations.")), _fact_note(s),
                        Heading(2, "Setting"), Text(s.setting), Heading(2, "The talks"), Text(s.public_brief),
                        para(f"The talks run {s.rounds} rounds, to {s.deadline}."), Heading(2, "Public positions")]
    positions = []
    for side in (Side.WASHINGTON, Side.MOSCOW):
        brief = s.sides[side]
        positions.append(inline(b(brief.name), f" ({brief.delegation or 'delegation'}): {' '.join(brief.public.split())}"))
    out.append(bullets(positions))
    out.append(Heading(2, "The irritants on the table"))
    for irritant in s.irritants:
        who = "both sides together" if irritant.mover.value == "both" else irritant.mover.value.capitalize()
        out.append(Heading(3, irritant.name))
        if irritant.description:
            out.append(Text(irritant.description))
        out.append(para(f"Moved by {who}. Now at rung {irritant.start}: {irritant.rungs[irritant.start]}."))
        out.append(bullets([name + ("  (now)" if n == irritant.start else "") for n, name in enumerate(irritant.rungs)],
                           ordered=True))
    return out


def side_brief_blocks(scenario: Scenario, side: Side) -> list[Block]:
    """One side's handout: the public brief, then (from a new page) its confidential part, nothing of the other's."""
    return [*public_brief_blocks(scenario), PageBreak(), *confidential_blocks(scenario, side)]


def confidential_blocks(scenario: Scenario, side: Side) -> list[Block]:
    """The confidential part of one side's brief: its instructions, goals, private values and walk-away."""
    s = scenario
    brief = s.sides[side]
    out: list[Block] = [Heading(1, f"{s.title}: confidential brief for {brief.name}"),
            para(i(f"{s.date}. For the {brief.name} team only.")), Heading(2, "Your instructions"),
            Text(brief.confidential)]
    if brief.goals:
        out += [Heading(2, "Your goals"), bullets(list(brief.goals))]
    out += [Heading(2, "Your private values"),
            para("Gains are what you earn when an irritant climbs from its starting rung to the top; costs are what "
                 "climbing costs you at home. Both are spread evenly over the rungs.")]
    rows: list[list[Inline | str]] = []
    for irritant in s.irritants:
        value = s.valuation(side, irritant.id)
        red = value.red_line
        if red is None:
            line = "-"
        elif red.absolute:
            line = f"never above \u201c{irritant.rungs[red.rung]}\u201d ({red.rung})"
        else:
            line = f"above \u201c{irritant.rungs[red.rung]}\u201d ({red.rung}) costs {red.price} standing"
        rows.append([irritant.name, irritant.mover.value, f"{value.gain:g}", f"{value.cost:g}", line])
    out.append(table(["Irritant", "Moved by", "Gain", "Home cost", "Red line"], rows))
    out += [para(b("Walk-away value:"), f" {brief.walk_away:g} (on the 0-100 score scale). "
                 f"With no agreement at the end you score exactly that (it may move in play). A breakdown scores "
                 f"{brief.walk_away:g} minus {s.rules.collapse_penalty:g}; if either side walks out, each scores "
                 f"{brief.walk_away:g} minus {s.rules.walkout_cost:g}."),
            para(b("Starting standing at home:"), f" {brief.standing}.")]
    return out


def handout_blocks(scenario: Scenario) -> list[Block]:
    """The three handouts of a class pack, each starting on a new page: public, Washington's, Moscow's."""
    out: list[Block] = [PageBreak(), Heading(1, "Handouts"),
                        para("Print the public brief for everyone, and each confidential brief for its own team "
                             "only. Each starts on a new page. (tabletop brief prints a team's public and "
                             "confidential brief together.)")]
    out += [PageBreak(), *public_brief_blocks(scenario)]
    for side in (Side.WASHINGTON, Side.MOSCOW):
        out += [PageBreak(), *confidential_blocks(scenario, side)]
    return out


def brief_blocks(scenario: Scenario, side: Side | None) -> list[Block]:
    """The public brief (``side`` None) or one side's brief."""
    return public_brief_blocks(scenario) if side is None else side_brief_blocks(scenario, side)


def public_brief_markdown(scenario: Scenario) -> str:
    return to_markdown(public_brief_blocks(scenario))


def side_brief_markdown(scenario: Scenario, side: Side) -> str:
    return to_markdown(side_brief_blocks(scenario, side))


def brief_html(scenario: Scenario, side: Side | None) -> str:
    """A brief as one printable, self-contained HTML file."""
    from tabletop.reports.html import to_html

    who = "public brief" if side is None else f"confidential brief for {scenario.sides[side].name}"
    return to_html(brief_blocks(scenario, side), f"{scenario.title}: {who}")
