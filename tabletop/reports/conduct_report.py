"""The after-action report's account of how the talks were conducted: the debrief's sections on paper.

The concession chart is the debrief's (:mod:`tabletop.reports.plot`), printed
without styles; the sentences are the debrief's (:mod:`tabletop.reports.conduct_text`).
"""

from __future__ import annotations

from tabletop.engine.analysis import Debrief
from tabletop.engine.game import Game
from tabletop.reports.conduct_text import (
    anchoring_lines,
    disclosure_section,
    interest_lines,
    opponent_lines,
    package_rows,
    reciprocity_lines,
)
from tabletop.reports.markdown import cell, code_block, items, plot_names, table
from tabletop.reports.plot import concession_chart, concession_data, concession_legend

CONCESSION_WIDTH, CONCESSION_HEIGHT = 51, 12
"""The concession chart's drawing area in the report (the axes add 5 columns and 4 rows)."""


def offers(game: Game, d: Debrief) -> list[str]:
    """Both concession curves (the debrief's chart), first offers and anchoring, every package's scores."""
    scenario = game.scenario
    names = plot_names(scenario)
    chart = concession_chart(concession_data(d.conduct, d.walk_away, scenario.rounds, names), CONCESSION_WIDTH,
                             CONCESSION_HEIGHT)
    out = ["## Offers, concession curves and anchoring", "", *code_block(chart.text()), "",
           *items(list(concession_legend(names))), "", "**First offers and anchoring.**", "",
           *items(anchoring_lines(scenario, d))]
    rows = package_rows(scenario, d)
    if rows:
        out += ["", *table(["Round", "Move", "By", "Its own score", "The other side's score"],
                           [(r, n, cell(by), own, their) for r, n, by, own, their in rows])]
    return out


def conduct(game: Game, d: Debrief) -> list[str]:
    """The computer opponents revealed, the reciprocity audit, interests against positions, what was said."""
    out = ["## How the talks were conducted", ""]
    revealed = opponent_lines(game, d)
    if revealed:
        out += ["**The computer opponent, revealed.**", "", *items(revealed), ""]
    out += ["**Reciprocity: gestures made, returned, exploited.**", "", *items(reciprocity_lines(game.scenario, d)),
            "", "**Interests against positions.**", "", *items(interest_lines(game.scenario, d)),
            "", "**What each side said of its priorities, against what was true.**", "",
            *items(disclosure_section(game.scenario, d))]
    return out


__all__ = ["conduct", "offers"]
