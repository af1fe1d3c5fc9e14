"""What each side said of its priorities against what was true: the debrief's account of disclosures.

A side may state which irritants matter most to it, asked or not, and need
not tell the truth (:mod:`tabletop.engine.process`). The statement is public
in play; the truth stays in its brief until the debrief, which sets one beside
the other here. :mod:`tabletop.engine.conduct` carries the list as
``Conduct.disclosures``; :func:`disclosure_lines` words it for the debrief and
the report alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from tabletop.engine import actions as act
from tabletop.engine.model import Scenario, Side
from tabletop.engine.process import priority_order

if TYPE_CHECKING:
    from tabletop.engine.game import Game


@attrs.frozen
class Disclosure:
    """What a side said matters most to it (asked or not), beside what its brief says is true."""

    index: int
    round: int
    side: Side
    said: tuple[str, ...]
    """The irritants it named, most first (empty: it declined to say)."""
    truth: tuple[str, ...]
    """Its real priorities: the irritants it gains from, most valuable first."""
    asked: bool
    """Whether it answered the other side's question."""

    @property
    def declined(self) -> bool:
        return not self.said

    @property
    def truthful(self) -> bool:
        """Every irritant it named stands where it said among its real priorities (a short list can be true)."""
        return bool(self.said) and self.said == self.truth[:len(self.said)]

    def words(self, scenario: Scenario) -> str:
        """One sentence: what was said, against what was true."""
        name = scenario.sides[self.side].name
        when = f"Round {self.round}, " + ("asked" if self.asked else "unasked")
        truth = ", ".join(scenario.irritant(i).name for i in self.truth[:3]) or "nothing on the table"
        if self.declined:
            return f"{when}: {name} declined to say what mattered most to it (in truth: {truth})."
        said = ", ".join(scenario.irritant(i).name for i in self.said)
        if self.truthful:
            verdict = "true"
        elif self.truth and self.said[0] == self.truth[0]:
            verdict = "true at the top, not below it"
        elif self.truth and self.truth[0] in self.said:
            verdict = "misleading: its first priority was there, but not first"
        else:
            verdict = "misleading: its first priority was left out"
        return f"{when}: {name} said {said}; in truth: {truth} ({verdict})."


def disclosures(game: Game) -> list[Disclosure]:
    """What each side said of its priorities, asked or not, beside its real priorities (from its brief)."""
    out = []
    for index, action in enumerate(game.actions, start=1):
        before = game.history[index - 1]
        if isinstance(action, act.DisclosePriorities):
            out.append(Disclosure(index, before.round, action.side, action.ranking,
                                  priority_order(game.scenario, action.side), before.question is action.side))
        elif isinstance(action, act.TimeUp) and before.question is not None and game.history[index].question is None:
            # time ran out on a question: the side asked declined to say (as the log said)
            asked = before.question
            out.append(Disclosure(index, before.round, asked, (), priority_order(game.scenario, asked), True))
    return out


def disclosure_lines(scenario: Scenario, found: tuple[Disclosure, ...]) -> list[str]:
    """The debrief's section on disclosures, one sentence each (a line saying none were made when none were)."""
    if not found:
        return ["Neither side said what mattered most to it: no priorities were asked about or stated."]
    return [disclosure.words(scenario) for disclosure in found]
