"""Where a scenario's facts come from: the [[sources]] table, the factual/hypothetical marks, and their checks.

A scenario about real events says, text by text, what is sourced fact and what
is invented. The reader here turns the TOML keys into :class:`Source` values and
``(sources, hypothetical)`` marks; :func:`check_provenance` is the rule that
``tabletop validate`` enforces: in a scenario that is not hypothetical as a
whole, every factual text (the setting and public brief, what really happened,
each side's public position, each irritant, each inject) names at least one
source, and a text marked hypothetical says so in the words the players read.

The rule is not part of parsing, so games saved before sources existed still
load and replay; only ``tabletop validate`` (and the library's tests) reject an
unsourced factual text.
"""

from __future__ import annotations

import re
from typing import Any

from tabletop.engine.model import Inject, Irritant, Scenario, Side, SideBrief, Source
from tabletop.engine.toml_reader import Problem, _kind, _Reader

SOURCE_KEYS = ("id", "outlet", "title", "date", "url", "note")
MARK_KEYS = ("sources", "hypothetical")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HYPOTHETICAL_WORD = "hypothetical"


def read_sources(r: _Reader, data: dict) -> list[Source]:
    """The [[sources]] table: each entry an outlet or official document, a title and a date."""
    out: list[Source] = []
    seen: set[str] = set()
    for n, item in enumerate(r.items(data, "", "sources", required=False)):
        key = f"sources[{n}]"
        t = r.table(item, key, SOURCE_KEYS)  # required keys are reported below, by the entry's id
        if not t:
            continue
        source_id = r.text(t, key, "id")
        if source_id:
            key = f"sources.{source_id}"
            if source_id in seen:
                r.fail(key, "is defined twice, expected each source id once")
            seen.add(source_id)
        date = r.text(t, key, "date")
        if date and not DATE.match(date):
            r.fail(f"{key}.date", f"is {date!r}, expected a date as YYYY-MM-DD (or YYYY-MM, or YYYY)")
        url = r.text(t, key, "url", "")
        if url and not url.startswith(("https://", "http://")):
            r.fail(f"{key}.url", f"is {url!r}, expected an address starting with https:// or http://")
        out.append(Source(id=source_id, outlet=r.text(t, key, "outlet"), title=r.text(t, key, "title"),
                          date=date, url=url, note=r.text(t, key, "note", "")))
    return out


def read_ids(r: _Reader, table: dict, key: str, name: str, known: set[str]) -> tuple[str, ...]:
    """A list of source ids (``sources = ["a", "b"]``), each naming a [[sources]] entry."""
    value = r.get(table, key, name, list, [])
    out = []
    for n, item in enumerate(value or []):
        if not isinstance(item, str):
            r.fail(f"{key}.{name}[{n}]", f"is {_kind(item)}, expected the id of a [[sources]] entry (text)")
        elif item not in known:
            r.fail(f"{key}.{name}[{n}]", f"names {item!r}, expected the id of a [[sources]] entry"
                   + (f": {', '.join(sorted(known))}" if known else " (the file has no [[sources]])"))
        else:
            out.append(item)
    return tuple(out)


def read_mark(r: _Reader, table: Any, key: str, known: set[str]) -> tuple[tuple[str, ...], bool]:
    """A text's mark: the sources it cites and whether it is hypothetical."""
    if not isinstance(table, dict):
        return (), False
    return read_ids(r, table, key, "sources", known), bool(r.get(table, key, "hypothetical", bool, False))


def _by_id(items: Any) -> dict[str, dict]:
    if not isinstance(items, list):
        return {}
    return {item["id"]: item for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def mark_parts(r: _Reader, data: dict, known: set[str], sides: dict[Side, SideBrief],
               irritants: list[Irritant], injects: list[Inject]) -> tuple[dict[Side, SideBrief], list[Irritant], list[Inject]]:
    """The sides, irritants and injects with their marks read from the raw tables (matched by id)."""
    import attrs

    sides_data = data.get("sides", {}) if isinstance(data.get("sides"), dict) else {}
    marked_sides = {}
    for side, brief in sides.items():
        ids, hypothetical = read_mark(r, sides_data.get(side.value, {}), f"sides.{side.value}", known)
        marked_sides[side] = attrs.evolve(brief, sources=ids, hypothetical=hypothetical)
    raw_irritants = _by_id(data.get("irritants"))
    marked_irritants = []
    for irritant in irritants:
        ids, hypothetical = read_mark(r, raw_irritants.get(irritant.id, {}), f"irritants.{irritant.id}", known)
        marked_irritants.append(attrs.evolve(irritant, sources=ids, hypothetical=hypothetical))
    raw_injects = _by_id(data.get("injects"))
    marked_injects = []
    for inject in injects:
        ids, hypothetical = read_mark(r, raw_injects.get(inject.id, {}), f"injects.{inject.id}", known)
        marked_injects.append(attrs.evolve(inject, sources=ids, hypothetical=hypothetical))
    return marked_sides, marked_irritants, marked_injects


def factual_texts(scenario: Scenario) -> list[tuple[str, str, tuple[str, ...], bool]]:
    """Every text the format marks, as (key path, what the players read, sources, hypothetical)."""
    s = scenario
    out = [("scenario.sources", s.setting + "\n" + s.public_brief, s.story_sources, s.hypothetical)]
    if s.aftermath.strip():
        out.append(("scenario.aftermath_sources", s.aftermath, s.aftermath_sources, False))
    for side in (Side.WASHINGTON, Side.MOSCOW):
        brief = s.sides[side]
        out.append((f"sides.{side.value}", brief.public, brief.sources, brief.hypothetical))
    out += [(f"irritants.{i.id}", i.description, i.sources, i.hypothetical) for i in s.irritants]
    out += [(f"injects.{i.id}", i.title + " " + i.text, i.sources, i.hypothetical) for i in s.injects]
    return out


def check_provenance(scenario: Scenario) -> list[Problem]:
    """Factual texts without a source, and hypothetical texts that do not say so, one problem each.

    A scenario marked ``hypothetical = true`` as a whole is invented: its texts
    need no sources (it may still cite the real precedents it is modelled on).
    """
    out: list[Problem] = []
    for key, text, sources, hypothetical in factual_texts(scenario):
        if key.startswith("scenario."):
            if scenario.hypothetical or sources:
                continue
            what = "the setting and public brief" if key == "scenario.sources" else "what really happened (aftermath)"
            out.append(Problem(key, f"is missing for {what}, a factual text, expected "
                                    f"{key.split('.')[1]} = [\"id\", ...] naming [[sources]] entries "
                                    "(or hypothetical = true in [scenario] for an invented scenario)"))
        elif hypothetical:
            if HYPOTHETICAL_WORD not in text.lower():
                out.append(Problem(key, "is marked hypothetical = true but its text does not say so, "
                                        "expected the word 'hypothetical' in what the players read"))
        elif not sources and not scenario.hypothetical:
            out.append(Problem(key, "is a factual text without a source, expected sources = [\"id\", ...] "
                                    "naming [[sources]] entries, or hypothetical = true"))
    return out
