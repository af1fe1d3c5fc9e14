"""The debrief's line on the computer's hold-out is true in the game it is printed for.

Every computer opponent's own concession curve stops short of its walk-away against a side that has put no
package forward before the final round (docs/RULES.md, *Computer opponents*), and the debrief says so beside
what the opponent did. But a package that side puts forward in the final round is judged against the walk-away
(and the deadline's gamble), not the curve: when the computer takes it, it has not kept its room back.
"""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.analysis import debrief
from tabletop.engine.autoplay import play_out, simulate
from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.engine.state import Concession, Offer
from tabletop.reports.conduct_text import opponent_lines
from tabletop.scenarios.library import resolve

W, M = Side.WASHINGTON, Side.MOSCOW


def test_no_hold_out_line_when_the_computer_took_the_waiting_sides_final_round_package():
    scenario = resolve("summer-2025")
    waited = simulate(scenario, "deadline", "hardliner", 4)
    # A person as Washington who turned every package down and put none forward, keeping the channel open with
    # gestures, up to its first move of the final round: the hardliner's last offers kept half its room back.
    game = Game.replay(scenario, 4, waited.actions[:35], seats={W: HUMAN, M: "hardliner"})
    assert game.state.round == scenario.rounds and game.awaiting() == (W,)
    assert any("kept part of its room back" in line for line in opponent_lines(waited, debrief(waited)))
    # Washington puts its own package forward in the final round, and the hardliner takes it.
    game.apply(act.Propose(W, Offer(
        (Concession("aeroflot", 1), Concession("local-hires", 2), Concession("summit", 3),
         Concession("us-ambassador", 3), Concession("us-visas", 3)),
        (("aeroflot", "local-hires"), ("local-hires", "summit")))))
    assert isinstance(make_opponent("hardliner", M, 4).decide(game), act.Accept)
    play_out(game, {W: "deadline", M: "hardliner"})
    assert game.is_over and game.state.deals
    # It ends 15 points above its walk-away (26), though its own packages never asked less than 81.8 for itself:
    # it did not keep part of its room back to the end, and the debrief must not say it did.
    assert round(game.final_scores()[M], 1) == 41.0
    lines = opponent_lines(game, debrief(game))
    assert any("What it did" in line for line in lines)
    assert not any("kept part of its room back" in line for line in lines)


def test_the_help_says_the_hold_out_is_in_the_computers_own_offers():
    """The hold-out shapes the computer's own offers; a package the waiting side puts forward in the final round
    is judged against the walk-away and the deadline's gamble (the hardliner above took one 15 points above its
    walk-away). The help must not tell a player that the computer keeps its room back whatever they offer."""
    from tabletop.tui.screens.help import OPPONENTS_CONDUCT

    assert "in its own offers keeps part of its room back to the end from a side that has put no package forward" \
        in OPPONENTS_CONDUCT
