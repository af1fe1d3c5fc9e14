"""The state of a game in play: the board, the meters, the table, the phase.

A :class:`GameState` is a frozen value; every action produces a new one.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from tabletop.engine.model import EndReason, Posture, Response, Scenario, Side


class Phase(enum.StrEnum):
    """Where a round stands. The automatic phases pass within a single ``apply``."""

    ROUND_START = "round_start"
    INJECT_RESPONSE = "inject_response"
    STATEMENTS = "statements"
    NEGOTIATION = "negotiation"
    CONCLUDE_PENDING = "conclude_pending"
    IMPLEMENTATION = "implementation"
    ROUND_END = "round_end"
    ENDED = "ended"


def _sorted_concessions(value: Any) -> tuple[Concession, ...]:
    return tuple(sorted(value, key=lambda c: c.irritant))


def _sorted_links(value: Any) -> tuple[tuple[str, str], ...]:
    return tuple(sorted({tuple(sorted(pair)) for pair in value}))


@attrs.frozen
class Concession:
    """Move ``irritant`` up to rung ``to`` (by its mover; for 'both' irritants, by both)."""

    irritant: str
    to: int


@attrs.frozen
class Offer:
    """A package: concessions by either side, some linked ("A only if B")."""

    concessions: tuple[Concession, ...] = attrs.field(default=(), converter=_sorted_concessions)
    links: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_sorted_links)

    def to_dict(self) -> dict:
        return {
            "concessions": [{"irritant": c.irritant, "to": c.to} for c in self.concessions],
            "links": [list(pair) for pair in self.links],
        }

    def irritants(self) -> tuple[str, ...]:
        return tuple(c.irritant for c in self.concessions)

    def linked_to(self, irritant: str) -> set[str]:
        """Every irritant linked to ``irritant``, directly or through a chain of links."""
        group = {irritant}
        grew = True
        while grew:
            grew = False
            for a, b in self.links:
                if (a in group) != (b in group):
                    group.update((a, b))
                    grew = True
        return group


@attrs.frozen
class Deal:
    """An accepted package, numbered from 1, and which of its concessions were reneged."""

    number: int
    round: int
    proposer: Side
    offer: Offer
    before: tuple[tuple[str, int], ...]
    undone: tuple[str, ...] = ()

    def offer_rungs(self) -> tuple[tuple[str, int], ...]:
        return tuple((c.irritant, c.to) for c in self.offer.concessions)


@attrs.frozen
class Fired:
    """An inject that fired, when, and the target's answer if it forced a choice."""

    inject: str
    round: int
    response: Response | None = None
    by_hand: bool = False


@attrs.frozen
class MeterPoint:
    """The meters at the end of a round (round 0 is the start)."""

    round: int
    trust: int
    tension: int
    standing: tuple[int, int]


@attrs.frozen(slots=False)
class GameState:
    """Everything about a game at one moment; derived entirely from scenario, seed and actions."""

    round: int
    phase: Phase
    rungs: tuple[int, ...]
    trust: int
    tension: int
    standing: tuple[int, int]
    tone: tuple[float, float]
    initiative: Side
    to_move: Side | None = None
    offer: Offer | None = None
    offer_by: Side | None = None
    exchanges: int = 0
    quiet_turns: int = 0
    turns: int = 0
    statements: tuple[Posture | None, Posture | None] = (None, None)
    postures: tuple[Posture | None, Posture | None] = (None, None)
    revealed_round: int = 0
    accepted: Offer | None = None
    accepted_by: Side | None = None
    deals: tuple[Deal, ...] = ()
    fired: tuple[Fired, ...] = ()
    pending: tuple[str, ...] = ()
    resume_phase: Phase | None = None
    conclude_by: Side | None = None
    retaliated: tuple[int, int] = (0, 0)
    last_move: tuple[str, str] = ("", "")
    ended: EndReason | None = None
    walked_out: Side | None = None
    recalled: Side | None = None
    cause: str = ""
    outcome: str | None = None
    curve: tuple[MeterPoint, ...] = ()
    custom_injects: int = 0
    paused: bool = False
    held: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    timer: int | None = None
    notes: int = 0
    alternatives: tuple[float, float] = (0.0, 0.0)
    """Each side's outside option (its BATNA) on its own 0-100 score scale: what no agreement pays it."""
    progress_round: int = 0
    """The last round in which something moved by goodwill (a deal implemented or a gesture)."""
    cancelled_round: int = 0
    """The round the talks skipped because they were going nowhere (0: none yet)."""
    # The process moves (engine/process.py). A state's fingerprint leaves them out while they hold their
    # defaults, so a game that never used them fingerprints exactly as before they existed (rules 2 saves).
    meso: tuple[Offer, ...] = ()
    """Several packages of equal value to their proposer, on the table at once (the other side picks one)."""
    question: Side | None = None
    """The side asked about its priorities that has not answered yet."""
    asked: tuple[int, int] = (0, 0)
    """The round in which each side last asked the other about its priorities (0: never)."""
    disclosed: tuple[int, int] = (0, 0)
    """The round in which each side last stated its priorities (0: never)."""
    addressed: tuple[int, int] = (0, 0)
    """The round in which each side last addressed an audience (0: never)."""
    signals: tuple[int, int] = (0, 0)
    """How many times each side has signalled an audience that it has other options."""

    def evolve(self, **changes: Any) -> GameState:
        """A copy with some fields changed (a fast ``attrs.evolve`` for the hot path)."""
        new = object.__new__(GameState)
        fields = new.__dict__
        fields.update(self.__dict__)
        fields.update(changes)
        return new

    def standing_of(self, side: Side) -> int:
        return self.standing[_index(side)]

    def alternative_of(self, side: Side) -> float:
        return self.alternatives[_index(side)]

    @property
    def agreement_stands(self) -> bool:
        """Whether at least one deal still has a concession in force."""
        return any(len(deal.undone) < len(deal.offer.concessions) for deal in self.deals)

    def tone_of(self, side: Side) -> float:
        return self.tone[_index(side)]

    def posture_of(self, side: Side) -> Posture | None:
        return self.postures[_index(side)]

    def rung(self, scenario: Scenario, irritant: str) -> int:
        return self.rungs[scenario.position[irritant]]

    def has_fired(self, inject: str) -> bool:
        return any(f.inject == inject for f in self.fired)

    @property
    def is_over(self) -> bool:
        return self.phase is Phase.ENDED

    def to_dict(self) -> dict:
        """Plain data for fingerprints and debugging (JSON-ready, key order fixed)."""
        data = attrs.asdict(self, recurse=True)
        for name, default in _PROCESS_DEFAULTS.items():
            if getattr(self, name) == default:
                del data[name]
        return _plain(data)

    def fingerprint(self) -> str:
        """A short digest of the whole state: equal states, equal fingerprints, in any process."""
        import hashlib
        import json

        text = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


_PROCESS_DEFAULTS: dict[str, Any] = {
    "meso": (), "question": None, "asked": (0, 0), "disclosed": (0, 0), "addressed": (0, 0), "signals": (0, 0),
}
"""Fields added with the process moves, and the values that leave them out of ``to_dict`` and the fingerprint."""


_WASHINGTON = Side.WASHINGTON


def _index(side: Side) -> int:
    return 0 if side is _WASHINGTON else 1


def side_index(side: Side) -> int:
    return _index(side)


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 6)
    return value


def with_side(pair: tuple, side: Side, value: Any) -> tuple:
    """A copy of a (washington, moscow) pair with one side's entry replaced."""
    return (value, pair[1]) if side is _WASHINGTON else (pair[0], value)


def deal_floor(deals: tuple[Deal, ...], irritant: str) -> tuple[int, Deal | None]:
    """The lowest rung ``irritant`` may be moved down to without reneging: the highest rung a standing deal set.

    Returns that rung (0 when no standing deal holds the irritant) and the deal that sets it.
    """
    floor, binding = 0, None
    for deal in deals:
        if irritant in deal.undone:
            continue
        for concession in deal.offer.concessions:
            if concession.irritant == irritant and concession.to > floor:
                floor, binding = concession.to, deal
    return floor, binding
