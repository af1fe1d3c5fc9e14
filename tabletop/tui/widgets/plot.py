"""The debrief's plots as widgets: thin wrappers that render the charts of :mod:`tabletop.reports.plot` with styles.

The text reports print the same charts without styles, so the screen and the
paper show one picture. A chart's text (the sides' names among it) is placed
as plain segments, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.content import Content
from textual.widget import Widget

from tabletop.reports.plot import (
    Chart,
    ConcessionData,
    FrontierData,
    Series,
    concession_chart,
    curve_chart,
    frontier_chart,
)

AXES_WIDTH, AXES_HEIGHT = 8, 5
"""Room the widget leaves around the plotting area for the axes, their labels and titles."""


def chart_content(chart: Chart) -> Content:
    """A chart as styled content, one line per row."""
    return Content("\n").join(Content.assemble(*row) for row in chart.rows)


class FrontierPlot(Widget):
    """The efficient frontier of reachable boards, the deal, the Nash point, the start and both walk-away lines."""

    def __init__(self, data: FrontierData, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.data = data

    def render(self) -> Content:
        return chart_content(frontier_chart(self.data, self.size.width - AXES_WIDTH, self.size.height - AXES_HEIGHT))


class CurvePlot(Widget):
    """Several meters over the rounds on one scale."""

    def __init__(self, series: Sequence[Series], y_range: tuple[float, float], y_title: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.series = list(series)
        self.y_range = y_range
        self.y_title = y_title

    def render(self) -> Content:
        return chart_content(curve_chart(self.series, self.y_range, self.y_title,
                                         self.size.width - AXES_WIDTH, self.size.height - AXES_HEIGHT))


class ConcessionPlot(Widget):
    """Both sides' concession curves: each side's own score of every package it put forward, by round."""

    DEFAULT_CSS = "ConcessionPlot { height: 18; }"

    def __init__(self, data: ConcessionData, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.data = data

    def render(self) -> Content:
        return chart_content(concession_chart(self.data, self.size.width - AXES_WIDTH,
                                              self.size.height - AXES_HEIGHT))


__all__ = ["ConcessionPlot", "CurvePlot", "FrontierData", "FrontierPlot", "Series", "chart_content"]
