"""The class summary: the games of one class side by side, against the scenario's frontier."""

from __future__ import annotations

from pathlib import Path

import attrs

from tabletop.engine.analysis import Debrief, debrief
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.errors import UserError
from tabletop.reports.plot import frontier_plot

LABELS = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ"


@attrs.frozen
class ClassGame:
    """One game of the class: where it came from and its debrief."""

    label: str
    path: str
    game: Game
    debrief: Debrief


def load_class(paths: list[str]) -> list[ClassGame]:
    """Load and verify every save; all must be games of the same scenario."""
    from tabletop.saves.writer import load_save

    games: list[ClassGame] = []
    first: Scenario | None = None
    for n, path in enumerate(paths):
        # A save cut off by a crash still gives its game up to the cut; the table marks it unfinished.
        game = load_save(path).replay(verify=True)
        if first is None:
            first = game.scenario
        elif game.scenario.id != first.id:
            raise UserError(f"{path}: is a game of {game.scenario.id!r}, expected {first.id!r} like {paths[0]}")
        label = LABELS[n] if n < len(LABELS) else "*"
        games.append(ClassGame(label, path, game, debrief(game)))
    return games


def _seats(game: Game) -> str:
    return " / ".join(game.seats.get(side, "?") for side in SIDES)


def compare_markdown(games: list[ClassGame]) -> str:
    """The class summary as Markdown: a table of every game and the deals on the frontier."""
    scenario = games[0].game.scenario
    lines = [f"# Class summary: {scenario.title}", "",
             f"{len(games)} game(s) of `{scenario.id}`. Scores are each side's private score (0-100); "
             f"walk-away values: Washington {scenario.sides[Side.WASHINGTON].walk_away:g}, "
             f"Moscow {scenario.sides[Side.MOSCOW].walk_away:g}.", "",
             "| # | Save | Seats (Washington / Moscow) | Outcome | Rounds | Washington | Moscow | Joint gain | "
             "Value left on the table |",
             "|---|---|---|---|---|---|---|---|---|"]
    for g in games:
        d = g.debrief
        state = g.game.state
        status = d.tier.name if g.game.is_over else f"{d.tier.name} (unfinished)"
        lines.append(f"| {g.label} | {Path(g.path).name} | {_seats(g.game)} | {status} | {state.round} | "
                     f"{d.scores[Side.WASHINGTON]:.1f} | {d.scores[Side.MOSCOW]:.1f} | {d.joint_gain:.1f} | "
                     f"{d.value_left:.1f} |")
    best = max(games, key=lambda g: g.debrief.joint_gain)
    nash = games[0].debrief.nash
    lines += ["", f"Highest joint gain: game {best.label} ({best.debrief.joint_gain:.1f})."]
    if nash:
        lines.append(f"Nash bargaining point of this scenario: Washington {nash[0]:.1f}, Moscow {nash[1]:.1f} "
                     f"(joint {nash[0] + nash[1]:.1f}).")
    lines += ["", "## The deals against the efficient frontier", "", "```"]
    lines += compare_plot(games)
    lines += ["```", "", "Each digit or letter is a game from the table; `o` marks efficient boards, "
              "`:` and `\u00b7` the walk-away values."]
    return "\n".join(lines) + "\n"


def compare_plot(games: list[ClassGame], width: int = 60, height: int = 18) -> list[str]:
    d0 = games[0].debrief
    deals = [(g.label, g.debrief.deal) for g in games]
    walk = (d0.walk_away[Side.WASHINGTON], d0.walk_away[Side.MOSCOW])
    return frontier_plot(d0.frontier, deals, width, height, walk_away=walk)


def compare_terminal(games: list[ClassGame]) -> str:
    """The class summary for the terminal: a plain table and the plot."""
    scenario = games[0].game.scenario
    head = f"{'#':<2} {'Save':<40} {'Seats':<26} {'Outcome':<28} {'W':>5} {'M':>5} {'Joint':>6} {'Left':>5}"
    lines = [f"Class summary: {scenario.title} ({scenario.id}), {len(games)} game(s)", "", head, "-" * len(head)]
    for g in games:
        d = g.debrief
        lines.append(f"{g.label:<2} {Path(g.path).name[:40]:<40} {_seats(g.game)[:26]:<26} {d.tier.name[:28]:<28} "
                     f"{d.scores[Side.WASHINGTON]:5.1f} {d.scores[Side.MOSCOW]:5.1f} {d.joint_gain:6.1f} "
                     f"{d.value_left:5.1f}")
    lines += [""] + compare_plot(games)
    return "\n".join(lines) + "\n"
