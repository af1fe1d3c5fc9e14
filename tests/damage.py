"""A damaged-save generator: real saves, mutated many ways, and what reading each one must give.

Used by ``tests/test_saves_damage.py`` (a few hundred cases in CI) and by
``benchmarks/save_damage.py`` (as many as you like, with the figures the README quotes).

Every case must end one of these ways, never another:

- **detected at the right line**: loading, the signature check or the replay refuses the save (or
  loads it with a warning) naming the first line whose bytes differ from the original;
- **loads identically**: the same game, notes, header and signature status as the original (a
  change that does not change the save's meaning, such as a lost final newline);
- **a clean prefix**: whole lines removed from the end (a cut at a line boundary). Nothing can
  tell that from a game saved up to that moment, so it is counted apart, and it must load as
  exactly the original's first lines.

Anything else is a failure: a traceback, a hang, an undetected change, or a wrong line.
"""

from __future__ import annotations

import json
import random
import re
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from tabletop.saves.chain import GENESIS, seal
from tabletop.saves.signing import ClassSecret, SaveKey
from tabletop.saves.writer import LoadedSave, Note, SaveError, load_save, write_game

if TYPE_CHECKING:
    from tabletop.engine.game import Game

PASSPHRASE = "correct horse battery staple"
HANG_SECONDS = 20


def classroom_game() -> Game:
    """A classroom game of istanbul-2025-04 under today's rules: two human seats (played here by computer
    opponents move by move), a round timer, a pause, a custom inject and a note with brackets."""
    from tabletop.engine.actions import CustomInject, Pause, Resume, SetTimer
    from tabletop.engine.actions import Note as NoteAction
    from tabletop.engine.effects import Effects
    from tabletop.engine.game import Game
    from tabletop.engine.model import SIDES, Side
    from tabletop.engine.opponents import make_opponent
    from tabletop.scenarios.library import resolve

    game = Game(resolve("istanbul-2025-04"), 99, {side: "human" for side in SIDES})
    players = {Side.WASHINGTON: make_opponent("tit-for-tat", Side.WASHINGTON, 99),
               Side.MOSCOW: make_opponent("conceder", Side.MOSCOW, 99)}
    game.apply(SetTimer(seconds=120))
    game.apply(NoteAction(text="opening note [with brackets]"))
    moves = 0
    while not game.is_over and moves < 400:
        if moves == 4:
            game.apply(Pause())
            game.apply(Resume())
        if moves == 9:
            game.apply(CustomInject(title="Leak", text="A memo leaks.",
                                    effects=Effects(trust=-3, tension=1, standing={Side.MOSCOW: -2})))
        side = game.awaiting()[0]
        game.apply(players[side].decide(game))
        moves += 1
    return game


def real_saves(folder: Path) -> dict[str, bytes]:
    """Three real saves in today's format: a computer game, and a classroom game (custom inject, pause,
    timer, notes) unsigned and signed with :data:`PASSPHRASE`."""
    from tabletop.engine.autoplay import simulate
    from tabletop.scenarios.library import resolve

    folder.mkdir(parents=True, exist_ok=True)
    computer = simulate(resolve("tutorial"), "grit", "tit-for-tat", 3)
    write_game(computer, folder / "computer.jsonl")
    game = classroom_game()
    notes = [Note(0, 1, "Before the start: watch the banking talks."), Note(9, 2, "Moscow hesitates.", None)]
    write_game(game, folder / "classroom.jsonl", notes=notes)
    write_game(game, folder / "signed.jsonl", notes=notes, key=SaveKey.from_passphrase(PASSPHRASE))
    return {name: (folder / f"{name}.jsonl").read_bytes() for name in ("computer", "classroom", "signed")}


# -- mutations ---------------------------------------------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def flip(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]


def insert(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 4))) + data[i:]


def delete(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 8):]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, len(data))]


def append(rng: random.Random, data: bytes) -> bytes:
    junk = rng.choice([b"\n", b"garbage", b'{"kind":"note"', b"\x00\x01", b"x\ny\n", b'{"a":1}\n'])
    return data + junk


def line_ops(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(1, len(lines))
    how = rng.choice(["drop", "duplicate", "swap", "blank"])
    if how == "drop":
        del lines[i]
    elif how == "duplicate":
        lines.insert(i, lines[i])
    elif how == "swap":
        j = rng.randrange(1, len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines.insert(i, b"\n")
    return b"".join(lines)


def _leaves(value: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("chain", "sig"):
                yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path


def _changed(rng: random.Random, value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + rng.choice([-1, 1, 5])
    if isinstance(value, float):
        return value + 0.5
    if isinstance(value, str):
        return value + rng.choice(["x", " ", "\x1b]0;pwned\x07", "|"]) if value else "x"
    return 0


def _set(record: Any, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        record = record[key]
    record[path[-1]] = value


def _reseal(lines: list[bytes], start: int, record: dict[str, Any], keep_sigs: bool) -> list[bytes]:
    """Lines from ``start`` sealed again after ``record`` replaced line ``start``: what an editor without the
    class key can do (the signatures they cannot recompute are kept as they were, or dropped)."""
    previous = GENESIS if start == 0 else json.loads(lines[start - 1])["chain"]
    out = list(lines)
    for index in range(start, len(lines)):
        current = record if index == start else json.loads(lines[index])
        sig = current.pop("sig", None)
        current.pop("chain", None)
        line, previous = seal(current, previous)
        if keep_sigs and sig is not None:
            line = line[:-2] + f',"sig":"{sig}"}}\n'.encode()
        out[index] = line
    return out


def json_edit(rng: random.Random, data: bytes, where: str = "any", rechain: bool = False) -> bytes:
    """Change one JSON value of one line (the header's scenario, its seats, a note, any line), keeping the
    line valid JSON; with ``rechain``, recompute the chain from there (as a deliberate editor would)."""
    lines = _lines(data)
    if where == "scenario":
        index, record = 0, json.loads(lines[0])
        text = record["scenario"]
        numbers = [m.span() for m in re.finditer(r"\b\d+(\.\d+)?\b", text)]
        a, b = rng.choice(numbers)
        record["scenario"] = text[:a] + str(int(float(text[a:b])) + rng.choice([1, 5])) + text[b:]
    elif where == "seats":
        index, record = 0, json.loads(lines[0])
        side = rng.choice(["washington", "moscow"])
        record["seats"][side] = rng.choice(["human", "grit", "hardliner", "tit-for-tat"])
        if not rechain and record["seats"][side] == json.loads(lines[0])["seats"][side]:
            record["seats"][side] = "hardliner" if record["seats"][side] != "hardliner" else "grit"
    else:
        if where == "note":
            choices = [i for i, line in enumerate(lines) if b'"kind":"note"' in line] or list(range(len(lines)))
        else:
            choices = list(range(len(lines)))
        index = rng.choice(choices)
        record = json.loads(lines[index])
        path = rng.choice(list(_leaves(record)))
        old = record
        for key in path:
            old = old[key]
        _set(record, path, _changed(rng, old))
    if rechain:
        return b"".join(_reseal(lines, index, record, keep_sigs=rng.random() < 0.8))
    sig = record.pop("sig", None)
    chain = record.pop("chain")
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))[:-1] + f',"chain":"{chain}"'
    line += (f',"sig":"{sig}"' if sig else "") + "}\n"
    lines[index] = line.encode("utf-8")
    return b"".join(lines)


def strip_signing(rng: random.Random, data: bytes) -> bytes:
    """Remove the signature altogether and rechain: the save then says "unsigned"."""
    lines = _lines(data)
    header = json.loads(lines[0])
    header.pop("signing", None)
    resealed = _reseal(lines, 0, header, keep_sigs=False)
    return b"".join(resealed)


MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip a bit": flip, "insert bytes": insert, "delete bytes": delete, "truncate": truncate,
    "append bytes": append, "move, copy or drop a line": line_ops,
    "edit a JSON value": json_edit,
    "edit the embedded scenario": lambda rng, data: json_edit(rng, data, "scenario"),
    "edit the seats": lambda rng, data: json_edit(rng, data, "seats"),
    "edit a note": lambda rng, data: json_edit(rng, data, "note"),
}
SIGNED_ONLY: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "edit a value and recompute the chain": lambda rng, data: json_edit(rng, data, "any", rechain=True),
    "edit the scenario and recompute the chain": lambda rng, data: json_edit(rng, data, "scenario", rechain=True),
    "edit a note and recompute the chain": lambda rng, data: json_edit(rng, data, "note", rechain=True),
    "remove the signature": strip_signing,
}


# -- judging one case --------------------------------------------------------------------------


@attrs.define
class Figures:
    cases: int = 0
    detected: int = 0
    identical: int = 0
    prefixes: int = 0
    tracebacks: int = 0
    hangs: int = 0
    undetected: int = 0
    wrong_lines: int = 0
    slowest: float = 0.0
    failures: list[str] = attrs.Factory(list)

    @property
    def bad(self) -> int:
        return self.tracebacks + self.hangs + self.undetected + self.wrong_lines

    def lines(self) -> list[str]:
        return [f"cases tried: {self.cases}", f"detected at the right line: {self.detected}",
                f"loaded identically: {self.identical}",
                f"clean prefixes (whole lines cut from the end; load as the game up to there): {self.prefixes}",
                f"tracebacks: {self.tracebacks}", f"hangs (over {HANG_SECONDS} s): {self.hangs}",
                f"undetected changes: {self.undetected}", f"wrong lines: {self.wrong_lines}",
                f"slowest case: {self.slowest:.2f} s"]


def _pieces(data: bytes) -> list[bytes]:
    """The lines of ``data``, each with its newline (the last one without, if it has none)."""
    return re.findall(rb"[^\n]*\n|[^\n]+\Z", data)


def first_changed_line(original: bytes, damaged: bytes) -> int | None:
    """The number of the first line of ``damaged`` that differs from the original's (None: a clean prefix)."""
    if original.startswith(damaged) and original[len(damaged):len(damaged) + 1] == b"\n":
        return None  # cut at the end of a line (only its newline lost): a prefix too
    a, b = _pieces(original), _pieces(damaged)
    for number, line in enumerate(b, 1):
        if number > len(a) or a[number - 1] != line:
            return number
    return None


def _meaning(loaded: LoadedSave, secret: ClassSecret) -> tuple:
    return (loaded.header, [a.to_dict() for a in loaded.actions], loaded.fingerprints, loaded.rounds,
            [attrs.astuple(n) for n in loaded.notes], loaded.signature(secret).status)


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hang


def read_like_a_reader(path: Path, secret: ClassSecret) -> tuple[LoadedSave, str | None]:
    """What ``replay --verify`` does: load, check the signature, replay. Returns the save and a message that
    names a problem (an error or a warning), if any; lets every other exception through."""
    loaded = load_save(path)
    check = loaded.signature(secret)
    if check.failed:
        return loaded, f"{loaded.name}: {check.text}"
    loaded.replay(verify=True)
    return loaded, loaded.warning


def judge(figures: Figures, label: str, original: bytes, damaged: bytes, path: Path,
          reference: tuple, secret: ClassSecret, signed: bool) -> None:
    """Load ``damaged`` like a reader would and count the outcome in ``figures``."""
    figures.cases += 1
    path.write_bytes(damaged)
    expected = first_changed_line(original, damaged)
    start = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_SECONDS)
    try:
        loaded, problem = read_like_a_reader(path, secret)
    except SaveError as error:
        loaded, problem = None, str(error)
    except _Hang:
        figures.hangs += 1
        figures.failures.append(f"{label}: hang")
        return
    except Exception as error:  # noqa: BLE001 - counting tracebacks is the point
        figures.tracebacks += 1
        figures.failures.append(f"{label}: traceback {type(error).__name__}: {error}")
        return
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        figures.slowest = max(figures.slowest, time.perf_counter() - start)
    if problem is None and loaded is not None:
        meaning = _meaning(loaded, secret)
        if meaning == reference:
            figures.identical += 1
        elif expected is None and _is_prefix(meaning, reference):
            figures.prefixes += 1
        elif signed and loaded.signature(secret).status != "signed":
            figures.detected += 1  # a signed save that no longer says "signed by this class"
        else:
            figures.undetected += 1
            figures.failures.append(f"{label}: undetected (first changed line {expected})")
        return
    assert problem is not None
    said = re.search(r"\bline (\d+)", problem)
    if expected is None or (said is not None and int(said.group(1)) == expected):
        figures.detected += 1
    else:
        figures.wrong_lines += 1
        figures.failures.append(f"{label}: expected line {expected}: {problem}")


def _is_prefix(meaning: tuple, reference: tuple) -> bool:
    header, actions, fingerprints, rounds, notes, status = meaning
    return (header == reference[0] and actions == reference[1][: len(actions)]
            and fingerprints == reference[2][: len(fingerprints)] and rounds == reference[3][: len(rounds)]
            and notes == reference[4][: len(notes)] and status == reference[5])


def run(cases_per_kind: int, folder: Path, seed: int = 1) -> Figures:
    """Mutate each real save ``cases_per_kind`` times with every mutation (and the signed one with the
    deliberate edits too); judge every case."""
    rng = random.Random(seed)
    originals = real_saves(folder / "originals")
    secret = ClassSecret(PASSPHRASE)
    figures = Figures()
    target = folder / "damaged.jsonl"
    for name, original in originals.items():
        source = folder / "originals" / f"{name}.jsonl"
        reference = _meaning(load_save(source), secret)
        kinds = dict(MUTATIONS, **(SIGNED_ONLY if name == "signed" else {}))
        for kind, mutate in kinds.items():
            for n in range(cases_per_kind):
                damaged = mutate(rng, original)
                judge(figures, f"{name} / {kind} #{n}", original, damaged, target, reference, secret,
                      signed=name == "signed")
    return figures
