"""The scripted students by name: the shortcuts (:mod:`.students`) and the taught lines (:mod:`.taught`)."""

from __future__ import annotations

from tabletop.engine.opponents.base import Strategy
from tabletop.engine.opponents.students import (
    AlwaysAccept,
    AlwaysPass,
    Deadline,
    FreeRider,
    RandomStudent,
    Ultimatum,
)
from tabletop.engine.opponents.taught import GritStudent, Logroll, Mirror

STUDENTS: dict[str, type[Strategy]] = {
    cls.name: cls for cls in (FreeRider, AlwaysAccept, AlwaysPass, Ultimatum, Deadline, Logroll, GritStudent,
                              Mirror, RandomStudent)
}
"""The scripted students, by name (they never sit across the table from a player)."""
