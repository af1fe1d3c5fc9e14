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
SEAL_COMMAND = "tabletop compare SAVE... --show-opponent"


@attrs.frozen
class ClassGame:
    """One game of the class: where it came from and its debrief."""

    label: str
    path: str
    game: Game
    debrief: Debrief
    signature: SignatureCheck | None = None
    sealed: frozenset[Side] = frozenset()
    """Sides whose computer's style and brief stay sealed: the game is in progress and the style is hidden
    (:func:`tabletop.reports.sealed.sealed_sides`, the replay viewer's rule)."""


def load_class(paths: list[str], secret: ClassSecret | None = None, show_opponent: bool = False) -> list[ClassGame]:
    """Load and verify every save (and its signature, with the class's ``secret``); all of one scenario.

    A game still in progress against a computer whose style is hidden keeps it sealed, unless a trainer's
    ``show_opponent`` lifts it (a signed classroom save's only with the class's secret: else a :class:`UserError`).
    """
    from tabletop.reports.sealed import lift_seal, sealed_sides
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
        sealed = lift_seal(loaded, signature, sealed_sides(loaded, game), show_opponent)
        games.append(ClassGame(label, path, game, debrief(game), signature, sealed))
    return games


def _signature(g: ClassGame) -> str:
    return g.signature.text if g.signature is not None else "not checked"


def _seats(g: ClassGame) -> str:
    return " / ".join("computer" if side in g.sealed else g.game.seats.get(side, "?") for side in SIDES)


def _sealed(games: list[ClassGame]) -> frozenset[Side]:
    """The sides sealed in some game: their walk-away, the Nash point and the frontier are held back."""
    return frozenset(side for g in games for side in g.sealed)


def _numbers(g: ClassGame) -> tuple[str, str, str, str, str]:
    """Washington's and Moscow's scores, joint gain and value left (``sealed`` where drawn from a sealed brief),
    and the outcome."""
    d = g.debrief
    w, m = (("sealed" if side in g.sealed else f"{d.scores[side]:.1f}") for side in SIDES)
    joint, left = ("sealed", "sealed") if g.sealed else (f"{d.joint_gain:.1f}", f"{d.value_left:.1f}")
    outcome = "in progress" if g.sealed else d.tier.name if g.game.is_over else f"{d.tier.name} (unfinished)"
    return w, m, joint, left, outcome


def seal_words(games: list[ClassGame]) -> str:
    """Which games are sealed and what is left out, up to the command that prints it ("" when nothing is)."""
    labels = [g.label for g in games if g.sealed]
    if not labels:
        return ""
    which = f"game {labels[0]} is" if len(labels) == 1 else f"games {', '.join(labels)} are"
    return (f"Sealed: {which} still in progress against a computer whose style is hidden, so its style, its score "
            "and what is drawn from its confidential brief (its walk-away value, the joint gain, the value left, "
            "the Nash point and the frontier plot) are left out until the game ends; a trainer prints them with")


def compare_markdown(games: list[ClassGame]) -> str:
    """The class summary as Markdown: a table of every game and the deals on the frontier."""
    scenario = games[0].game.scenario
    hidden = _sealed(games)
    walk = ", ".join(f"{scenario.sides[side].name} {scenario.sides[side].walk_away:g}" for side in SIDES
                     if side not in hidden)
    lines = [f"# Class summary: {md(scenario.title)}", "",
             f"{len(games)} game(s) of {code(scenario.id)}. Scores are each side's private score (0-100)"
             + (f"; walk-away values: {md(walk)}." if walk else "."), "",
             "| # | Save | Seats (Washington / Moscow) | Outcome | Rounds | Washington | Moscow | Joint gain | "
             "Value left on the table | Signature |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for g in games:
        w, m, joint, left, status = _numbers(g)
        lines.append(f"| {g.label} | {cell(Path(g.path).name)} | {cell(_seats(g))} | {cell(status)} | "
                     f"{g.game.state.round} | {w} | {m} | {joint} | {left} | {cell(_signature(g))} |")
    shown = [g for g in games if not g.sealed]
    if shown:
        best = max(shown, key=lambda g: g.debrief.joint_gain)
        lines += ["", f"Highest joint gain: game {best.label} ({best.debrief.joint_gain:.1f})."]
    if hidden:
        return "\n".join([*lines, "", f"{md(seal_words(games))} {code(SEAL_COMMAND)}."]) + "\n"
    nash = games[0].debrief.nash
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
    numbers = [_numbers(g) for g in games]
    rows = [(inert_line(Path(g.path).name), inert_line(_seats(g)), inert_line(outcome))
            for g, (*_, outcome) in zip(games, numbers)]
    save_w, seats_w, tier_w = (max([len(title), *(len(row[n]) for row in rows)])
                               for n, title in enumerate(("Save", "Seats", "Outcome")))
    n = 6 if _sealed(games) else 5  # "sealed" is a character wider than a score
    head = (f"{'#':<2} {'Save':<{save_w}} {'Seats':<{seats_w}} {'Outcome':<{tier_w}} "
            f"{'W':>{n}} {'M':>{n}} {'Joint':>6} {'Left':>{n}}")
    lines = [f"Class summary: {inert_line(scenario.title)} ({inert_line(scenario.id)}), {len(games)} game(s)", "",
             head, "-" * len(head)]
    for g, (name, seats, tier), (w, m, joint, left, _) in zip(games, rows, numbers):
        lines.append(f"{g.label:<2} {name:<{save_w}} {seats:<{seats_w}} {tier:<{tier_w}} "
                     f"{w:>{n}} {m:>{n}} {joint:>6} {left:>{n}}")
    lines += ["", "Signatures:"] + [f"{g.label:<2} {_signature(g)}" for g in games]
    if _sealed(games):
        return "\n".join([*lines, "", f"{seal_words(games)} {SEAL_COMMAND}."]) + "\n"
    lines += ["", *compare_plot(games), "", *compare_legend()]
    return "\n".join(lines) + "\n"
