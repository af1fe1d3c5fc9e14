"""The report of a game still in progress against a computer whose style is hidden: its secrets sealed.

The rule is the replay viewer's, in one place (:func:`tabletop.saves.hidden.seals`): a computer opponent's
style is named when the trainer showed it or no person plays against a computer, else only once the game is
over; until then its confidential brief is sealed. On paper that brief reaches further than its own section:
the computer's score, the frontier and the Nash point, the zone of agreement, its concession curve, its
priorities and the lessons are all computed from its valuations and walk-away. So this report keeps what the
person at the table could see (the board, the meters, the log, their own score and brief, every package as
they scored it) and the facilitator's notes; the assessment (the objectives' expected answers, which may
name injects still to come, and the forced choices' expectations) waits for the end too. It says in one
line what it held back and how a trainer prints the whole report (``--show-opponent``).
"""

from __future__ import annotations

import re

from tabletop.engine.analysis import Debrief, debrief
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Side
from tabletop.errors import UserError
from tabletop.reports.after_action import briefs, exercise, meters, notes, timeline
from tabletop.reports.conduct_text import reciprocity_lines, shown_moment_lines
from tabletop.reports.markdown import cell, code, items, md, table
from tabletop.saves.format import LoadedSave, game_notes
from tabletop.saves.hidden import seals, style_shown
from tabletop.saves.signing import SignatureCheck
from tabletop.text import message


def sealed_sides(loaded: LoadedSave, game: Game) -> frozenset[Side]:
    """The sides whose confidential brief a report of ``game`` (from ``loaded``) keeps sealed (until a trainer's
    ``--show-opponent``: :func:`lift_seal`)."""
    shown = style_shown(loaded.header)
    return frozenset(side for side in SIDES if seals(shown, game.is_over, game.seats[side]))


def lift_seal(loaded: LoadedSave, signature: SignatureCheck, sealed: frozenset[Side], show_opponent: bool,
              ) -> frozenset[Side]:
    """What stays sealed once a trainer's ``--show-opponent`` is heard: nothing, except in a signed classroom
    save whose signature the class's secret does not confirm (raises a one-line :class:`UserError`)."""
    if not sealed or not show_opponent:
        return sealed
    if loaded.signed and not signature.trusted:
        what = "passphrase (--passphrase or $TABLETOP_PASSPHRASE)" if loaded.signed_with_passphrase else \
            "key file (--key-file or $TABLETOP_KEY_FILE)"
        given = "the one given does not match" if signature.failed else "none was given"
        raise UserError(message(loaded.name, f"is a signed classroom game in progress: --show-opponent needs its "
                                             f"class {what}; {given}"))
    return frozenset()


def seal_words(game: Game, sealed: frozenset[Side]) -> str:
    """What is sealed, in words: the start of :func:`seal_line` (scenario names are data: plain text)."""
    names = " and ".join(game.scenario.sides[side].name for side in SIDES if side in sealed)
    return (f"Sealed while the game is in progress: {names} is played by a computer whose style is hidden, so its "
            "style, its confidential brief (walk-away, valuations, red lines), everything scored from them and the "
            "objectives' expected answers are left out until the game ends; a trainer prints them with")


def seal_line(game: Game, sealed: frozenset[Side], command: str) -> str:
    """The one line (Markdown) saying what is sealed and how a trainer lifts it (``command``: ``report SAVE``)."""
    return f"{md(seal_words(game, sealed))} {code(f'tabletop {command} --show-opponent')}."


def _standing(game: Game, d: Debrief, open_sides: list[Side]) -> list[str]:
    state = game.state
    rows = [(cell(i.name), f"{i.start}: {cell(i.rungs[i.start])}", f"{rung}: {cell(i.rungs[rung])}",
             "↑" if rung > i.start else "↓" if rung < i.start else "=")
            for i, rung in zip(game.scenario.irritants, state.rungs)]
    scores = [(md(game.scenario.sides[side].name), f"{d.scores[side]:.1f}", f"{d.walk_away[side]:g}",
               f"{d.scores[side] - d.walk_away[side]:+.1f}", f"{d.start_scores[side]:.1f}") for side in open_sides]
    return ["## The game so far", "",
            f"**The game is in progress in round {state.round}** of {game.scenario.rounds}; it is graded when it "
            "ends.", "", "The board now:", "", *table(["Irritant", "Start", "Now", ""], rows), "",
            *table(["Side", "Score", "Walk-away", "Against walk-away", "Score of the opening board"], scores)]


def _offers(game: Game, d: Debrief, open_sides: list[Side]) -> list[str]:
    names = {side: game.scenario.sides[side].name for side in SIDES}
    out = ["## Offers and how the talks were conducted", ""]
    if d.conduct.packages:
        rows = [(str(p.round), f"#{p.index}", cell(names[p.side]),
                 *(f"{p.own_score if p.side is side else p.their_score:.1f}" for side in open_sides))
                for p in d.conduct.packages]
        out += [*table(["Round", "Move", "By", *(f"Its score to {md(names[s])}" for s in open_sides)], rows), ""]
    out += ["**Reciprocity: gestures made, returned, exploited.**", "",
            *items(reciprocity_lines(game.scenario, d))]
    said = [disclosure.words(game.scenario) for disclosure in d.conduct.disclosures if disclosure.side in open_sides]
    if said:
        out += ["", "**What your side said of its priorities, against what was true.**", "", *items(said)]
    return out


def _turning_points(game: Game, d: Debrief, sealed: frozenset[Side]) -> list[str]:
    out = ["## Turning points", "", "The largest single moves of trust:", ""]
    if not d.turning_points:
        out = [*out[:2], "Trust never moved."]
    for point in d.turning_points:
        out.append(f"- **#{point.index}** (round {point.round}), trust {point.delta:+d}: {md(point.text)}")
    # a package "both would have gained from" and the computer's own walk-away moves are scored from its brief;
    # set aside before the largest swings and the moments are chosen, so that none leaves a gap telling its size
    hidden = frozenset({"spurned", *(f"{game.scenario.sides[side].name}'s walk-away value" for side in sealed)})
    return [*out, "", "Beyond trust: deals, broken promises, lapses and the largest swings:", "",
            *items([md(line) for line in shown_moment_lines(game, d, hidden)])]


def in_progress_report(game: Game, loaded: LoadedSave, sealed: frozenset[Side], signature: str | None = None,
                       command: str = "report SAVE") -> str:
    """The report of a game in progress with the brief of each side in ``sealed`` sealed (ends with a newline)."""
    d = debrief(game)
    scenario = game.scenario
    open_sides = [side for side in SIDES if side not in sealed]
    sections = [
        [f"# After-action report: {md(scenario.title)} (in progress)", "", seal_line(game, sealed, command)],
        exercise(game, loaded, signature, sealed), _standing(game, d, open_sides), _offers(game, d, open_sides),
        timeline(game), meters(game, d), _turning_points(game, d, sealed),
        briefs(scenario, open_sides), notes(scenario, game_notes(game, loaded.notes)),
    ]
    text = "\n\n".join("\n".join(section) for section in sections)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


__all__ = ["in_progress_report", "lift_seal", "seal_line", "seal_words", "sealed_sides"]
