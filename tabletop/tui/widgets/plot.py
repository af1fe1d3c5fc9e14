"""Plots drawn in terminal cells: the Pareto frontier with the deal, and the meters over the rounds."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from textual.content import Content
from textual.widget import Widget

Cell = tuple[str, str]


class Canvas:
    """A grid of styled characters with data coordinates mapped onto it."""

    def __init__(self, width: int, height: int, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        self.width = max(4, width)
        self.height = max(3, height)
        self.x_range = x_range
        self.y_range = y_range
        self.cells: list[list[Cell]] = [[(" ", "")] * self.width for _ in range(self.height)]

    def col(self, x: float) -> int:
        low, high = self.x_range
        return max(0, min(self.width - 1, round((x - low) / ((high - low) or 1) * (self.width - 1))))

    def row(self, y: float) -> int:
        low, high = self.y_range
        return max(0, min(self.height - 1, self.height - 1 - round((y - low) / ((high - low) or 1) * (self.height - 1))))

    def put(self, x: float, y: float, char: str, style: str = "") -> None:
        self.cells[self.row(y)][self.col(x)] = (char, style)

    def put_cell(self, col: int, row: int, char: str, style: str = "", over: bool = True) -> None:
        if 0 <= row < self.height and 0 <= col < self.width and (over or self.cells[row][col][0] == " "):
            self.cells[row][col] = (char, style)

    def line(self, points: Sequence[tuple[float, float]], char: str, style: str) -> None:
        """Join the points with dots, under whatever is already drawn."""
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            c0, r0, c1, r1 = self.col(x0), self.row(y0), self.col(x1), self.row(y1)
            steps = max(abs(c1 - c0), abs(r1 - r0), 1)
            for i in range(steps + 1):
                self.put_cell(round(c0 + (c1 - c0) * i / steps), round(r0 + (r1 - r0) * i / steps), char, style,
                              over=False)

    def vertical(self, x: float, char: str, style: str) -> None:
        for r in range(self.height):
            self.put_cell(self.col(x), r, char, style, over=False)

    def horizontal(self, y: float, char: str, style: str) -> None:
        for c in range(self.width):
            self.put_cell(c, self.row(y), char, style, over=False)

    def rows(self) -> list[list[Cell]]:
        return self.cells


def framed(canvas: Canvas, y_labels: dict[int, str], x_labels: dict[int, str], x_title: str,
           y_title: str) -> Content:
    """The canvas with a left axis, a bottom axis and titles."""
    label_width = max((len(v) for v in y_labels.values()), default=0)
    out: list[Content] = [Content.styled(y_title, "bold")]
    for r, cells in enumerate(canvas.rows()):
        label = y_labels.get(r, "")
        out.append(Content.assemble((f"{label:>{label_width}} ┤" if label else " " * label_width + " │", "dim"),
                                    *cells))
    axis = [" "] * canvas.width
    ticks = ["─"] * canvas.width
    for col, text in x_labels.items():
        ticks[min(col, canvas.width - 1)] = "┬"
        start = max(0, min(canvas.width - len(text), col - len(text) // 2))
        for i, ch in enumerate(text):
            axis[start + i] = ch
    out.append(Content.styled(" " * label_width + " └" + "".join(ticks), "dim"))
    out.append(Content.styled(" " * (label_width + 2) + "".join(axis), "dim"))
    out.append(Content.styled(" " * (label_width + 2) + x_title, "bold"))
    return Content("\n").join(out)


@attrs.frozen
class FrontierData:
    """What the frontier plot shows (scores 0–100: Washington across, Moscow up)."""

    frontier: tuple[tuple[float, float], ...]
    deal: tuple[float, float]
    walk_away: tuple[float, float]
    nash: tuple[float, float] | None
    start: tuple[float, float]
    names: tuple[str, str]


class FrontierPlot(Widget):
    """The efficient frontier of reachable boards, the deal, the Nash point and both walk-away lines."""

    def __init__(self, data: FrontierData, **kwargs) -> None:
        super().__init__(**kwargs)
        self.data = data

    def render(self) -> Content:
        data = self.data
        width, height = self.size.width - 8, self.size.height - 5
        canvas = Canvas(width, height, (0, 100), (0, 100))
        canvas.vertical(data.walk_away[0], "┊", "$error 70%")
        canvas.horizontal(data.walk_away[1], "┈", "$error 70%")
        points = sorted(data.frontier)
        canvas.line(points, "·", "$accent")
        for x, y in points:
            canvas.put(x, y, "●", "$accent")
        canvas.put(*data.start, "○", "bold")
        if data.nash is not None:
            canvas.put(*data.nash, "N", "bold $success")
        canvas.put(*data.deal, "◆", "bold $warning")
        y_labels = {canvas.row(v): f"{v}" for v in (0, 50, 100)}
        x_labels = {canvas.col(v): f"{v}" for v in (0, 50, 100)}
        return framed(canvas, y_labels, x_labels, f"{data.names[0]}'s score →", f"{data.names[1]}'s score ↑")


@attrs.frozen
class Series:
    label: str
    values: tuple[float, ...]
    char: str
    style: str


class CurvePlot(Widget):
    """Several meters over the rounds on one 0–100 scale."""

    def __init__(self, series: list[Series], y_range: tuple[float, float], y_title: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.series = series
        self.y_range = y_range
        self.y_title = y_title

    def render(self) -> Content:
        rounds = max((len(s.values) for s in self.series), default=1)
        width, height = self.size.width - 8, self.size.height - 5
        canvas = Canvas(width, height, (0, max(1, rounds - 1)), self.y_range)
        for s in self.series:
            points = list(enumerate(s.values))
            canvas.line(points, "·", s.style)
            for x, y in points:
                canvas.put(x, y, s.char, s.style)
        low, high = self.y_range
        y_labels = {canvas.row(v): f"{v:g}" for v in (low, (low + high) / 2, high)}
        step = max(1, rounds // 8)
        x_labels = {canvas.col(r): str(r) for r in range(0, rounds, step)}
        return framed(canvas, y_labels, x_labels, "round →", self.y_title)
