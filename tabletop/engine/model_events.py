"""What a scenario makes happen during play: conditions and effects, injects, the audiences and
their reactions, the outcome tiers.

Frozen attrs values built once from a scenario file (read by :mod:`tabletop.engine.scenario_events`)
and never changed during play; the rules that apply them are in :mod:`tabletop.engine.injects`.
"""

from __future__ import annotations

import attrs

from tabletop.engine.vocabulary import EndReason, InjectKind, InjectTarget, Posture, Response, Side


@attrs.frozen
class Condition:
    """A test over the board; every field given must hold (an empty condition always holds)."""

    trust_at_least: int | None = None
    trust_below: int | None = None
    tension_at_least: int | None = None
    tension_below: int | None = None
    round_at_least: int | None = None
    standing_below: dict[str, int] = attrs.field(factory=dict)
    rungs_at_least: dict[str, int] = attrs.field(factory=dict)
    rungs_below: dict[str, int] = attrs.field(factory=dict)
    ended_by: tuple[EndReason, ...] = ()
    response: Response | None = None

    @property
    def is_empty(self) -> bool:
        return self == Condition()


@attrs.frozen
class Effects:
    """Changes to the meters and rungs, applied within each meter's range."""

    trust: int = 0
    tension: int = 0
    standing: dict[str, int] = attrs.field(factory=dict)
    rungs: dict[str, int] = attrs.field(factory=dict)
    alternative: dict[str, int] = attrs.field(factory=dict)
    """Change to a side's outside option (its BATNA), in score points."""
    tone: dict[str, float] = attrs.field(factory=dict)
    """Change to a capital's public tone (-1 hardline to +1 conciliatory)."""

    @property
    def is_empty(self) -> bool:
        return self == Effects()


@attrs.frozen
class Inject:
    """An event from the master scenario events list."""

    id: str
    title: str
    text: str
    kind: InjectKind
    target: InjectTarget
    expected_action: str
    objective: str
    effects: Effects = Effects()
    round: int | None = None
    when: Condition = Condition()
    probability: float = 0.0
    from_round: int = 1
    to_round: int | None = None
    follows: str | None = None
    after_rounds: int = 1
    check: Condition | None = None
    respond: Effects | None = None
    absorb: Effects | None = None
    respond_label: str = ""
    """What the target sees as the first choice of a forced choice (e.g. "Sign the data exchange")."""
    absorb_label: str = ""
    """What the target sees as the other choice (e.g. "Let it lapse")."""
    notes: str = ""
    sources: tuple[str, ...] = ()
    hypothetical: bool = False

    @property
    def forces_choice(self) -> bool:
        return self.respond is not None


@attrs.frozen
class Reaction:
    """How an audience reacts to a kind of move (optionally on one irritant, by one side)."""

    on: str
    text: str
    irritant: str | None = None
    side: Side | None = None
    posture: Posture | None = None
    effects: Effects = Effects()
    inject: str | None = None


REACTION_EVENTS = (
    "concession",
    "gesture",
    "retaliation",
    "renege",
    "statement",
    "walkout",
    "collapse",
    "conclusion",
)


@attrs.frozen
class Audience:
    """A capital watching the table (Europe, China), with its stance and reactions."""

    id: str
    name: str
    stance: str
    reactions: tuple[Reaction, ...] = ()
    readings: dict[str, str] = attrs.field(factory=dict)

    def reading(self, tier_id: str) -> str:
        return self.readings.get(tier_id, self.readings.get("default", self.stance))


@attrs.frozen
class OutcomeTier:
    """A named grade of the outcome; the first tier whose condition holds wins."""

    id: str
    name: str
    description: str
    when: Condition = Condition()
