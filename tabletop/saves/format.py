"""Reading a save: the JSON Lines format checked line by line (and its hash chain), then replayed and verified.

Loading parses JSON and TOML only and rebuilds actions through
:func:`tabletop.engine.action_reader.action_from_dict`, so nothing in a save is ever
executed. The format is documented in ``saves/README.md``; the public API is
:mod:`tabletop.saves.writer`. Version 2 saves carry a hash chain over every byte
(:mod:`tabletop.saves.chain`) and may be signed (:mod:`tabletop.saves.signing`);
version 1 saves (tabletop 0.1) still load and verify their state fingerprints.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from tabletop.engine.actions import Action
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Scenario, Side
from tabletop.saves.chain import GENESIS, link, unseal
from tabletop.saves.folder import SaveError
from tabletop.saves.records import (
    FORMAT,
    VERSION,
    Note,
    check_header,
    describe_action,
    game_notes,
    has_chain_keys,
    header_version,
    parse_action,
    parse_note,
)
from tabletop.saves.signing import ClassSecret, SaveKey, Seal, SignatureCheck, check_signature, key_for_resume
from tabletop.text import InputError, excerpt, one_line, read_limited, shown_path

MAX_SAVE_BYTES = 32_000_000


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
    version: int = VERSION
    rules: str = ""
    header: dict[str, Any] = attrs.Factory(dict)
    signing: dict[str, Any] | None = None
    seals: list[Seal] = attrs.Factory(list)
    chain_head: str | None = None

    @property
    def name(self) -> str:
        """The save's path as messages show it (inert, shortened)."""
        return shown_path(self.path)

    @property
    def signed(self) -> bool:
        """Whether the save is signed by a class (its signature can be checked with the class's secret)."""
        return self.signing is not None

    @property
    def signed_with_passphrase(self) -> bool:
        return self.signing is not None and self.signing.get("method") == "scrypt"

    def signature(self, secret: ClassSecret | None = None) -> SignatureCheck:
        """What can be said of the save's signature with ``secret`` (the class passphrase or key file)."""
        return check_signature(self.version, self.signing, self.seals, secret)

    def unlock(self, passphrase: str | None = None, key_file: str | None = None) -> SaveKey | None:
        """The key to go on signing this save (None if it is unsigned).

        Raises :class:`~tabletop.saves.folder.PassphraseNeeded` if the save is signed and nothing is
        given, :class:`~tabletop.saves.folder.WrongPassphrase` if what is given is not its key.
        """
        return key_for_resume(self.signing, str(self.path), passphrase, key_file)

    def replay(self, verify: bool = True, upto: int | None = None) -> Game:
        """Rebuild the game by re-applying the actions (the first ``upto`` of them if given).

        With ``verify``, every state is checked against its recorded fingerprint.
        Raises :class:`SaveError` naming the first action the rules refuse or that
        does not reproduce its fingerprint.
        """
        game = Game(self.scenario, self.seed, self.seats)
        if verify and self.opening is not None and game.fingerprint() != self.opening:
            by = f" by {self.app}" if self.app else ""
            raise SaveError(f"{self.name}: line 1: the opening state does not match the one recorded "
                            f"(the rules changed since this save was written{by})")
        actions = self.actions if upto is None else self.actions[:upto]
        for n, action in enumerate(actions, 1):
            where = f"{self.name}: line {self.lines[n - 1]}: action {n} ({describe_action(action)})" \
                if len(self.lines) >= n else f"{self.name}: action {n} ({describe_action(action)})"
            try:
                game.apply(action)
            except (IllegalAction, KeyError, IndexError, ValueError, TypeError) as error:
                raise SaveError(f"{where} is refused by the rules: {one_line(error, 160)}") from None
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


@attrs.frozen
class _Line:
    number: int
    raw: bytes
    end: int  # the offset just after the line (and its newline)
    complete: bool  # ends with a newline


def _read(path: Path | str, name: str) -> bytes:
    try:
        data = read_limited(path, MAX_SAVE_BYTES, "a tabletop save")
    except InputError as error:
        raise SaveError(str(error)) from None
    if not data.strip():
        raise SaveError(f"{name}: is empty, expected a tabletop save")
    if b"\x00" in data[:4096].split(b"\n", 1)[0]:  # further on, a NUL is a damaged line, named
        raise SaveError(f"{name}: is binary, not a tabletop save (a NUL byte in line 1)")
    return data


def _split(data: bytes) -> list[_Line]:
    out, position = [], 0
    raws = data.split(b"\n")
    tail = raws.pop()  # b"" when the file ends with a newline
    for number, raw in enumerate(raws, 1):
        position += len(raw) + 1
        out.append(_Line(number, raw, position, True))
    if tail:
        out.append(_Line(len(raws) + 1, tail, len(data), False))
    return out


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValueError(f"is not UTF-8 text (bad byte at offset {error.start})") from None
    except RecursionError:
        raise ValueError("is nested too deeply to be a save line") from None
    except ValueError as error:
        raise ValueError(f"is not valid JSON ({one_line(error, 120)})") from None


def _start(saved: LoadedSave, name: str, header: dict[str, Any]) -> None:
    saved.scenario, saved.seed, saved.seats = check_header(name, header)
    saved.header = {k: v for k, v in header.items() if k not in ("chain", "sig")}
    saved.created = header.get("created") or ""
    saved.opening = header.get("opening")
    saved.scenario_source = header.get("scenario_source") or ""
    saved.app = header.get("app") or ""
    saved.rules = header.get("rules") or ""
    saved.forked_from = header.get("forked_from")
    saved.signing = header.get("signing")


def _record(saved: LoadedSave, name: str, number: int, record: Any) -> None:
    """Add an action or note line to ``saved`` (SaveError naming the line if it is neither, or wrong)."""
    kind = record.get("kind") if isinstance(record, dict) else None
    try:
        if kind == "action":
            action, fingerprint, rnd = parse_action(record, len(saved.actions) + 1)
            saved.actions.append(action)
            saved.fingerprints.append(fingerprint)
            saved.rounds.append(rnd)
            saved.lines.append(number)
        elif kind == "note":
            saved.notes.append(parse_note(record, len(saved.actions)))
        elif kind == "header":
            raise ValueError("a second header")
        else:
            raise ValueError(f"is not a save record (kind {excerpt(kind)})")
    except ValueError as error:
        raise SaveError(f"{name}: line {number}: {error}") from None


def _unchained_tail(lines: list[_Line]) -> bool:
    """Whether none of ``lines`` looks like a chained line (bytes cut off or appended, not a changed save)."""
    return all(unseal(line.raw) is None for line in lines)


def _load_chained(saved: LoadedSave, name: str, lines: list[_Line], size: int) -> None:
    previous = GENESIS
    for index, line in enumerate(lines):
        sealed = unseal(line.raw)
        if sealed is None or link(previous, sealed.prefix) != sealed.chain:
            if line.number > 1 and sealed is None and _unchained_tail(lines[index + 1:]):
                saved.warning = (f"{name}: line {line.number} is incomplete or not part of the save "
                                 f"({size - saved.good_bytes:,} bytes after line {line.number - 1}: cut off by a "
                                 f"crash, or appended): ignored; {len(saved.actions)} complete action(s) loaded")
                return
            why = "it does not end with its hash" if sealed is None else \
                "its hash does not chain to the line before" if line.number > 1 else "its hash does not match"
            raise SaveError(f"{name}: line {line.number} was changed or damaged ({why})")
        try:
            record = _json(line.raw)
        except ValueError as error:
            raise SaveError(f"{name}: line {line.number} {error}") from None
        if line.number == 1:
            if header_version(name, record) == 1:
                raise SaveError(f"{name}: line 1 was changed: it says format version 1 but carries a hash chain")
            _start(saved, name, record)
        else:
            _record(saved, name, line.number, record)
        previous = sealed.chain
        saved.seals.append(Seal(line.number, sealed.chain, sealed.sig))
        saved.chain_head = sealed.chain
        saved.good_bytes = line.end


def _load_legacy(saved: LoadedSave, name: str, lines: list[_Line], header: dict[str, Any]) -> None:
    """Version 1 (tabletop 0.1): no chain; a last line cut off by a crash is dropped with a warning."""
    started = False
    for line in lines:
        if not line.raw.strip():
            continue
        try:
            record = _json(line.raw)
        except ValueError as error:
            if not line.complete and started:
                saved.warning = (f"{name}: line {line.number} was cut off (probably by a crash) and is ignored; "
                                 f"{len(saved.actions)} complete action(s) loaded")
                return
            raise SaveError(f"{name}: line {line.number} {error}") from None
        if has_chain_keys(record):
            raise SaveError(f"{name}: line {line.number} was changed: it carries a hash chain, "
                            "but line 1 says format version 1")
        if not started:
            _start(saved, name, header)
            if not line.complete:
                raise SaveError(f"{name}: the header line was cut off; there is nothing to load")
            started = True
        else:
            _record(saved, name, line.number, record)
        saved.good_bytes = line.end


def load_save(path: Path | str) -> LoadedSave:
    """Read a save; raise :class:`SaveError` (one line starting with the file's path) if it cannot be used.

    Bytes after the last complete line (cut off by a crash, or appended) are ignored and
    ``warning`` says so, naming the line; any other change is an error naming its line.
    """
    name, p = shown_path(path), Path(path)
    data = _read(path, name)
    lines = _split(data)
    saved = LoadedSave(p, None, 0, {}, [], [], [], size=len(data))  # type: ignore[arg-type]  # filled in below
    first = next(line for line in lines if line.raw.strip())
    try:
        header = _json(first.raw)
    except ValueError as error:
        raise SaveError(f"{name}: is not a tabletop save (line {first.number} {error})") from None
    saved.version = header_version(name, header)
    if saved.version == 1:
        _load_legacy(saved, name, lines, header)
    else:
        _load_chained(saved, name, lines, len(data))
    return saved


__all__ = ["FORMAT", "MAX_SAVE_BYTES", "VERSION", "LoadedSave", "Note", "describe_action", "game_notes",
           "load_save"]
