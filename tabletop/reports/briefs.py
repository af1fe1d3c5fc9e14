"""Briefs as Markdown, to print and hand out before play: one side's, or the public one."""

from __future__ import annotations

from tabletop.engine.model import Scenario, Side


def public_brief_markdown(scenario: Scenario) -> str:
    """What both teams may read: the setting, the public brief, each side's public position, the table."""
    s = scenario
    lines = [f"# {s.title}", "", f"*{s.date}. Public brief for both delegations.*", ""]
    if s.hypothetical:
        lines += ["> Hypothetical scenario, invented for training.", ""]
    lines += ["## Setting", "", s.setting.strip(), "", "## The talks", "", s.public_brief.strip(), "",
              f"The talks run {s.rounds} rounds, to {s.deadline}.", "", "## Public positions", ""]
    for side in (Side.WASHINGTON, Side.MOSCOW):
        brief = s.sides[side]
        lines.append(f"- **{brief.name}** ({brief.delegation or 'delegation'}): {' '.join(brief.public.split())}")
    lines += ["", "## The irritants on the table", ""]
    for irritant in s.irritants:
        who = "both sides together" if irritant.mover.value == "both" else irritant.mover.value.capitalize()
        lines.append(f"### {irritant.name}")
        if irritant.description:
            lines += ["", irritant.description.strip()]
        lines += ["", f"Moved by {who}. Now at rung {irritant.start}: {irritant.rungs[irritant.start]}.", ""]
        lines += [f"{n}. {name}" + ("  (now)" if n == irritant.start else "") for n, name in enumerate(irritant.rungs)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def side_brief_markdown(scenario: Scenario, side: Side) -> str:
    """One side's confidential brief: the public brief plus that side's private numbers, nothing of the other's."""
    s = scenario
    brief = s.sides[side]
    lines = [f"# {s.title}: confidential brief for {brief.name}", "",
             f"*{s.date}. For the {brief.name} team only.*", "", "## Your instructions", "",
             brief.confidential.strip(), ""]
    if brief.goals:
        lines += ["## Your goals", ""] + [f"- {goal}" for goal in brief.goals] + [""]
    lines += ["## Your private values", "",
              "Gains are what you earn when an irritant climbs from its starting rung to the top; costs are what "
              "climbing costs you at home. Both are spread evenly over the rungs.", "",
              "| Irritant | Moved by | Gain | Home cost | Red line |", "|---|---|---|---|---|"]
    for irritant in s.irritants:
        value = s.valuation(side, irritant.id)
        red = value.red_line
        if red is None:
            line = "-"
        elif red.absolute:
            line = f"never above \u201c{irritant.rungs[red.rung]}\u201d ({red.rung})"
        else:
            line = f"above \u201c{irritant.rungs[red.rung]}\u201d ({red.rung}) costs {red.price} standing"
        lines.append(f"| {irritant.name} | {irritant.mover.value} | {value.gain:g} | {value.cost:g} | {line} |")
    lines += ["", f"**Walk-away value:** {brief.walk_away:g} (on the 0-100 score scale). "
              f"A collapse scores {brief.walk_away:g} minus {s.rules.collapse_penalty:g}, "
              "twice that if you walked out.", "", f"**Starting standing at home:** {brief.standing}.", ""]
    return public_brief_markdown(s) + "\n" + "\n".join(lines).rstrip() + "\n"
