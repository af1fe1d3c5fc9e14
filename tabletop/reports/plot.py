"""Plots drawn with characters: the Pareto frontier with deals marked, for terminals and Markdown."""

from __future__ import annotations

from collections.abc import Sequence


def frontier_plot(frontier: Sequence[tuple[float, float]], deals: Sequence[tuple[str, tuple[float, float]]],
                  width: int = 60, height: int = 20,
                  walk_away: tuple[float, float] | None = None) -> list[str]:
    """A scatter of the frontier (``.``) with each deal as its label's first character.

    x is Washington's score, y is Moscow's, both 0-100. Returns the lines.
    """
    grid = [[" "] * width for _ in range(height)]

    def cell(point: tuple[float, float]) -> tuple[int, int]:
        x = min(width - 1, max(0, round(point[0] / 100 * (width - 1))))
        y = min(height - 1, max(0, round(point[1] / 100 * (height - 1))))
        return height - 1 - y, x

    if walk_away is not None:
        row, col = cell(walk_away)
        for r in range(0, row + 1):
            if grid[r][col] == " ":
                grid[r][col] = ":"
        for c in range(col, width):
            if grid[row][c] == " ":
                grid[row][c] = "\u00b7"
    ordered = sorted(frontier)
    for a, b in zip(ordered, ordered[1:]):
        steps = max(abs(cell(a)[0] - cell(b)[0]), abs(cell(a)[1] - cell(b)[1]), 1)
        for k in range(steps + 1):
            t = k / steps
            row, col = cell((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
            grid[row][col] = "."
    for point in frontier:
        row, col = cell(point)
        grid[row][col] = "o"
    for label, point in deals:
        row, col = cell(point)
        grid[row][col] = label[:1] or "*"
    lines = []
    for n, cells in enumerate(grid):
        axis = "100" if n == 0 else "  0" if n == height - 1 else "   "
        lines.append(f"{axis} |" + "".join(cells).rstrip())
    lines.append("    +" + "-" * width)
    lines.append("     0" + " " * (width - 9) + "100")
    lines.append("     Washington's score \u2192   (Moscow's score \u2191; o = efficient board)")
    return lines
