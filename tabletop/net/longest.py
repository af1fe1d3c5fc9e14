"""The longest log line an honest host can send, derived from the engine's own limits.

A seat refuses a log line past :data:`LOG_TEXT_LIMIT` (``mirror.event_from``), so the limit must hold every
line the engine writes for a scenario that validates (``engine.limits``: at most ``MAX_IRRITANTS`` irritants,
names of at most ``MAX_NAME`` characters, texts of at most ``MAX_TEXT``) and for what a facilitator may send
through the host (``facilitator.check_free_text``: a free-text inject's title and text of at most
``MAX_TEXT``, its effects within a scenario inject's ranges, ``facilitator.EFFECT_RANGES``). Two kinds of line grow with those limits; every other
line quotes a few names or one text:

* a set of equal packages (``engine.process.propose_meso``, a MESO): ``MESO_MAX`` packages, each of every
  irritant (``Washington moves NAME to “RUNG”``) with every pair of them linked (``NAME ↔ NAME``), and the
  two sides' names. A single package (proposed, countered, accepted, picked, implemented) is a part of it.
* a news line (``engine.injects``): ``NEWS: TITLE. TEXT (EFFECTS)``, the effects naming every irritant
  (``NAME +20 rungs``) and both sides' outside options.

Each is counted from its parts, plus :data:`WORDING` characters for the fixed words and numbers around them.
"""

from __future__ import annotations

from math import comb

from tabletop.engine.limits import MAX_IRRITANTS, MAX_NAME, MAX_TEXT
from tabletop.engine.process import MESO_MAX
from tabletop.engine.vocabulary import Mover

WORDING = 200
"""Characters allowed for a line's own words and numbers (its longest, the MESO's, has about 110)."""

MOVER_WORDS = max(len("both move"), *(len(f"{mover.value.capitalize()} moves") for mover in Mover))
"""The longest ``who moves`` of a concession (``engine.effects.describe_concession``)."""

CONCESSION = MOVER_WORDS + len(" ") + MAX_NAME + len(" to \u201c\u201d") + MAX_NAME + len("; ")
"""One concession of a package, an irritant's name and a rung's, with the separator after it."""

LINK = MAX_NAME + len(" \u2194 ") + MAX_NAME + len(", ")
"""One link of a package (``A ↔ B``), with the separator after it."""

PACKAGE = MAX_IRRITANTS * CONCESSION + len(" (linked: )") + comb(MAX_IRRITANTS, 2) * LINK
"""A package of every irritant with every pair linked (``engine.effects.describe_offer``)."""

MESO_LINE = 2 * MAX_NAME + MESO_MAX * (len("(3) ; ") + PACKAGE) + WORDING
"""A MESO of ``MESO_MAX`` such packages, between two sides named at the limit."""

EFFECT = MAX_NAME + len(" -20 rungs, ")
"""The widest effect a news line names: an irritant's rungs (a scenario's and the host's range: -20 to 20)."""

NEWS_LINE = len("NEWS: . ()") + 2 * MAX_TEXT + MAX_IRRITANTS * EFFECT \
    + 2 * (MAX_NAME + len("'s outside option looks firmer, ")) + WORDING
"""A free-text inject's title and text at the limit, its effects moving every irritant and both outside options
(a scenario's inject has a shorter title: a name)."""

LOG_TEXT_LIMIT = max(MESO_LINE, NEWS_LINE)
"""The longest log line a seat takes, in characters (today 156,041: the MESO line)."""


__all__ = ["LOG_TEXT_LIMIT", "MESO_LINE", "NEWS_LINE", "PACKAGE", "WORDING"]
