"""The debrief's account of how the talks were conducted, as content: the same sentences the report prints.

The wording lives in :mod:`tabletop.reports.conduct_text`; here each section
gets a heading and its lines are set as plain content (the sides' names and
the scenario's words are never read as markup).
"""

from __future__ import annotations

from textual.content import Content

from tabletop.engine.analysis import Debrief
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.reports.conduct_text import (
    anchoring_lines,
    disclosure_section,
    interest_lines,
    moment_lines,
    opponent_lines,
    package_rows,
    reciprocity_lines,
    zone_lines,
)
from tabletop.reports.plot import ConcessionData, concession_data, concession_legend
from tabletop.tui.text import lines, plain

HEAD = "bold $accent"


def section(title: str, found: list[str]) -> list[Content | str]:
    """A heading and its lines; an indented line is a detail of the one before it."""
    return [plain(title, HEAD), *(plain(line, "dim" if line.startswith("  ") else "") for line in found), ""]


def zone_content(game: Game, d: Debrief) -> Content:
    """The zone of possible agreement in words and the split of the surplus."""
    return lines(section("The zone of possible agreement and the split", zone_lines(game, d)))


def concessions(game: Game, d: Debrief) -> ConcessionData:
    scenario = game.scenario
    names = (scenario.sides[Side.WASHINGTON].name, scenario.sides[Side.MOSCOW].name)
    return concession_data(d.conduct, d.walk_away, scenario.rounds, names)


def offers_content(game: Game, d: Debrief) -> Content:
    """Under the concession chart: its legend, first offers and anchoring, every package with both scores."""
    scenario = game.scenario
    names = (scenario.sides[Side.WASHINGTON].name, scenario.sides[Side.MOSCOW].name)
    rows: list[Content | str] = [*(plain(line, "dim") for line in concession_legend(names)), ""]
    rows += section("First offers and anchoring", anchoring_lines(scenario, d))
    packages = package_rows(scenario, d)
    if packages:
        width = max(len(p[2]) for p in packages)
        rows.append(plain("Every package put forward", HEAD))
        rows.append(plain(f"{'round':>5} {'move':>5}  {'by':<{width}}  {'its score':>9}  {'the other':>9}", "bold"))
        rows += [plain(f"{r:>5} {n:>5}  {by:<{width}}  {own:>9}  {their:>9}") for r, n, by, own, their in packages]
    return lines(rows)


def conduct_content(game: Game, d: Debrief) -> Content:
    """The computer opponents revealed, the reciprocity audit, interests beside positions, what was said."""
    rows: list[Content | str] = []
    revealed = opponent_lines(game, d)
    if revealed:
        rows += section("The computer opponent, revealed", revealed)
    rows += section("Reciprocity: gestures made, returned, exploited", reciprocity_lines(game.scenario, d))
    rows += section("Interests against positions: what each side valued, what it asked for",
                    interest_lines(game.scenario, d))
    rows += section("What each side said of its priorities, against what was true",
                    disclosure_section(game.scenario, d))
    return lines(rows)


def moments_content(d: Debrief) -> Content:
    """The turning points beyond trust."""
    return lines(section("Turning points beyond trust: deals, broken promises, spurned packages, swings",
                         moment_lines(d)))


__all__ = ["concessions", "conduct_content", "moments_content", "offers_content", "zone_content"]
