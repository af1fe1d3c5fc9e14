"""The class summary: the games of one class side by side, against the scenario's frontier."""

from __future__ import annotations

from pathlib import Path

import attrs

from tabletop.engine.analysis import Debrief, debrief
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.errors import UserError
from tabletop.reports.after_action import cell, code_block, md, plot_names
from tabletop.reports.markdown import code
from tabletop.reports.plot import debrief_frontier, frontier_chart, frontier_legend
from tabletop.saves.folder import SaveError
from tabletop.saves.signing import ClassSecret, SignatureCheck
from tabletop.text import excerpt, inert_line, message, shown_path

LABELS = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ"


@attrs.frozen
class ClassGame:
    """One game of the class: where it came from and its debrief."""

    label: str
    path: str
    game: Game
    debrief: Debrief
    signature: SignatureCheck | None = None


def load_class(paths: list[str], secret: ClassSecret | None = None) -> list[ClassGame]:
    """Load and verify every save (and its signature, with the class's ``secret``); all of one scenario."""
    from tabletop.saves.writer import load_save

    games: list[ClassGame] = []
    first: Scenario | None = None
    for n, path in enumerate(paths):
        # A save cut off by a crash still gives its game up to the cut; the table marks it unfinished.
        loaded = load_save(path)
        signature = loaded.signature(secret)
        try:
            game = loaded.replay(verify=True)
        except SaveError as error:
            if signature is None or not signature.failed:
                raise
            # A change that breaks the replay of a signed save is named as what it is: tampering.
            raise UserError(message(path, f"{signature.text}: the save was changed after it was signed")) from error
        if first is None:
            first = game.scenario
        elif game.scenario.id != first.id:
            raise UserError(message(path, f"is a game of {excerpt(game.scenario.id)}, expected {excerpt(first.id)} "
                                          f"like {shown_path(paths[0])}"))
        label = LABELS[n] if n < len(LABELS) else "*"
        games.append(ClassGame(label, path, game, debrief(game), signature))
    return games


def _signature(g: ClassGame) -> str:
    return g.signature.text if g.signature is not None else "not checked"


def _seats(game: Game) -> str:
    return " / ".join(game.seats.get(side, "?") for side in SIDES)


def compare_markdown(games: list[ClassGame]) -> str:
    """The class summary as Markdown: a table of every game and the deals on the frontier."""
    scenario = games[0].game.scenario
    lines = [f"# Class summary: {md(scenario.title)}", "",
             f"{len(games)} game(s) of {code(scenario.id)}. Scores are each side's private score (0-100); "
             f"walk-away values: Washington {scenario.sides[Side.WASHINGTON].walk_away:g}, "
             f"Moscow {scenario.sides[Side.MOSCOW].walk_away:g}.", "",
             "| # | Save | Seats (Washington / Moscow) | Outcome | Rounds | Washington | Moscow | Joint gain | "
             "Value left on the table | Signature |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for g in games:
        d = g.debrief
        state = g.game.state
        status = d.tier.name if g.game.is_over else f"{d.tier.name} (unfinished)"
        lines.append(f"| {g.label} | {cell(Path(g.path).name)} | {cell(_seats(g.game))} | {cell(status)} | "
                     f"{state.round} | {d.scores[Side.WASHINGTON]:.1f} | {d.scores[Side.MOSCOW]:.1f} | "
                     f"{d.joint_gain:.1f} | {d.value_left:.1f} | {cell(_signature(g))} |")
    best = max(games, key=lambda g: g.debrief.joint_gain)
    nash = games[0].debrief.nash
    lines += ["", f"Highest joint gain: game {best.label} ({best.debrief.joint_gain:.1f})."]
    if nash:
        lines.append(f"Nash bargaining point of this scenario: Washington {nash[0]:.1f}, Moscow {nash[1]:.1f} "
                     f"(joint {nash[0] + nash[1]:.1f}).")
    lines += ["", "## The deals against the efficient frontier", ""]
    lines += code_block(compare_plot(games))
    lines += ["", *(f"- {line}" for line in compare_legend())]
    return "\n".join(lines) + "\n"


def compare_plot(games: list[ClassGame], width: int = 60, height: int = 18) -> list[str]:
    """Every game's deal, marked with its label, on the scenario's frontier (the debrief's picture)."""
    deals = [(g.label, g.debrief.deal) for g in games]
    data = debrief_frontier(games[0].debrief, plot_names(games[0].game.scenario), deals)
    return frontier_chart(data, width, height).text()


def compare_legend() -> tuple[str, str]:
    return frontier_legend("1 2 … A B: each game's deal")


def compare_terminal(games: list[ClassGame]) -> str:
    """The class summary for the terminal: a plain table and the plot.

    Columns are as wide as their longest entry: a save's name is never cut (two saves of a class often
    differ only at the end of theirs).
    """
    scenario = games[0].game.scenario
    rows = [(inert_line(Path(g.path).name), inert_line(_seats(g.game)), inert_line(g.debrief.tier.name))
            for g in games]
    save_w, seats_w, tier_w = (max([len(title), *(len(row[n]) for row in rows)])
                               for n, title in enumerate(("Save", "Seats", "Outcome")))
    head = (f"{'#':<2} {'Save':<{save_w}} {'Seats':<{seats_w}} {'Outcome':<{tier_w}} "
            f"{'W':>5} {'M':>5} {'Joint':>6} {'Left':>5}")
    lines = [f"Class summary: {inert_line(scenario.title)} ({inert_line(scenario.id)}), {len(games)} game(s)", "",
             head, "-" * len(head)]
    for g, (name, seats, tier) in zip(games, rows):
        d = g.debrief
        lines.append(f"{g.label:<2} {name:<{save_w}} {seats:<{seats_w}} {tier:<{tier_w}} "
                     f"{d.scores[Side.WASHINGTON]:5.1f} {d.scores[Side.MOSCOW]:5.1f} {d.joint_gain:6.1f} "
                     f"{d.value_left:5.1f}")
    lines += ["", "Signatures:"] + [f"{g.label:<2} {_signature(g)}" for g in games]
    lines += ["", *compare_plot(games), "", *compare_legend()]
    return "\n".join(lines) + "\n"
