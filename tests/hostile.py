"""Hostile scenarios: mutate the shipped scenario files many ways and count what the commands make of them.

Every case is written to a file and given to ``tabletop validate``; a case that validates is then
played (``simulate --save``) and analysed (``report`` on the save: frontier, Nash point, debrief). A
good result is either "ok" or one line per problem that starts with the file's path, is at most 300
characters and carries no control character; never a traceback or a hang. Used by
``tests/test_scenarios_hostile.py`` (a few hundred cases in CI) and ``benchmarks/hostile_scenarios.py``
(more, with the figures the README quotes).
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import signal
import time
from collections.abc import Callable
from pathlib import Path

import attrs
from damage import _alarm, _Hang  # the same hang alarm as the damaged-save generator

from tabletop.cli.main import main
from tabletop.engine.limits import MAX_INJECTS, MAX_IRRITANTS, MAX_TEXT
from tabletop.scenarios.library import shipped

HANG_SECONDS = 30
MAX_LINE = 300
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

HOSTILE_VALUES = (
    '""', "-1", "0", "99999999999999999999999", "1e308", "nan", "inf", "-inf", "[]", "{}", "true",
    '"six"', '"' + "x" * (MAX_TEXT + 10) + '"', '"\\u001b]0;owned\\u0007"', '"\\u001b[2J"',
    '"[bold red]x[/] [@click=app.quit]Q[/]"', '"a\\nb\\rc"', '"<script>alert(1)</script> | pipe"',
    '{ washington = "x" }', '[1, "two", { three = 3 }]', "1979-05-27T07:32:00Z", '"washington"',
    '"\\u202etext"', '"' + "[" * 50 + '"',
)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def delete_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    del lines[rng.randrange(len(lines))]
    return "".join(lines)


def hostile_value(rng: random.Random, text: str) -> str:
    """One ``key = value`` line's value replaced by a hostile one (wrong type, huge, escapes, markup)."""
    lines = _lines(text)
    candidates = [n for n, line in enumerate(lines) if re.match(r"\s*[A-Za-z_][\w-]*\s*=\s*\S", line)]
    n = rng.choice(candidates)
    key = lines[n].split("=", 1)[0]
    lines[n] = f"{key}= {rng.choice(HOSTILE_VALUES)}\n"
    return "".join(lines)


def repeat_table(rng: random.Random, text: str) -> str:
    """One ``[[array]]`` block repeated past the limits (or just a few times): duplicate ids, huge counts."""
    blocks = [m for m in re.finditer(r"(?ms)^\[\[(irritants|injects|audiences|outcomes|objectives)\]\].*?(?=^\[)", text)]
    block = rng.choice(blocks)
    times = rng.choice((2, 3, MAX_IRRITANTS + 1, MAX_INJECTS + 1, 400))
    copies = block.group(0)
    if rng.random() < 0.5:  # distinct ids, so that only the count is wrong
        copies = "".join(re.sub(r'(?m)^id = "([^"]+)"', lambda m, k=k: f'id = "{m.group(1)}-{k}"', copies)
                         for k in range(times))
    else:
        copies = copies * times
    return text[:block.end()] + copies + text[block.end():]


def truncate(rng: random.Random, text: str) -> str:
    return text[:rng.randrange(len(text))]


def flip_byte(rng: random.Random, text: str) -> str:
    data = bytearray(text.encode())
    data[rng.randrange(len(data))] = rng.randrange(256)
    return data.decode("utf-8", errors="replace")


def swap_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return "".join(lines)


def strip_quotes(rng: random.Random, text: str) -> str:
    """A string value left bare or half quoted."""
    spots = [m.start() for m in re.finditer('"', text)]
    at = rng.choice(spots)
    return text[:at] + text[at + 1:]


MUTATIONS: dict[str, Callable[[random.Random, str], str]] = {
    "delete a line": delete_line,
    "hostile value": hostile_value,
    "repeat a table": repeat_table,
    "truncate": truncate,
    "flip a byte": flip_byte,
    "swap two lines": swap_lines,
    "strip a quote": strip_quotes,
}


@attrs.define
class Figures:
    cases: int = 0
    refused: int = 0
    valid: int = 0
    played: int = 0
    tracebacks: int = 0
    hangs: int = 0
    bad_messages: int = 0
    slowest: float = 0.0
    failures: list[str] = attrs.Factory(list)

    @property
    def bad(self) -> int:
        return self.tracebacks + self.hangs + self.bad_messages

    def lines(self) -> list[str]:
        return [f"cases tried: {self.cases}", f"refused with one-line messages: {self.refused}",
                f"validated: {self.valid}", f"validated, played to the end and reported: {self.played}",
                f"tracebacks: {self.tracebacks}", f"hangs (over {HANG_SECONDS} s): {self.hangs}",
                f"messages not one clean line naming the file: {self.bad_messages}",
                f"slowest case: {self.slowest:.2f} s"]


def _command(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue() + out.getvalue()


def message_problem(output: str, path: Path) -> str | None:
    """What is wrong with a refusal's output, if anything."""
    lines = [line for line in output.splitlines() if line.strip()]
    if not lines:
        return "refused without a word"
    for line in lines:
        if not line.startswith(str(path)):
            return f"does not start with the file's path: {line[:120]!r}"
        if len(line) > MAX_LINE:
            return f"a line of {len(line)} characters"
        if CONTROL.search(line):
            return f"a control character in {line[:120]!r}"
    return None


def judge(figures: Figures, label: str, text: str, folder: Path) -> None:
    figures.cases += 1
    path = folder / "hostile.toml"
    save = folder / "hostile.jsonl"
    path.write_text(text, encoding="utf-8")
    save.unlink(missing_ok=True)
    start = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_SECONDS)
    try:
        code, output = _command(["validate", str(path)])
        if code != 0:
            figures.refused += 1
            problem = message_problem(output, path)
            if problem:
                figures.bad_messages += 1
                figures.failures.append(f"{label}: validate {problem}")
            return
        figures.valid += 1
        code, output = _command(["simulate", str(path), "--washington", "learner", "--moscow", "grit",
                                 "--seed", "3", "--save", str(save)])
        if code != 0:
            figures.bad_messages += 1
            figures.failures.append(f"{label}: validates but simulate says {output.strip()[:200]!r}")
            return
        code, output = _command(["report", str(save)])
        if code != 0:
            figures.bad_messages += 1
            figures.failures.append(f"{label}: validates but report says {output.strip()[:200]!r}")
            return
        figures.played += 1
    except _Hang:
        figures.hangs += 1
        figures.failures.append(f"{label}: hang")
    except Exception as error:  # noqa: BLE001 - counting tracebacks is the point
        figures.tracebacks += 1
        figures.failures.append(f"{label}: traceback {type(error).__name__}: {str(error)[:200]}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        figures.slowest = max(figures.slowest, time.perf_counter() - start)


def run(cases_per_kind: int, folder: Path, seed: int = 1) -> Figures:
    """Mutate every shipped scenario ``cases_per_kind`` times with every mutation and judge each case."""
    rng = random.Random(seed)
    figures = Figures()
    for item in shipped():
        original = item.path.read_text(encoding="utf-8")
        for kind, mutate in MUTATIONS.items():
            for n in range(cases_per_kind):
                judge(figures, f"{item.path.name} / {kind} #{n}", mutate(rng, original), folder)
    return figures
