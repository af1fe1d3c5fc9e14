"""The after-action report of a game, in Markdown, for the class debrief.

Built from a replayed game (and its save, for the date, the file and the
facilitator's notes). Text from the scenario or the save is data: it is
unwrapped and its HTML special characters are escaped, so a report rendered
to HTML shows it as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from tabletop.engine.analysis import Debrief, debrief
from tabletop.engine.effects import EventKind
from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.options import told
from tabletop.engine.state import MeterPoint
from tabletop.engine.views import is_timeline_event
from tabletop.reports.conduct_report import conduct, offers
from tabletop.reports.conduct_text import moment_lines, zone_lines
from tabletop.reports.forced_choices import forced_choices
from tabletop.reports.lessons import draw_lessons
from tabletop.reports.markdown import cell, code, code_block, items, md, paragraphs, plot_names, table
from tabletop.reports.plot import debrief_frontier, frontier_chart, frontier_legend
from tabletop.saves.format import LoadedSave, Note, game_notes

EVENT_LABELS: dict[EventKind, str] = {
    EventKind.OFFER: "offer", EventKind.ACCEPT: "accepted", EventKind.REJECT: "rejected", EventKind.DEAL: "deal",
    EventKind.GESTURE: "gesture", EventKind.RETALIATION: "retaliation", EventKind.RENEGE: "renege",
    EventKind.STATEMENTS: "statements", EventKind.INJECT: "inject", EventKind.CHOICE: "inject",
    EventKind.AUDIENCE: "audience", EventKind.PASS: "pass", EventKind.CONCLUDE: "conclude",
    EventKind.WALKOUT: "walk-out", EventKind.COLLAPSE: "collapse", EventKind.DEADLINE: "deadline",
    EventKind.OUTCOME: "outcome", EventKind.SETTLE: "meters", EventKind.NOTE: "facilitator's note",
    EventKind.FACILITATOR: "facilitator",
}


def seat_text(seat: str, hidden: bool = False) -> str:
    """A seat in words; ``hidden``: a computer whose style is not named."""
    return "human" if seat == HUMAN else "computer" if hidden else f"computer ({seat})"


def _date(created: str) -> str:
    try:
        return datetime.fromisoformat(created).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return created or "unknown"


# -- sections ------------------------------------------------------------------


def says_hypothetical(scenario: Scenario) -> bool:
    """Whether the scenario's own title or date already marks it hypothetical (the report adds no second mark)."""
    return "hypothetical" in f"{scenario.title} {scenario.date}".lower()


def exercise(game: Game, loaded: LoadedSave | None, signature: str | None = None,
             sealed: frozenset[Side] = frozenset()) -> list[str]:
    """The scenario, the seats and the save (``sealed``: sides whose computer's style is not named)."""
    scenario = game.scenario
    out = ["## The exercise", "",
           f"- **Scenario:** {md(scenario.title)} (`{scenario.id}`), {md(scenario.date)}"
           + (" (hypothetical)" if scenario.hypothetical and not says_hypothetical(scenario) else ""),
           f"- **Deadline:** {md(scenario.deadline)}; {scenario.rounds} rounds"]
    if loaded is not None:
        out.append(f"- **Played:** {_date(loaded.created)}")
    for side in SIDES:
        out.append(f"- **{md(scenario.sides[side].name)}:** {seat_text(game.seats[side], side in sealed)}")
    out.append(f"- **Seed:** {game.seed}")
    if loaded is not None:
        out.append(f"- **Save:** {code(loaded.path.name)}, {len(loaded.actions)} actions, every state fingerprint "
                   "verified" + (f" (forked at action {loaded.forked_from.get('at')} of "
                                 f"{code(str(loaded.forked_from.get('file')))})" if loaded.forked_from else ""))
        out.append(f"- **Integrity:** {md(signature or loaded.signature().text)}"
                   + ("; every line's hash chains to the one before" if loaded.version >= 2 else ""))
        if loaded.warning:
            out.append(f"- **Warning:** {md(loaded.warning)}")
    out += ["", "**The setting.**", "", *paragraphs(scenario.setting)]
    return out


def outcome(game: Game, d: Debrief) -> list[str]:
    state = game.state
    if state.is_over:
        how = {"conclusion": "by agreement to conclude", "deadline": "at the deadline",
               "collapse": "in collapse"}.get(state.ended.value if state.ended else "", "")
        head = f"**{md(d.tier.name)}**, {how} in round {state.round} of {game.scenario.rounds}."
    else:
        head = (f"**The game was stopped in round {state.round}** (not finished); "
                f"as it stood it would grade as **{md(d.tier.name)}**.")
    out = ["## The outcome", "", head, "", md(d.tier.description)]
    if d.cause:
        out += ["", f"Why: {md(d.cause)}."]
    scenario = game.scenario
    rows = [(cell(i.name), f"{i.start}: {cell(i.rungs[i.start])}", f"{rung}: {cell(i.rungs[rung])}",
             "↑" if rung > i.start else "↓" if rung < i.start else "=")
            for i, rung in zip(scenario.irritants, state.rungs)]
    out += ["", "The final board:", "", *table(["Irritant", "Start", "End", ""], rows)]
    return out


PLOT_WIDTH, PLOT_HEIGHT = 51, 17
"""The frontier plot's drawing area in the report (the axes add 5 columns and 4 rows)."""


def frontier_plot(game: Game, d: Debrief) -> list[str]:
    """The debrief's frontier plot, the same picture as on screen: a code block and its legend."""
    chart = frontier_chart(debrief_frontier(d, plot_names(game.scenario)), PLOT_WIDTH, PLOT_HEIGHT)
    return [*code_block(chart.text()), "", *(f"- {line}" for line in frontier_legend())]


def scores(game: Game, d: Debrief) -> list[str]:
    scenario = game.scenario
    rows = []
    for side in SIDES:
        got, walk = d.scores[side], d.walk_away[side]
        rows.append((md(scenario.sides[side].name), f"{got:.1f}", f"{walk:g}", f"{got - walk:+.1f}",
                     f"{d.start_scores[side]:.1f}"))
    out = ["## Scores, walk-away values and the frontier", "",
           *table(["Side", "Score", "Walk-away", "Against walk-away", "Score of the opening board"], rows), "",
           f"Joint score {d.joint_gain:.1f}; joint gain over both walk-away values {d.surplus:+.1f}.", ""]
    if d.nash is not None:
        out.append(f"The efficient (Pareto) frontier has {len(d.frontier)} boards. The balanced efficient deal "
                   f"(Nash point) scores Washington {d.nash[0]:.1f}, Moscow {d.nash[1]:.1f}.")
    else:
        out.append(f"The efficient (Pareto) frontier has {len(d.frontier)} boards; none beats both walk-away "
                   "values (no zone of possible agreement).")
    out += ["", f"**Value left on the table: {d.value_left:.1f}** points of joint score"
            + (" (the outcome is on the frontier)." if d.value_left <= 0.05 else
               ": a board better for both sides was reachable."), "", *frontier_plot(game, d)]
    out += ["", "**The zone of possible agreement and the split.**", "", *items(zone_lines(game, d))]
    return out


def timeline(game: Game) -> list[str]:
    out = ["## Timeline of moves and injects", ""]
    current = None
    for index, event in game.events:
        if event.kind is EventKind.ROUND:
            current = event.round
            out += ["", f"### Round {event.round}", "", f"*{md(event.text)}*", ""]
            continue
        if not is_timeline_event(event):
            continue
        if current != event.round:
            current = event.round
            out += ["", f"### Round {event.round}", ""]
        where = f"#{index}" if index else "opening"
        said = told(game, index, event).text  # a package turned down by rule says which part
        out.append(f"- **{where}** · {EVENT_LABELS.get(event.kind, event.kind)} · {md(said)}")
    return out


def meters(game: Game, d: Debrief) -> list[str]:
    curve: list[MeterPoint] = list(d.curve)
    state = game.state
    rows = [("start" if p.round == 0 else str(p.round), p.trust, p.tension, p.standing[0], p.standing[1])
            for p in curve]
    last = (state.trust, state.tension, *state.standing)
    if not curve or (curve[-1].trust, curve[-1].tension, *curve[-1].standing) != last or \
            curve[-1].round != state.round:
        rows.append(("end", *last))
    names = [md(game.scenario.sides[s].name) for s in SIDES]
    return ["## Trust, tension and standing by round", "",
            *table(["Round", "Trust", "Tension", f"{names[0]} standing", f"{names[1]} standing"], rows)]


def turning_points(d: Debrief) -> list[str]:
    out = ["## Turning points", "", "The largest single moves of trust:", ""]
    if not d.turning_points:
        out = [*out[:2], "Trust never moved."]
    for point in d.turning_points:
        out.append(f"- **#{point.index}** (round {point.round}), trust {point.delta:+d}: {md(point.text)}")
    return [*out, "", "Beyond trust: deals, broken promises, spurned packages, lapses and the largest swings:", "",
            *items(moment_lines(d))]


def lessons(game: Game, d: Debrief) -> list[str]:
    found = draw_lessons(game, d)
    return ["## What went well, what did not", "", "**Went well**", "", *(f"- {md(x)}" for x in found.well),
            "", "**Did not go well**", "", *(f"- {md(x)}" for x in found.not_well)]


def briefs(scenario: Scenario, sides: Iterable[Side] = SIDES) -> list[str]:
    out = ["## The confidential briefs", ""]
    for side in sides:
        brief = scenario.sides[side]
        out += [f"### {md(brief.name)}: {md(brief.delegation)}", "", *paragraphs(brief.confidential), "",
                f"Walk-away value: {brief.walk_away:g}."]
        if brief.goals:
            out += ["", *(f"- {md(goal)}" for goal in brief.goals)]
        rows = []
        for irritant in scenario.irritants:
            value = scenario.valuation(side, irritant.id)
            red = value.red_line
            red_text = "—" if red is None else (
                f"never past “{cell(irritant.rungs[red.rung])}”" if red.absolute else
                f"past “{cell(irritant.rungs[red.rung])}” costs {red.price} standing")
            rows.append((cell(irritant.name), f"{value.gain:g}", f"{value.cost:g}", f"{value.net:+g}", red_text))
        out += ["", *table(["Irritant", "Gain", "Home cost", "Net", "Red line"], rows), ""]
    return out


def notes(scenario: Scenario, found: list[Note]) -> list[str]:
    out = ["## Facilitator notes", ""]
    if not found:
        return [*out, "No notes were taken."]
    objectives = {o.id: o.text for o in scenario.objectives}
    for note in found:
        where = "the opening" if note.at == 0 else f"#{note.at}"
        about = f" (objective: {md(objectives.get(note.objective, note.objective))})" if note.objective else ""
        body = [md(line) for line in note.text.splitlines() if line.strip()] or ["(empty)"]
        out.append(f"- **Round {note.round}, after {where}**{about}: {body[0]}")
        out += [f"  {line}" for line in body[1:]]
    return out


def audiences(d: Debrief) -> list[str]:
    out = ["## How the audiences read the outcome", ""]
    out += [f"- **{md(who)}:** {md(reading)}" for who, reading in d.audience_readings] or ["No audiences watched."]
    return out


def objectives(scenario: Scenario) -> list[str]:
    out = ["## Learning objectives and debrief questions", ""]
    out += [f"- {md(o.text)} *Expected:* {md(o.expected)}" for o in scenario.objectives]
    if scenario.debrief_questions:
        out += ["", *(f"{n}. {md(q)}" for n, q in enumerate(scenario.debrief_questions, 1))]
    return out


def choices(game: Game) -> list[str]:
    """Each forced choice: the answer expected, the answer given, what each answer did (players saw neither)."""
    found = forced_choices(game)
    out = ["## Forced choices: what was expected, and what was chosen", ""]
    if not found:
        return [*out, "No inject forced a choice in this game."]
    return [*out, *(f"- {md(choice.sentence(game.scenario.sides[choice.side].name))}" for choice in found)]


def after_action_report(game: Game, loaded: LoadedSave | None = None, signature: str | None = None) -> str:
    """The whole report as Markdown text (ends with a newline).

    ``signature`` is what was found of the save's signature (``signed by this class``, ``unsigned``...);
    without it the report says what can be said without the class's secret.
    """
    d = debrief(game)
    scenario = game.scenario
    sections = [
        [f"# After-action report: {md(scenario.title)}"],
        exercise(game, loaded, signature), outcome(game, d), scores(game, d), offers(game, d), conduct(game, d),
        timeline(game), meters(game, d), turning_points(d), choices(game), lessons(game, d),
        briefs(scenario),
        notes(scenario, game_notes(game, loaded.notes if loaded else [])),
        audiences(d), objectives(scenario),
    ]
    text = "\n\n".join("\n".join(section) for section in sections)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


__all__ = ["PLOT_HEIGHT", "PLOT_WIDTH", "after_action_report", "cell", "code_block", "md", "plot_names"]
