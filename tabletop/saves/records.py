"""The records of a save (header, action, note): checked one by one as plain data, and made from a game.

Only JSON values are looked at here and actions are rebuilt only through
:func:`tabletop.engine.action_reader.action_from_dict`: nothing in a save is executed.
Every problem is a :class:`ValueError` or :class:`SaveError` with a one-line reason.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from tabletop import __version__
from tabletop.engine import RULES_VERSION
from tabletop.engine.action_reader import ActionError, action_from_dict
from tabletop.engine.actions import Action
from tabletop.engine.actions import Note as NoteAction
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.scenario import ScenarioError, parse_scenario
from tabletop.saves import hidden
from tabletop.saves.folder import SaveError
from tabletop.saves.signing import signing_problem
from tabletop.text import excerpt, inert_line, one_line

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tabletop.saves.signing import SaveKey

FORMAT = "tabletop-save"
VERSION = 3
VERSIONS = (1, 2, 3)
"""1: tabletop 0.1 (no chain); 2: the hash chain; 3: a computer's style hidden in the header (``hidden_seats``)."""
_HEX = re.compile(r"[0-9a-f]{8,64}")
_META = ("chain", "sig")


@attrs.frozen
class Note:
    """A facilitator's note attached to a moment of the game (``at``: actions applied so far)."""

    at: int
    round: int
    text: str
    objective: str | None = None
    time: str = ""

    def to_record(self) -> dict[str, Any]:
        return {"kind": "note", "at": self.at, "round": self.round, "text": self.text,
                "objective": self.objective, "time": self.time}


def game_notes(game: Game, written: list[Note] | None = None) -> list[Note]:
    """Every facilitator note of a game, in order: note lines of its save and the game's own note actions."""
    found = list(written or [])
    for n, action in enumerate(game.actions, 1):
        if isinstance(action, NoteAction):
            found.append(Note(n, game.history[n].round, action.text, action.objective or None))
    return sorted(found, key=lambda note: note.at)


def describe_action(action: Action) -> str:
    """``propose by moscow``: a short name for an action in messages."""
    side = getattr(action, "side", None)
    who = side.value if isinstance(side, Side) else "the facilitator"
    return f"{action.kind} by {who}"


def header_version(name: str, record: Any) -> int:
    """The format version of a first line, or :class:`SaveError` if it is not a save header this reads."""
    if not isinstance(record, dict) or record.get("format") != FORMAT or record.get("kind") != "header":
        raise SaveError(f"{name}: is not a tabletop save (line 1 is not a tabletop-save header)")
    version = record.get("version")
    if version not in VERSIONS or isinstance(version, bool):
        shown = version if isinstance(version, int) and not isinstance(version, bool) else excerpt(version, 20)
        raise SaveError(f"{name}: line 1: save format version {shown} is not supported "
                        f"(this tabletop {__version__} reads versions {', '.join(map(str, VERSIONS))})")
    return int(version)


def check_header(name: str, header: dict[str, Any]) -> tuple[Scenario, int, dict[Side, str]]:
    """The scenario, seed and seats of a header (the embedded scenario is parsed and validated)."""
    from tabletop.engine.opponents import STRATEGIES

    text, seed, seats = header.get("scenario"), header.get("seed"), header.get("seats")
    if hidden.KEY in header:
        try:
            seats = hidden.unmask(header)
        except ValueError as error:
            raise SaveError(f"{name}: line 1: {error}") from None
    if not isinstance(text, str) or not text.strip():
        raise SaveError(f"{name}: line 1: the header has no embedded scenario")
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63:
        raise SaveError(f"{name}: line 1: seed {excerpt(seed)} is not a whole number from 0 to 2^63-1")
    if not isinstance(seats, dict) or set(seats) != {side.value for side in SIDES}:
        raise SaveError(f"{name}: line 1: seats must name exactly 'washington' and 'moscow'")
    for side, seat in seats.items():
        if seat != "human" and seat not in STRATEGIES:
            raise SaveError(f"{name}: line 1: seat {side!r} is {excerpt(seat)}, "
                            f"expected 'human' or one of: {', '.join(STRATEGIES)}")
    for key in ("created", "opening", "scenario_source", "app"):
        if not isinstance(header.get(key, ""), (str, type(None))):
            raise SaveError(f"{name}: line 1: {key} must be text")
    rules = header.get("rules")
    if rules != RULES_VERSION:
        made = rules if isinstance(rules, int) and not isinstance(rules, bool) else 1
        by = inert_line(str(header.get("app") or "an earlier tabletop"))[:40]
        scenario_id = inert_line(str(header.get("scenario_id") or "?"))[:40]
        raise SaveError(f"{name}: made under rules version {made} ({by}, scenario {scenario_id}); "
                        f"this tabletop plays rules version {RULES_VERSION}, so it cannot replay, resume or verify "
                        "it (the file is left as it is)")
    if not isinstance(header.get("show_opponent", False), bool):
        raise SaveError(f"{name}: line 1: show_opponent must be true or false")
    if "signing" in header and (problem := signing_problem(header["signing"])):
        raise SaveError(f"{name}: line 1: {problem}")
    fork = header.get("forked_from")
    if fork is not None and not isinstance(fork, dict):
        raise SaveError(f"{name}: line 1: forked_from must be an object")
    try:
        source = f"{name} (embedded scenario)"
        scenario = parse_scenario(text, source)
    except ScenarioError as error:
        lines = [line.removeprefix(f"{source}: ") for line in error.lines()]
        more = f" (and {len(lines) - 1} more problem{'s' if len(lines) > 2 else ''})" if len(lines) > 1 else ""
        raise SaveError(f"{name}: line 1: the embedded scenario: {one_line(lines[0], 160)}{more}") from None
    return scenario, seed, {Side(k): v for k, v in seats.items()}


def _effects_problem(action: Any) -> str | None:
    """What is wrong with a custom inject's effects as plain data (each part must be an object)."""
    if not isinstance(action, dict) or action.get("type") != "custom_inject" or "effects" not in action:
        return None
    effects = action["effects"]
    if not isinstance(effects, dict):
        return f"custom_inject.effects must be an object, got {excerpt(effects)}"
    for part in ("standing", "rungs"):
        value = effects.get(part, {})
        if not isinstance(value, dict):
            return f"custom_inject.effects.{part} must be an object, got {excerpt(value)}"
        if not all(isinstance(k, str) for k in value):
            return f"custom_inject.effects.{part} must be keyed by names"
    return None


def parse_action(record: dict[str, Any], expected: int) -> tuple[Action, str, int | None]:
    """The action, fingerprint and round of an action record numbered ``expected``, or ValueError."""
    n, fingerprint, rnd = record.get("n"), record.get("fingerprint"), record.get("round")
    if n != expected or isinstance(n, bool):
        raise ValueError(f"action number {excerpt(n, 30)} is out of sequence (expected {expected})")
    if not isinstance(fingerprint, str) or not _HEX.fullmatch(fingerprint):
        raise ValueError(f"action {expected}: the fingerprint is missing or not hexadecimal")
    if rnd is not None and (not isinstance(rnd, int) or isinstance(rnd, bool)):
        raise ValueError(f"action {expected}: round must be a whole number")
    data = record.get("action")
    if problem := _effects_problem(data):
        raise ValueError(f"action {expected}: {problem}")
    try:
        action = action_from_dict(data)
    except ActionError as error:
        raise ValueError(f"action {expected}: {one_line(error, 200)}") from None
    except (AttributeError, TypeError, ValueError, KeyError, RecursionError):
        raise ValueError(f"action {expected}: is not a valid action ({excerpt(data)})") from None
    return action, fingerprint, rnd


def parse_note(record: dict[str, Any], actions: int) -> Note:
    """A note record attached to one of the ``actions + 1`` moments before it, or ValueError."""
    at, rnd, text, objective, when = (record.get(k) for k in ("at", "round", "text", "objective", "time"))
    if not isinstance(at, int) or isinstance(at, bool) or not 0 <= at <= actions:
        raise ValueError(f"the note's moment {excerpt(at, 30)} is not one of the {actions + 1} moments before it")
    if not isinstance(text, str):
        raise ValueError("a note needs a text")
    if not isinstance(rnd, int) or isinstance(rnd, bool):
        raise ValueError("a note needs a round number")
    if objective is not None and not isinstance(objective, str):
        raise ValueError("a note's objective must be text or null")
    return Note(at, rnd, text, objective, when if isinstance(when, str) else "")


# -- writing ---------------------------------------------------------------------


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def header_record(game: Game, forked_from: dict[str, Any] | None = None, key: SaveKey | None = None,
                  created: str | None = None, show_opponent: bool = False) -> dict[str, Any]:
    """The first line of a save of ``game`` (``show_opponent``: a trainer chose to show the computer's style).

    While a person plays a computer whose style is not shown, ``seats`` says ``computer`` for it and the
    style is kept, masked, in ``hidden_seats`` (:mod:`tabletop.saves.hidden`): the game can be resumed
    and replayed, and the header does not name it in words.
    """
    scenario = game.scenario
    seats = {side.value: game.seats[side] for side in SIDES}
    record: dict[str, Any] = {
        "kind": "header", "format": FORMAT, "version": VERSION, "app": f"tabletop {__version__}",
        "rules": RULES_VERSION, "created": created or now(), "scenario_id": scenario.id, "title": scenario.title,
        "scenario_source": scenario.source, "seed": game.seed, "seats": seats,
    }
    if hidden.hides(seats, show_opponent):
        record["seats"] = hidden.shown_seats(seats)
        record[hidden.KEY] = hidden.mask(seats, record)
    record |= {"opening": game.history[0].fingerprint(), "scenario": scenario.text}
    if forked_from is not None:
        record["forked_from"] = forked_from
    if key is not None:
        record["signing"] = key.signing
    if show_opponent:
        record["show_opponent"] = True
    return record


def action_record(game: Game, n: int) -> dict[str, Any]:
    """The save record of the game's action number ``n`` (from 1)."""
    state = game.history[n]
    record = {"kind": "action", "n": n, "round": state.round, "action": game.actions[n - 1].to_dict(),
              "fingerprint": state.fingerprint()}
    if state.is_over:
        record["ended"] = True
    return record


def save_records(game: Game, notes: Iterable[Note] = (), header: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every record of a save of ``game``: its header, then each action followed by the notes made after it."""
    if not game.scenario.text:
        raise SaveError(f"{game.scenario.source or game.scenario.id}: the scenario has no text to embed in a save")
    by_moment: dict[int, list[Note]] = {}
    for note in notes:
        by_moment.setdefault(note.at, []).append(note)
    out = [header or header_record(game)]
    out += [note.to_record() for note in by_moment.get(0, [])]
    for n in range(1, len(game.actions) + 1):
        out.append(action_record(game, n))
        out += [note.to_record() for note in by_moment.get(n, [])]
    return out


def has_chain_keys(record: Any) -> bool:
    return isinstance(record, dict) and any(key in record for key in _META)


__all__ = ["FORMAT", "VERSION", "VERSIONS", "Note", "action_record", "check_header", "describe_action", "game_notes",
           "has_chain_keys", "header_record", "header_version", "now", "parse_action", "parse_note", "save_records"]
