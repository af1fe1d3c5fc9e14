"""A game: scenario, seed, seats and the log of actions; ``apply`` is the one door for change."""

from __future__ import annotations

from collections.abc import Iterable

from tabletop.engine import actions as act
from tabletop.engine import facilitation
from tabletop.engine.effects import Event, MoveError
from tabletop.engine.flow import PhaseFlow
from tabletop.engine.kinds import BY_NAME
from tabletop.engine.model import Scenario, Side
from tabletop.engine.scoring import final_scores, score
from tabletop.engine.state import GameState, MeterPoint, Phase


class IllegalAction(ValueError):
    """An action the rules or the phase refuse; the game is left exactly as it was."""


HUMAN = "human"


def initial_state(scenario: Scenario) -> GameState:
    """The board and meters before round 1 opens."""
    meters = scenario.meters
    return GameState(
        round=1,
        phase=Phase.ROUND_START,
        rungs=scenario.start_rungs(),
        trust=meters.trust,
        tension=meters.tension,
        standing=meters.standing,
        tone=(0.0, 0.0),
        initiative=scenario.first_initiative,
        curve=(MeterPoint(0, meters.trust, meters.tension, meters.standing),),
        alternatives=(float(scenario.sides[Side.WASHINGTON].walk_away), float(scenario.sides[Side.MOSCOW].walk_away)),
    )


class Game:
    """Scenario + seed + seats + action log. Everything else is derived by applying actions."""

    def __init__(self, scenario: Scenario, seed: int, seats: dict[Side, str] | None = None) -> None:
        self.scenario = scenario
        self.seed = seed
        self.seats = dict(seats or {Side.WASHINGTON: HUMAN, Side.MOSCOW: HUMAN})
        self.actions: list[act.Action] = []
        self.events: list[tuple[int, Event]] = []
        self.state = initial_state(scenario)
        self.history: list[GameState] = []
        self.flow = PhaseFlow(self)
        # The first round starts in ROUND_START without a transition into it: open it by hand.
        self.flow.on_enter_ROUND_START()
        self.flow.run_automatic()
        self.history.append(self.state)

    # -- the one door --------------------------------------------------------

    def apply(self, action: act.Action) -> list[Event]:
        """Apply one action; raise :class:`IllegalAction` (state unchanged) if it is refused."""
        kind = BY_NAME.get(action.kind)
        if kind is None or not isinstance(action, kind.action):
            raise IllegalAction(f"unknown action {action.kind!r}")
        side = getattr(action, "side", None)
        if side is not None and not isinstance(side, Side):
            raise IllegalAction(f"{side!r} is not a side")
        before = self.state
        if not self.flow.allows(action):
            raise IllegalAction(self.flow.why_not(action))
        try:
            state, events = kind.rule(self.scenario, before, action)
        except MoveError as error:
            raise IllegalAction(str(error)) from None
        first = len(self.events)
        self.actions.append(action)
        self.record(state, events)
        self.flow.run_automatic()
        self.history.append(self.state)
        return [event for _, event in self.events[first:]]

    def record(self, state: GameState, events: list[Event]) -> None:
        """Take the new state and the events of the latest action, or of a phase that ran by itself."""
        self.state = state
        index = len(self.actions)
        self.events.extend((index, event) for event in events)

    # -- questions -----------------------------------------------------------

    @property
    def is_over(self) -> bool:
        return self.state.phase is Phase.ENDED

    def legal_kinds(self, side: Side | None) -> list[str]:
        """The kinds of action ``side`` may take now (None: the facilitator's)."""
        return self.flow.legal_kinds(side)

    def is_legal(self, action: act.Action) -> bool:
        """Whether ``action`` would be accepted now (checked on a throwaway copy)."""
        trial = self.copy()
        try:
            trial.apply(action)
        except IllegalAction:
            return False
        return True

    def awaiting(self) -> tuple[Side, ...]:
        """The sides whose decision the game is waiting for."""
        return facilitation.awaiting_sides(self.scenario, self.state)

    def score(self, side: Side) -> float:
        """The side's private score of the board as it stands."""
        return score(self.scenario, side, self.state.rungs)

    def final_scores(self) -> dict[Side, float]:
        return final_scores(self.scenario, self.state)

    def fingerprint(self) -> str:
        return self.state.fingerprint()

    def copy(self) -> Game:
        """An independent game at the same moment (for trying moves out)."""
        return self.at(len(self.actions))

    def at(self, moment: int) -> Game:
        """The game as it stood after ``moment`` actions (0: the opening), as a separate game.

        Built from the recorded history, without re-applying anything; the
        copy can be played on from there (a what-if).
        """
        if not 0 <= moment <= len(self.actions):
            raise IndexError(f"moment {moment} is outside 0..{len(self.actions)}")
        other = Game.__new__(Game)
        other.scenario = self.scenario
        other.seed = self.seed
        other.seats = dict(self.seats)
        other.actions = self.actions[:moment]
        other.events = [(i, e) for i, e in self.events if i <= moment]
        other.history = self.history[:moment + 1]
        other.state = self.history[moment]
        other.flow = PhaseFlow(other)
        return other

    @classmethod
    def replay(cls, scenario: Scenario, seed: int, actions: Iterable[act.Action],
               seats: dict[Side, str] | None = None) -> Game:
        """Rebuild a game by re-applying its actions."""
        game = cls(scenario, seed, seats)
        for action in actions:
            game.apply(action)
        return game

    def events_of(self, index: int) -> list[Event]:
        """The events that action number ``index`` caused (0: the opening)."""
        return [event for i, event in self.events if i == index]


__all__ = ["Game", "HUMAN", "IllegalAction", "initial_state", "MoveError"]
