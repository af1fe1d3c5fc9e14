"""The lists behind the table's move dialogs, each built from the engine's answer for the seat.

Gestures, retaliations and reneges are exactly those :func:`tabletop.engine.options.options`
offers; what each would do (a score change, a red line crossed, the concessions
a renege takes back, what a walk-out scores) is the engine's too, tried on a copy
of the game. Nothing here decides what is allowed.
"""

from __future__ import annotations

from textual.content import Content

from tabletop.engine import actions
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.options import SeatOptions, preview
from tabletop.tui.text import plain, signed

Choice = tuple[Content, actions.Action]


def gesture_choices(game: Game, seat: SeatOptions) -> list[Choice]:
    """Each gesture open to the seat, with its score change and any priced red line it crosses."""
    choices: list[Choice] = []
    for gesture in seat.gestures:
        irritant = game.scenario.irritant(gesture.irritant)
        seen = preview(game, gesture.side, gesture)
        note = f"   your score {signed(seen.score_change)}"
        note += "".join(f" · crosses your red line (−{c.price} standing)" for c in seen.crossings if not c.absolute)
        choices.append((Content.assemble(plain(irritant.name, "bold"), " → ", plain(irritant.rungs[gesture.to]),
                                         plain(note, "dim")), gesture))
    return choices


def retaliation_choices(game: Game, seat: SeatOptions) -> list[Choice]:
    """Each retaliation open to the seat: an irritant and the rung it would go down to."""
    choices: list[Choice] = []
    for retaliation in seat.retaliations:
        irritant = game.scenario.irritant(retaliation.irritant)
        choices.append((Content.assemble(plain(irritant.name, "bold"), " ↓ ", plain(irritant.rungs[retaliation.to])),
                        retaliation))
    return choices


def undone_by(game: Game, renege: actions.Renege) -> tuple[str, ...]:
    """The irritants ``renege`` would take back (the one named and those linked to it), as the engine says."""
    trial = game.copy()
    for event in trial.apply(renege):
        if event.kind is EventKind.RENEGE:
            return event.undone
    return (renege.irritant,)


def renege_choices(game: Game, seat: SeatOptions) -> list[Choice]:
    """Each renege open to the seat: the deal and every concession it would undo."""
    deals = {deal.number: deal for deal in game.state.deals}
    choices: list[Choice] = []
    for renege in seat.reneges:
        deal = deals[renege.deal]
        names = ", ".join(game.scenario.irritant(i).name for i in undone_by(game, renege))
        choices.append((Content.assemble((f"Deal {deal.number} (round {deal.round}): ", "bold"),
                                         plain(f"undo {names}")), renege))
    return choices


def renege_preview(game: Game, renege: actions.Renege) -> Content:
    """What reneging would leave the side with: its score, the trust between the sides and its standing at home.

    The engine's preview (the renege tried on a copy of the game), as the builder shows a package's score.
    """
    seen = preview(game, renege.side, renege)
    (trust_now, trust_then), (standing_now, standing_then) = seen.trust, seen.standing
    return Content.assemble(
        ("If you renege:", "bold"),
        f"\n  your score {seen.score_before:.1f} → ", (f"{seen.score_after:.1f}", "bold"),
        f" ({signed(seen.score_change)})",
        f"\n  trust {trust_now} → ", (f"{trust_then}", "bold"), f" ({_change(trust_then - trust_now)})",
        f"\n  your standing {standing_now} → ", (f"{standing_then}", "bold"),
        f" ({_change(standing_then - standing_now)})")


def _change(points: int) -> str:
    return "±0" if points == 0 else f"+{points}" if points > 0 else f"−{-points}"


def walk_out_score(game: Game, side: Side) -> float:
    """What ``side`` would score by walking out now (raises IllegalAction when it may not)."""
    trial = game.copy()
    trial.apply(actions.WalkOut(side))
    return trial.final_scores()[side]


__all__ = ["Choice", "gesture_choices", "renege_choices", "renege_preview", "retaliation_choices", "undone_by",
           "walk_out_score"]
