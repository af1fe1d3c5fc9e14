"""The largest scenario the game accepts, declared once and checked by ``tabletop validate``.

Within these limits every analysis of a scenario that validates finishes in
bounded time and memory (the Pareto frontier of a board of ``MAX_IRRITANTS``
irritants with ``MAX_RUNGS`` rungs each takes well under a few seconds; the
largest shipped scenario has 9 irritants of 5 rungs), and every game ends
within :func:`max_actions` actions. The authoring guide (``scenarios/README.md``)
lists the same numbers. The shipped scenarios use a fraction of each.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tabletop.engine.model import Scenario

MAX_IRRITANTS = 20
MAX_RUNGS = 10
"""Rungs on one irritant's ladder."""
MAX_INJECTS = 60
MAX_AUDIENCES = 6
MAX_REACTIONS = 20
"""Reactions of one audience."""
MAX_OUTCOMES = 20
MAX_OBJECTIVES = 12
MAX_QUESTIONS = 20
MAX_SOURCES = 100
MAX_TEXT = 4000
"""Characters in any one text (a brief, an inject's text)."""
MAX_NAME = 120
"""Characters in a name the game quotes in its log lines and reasons: a side's, an irritant's, a rung's, an
audience's, an outcome tier's, an inject's title and its answers' labels (so that a package of every irritant,
or a news line, stays one readable line a network seat accepts)."""

UNSEEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
"""Characters no text of the game may hold, as a regular expression's character class: C0 controls but tab and
newline, DEL, C1 controls; the line and paragraph separators; the invisible characters that reorder or hide text
(bidirectional overrides and isolates, zero-width marks). A terminal would act on them, a network seat refuses
them, and ``tabletop.text`` shows them escaped."""
_UNSEEN = re.compile(f"[{UNSEEN}]")

MAX_ID = 40
"""Characters in an id (an irritant's, an inject's, an audience's, an outcome tier's, an objective's, a source's):
actions name irritants and injects by id, so a move a network seat sends stays small (see net/protocol.py)."""
IDS = ("irritants", "injects", "audiences", "outcomes", "objectives", "sources")
"""The arrays of tables whose ``id`` :data:`MAX_ID` holds."""

NAMES: tuple[tuple[str, str], ...] = (
    ("sides", "name"),
    ("irritants", "name"),
    ("irritants", "rungs"),
    ("audiences", "name"),
    ("outcomes", "name"),
    ("injects", "title"),
    ("injects", "respond_label"),
    ("injects", "absorb_label"),
)
"""Where names are: a table of tables (``sides``) or an array of tables, and the key holding a name (or an
array of names)."""

COUNTS: tuple[tuple[str, int, str], ...] = (
    ("irritants", MAX_IRRITANTS, "irritants"),
    ("injects", MAX_INJECTS, "injects"),
    ("audiences", MAX_AUDIENCES, "audiences"),
    ("outcomes", MAX_OUTCOMES, "outcome tiers"),
    ("objectives", MAX_OBJECTIVES, "objectives"),
    ("sources", MAX_SOURCES, "sources"),
)


def limit_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """``(key, message)`` for every part of parsed scenario data past a limit (empty when within)."""
    found: list[tuple[str, str]] = []
    for key, limit, what in COUNTS:
        items = data.get(key)
        if isinstance(items, list) and len(items) > limit:
            found.append((key, f"has {len(items)} {what}, expected at most {limit}"))
    for n, irritant in enumerate(_tables(data.get("irritants"))):
        rungs = irritant.get("rungs")
        if isinstance(rungs, list) and len(rungs) > MAX_RUNGS:
            found.append((f"irritants[{n}].rungs", f"has {len(rungs)} rungs, expected at most {MAX_RUNGS}"))
    for n, audience in enumerate(_tables(data.get("audiences"))):
        reactions = audience.get("reactions")
        if isinstance(reactions, list) and len(reactions) > MAX_REACTIONS:
            found.append((f"audiences[{n}].reactions",
                          f"has {len(reactions)} reactions, expected at most {MAX_REACTIONS}"))
    debrief = data.get("debrief")
    questions = debrief.get("questions") if isinstance(debrief, dict) else None
    if isinstance(questions, list) and len(questions) > MAX_QUESTIONS:
        found.append(("debrief.questions", f"has {len(questions)} questions, expected at most {MAX_QUESTIONS}"))
    texts = _texts(data, "")
    for key, text in texts:
        if len(text) > MAX_TEXT:
            found.append((key, f"is {len(text)} characters long, expected at most {MAX_TEXT}"))
    for key, text in texts:
        bad = _UNSEEN.search(text)
        if bad:
            found.append((key, f"holds an invisible or control character (U+{ord(bad.group()):04X}) at character "
                               f"{bad.start() + 1}, expected text that shows as typed (newlines and tabs are fine)"))
    for table in IDS:
        for n, item in enumerate(_tables(data.get(table))):
            ident = item.get("id")
            if isinstance(ident, str) and len(ident) > MAX_ID:
                found.append((f"{table}[{n}].id", f"is {len(ident)} characters long, expected at most {MAX_ID} for an id"))
    long = {key for key, _ in found}
    for key, name in _long_names(data):
        if key not in long:
            found.append((key, f"is {len(name)} characters long, expected at most {MAX_NAME} for a name"))
    return found


def _long_names(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every name (see :data:`NAMES`) longer than :data:`MAX_NAME`, with its key path."""
    found: list[tuple[str, str]] = []
    for table, field in NAMES:
        items = data.get(table)
        if isinstance(items, dict):
            places = [(f"{table}.{k}", v) for k, v in items.items() if isinstance(v, dict)]
        else:
            places = [(f"{table}[{n}]", v) for n, v in enumerate(items) if isinstance(v, dict)] \
                if isinstance(items, list) else []
        for where, item in places:
            value = item.get(field)
            if isinstance(value, str) and len(value) > MAX_NAME:
                found.append((f"{where}.{field}", value))
            elif isinstance(value, list):
                found += [(f"{where}.{field}[{n}]", v) for n, v in enumerate(value)
                          if isinstance(v, str) and len(v) > MAX_NAME]
    return found


def max_actions(scenario: Scenario) -> int:
    """More actions than any game of ``scenario`` can take: every round's postures, answers to its
    injects, exchanges of packages, gestures and the closing moves, with room to spare."""
    per_round = 20 + 8 * scenario.rules.exchange_limit
    return 100 + scenario.rounds * per_round + 4 * len(scenario.injects)


def _tables(items: Any) -> list[dict[str, Any]]:
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _texts(value: Any, key: str) -> list[tuple[str, str]]:
    """Every text in ``value``, with its key path."""
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, dict):
        return [found for name, item in value.items() for found in _texts(item, f"{key}.{name}" if key else str(name))]
    if isinstance(value, list):
        return [found for n, item in enumerate(value) for found in _texts(item, f"{key}[{n}]")]
    return []

