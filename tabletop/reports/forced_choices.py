"""The forced choices of a game as the debrief tells them: what each inject expected, what was chosen, what each
answer did.

During play the target of a forced choice sees only the inject's words and its two answers (issue 10: the
objectives that test composure cannot be assessed if the answer is printed). Afterwards the class sees the
rest: the expected action, the answer given (in the inject's own words), and the effects of both answers.
"""

from __future__ import annotations

import attrs

from tabletop.engine.effects import describe_effects
from tabletop.engine.game import Game
from tabletop.engine.injects import choice_label
from tabletop.engine.model import Response, Side


@attrs.frozen
class ForcedChoice:
    """One forced choice that landed: who had to answer, what was expected, and what they chose."""

    round: int
    side: Side
    title: str
    expected: str
    chosen: str | None
    """The answer given, in the inject's words (None: never answered, the talks ended first)."""
    answers: tuple[tuple[str, str], ...]
    """Each answer's words and what it did (``"no effect"`` when nothing)."""

    def sentence(self, side_name: str) -> str:
        """The choice in one plain sentence, for a report or the debrief."""
        done = f"chose \u201c{self.chosen}\u201d" if self.chosen is not None else "never answered"
        effects = "; ".join(f"\u201c{words}\u201d: {effect}" for words, effect in self.answers)
        return (f"Round {self.round}, \u201c{self.title}\u201d: {side_name} {done}. Expected: {self.expected} "
                f"What each answer did: {effects}.")


def forced_choices(game: Game) -> list[ForcedChoice]:
    """Every forced choice that fired in ``game``, in the order they landed."""
    scenario = game.scenario
    found = []
    for fired in game.state.fired:
        inject = scenario.by_inject.get(fired.inject)
        if inject is None or not inject.forces_choice:
            continue
        answers = []
        for response, effects in ((Response.RESPOND, inject.respond), (Response.ABSORB, inject.absorb)):
            answers.append((choice_label(inject, response),
                            (describe_effects(scenario, effects) if effects else "") or "no effect"))
        chosen = choice_label(inject, fired.response) if fired.response is not None else None
        found.append(ForcedChoice(fired.round, Side(inject.target.value), inject.title, inject.expected_action,
                                  chosen, tuple(answers)))
    return found


__all__ = ["ForcedChoice", "forced_choices"]
