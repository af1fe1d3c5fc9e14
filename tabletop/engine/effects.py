"""What happened and what it did: events for the log, and changes to meters and rungs within range."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import cast

import attrs

from tabletop.engine.model import (
    Effects,
    Mover,
    Posture,
    Response,
    Scenario,
    Side,
)
from tabletop.engine.state import Concession, GameState, Offer, with_side

TENSION_MAX = 5
TRUST_RANGE = (0, 100)
TENSION_RANGE = (1, TENSION_MAX)
STANDING_RANGE = (0, 100)
"""Each meter's range: every change is kept within it (the facilitator's free-text inject says so)."""


class MoveError(ValueError):
    """A move whose content the rules refuse (the state is left unchanged)."""


class EventKind(enum.StrEnum):
    """What kind of thing an event reports; the log's styles and the reports' labels key on it."""

    ROUND = "round"
    """A round opens (the initiative and each capital's tone)."""
    POSTURE_CHOSEN = "statement_made"
    """A side has chosen its posture, still secret."""
    STATEMENTS = "statement"
    """Both postures revealed (``postures``)."""
    GESTURE = "gesture"
    RETALIATION = "retaliation"
    PASS = "pass"
    OFFER = "offer"
    """A package proposed or countered (``offer``, ``counter``)."""
    ACCEPT = "accept"
    REJECT = "reject"
    DEAL = "deal"
    """An accepted package implemented (``deal``, ``offer``)."""
    RENEGE = "renege"
    WALKOUT = "walkout"
    CONCLUDE = "conclude"
    """A proposal to conclude (``agreed`` None), or its answer (``agreed`` True or False)."""
    SETTLE = "settle"
    """The meters settle at the end of a round."""
    DEADLINE = "deadline"
    OUTCOME = "outcome"
    COLLAPSE = "collapse"
    AUDIENCE = "audience"
    INJECT = "inject"
    """News lands: a scenario inject (``inject``) or the facilitator's free-text one (``inject`` None)."""
    CHOICE = "choice"
    """An inject demands an answer (``response`` None), or the answer given (``response``)."""
    FACILITATOR = "facilitator"
    NOTE = "note"
    TIMER = "timer"
    """The round timer ran out for ``side``."""
    TONE = "tone"
    """A capital's public tone turned (a headline: ``side`` hardens or softens)."""
    LAPSE = "lapse"
    """A round cancelled for lack of progress, or the talks fading out."""
    QUESTION = "question"
    """A side asks the other which irritants matter most to it."""
    DISCLOSURE = "disclosure"
    """A side states its priorities (``ranking``; empty: it declines to say)."""
    MESO = "meso"
    """Several packages of equal value to their proposer put on the table at once (``options``)."""
    ADDRESS = "address"
    """A public statement addressed to an audience (``audience``) rather than the table."""


@attrs.frozen(slots=False)  # a frozen dict class builds faster than a slotted one: a game makes many events
class Event:
    """Something that happened: ``text`` in plain words for the log, and the same facts as fields.

    Code that needs to know what happened reads the fields, never the text.
    """

    round: int
    kind: EventKind
    text: str
    side: Side | None = None
    inject: str | None = None
    """The scenario inject this event is about (it lands, asks for an answer, is answered, held...)."""
    irritant: str | None = None
    """The irritant a gesture or retaliation moves, or a renege names."""
    rung: int | None = None
    """The rung a gesture or retaliation moves its irritant to."""
    deal: int | None = None
    """The number of the deal implemented or reneged on."""
    offer: Offer | None = None
    """The package proposed, countered or implemented."""
    undone: tuple[str, ...] = ()
    """Every irritant a renege takes back (the one named and those linked to it)."""
    postures: tuple[Posture, Posture] | None = None
    """Washington's and Moscow's revealed postures."""
    reciprocated: bool = False
    """A gesture answering the other side's gesture."""
    spiral: bool = False
    """A retaliation answering the other side's retaliation."""
    counter: bool = False
    """An offer that answers the package on the table."""
    response: Response | None = None
    """The answer given to an inject that forced a choice."""
    agreed: bool | None = None
    """For a conclusion: None when proposed, True when agreed, False when declined."""
    ranking: tuple[str, ...] = ()
    """The irritants a side stated as mattering most to it, most first (a disclosure)."""
    options: tuple[Offer, ...] = ()
    """The packages of a MESO, in the order put on the table."""
    audience: str | None = None
    """The audience a public address spoke to."""
    reason: str = ""
    """Why a package was rejected, as the rejecting side said it (also at the end of ``text``)."""


class _Text:
    """:attr:`Event.text`: the words, written the first time they are read when given as :func:`words`.

    A data descriptor on the class, so it is asked before the instance's own dictionary, where attrs keeps
    the field: comparing, printing, copying an event all read the words through it.
    """

    def __get__(self, event: Event | None, owner: type) -> str:
        if event is None:
            return self  # type: ignore[return-value]  # (the class's attribute, for introspection)
        fields = event.__dict__
        text = fields["text"]
        if text.__class__ is _Words:
            text = fields["text"] = text()  # once: the event is frozen, its words are fixed
        return cast(str, text)

    def __set__(self, event: Event, value: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()


setattr(Event, "text", _Text())  # noqa: B010 (after attrs built the class, so that attrs keeps the field)


class _Words:
    """A log line's words, not yet written: the function that writes them and its (immutable) arguments."""

    __slots__ = ("write", "args")

    def __init__(self, write: Callable[..., str], args: tuple[object, ...]) -> None:
        self.write = write
        self.args = args

    def __call__(self) -> str:
        return self.write(*self.args)

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return str, (self(),)  # pickled and deep-copied as the words themselves


def words(write: Callable[..., str], *args: object) -> str:
    """An event's ``text`` written only when someone reads it: ``write(*args)`` (its arguments immutable).

    Computer play reads almost none of the log it makes, and the words (a package described rung by rung,
    an inject's effects) cost more than the rest of the event. Whoever reads ``event.text`` gets the
    words, the same as if they had been written at once.
    """
    return cast(str, _Words(write, args))


Result = tuple[GameState, list[Event]]


def _clamp(value: float, low: int, high: int) -> int:
    rounded = round(value)
    return low if rounded < low else high if rounded > high else int(rounded)


def irritant_name(scenario: Scenario, irritant_id: str) -> str:
    return scenario.irritant(irritant_id).name


QUOTED_NAME = 40
"""The longest name a reason quotes whole (a rejection's reason is one short line)."""


def short_name(name: str, limit: int = QUOTED_NAME) -> str:
    """``name`` as a short reason quotes it: whole when it fits ``limit`` characters, else cut with an ellipsis."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def describe_concession(scenario: Scenario, concession: Concession) -> str:
    irritant = scenario.irritant(concession.irritant)
    who = "both move" if irritant.mover is Mover.BOTH else f"{irritant.mover.value.capitalize()} moves"
    return f"{who} {irritant.name} to \u201c{irritant.rungs[concession.to]}\u201d"


def describe_offer(scenario: Scenario, offer: Offer) -> str:
    parts = [describe_concession(scenario, c) for c in offer.concessions]
    text = "; ".join(parts) if parts else "nothing"
    if offer.links:
        links = ", ".join(
            f"{irritant_name(scenario, a)} \u2194 {irritant_name(scenario, b)}" for a, b in offer.links
        )
        text += f" (linked: {links})"
    return text


def shift(state: GameState, trust: float = 0, tension: int = 0,
          standing: dict[Side, float] | None = None) -> GameState:
    """Move the meters, each kept within its range."""
    new_standing = state.standing
    for side, delta in (standing or {}).items():
        value = _clamp(state.standing_of(side) + delta, *STANDING_RANGE)
        new_standing = with_side(new_standing, side, value)
    return state.evolve(
        trust=_clamp(state.trust + trust, *TRUST_RANGE),
        tension=_clamp(state.tension + tension, *TENSION_RANGE),
        standing=new_standing,
    )


def apply_effects(scenario: Scenario, state: GameState, effects: Effects) -> GameState:
    """Apply an inject's or reaction's effects, within each meter's and ladder's range."""
    state = shift(state, effects.trust, effects.tension,
                  {Side(s): d for s, d in effects.standing.items()})
    if effects.rungs:
        rungs = list(state.rungs)
        for irritant_id, delta in effects.rungs.items():
            n = scenario.position[irritant_id]
            rungs[n] = max(0, min(scenario.irritants[n].top, rungs[n] + delta))
        state = state.evolve(rungs=tuple(rungs))
    for side_name, change in effects.alternative.items():
        side = Side(side_name)
        value = max(0.0, min(100.0, state.alternative_of(side) + change))
        state = state.evolve(alternatives=with_side(state.alternatives, side, value))
    for side_name, tone_change in effects.tone.items():
        state = move_tone(scenario, state, Side(side_name), tone_change)
    return state


def move_tone(scenario: Scenario, state: GameState, side: Side, delta: float) -> GameState:
    """Shift a capital's public tone, within the scenario's bounds."""
    return state.evolve(tone=with_side(state.tone, side, tone_after(scenario, state.tone_of(side), delta)))


def tone_after(scenario: Scenario, tone: float, delta: float) -> float:
    """A public tone shifted by ``delta``, within the scenario's bounds (to the hundredth)."""
    rules = scenario.rules
    return max(rules.tone_min, min(rules.tone_max, round(tone + delta, 2)))


def describe_effects(scenario: Scenario, effects: Effects) -> str:
    parts = []
    if effects.trust:
        parts.append(f"trust {effects.trust:+d}")
    if effects.tension:
        parts.append(f"tension {effects.tension:+d}")
    for side, delta in sorted(effects.standing.items()):
        parts.append(f"{side.capitalize()} standing {delta:+d}")
    for side, delta in sorted(effects.alternative.items()):
        parts.append(f"{side.capitalize()}'s alternative {delta:+d}")
    for side, tone in sorted(effects.tone.items()):
        parts.append(f"{side.capitalize()}'s tone {'softens' if tone > 0 else 'hardens'}")
    for irritant_id, delta in sorted(effects.rungs.items()):
        parts.append(f"{irritant_name(scenario, irritant_id)} {delta:+d} rung{'s' if abs(delta) != 1 else ''}")
    return ", ".join(parts)
