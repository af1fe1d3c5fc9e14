"""A game: scenario, seed, seats and the log of actions; ``apply`` is the one door for change."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tabletop.engine import actions as act
from tabletop.engine import facilitation, rules
from tabletop.engine.flow import PhaseFlow
from tabletop.engine.model import Scenario, Side
from tabletop.engine.rules import Event, MoveError
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
    )


_RULE: dict[str, Callable] = {
    "statement": rules.statement,
    "respond_inject": rules.respond_inject,
    "propose": rules.propose,
    "counter": rules.propose,
    "accept": rules.accept,
    "reject": rules.reject,
    "gesture": rules.gesture,
    "retaliate": rules.retaliate,
    "renege": rules.renege,
    "pass": rules.pass_turn,
    "walk_out": rules.walk_out,
    "propose_conclude": rules.propose_conclude,
    "agree_conclude": rules.answer_conclude,
    "decline_conclude": rules.answer_conclude,
    "fire_inject": rules.fire_by_hand,
    "custom_inject": rules.custom_inject,
    "hold_inject": facilitation.hold,
    "release_inject": facilitation.release,
    "skip_inject": facilitation.skip,
    "pause": facilitation.pause,
    "resume": facilitation.resume,
    "set_timer": facilitation.set_timer,
    "note": facilitation.note,
    "time_up": lambda scenario, state, action: facilitation.time_up(
        scenario, state, action, facilitation.awaiting_sides(scenario, state)),
}


class Game:
    """Scenario + seed + seats + action log. Everything else is derived by applying actions."""

    def __init__(self, scenario: Scenario, seed: int, seats: dict[Side, str] | None = None) -> None:
        self.scenario = scenario
        self.seed = seed
        self.seats = dict(seats or {Side.WASHINGTON: HUMAN, Side.MOSCOW: HUMAN})
        self.actions: list[act.Action] = []
        self.events: list[tuple[int, Event]] = []
        self.state = initial_state(scenario)
        self.flow = PhaseFlow(self, Phase.ROUND_START)
        self.history: list[GameState] = []
        state, events = rules.start_round(scenario, self.state, seed)
        self._record(state, events, 0)
        self._run_automatic(0)
        self.history.append(self.state)

    # -- the one door --------------------------------------------------------

    def apply(self, action: act.Action) -> list[Event]:
        """Apply one action; raise :class:`IllegalAction` (state unchanged) if it is refused."""
        kind = action.kind
        if kind not in _RULE:
            raise IllegalAction(f"unknown action {kind!r}")
        side = getattr(action, "side", None)
        if side is not None and not isinstance(side, Side):
            raise IllegalAction(f"{side!r} is not a side")
        before = self.state
        if not self.flow.allows(action):
            raise IllegalAction(self.flow.why_not(action))
        try:
            state, events = _RULE[kind](self.scenario, before, action)
        except MoveError as error:
            raise IllegalAction(str(error)) from None
        index = len(self.actions) + 1
        first = len(self.events)
        self.state = state
        self.actions.append(action)
        for event in events:
            self.events.append((index, event))
        self._run_automatic(index)
        self.history.append(self.state)
        return [event for _, event in self.events[first:]]

    def _run_automatic(self, index: int) -> None:
        """Move through the phases that need no one's decision, running their rules."""
        flow = self.flow
        while True:
            previous = flow.state
            if not flow.step():
                break
            phase = flow.state
            state = self.state.evolve(phase=phase)
            if phase is Phase.INJECT_RESPONSE and previous is not Phase.INJECT_RESPONSE:
                resume = Phase.NEGOTIATION if previous is Phase.NEGOTIATION else Phase.STATEMENTS
                state = state.evolve(resume_phase=resume)
            self.state = state
            if phase is Phase.ROUND_START:
                state, events = rules.start_round(self.scenario, self.state, self.seed)
            elif phase is Phase.IMPLEMENTATION:
                state, events = rules.implement(self.scenario, self.state)
            elif phase is Phase.ROUND_END:
                state, events = rules.end_round(self.scenario, self.state)
            elif phase is Phase.ENDED:
                state, events = rules.finish(self.scenario, self.state)
                self._record(state, events, index)
                break
            else:
                continue
            self._record(state, events, index)

    def _record(self, state: GameState, events: list[Event], index: int) -> None:
        self.state = state
        for event in events:
            self.events.append((index, event))

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
        other.flow = PhaseFlow(other, other.state.phase)
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
