"""The scenario's domain values: the irritants and briefs, the rules' tuning, the meters, the scenario.

Everything here is a frozen attrs value built once from a scenario file
(see :mod:`tabletop.engine.scenario`) and never changed during play. The vocabulary
(sides, postures, kinds of inject...) is in :mod:`tabletop.engine.vocabulary`, what
happens during play (conditions, effects, injects, audiences, outcome tiers) in
:mod:`tabletop.engine.model_events`; both are importable from here too.
"""

from __future__ import annotations

import attrs

from tabletop.engine.model_events import REACTION_EVENTS, Audience, Condition, Effects, Inject, OutcomeTier, Reaction
from tabletop.engine.vocabulary import (
    SIDES,
    EndReason,
    InjectKind,
    InjectTarget,
    Message,
    Mover,
    Posture,
    Response,
    Side,
)

__all__ = [
    # the vocabulary (tabletop.engine.vocabulary)
    "SIDES",
    "EndReason",
    "InjectKind",
    "InjectTarget",
    "Message",
    "Mover",
    "Posture",
    "Response",
    "Side",
    # what happens during play (tabletop.engine.model_events)
    "REACTION_EVENTS",
    "Audience",
    "Condition",
    "Effects",
    "Inject",
    "OutcomeTier",
    "Reaction",
    # the scenario and its parts (here)
    "NO_VALUE",
    "TIMER_MAX",
    "TIMER_MIN",
    "Irritant",
    "Meters",
    "Objective",
    "RedLine",
    "Rules",
    "Scenario",
    "SideBrief",
    "Source",
    "Valuation",
    "timer_problem",
]


@attrs.frozen
class Source:
    """A published source for the scenario's facts: an outlet or official document, its title and date.

    Scenario texts name sources by ``id``; the facilitator's guide lists them in full.
    """

    id: str
    outlet: str
    title: str
    date: str
    url: str = ""
    note: str = ""


@attrs.frozen
class Irritant:
    """An issue on the table: a ladder of named rungs, rung 0 most restrictive.

    ``sources`` name the [[sources]] behind the description and the starting rung;
    ``hypothetical`` marks them as invented for the exercise.
    """

    id: str
    name: str
    rungs: tuple[str, ...]
    mover: Mover
    start: int
    description: str = ""
    sources: tuple[str, ...] = ()
    hypothetical: bool = False

    @property
    def top(self) -> int:
        return len(self.rungs) - 1

    def rung_name(self, rung: int) -> str:
        return self.rungs[rung]


@attrs.frozen
class RedLine:
    """A rung a side will not pass on its own concessions without a price (or at all).

    Moving the irritant above ``rung`` costs ``price`` standing on top of the
    home cost; an absolute red line cannot be passed.
    """

    rung: int
    price: int = 0
    absolute: bool = False


@attrs.frozen
class Valuation:
    """One side's private view of one irritant.

    ``gain`` is what the side earns when the irritant climbs from its starting
    rung to the top; ``cost`` is what climbing costs it at home. Both are spread
    evenly over the rungs climbed. Rungs below the start earn nothing.
    """

    gain: float = 0.0
    cost: float = 0.0
    red_line: RedLine | None = None

    @property
    def net(self) -> float:
        return self.gain - self.cost


@attrs.frozen
class SideBrief:
    """A side's name, delegation and briefs, and its confidential numbers.

    ``sources`` and ``hypothetical`` mark the public position: sourced fact, or invented.
    """

    side: Side
    name: str
    delegation: str
    public: str
    confidential: str
    walk_away: float
    standing: int
    valuations: dict[str, Valuation]
    goals: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    hypothetical: bool = False


@attrs.frozen
class Objective:
    """A learning objective and the outcome the facilitator expects."""

    id: str
    text: str
    expected: str


TIMER_MIN, TIMER_MAX = 10, 7200
"""The round timer's range in seconds (0 means no timer): the scenario's default and the facilitator's setting."""


def timer_problem(seconds: int) -> str:
    """Why ``seconds`` is not a valid round timer ("" when it is; 0 turns the timer off)."""
    if seconds != 0 and not TIMER_MIN <= seconds <= TIMER_MAX:
        return f"a round timer runs from {TIMER_MIN} to {TIMER_MAX} seconds (0 for none)"
    return ""


@attrs.frozen
class Rules:
    """The scenario's tuning of the rules (all have sensible defaults)."""

    exchange_limit: int = 3
    tone_min: float = -1.0
    tone_max: float = 1.0
    tone_drift: float = 0.4
    collapse_penalty: float = 10.0
    standing_per_cost: float = 0.5
    standing_per_gain: float = 0.25
    round_timer: int | None = None
    walkout_penalty: float | None = None
    """What walking out costs the side that leaves, below its outside option (default: half the collapse penalty)."""
    ratification: int = 20
    """A package that would leave a side's domestic standing below this is not ratified at home."""
    lapse_after: int = 3
    """Rounds without progress (no deal, no gesture) before a round is cancelled and the talks start to fade."""

    @property
    def walkout_cost(self) -> float:
        return self.collapse_penalty / 2 if self.walkout_penalty is None else self.walkout_penalty


@attrs.frozen
class Meters:
    """Trust (shared, 0-100), standing (each side, 0-100) and tension (1 calm - 5 crisis)."""

    trust: int
    tension: int
    standing: tuple[int, int]

    def standing_of(self, side: Side) -> int:
        return self.standing[0 if side is Side.WASHINGTON else 1]


@attrs.frozen
class Scenario:
    """A whole scenario, as read from its TOML file.

    ``sources`` is the [[sources]] table; ``story_sources`` name those behind the
    setting and the public brief, ``aftermath_sources`` those behind what really happened.
    ``source`` is where the file came from (a path), not a published source.
    """

    id: str
    title: str
    date: str
    setting: str
    deadline: str
    rounds: int
    public_brief: str
    objectives: tuple[Objective, ...]
    debrief_questions: tuple[str, ...]
    sides: dict[Side, SideBrief]
    irritants: tuple[Irritant, ...]
    meters: Meters
    rules: Rules
    audiences: tuple[Audience, ...]
    injects: tuple[Inject, ...]
    outcomes: tuple[OutcomeTier, ...]
    hypothetical: bool = False
    aftermath: str = ""
    first_initiative: Side = Side.WASHINGTON
    sources: tuple[Source, ...] = ()
    story_sources: tuple[str, ...] = ()
    aftermath_sources: tuple[str, ...] = ()
    source: str = attrs.field(default="", eq=False)
    text: str = attrs.field(default="", eq=False, repr=False)

    by_irritant: dict[str, Irritant] = attrs.field(init=False, eq=False, repr=False)
    position: dict[str, int] = attrs.field(init=False, eq=False, repr=False)
    by_inject: dict[str, Inject] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "by_irritant", {i.id: i for i in self.irritants})
        object.__setattr__(self, "position", {i.id: n for n, i in enumerate(self.irritants)})
        object.__setattr__(self, "by_inject", {i.id: i for i in self.injects})

    def irritant(self, irritant_id: str) -> Irritant:
        return self.by_irritant[irritant_id]

    def inject(self, inject_id: str) -> Inject:
        return self.by_inject[inject_id]

    def brief(self, side: Side) -> SideBrief:
        return self.sides[side]

    def valuation(self, side: Side, irritant_id: str) -> Valuation:
        return self.sides[side].valuations.get(irritant_id, NO_VALUE)

    def start_rungs(self) -> tuple[int, ...]:
        return tuple(irritant.start for irritant in self.irritants)

    def cited(self, ids: tuple[str, ...]) -> tuple[Source, ...]:
        """The [[sources]] entries named by ``ids``, in the order given (unknown ids skipped)."""
        by_id = {source.id: source for source in self.sources}
        return tuple(by_id[i] for i in ids if i in by_id)


NO_VALUE = Valuation()
