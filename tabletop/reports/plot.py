"""Plots drawn in character cells: one canvas for the terminal interface and the text reports.

A chart is rows of (text, style) segments. The terminal interface renders them
with their styles (:mod:`tabletop.tui.widgets.plot`, a thin Textual wrapper);
the after-action report and the class summary print the same characters
without styles (:meth:`Chart.text`). So the debrief on screen and the report
on paper show one picture of a game, drawn by one piece of code.

Styles are Textual style strings (``"bold $warning"``); nothing here imports
Textual. Text from a scenario (the sides' names) is placed as typed: the
interface builds its content from plain segments, never from markup.

Why not plotext: at 80x24 its frame lines and the walk-away lines look alike
without colour, its legend box hides points near the top, and it adds about
85 ms to the import of the debrief. The canvas here is a hundred lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from tabletop.engine.model import Side

if TYPE_CHECKING:
    from tabletop.engine.analysis import Debrief
    from tabletop.engine.conduct import Conduct

Cell = tuple[str, str]
"""A piece of text and its style ("" for none)."""
Point = tuple[float, float]

LINE_STYLE = "$error 70%"
FRONTIER_STYLE = "$accent"
DEAL_STYLE = "bold $warning"


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

    def line(self, points: Sequence[Point], char: str, style: str) -> None:
        """Join the points with ``char``, under whatever is already drawn."""
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


@attrs.frozen
class Chart:
    """A finished picture: each row a run of (text, style) segments."""

    rows: tuple[tuple[Cell, ...], ...]

    def text(self) -> list[str]:
        """The picture without styles, one string per row (trailing blanks dropped)."""
        return ["".join(text for text, _ in row).rstrip() for row in self.rows]


def framed(canvas: Canvas, y_labels: dict[int, str], x_labels: dict[int, str], x_title: str,
           y_title: str) -> Chart:
    """The canvas with a left axis, a bottom axis and titles."""
    label_width = max((len(v) for v in y_labels.values()), default=0)
    rows: list[tuple[Cell, ...]] = [((y_title, "bold"),)]
    for r, cells in enumerate(canvas.cells):
        label = y_labels.get(r, "")
        rows.append(((f"{label:>{label_width}} ┤" if label else " " * label_width + " │", "dim"), *cells))
    axis = [" "] * canvas.width
    ticks = ["─"] * canvas.width
    for col, text in x_labels.items():
        ticks[min(col, canvas.width - 1)] = "┬"
        start = max(0, min(canvas.width - len(text), col - len(text) // 2))
        for i, ch in enumerate(text):
            axis[start + i] = ch
    rows.append(((" " * label_width + " └" + "".join(ticks), "dim"),))
    rows.append(((" " * (label_width + 2) + "".join(axis), "dim"),))
    rows.append(((" " * (label_width + 2) + x_title, "bold"),))
    return Chart(tuple(rows))


# -- the frontier -------------------------------------------------------------------


@attrs.frozen
class FrontierData:
    """What the frontier plot shows (scores 0–100: Washington across, Moscow up)."""

    frontier: tuple[Point, ...]
    walk_away: Point
    start: Point
    nash: Point | None
    deals: tuple[tuple[str, Point], ...]
    """Each deal's mark and its scores: ◆ for one game's deal, a game's label in a class summary."""
    names: tuple[str, str]


DEAL_MARK = "◆"


def debrief_frontier(d: Debrief, names: tuple[str, str],
                     deals: Sequence[tuple[str, Point]] | None = None) -> FrontierData:
    """The frontier plot of a game's debrief (``deals``: marks and scores of several games, else this one's)."""
    return FrontierData(
        frontier=tuple(d.frontier),
        walk_away=(d.walk_away[Side.WASHINGTON], d.walk_away[Side.MOSCOW]),
        start=(d.start_scores[Side.WASHINGTON], d.start_scores[Side.MOSCOW]),
        nash=d.nash,
        deals=tuple(deals) if deals is not None else ((DEAL_MARK, d.deal),),
        names=names,
    )


def frontier_legend(deals: str = f"{DEAL_MARK} the deal") -> tuple[str, str]:
    """The two lines that say what the frontier plot's marks mean (``deals``: how the deals are marked)."""
    return (f"● efficient boards  {deals}  N Nash  ○ start",
            "┊ ┈ walk-away values: right of ┊ and above ┈ beats both")


def frontier_chart(data: FrontierData, width: int, height: int) -> Chart:
    """The efficient frontier of reachable boards, the deals, the Nash point, the start and both walk-away lines.

    ``width`` and ``height`` are the plotting area's; the axes take 5 more columns and 4 more rows.
    """
    canvas = Canvas(width, height, (0, 100), (0, 100))
    canvas.vertical(data.walk_away[0], "┊", LINE_STYLE)
    canvas.horizontal(data.walk_away[1], "┈", LINE_STYLE)
    points = sorted(data.frontier)
    canvas.line(points, "·", FRONTIER_STYLE)
    for x, y in points:
        canvas.put(x, y, "●", FRONTIER_STYLE)
    canvas.put(*data.start, "○", "bold")
    if data.nash is not None:
        canvas.put(*data.nash, "N", "bold $success")
    for mark, point in data.deals:  # a later deal on the same cell hides an earlier one
        canvas.put(*point, mark[:1] or "*", DEAL_STYLE)
    y_labels = {canvas.row(v): f"{v}" for v in (0, 50, 100)}
    x_labels = {canvas.col(v): f"{v}" for v in (0, 50, 100)}
    return framed(canvas, y_labels, x_labels, f"{data.names[0]}'s score →", f"{data.names[1]}'s score ↑")


# -- curves over the rounds -----------------------------------------------------------


@attrs.frozen
class Series:
    """One meter over the rounds, drawn with ``char`` in ``style``."""

    label: str
    values: tuple[float, ...]
    char: str
    style: str


def curve_chart(series: Sequence[Series], y_range: tuple[float, float], y_title: str,
                width: int, height: int) -> Chart:
    """Several meters over the rounds on one scale (``width`` and ``height``: the plotting area's)."""
    rounds = max((len(s.values) for s in series), default=1)
    canvas = Canvas(width, height, (0, max(1, rounds - 1)), y_range)
    for s in series:
        points = list(enumerate(s.values))
        canvas.line(points, "·", s.style)
        for x, y in points:
            canvas.put(x, y, s.char, s.style)
    low, high = y_range
    y_labels = {canvas.row(v): f"{v:g}" for v in (low, (low + high) / 2, high)}
    step = max(1, rounds // 8)
    x_labels = {canvas.col(r): str(r) for r in range(0, rounds, step)}
    return framed(canvas, y_labels, x_labels, "round →", y_title)


# -- concession curves -----------------------------------------------------------------


SIDE_STYLES = {Side.WASHINGTON: "bold $primary", Side.MOSCOW: "bold $error"}
SIDE_MARKS = {Side.WASHINGTON: "W", Side.MOSCOW: "M"}
WALK_AWAY_LINES = {Side.WASHINGTON: "┈", Side.MOSCOW: "╍"}


@attrs.frozen
class Track:
    """One side's packages over the rounds: its own score of each, and its walk-away value as a level."""

    points: tuple[Point, ...]
    """(x, score): package ``j`` of ``n`` in round ``r`` sits at ``r - 1 + (j + 1) / (n + 1)``."""
    walk_away: float | None
    """The level drawn across the chart (None: none is drawn, as a seat never sees the other side's)."""
    char: str
    line: str
    style: str


@attrs.frozen
class ConcessionData:
    """Both sides' concession curves (scores 0–100 up, rounds across) and their names."""

    tracks: tuple[Track, Track]
    rounds: int
    names: tuple[str, str]
    title: str = "each side's own score of its packages ↑"


def concession_data(conduct: Conduct, walk_away: dict[Side, float], rounds: int,
                    names: tuple[str, str]) -> ConcessionData:
    """Each side's own score of every package it put forward, placed by round, and its walk-away value."""
    curves = {side: conduct.curve(side) for side in (Side.WASHINGTON, Side.MOSCOW)}
    return tracks_by_round(curves, walk_away, rounds, names, "each side's own score of its packages ↑")


def tracks_by_round(curves: dict[Side, list[tuple[int, float]]], levels: dict[Side, float], rounds: int,
                    names: tuple[str, str], title: str) -> ConcessionData:
    """Per side, (round, score) points spread across their rounds, and the level drawn for it (if any)."""
    tracks = []
    for side in (Side.WASHINGTON, Side.MOSCOW):
        curve = curves.get(side, [])
        per_round: dict[int, int] = {}
        for r, _ in curve:
            per_round[r] = per_round.get(r, 0) + 1
        seen: dict[int, int] = {}
        points = []
        for r, value in curve:
            j = seen.get(r, 0)
            seen[r] = j + 1
            points.append((r - 1 + (j + 1) / (per_round[r] + 1), value))
        tracks.append(Track(tuple(points), levels.get(side), SIDE_MARKS[side], WALK_AWAY_LINES[side],
                            SIDE_STYLES[side]))
    last = max((r for curve in curves.values() for r, _ in curve), default=1)
    return ConcessionData((tracks[0], tracks[1]), max(rounds, last, 1), names, title)


def concession_legend(names: tuple[str, str]) -> tuple[str, str]:
    """What the concession chart's marks mean."""
    return (f"W {names[0]}'s own score of each package it put forward, M {names[1]}'s: a falling line concedes",
            f"┈ {names[0]}'s walk-away value  ╍ {names[1]}'s walk-away value")


def concession_chart(data: ConcessionData, width: int, height: int) -> Chart:
    """Both sides' concession curves over the rounds (``width`` and ``height``: the plotting area's)."""
    canvas = Canvas(width, height, (0, data.rounds), (0, 100))
    for track in data.tracks:
        if track.walk_away is not None:
            canvas.horizontal(track.walk_away, track.line, track.style.replace("bold ", "") + " 70%")
    for track in data.tracks:
        canvas.line(track.points, "·", track.style)
    for track in data.tracks:
        for x, y in track.points:
            canvas.put(x, y, track.char, track.style)
    y_labels = {canvas.row(v): f"{v}" for v in (0, 50, 100)}
    step = max(1, data.rounds // 8)
    x_labels = {canvas.col(r - 0.5): str(r) for r in range(1, data.rounds + 1, step)}
    return framed(canvas, y_labels, x_labels, "round →", data.title)


__all__ = ["Canvas", "Cell", "Chart", "ConcessionData", "DEAL_MARK", "FrontierData", "Series", "Track",
           "concession_chart", "concession_data", "concession_legend", "curve_chart", "tracks_by_round", "debrief_frontier", "framed",
           "frontier_chart", "frontier_legend"]
