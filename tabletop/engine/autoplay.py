"""Play computer against computer to the end, without any interface."""

from __future__ import annotations

from tabletop.engine.game import Game
from tabletop.engine.limits import max_actions
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.opponents import make_opponent


def play_out(game: Game, strategies: dict[Side, str]) -> Game:
    """Let the named strategies take every decision until the game ends."""
    players = {side: make_opponent(strategies[side], side, game.seed) for side in SIDES if side in strategies}
    limit = max_actions(game.scenario)
    for _ in range(limit):
        if game.is_over:
            return game
        waiting = game.awaiting()
        if not waiting:
            raise RuntimeError(f"the game is stuck in phase {game.state.phase.value}")
        side = waiting[0]
        if side not in players:
            raise RuntimeError(f"{side.value} is not played by a computer")
        game.apply(players[side].decide(game))
    raise RuntimeError(f"the game did not end within {limit} actions")


def simulate(scenario: Scenario, washington: str, moscow: str, seed: int) -> Game:
    """A whole computer game from the start."""
    game = Game(scenario, seed, {Side.WASHINGTON: washington, Side.MOSCOW: moscow})
    return play_out(game, {Side.WASHINGTON: washington, Side.MOSCOW: moscow})
