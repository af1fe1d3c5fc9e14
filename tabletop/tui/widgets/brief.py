"""The public brief and a side's confidential brief, as plain content (never markup)."""

from __future__ import annotations

from textual.content import Content

from tabletop.engine.model import Scenario, Side
from tabletop.engine.scoring import score
from tabletop.tui.text import lines, para, plain, side_name

HEAD = "bold $accent"


def public_brief(scenario: Scenario) -> Content:
    """What everyone at the table may read."""
    parts: list[Content | str] = [
        plain(scenario.title, "bold"),
        plain(f"{scenario.date} · {scenario.rounds} rounds · deadline: {scenario.deadline}", "dim"),
        "",
        plain("The setting", HEAD),
        para(scenario.setting),
        "",
        plain("The public brief", HEAD),
        para(scenario.public_brief),
        "",
        plain("The delegations", HEAD),
    ]
    for side, brief in scenario.sides.items():
        parts.append(Content.assemble(side_name(brief.name, side), " — ", plain(brief.delegation, "italic")))
        parts.append(Content.assemble("  ", para(brief.public)))
    parts += ["", plain("On the table", HEAD)]
    for irritant in scenario.irritants:
        who = "both together" if irritant.mover.value == "both" else scenario.sides[Side(irritant.mover.value)].name
        parts.append(Content.assemble("• ", plain(irritant.name, "bold"), plain(f" (moved by {who})", "dim")))
        if irritant.description:
            parts.append(Content.assemble("  ", para(irritant.description, "dim")))
    return lines(parts)


def objectives(scenario: Scenario) -> Content:
    """The learning objectives of a scenario."""
    return lines(Content.assemble("• ", para(o.text)) for o in scenario.objectives)


def valuation_rows(scenario: Scenario, side: Side) -> list[Content]:
    """One line per irritant: what it is worth to ``side`` and its red line."""
    rows = [plain(f"{'Irritant':<34} {'gain':>6} {'cost':>6} {'net':>6}  red line", "bold")]
    for irritant in scenario.irritants:
        value = scenario.valuation(side, irritant.id)
        name = irritant.name if len(irritant.name) <= 34 else irritant.name[:33] + "…"
        red = value.red_line
        if red is None:
            red_text = "—"
        elif red.absolute:
            red_text = f"never past “{irritant.rungs[red.rung]}”"
        else:
            red_text = f"past “{irritant.rungs[red.rung]}” costs {red.price} standing"
        net_style = "$success" if value.net > 0 else "$error" if value.net < 0 else "dim"
        rows.append(Content.assemble(
            plain(f"{name:<34} "), f"{value.gain:>6g} {value.cost:>6g} ", (f"{value.net:>+6g}", net_style),
            "  ", plain(red_text, "dim" if red is None else "$warning")))
    return rows


def confidential_brief(scenario: Scenario, side: Side, rungs: tuple[int, ...] | None = None) -> Content:
    """A side's private brief: its text, numbers, red lines and walk-away value."""
    brief = scenario.sides[side]
    walk = Content.assemble(("Walk-away value: ", "bold"), f"{brief.walk_away:g}", ("   (scores run 0–100)", "dim"))
    if rungs is not None:
        walk = Content.assemble(walk, ("   Your score of the board now: ", "bold"),
                                f"{score(scenario, side, rungs):.1f}")
    parts: list[Content | str] = [
        Content.assemble(("CONFIDENTIAL — ", "bold $error"), side_name(brief.name, side), (" only", "bold $error")),
        plain(brief.delegation, "italic"),
        "",
        para(brief.confidential),
        "",
        walk,
    ]
    if brief.goals:
        parts += ["", plain("Your goals", HEAD)]
        parts += [Content.assemble("• ", plain(goal)) for goal in brief.goals]
    parts += ["", plain("What each irritant is worth to you (moving it from its start to the top)", HEAD)]
    parts += valuation_rows(scenario, side)
    return lines(parts)
