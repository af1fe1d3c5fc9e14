"""The walk-away a player sees at the table is what no agreement would pay now, as play has moved it
(an inject or an address to an audience can firm up or weaken a side's outside option), not the
number printed in the brief before the talks began."""

from __future__ import annotations

from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.state import Concession, Offer
from tabletop.scenarios.library import resolve
from tabletop.tui.widgets.offer_panel import offer_score
from tabletop.tui.widgets.private import score_line


def moved_game() -> tuple[Game, object]:
    game = Game(resolve("tutorial"), 4242, {Side.WASHINGTON: "human", Side.MOSCOW: "human"})
    assert game.scenario.sides[Side.WASHINGTON].walk_away == 50
    return game, game.state.evolve(alternatives=(57.5, 40.0))


def test_the_private_panel_shows_the_walk_away_as_play_moved_it():
    game, state = moved_game()
    text = score_line(game.scenario, state, Side.WASHINGTON).plain
    assert "Walk-away value 57.5" in text
    assert "15.2 below it" in text  # 42.3 on the starting board


def test_an_offer_on_the_table_is_set_against_the_moved_walk_away():
    game, state = moved_game()
    offer = Offer((Concession("banking", 3), Concession("visas", 3)))
    assert offer_score(game.scenario, state, offer, Side.WASHINGTON).plain.endswith("walk-away 57.5")
