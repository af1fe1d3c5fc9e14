"""Reading a save: the JSON Lines format checked line by line, then replayed and verified.

Loading parses JSON and TOML only and rebuilds actions through
:func:`tabletop.engine.actions.action_from_dict`, so nothing in a save is ever
executed. The format is documented in ``saves/README.md``; the public API is
:mod:`tabletop.saves.writer`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs

from tabletop import __version__
from tabletop.engine.actions import Action, ActionError, action_from_dict
from tabletop.engine.actions import Note as NoteAction
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.scenario import ScenarioError, parse_scenario
from tabletop.saves.folder import SaveError

FORMAT = "tabletop-save"
VERSION = 1
MAX_SAVE_BYTES = 32_000_000
_HEX = re.compile(r"[0-9a-f]{8,64}")


def one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


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


@attrs.define
class LoadedSave:
    """A save read from disk: everything needed to rebuild, verify or continue the game."""

    path: Path
    scenario: Scenario
    seed: int
    seats: dict[Side, str]
    actions: list[Action]
    fingerprints: list[str]
    notes: list[Note]
    warning: str | None = None
    created: str = ""
    opening: str | None = None
    rounds: list[int | None] = attrs.Factory(list)
    scenario_source: str = ""
    forked_from: dict[str, Any] | None = None
    good_bytes: int = 0
    lines: list[int] = attrs.Factory(list)
    app: str = ""
    size: int = 0

    @property
    def name(self) -> str:
        return str(self.path)

    def replay(self, verify: bool = True, upto: int | None = None) -> Game:
        """Rebuild the game by re-applying the actions (the first ``upto`` of them if given).

        With ``verify``, every state is checked against its recorded fingerprint.
        Raises :class:`SaveError` naming the first action the rules refuse or that
        does not reproduce its fingerprint.
        """
        game = Game(self.scenario, self.seed, self.seats)
        if verify and self.opening is not None and game.fingerprint() != self.opening:
            by = f" by {self.app}" if self.app else ""
            raise SaveError(f"{self.name}: the opening state does not match the one recorded "
                            f"(the rules changed since this save was written{by})")
        actions = self.actions if upto is None else self.actions[:upto]
        for n, action in enumerate(actions, 1):
            where = f"{self.name}: line {self.lines[n - 1]}: action {n} ({describe_action(action)})" \
                if len(self.lines) >= n else f"{self.name}: action {n} ({describe_action(action)})"
            try:
                game.apply(action)
            except (IllegalAction, KeyError, IndexError, ValueError, TypeError) as error:
                raise SaveError(f"{where} is refused by the rules: {one_line(error)}") from None
            if verify:
                got, expected = game.fingerprint(), self.fingerprints[n - 1]
                if got != expected:
                    raise SaveError(f"{where} does not reproduce the recorded state "
                                    f"(fingerprint {got}, recorded {expected})")
                recorded = self.rounds[n - 1] if len(self.rounds) >= n else None
                if recorded is not None and recorded != game.state.round:
                    raise SaveError(f"{where} leads to round {game.state.round}, but the save says {recorded}")
        return game

    def verify(self) -> Game:
        """Replay with every fingerprint checked (raises :class:`SaveError` on the first difference)."""
        return self.replay(verify=True)


# -- reading -----------------------------------------------------------------


def _read(path: Path, name: str) -> bytes:
    try:
        if path.is_dir():
            raise SaveError(f"{name}: is a directory, expected a tabletop save file")
        if not path.exists():
            raise SaveError(f"{name}: no such file, expected a tabletop save file")
        size = path.stat().st_size
        if size > MAX_SAVE_BYTES:
            raise SaveError(f"{name}: is too large ({size:,} bytes), expected a save under {MAX_SAVE_BYTES:,} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise SaveError(f"{name}: cannot be read ({one_line(error.strerror or error)})") from None
    if not data.strip():
        raise SaveError(f"{name}: is empty, expected a tabletop save")
    if b"\x00" in data:
        raise SaveError(f"{name}: is binary, not a tabletop save")
    return data


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValueError(f"is not UTF-8 text (bad byte at offset {error.start})") from None
    except RecursionError:
        raise ValueError("is nested too deeply to be a save line") from None
    except ValueError as error:
        raise ValueError(f"is not valid JSON ({one_line(error, 120)})") from None


def _header(name: str, record: Any) -> dict[str, Any]:
    if not isinstance(record, dict) or record.get("format") != FORMAT or record.get("kind") != "header":
        raise SaveError(f"{name}: is not a tabletop save (line 1 is not a tabletop-save header)")
    version = record.get("version")
    if version != VERSION:
        shown = version if isinstance(version, int) and not isinstance(version, bool) else repr(version)
        raise SaveError(f"{name}: save format version {shown} is not supported "
                        f"(this tabletop {__version__} reads version {VERSION})")
    return record


def _check_header(name: str, header: dict[str, Any]) -> tuple[Scenario, int, dict[Side, str]]:
    from tabletop.engine.opponents import STRATEGIES

    text, seed, seats = header.get("scenario"), header.get("seed"), header.get("seats")
    if not isinstance(text, str) or not text.strip():
        raise SaveError(f"{name}: line 1: the header has no embedded scenario")
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63:
        raise SaveError(f"{name}: line 1: seed {one_line(repr(seed), 40)} is not a whole number from 0 to 2^63-1")
    if not isinstance(seats, dict) or set(seats) != {side.value for side in SIDES}:
        raise SaveError(f"{name}: line 1: seats must name exactly 'washington' and 'moscow'")
    for side, seat in seats.items():
        if seat != "human" and seat not in STRATEGIES:
            raise SaveError(f"{name}: line 1: seat {side!r} is {one_line(repr(seat), 40)}, "
                            f"expected 'human' or one of: {', '.join(STRATEGIES)}")
    try:
        scenario = parse_scenario(text, f"{name} (embedded scenario)")
    except ScenarioError as error:
        lines = error.lines()
        more = f" (and {len(lines) - 1} more problem{'s' if len(lines) > 2 else ''})" if len(lines) > 1 else ""
        raise SaveError(one_line(lines[0], 400) + more) from None
    for key in ("created", "opening", "scenario_source", "app"):
        if not isinstance(header.get(key, ""), (str, type(None))):
            raise SaveError(f"{name}: line 1: {key} must be text")
    return scenario, seed, {Side(k): v for k, v in seats.items()}


def _action(record: dict[str, Any], expected: int) -> tuple[Action, str, int | None]:
    n, fingerprint, rnd = record.get("n"), record.get("fingerprint"), record.get("round")
    if n != expected or isinstance(n, bool):
        raise ValueError(f"action number {one_line(repr(n), 30)} is out of sequence (expected {expected})")
    if not isinstance(fingerprint, str) or not _HEX.fullmatch(fingerprint):
        raise ValueError(f"action {expected}: the fingerprint is missing or not hexadecimal")
    if rnd is not None and (not isinstance(rnd, int) or isinstance(rnd, bool)):
        raise ValueError(f"action {expected}: round must be a whole number")
    try:
        action = action_from_dict(record.get("action"))
    except ActionError as error:
        raise ValueError(f"action {expected}: {one_line(error, 200)}") from None
    return action, fingerprint, rnd


def _note(record: dict[str, Any], actions: int) -> Note:
    at, rnd, text, objective, when = (record.get(k) for k in ("at", "round", "text", "objective", "time"))
    if not isinstance(at, int) or isinstance(at, bool) or not 0 <= at <= actions:
        raise ValueError(f"the note's moment {one_line(repr(at), 30)} is not one of the {actions + 1} moments before it")
    if not isinstance(text, str):
        raise ValueError("a note needs a text")
    if not isinstance(rnd, int) or isinstance(rnd, bool):
        raise ValueError("a note needs a round number")
    if objective is not None and not isinstance(objective, str):
        raise ValueError("a note's objective must be text or null")
    return Note(at, rnd, text, objective, when if isinstance(when, str) else "")


def load_save(path: Path | str) -> LoadedSave:
    """Read a save; raise :class:`SaveError` (one line naming the file) if it cannot be used.

    A last line cut off by a crash (no final newline, not valid JSON) is dropped,
    and ``warning`` says so.
    """
    name, p = str(path), Path(path)
    data = _read(p, name)
    raw_lines = data.split(b"\n")
    tail = raw_lines.pop()  # b"" when the file ends with a newline
    offsets, position = [], 0
    for raw in raw_lines:
        position += len(raw) + 1
        offsets.append(position)
    candidates = [(i + 1, raw, offsets[i]) for i, raw in enumerate(raw_lines)]
    if tail.strip():
        candidates.append((len(raw_lines) + 1, tail, len(data)))
    header: dict[str, Any] | None = None
    saved = LoadedSave(p, None, 0, {}, [], [], [], size=len(data))  # type: ignore[arg-type]
    for number, raw, end in candidates:
        if not raw.strip():
            continue
        try:
            record = _json(raw)
        except ValueError as error:
            if raw is tail and header is not None:
                saved.warning = (f"{name}: line {number} was cut off (probably by a crash) and is ignored; "
                                 f"{len(saved.actions)} complete action(s) loaded")
                break
            if header is None:
                raise SaveError(f"{name}: is not a tabletop save (line {number} {error})") from None
            raise SaveError(f"{name}: line {number} {error}") from None
        if header is None:
            header = _header(name, record)
            saved.scenario, saved.seed, saved.seats = _check_header(name, header)
            saved.created = header.get("created") or ""
            saved.opening = header.get("opening")
            saved.scenario_source = header.get("scenario_source") or ""
            saved.app = header.get("app") if isinstance(header.get("app"), str) else ""
            fork = header.get("forked_from")
            saved.forked_from = fork if isinstance(fork, dict) else None
            if raw is tail:
                raise SaveError(f"{name}: the header line was cut off; there is nothing to load")
            saved.good_bytes = end
            continue
        kind = record.get("kind") if isinstance(record, dict) else None
        try:
            if kind == "action":
                action, fingerprint, rnd = _action(record, len(saved.actions) + 1)
                saved.actions.append(action)
                saved.fingerprints.append(fingerprint)
                saved.rounds.append(rnd)
                saved.lines.append(number)
            elif kind == "note":
                saved.notes.append(_note(record, len(saved.actions)))
            elif kind == "header":
                raise ValueError("a second header")
            else:
                raise ValueError(f"is not a save record (kind {one_line(repr(kind), 40)})")
        except ValueError as error:
            raise SaveError(f"{name}: line {number}: {error}") from None
        saved.good_bytes = end
    if header is None:
        raise SaveError(f"{name}: is empty, expected a tabletop save")
    return saved
