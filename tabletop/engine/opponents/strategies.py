"""The computer opponents, by name. Each docstring is the paragraph the help screen shows.

Shared conduct lives in :mod:`base`; the opponents come in three families:
reciprocal (tit-for-tat, GRIT), time-dependent (hardliner, conceder,
aspiration) and adaptive (opportunist, learner).
"""

from __future__ import annotations

from tabletop.engine.opponents.adaptive import Learner, Opportunist
from tabletop.engine.opponents.base import Strategy
from tabletop.engine.opponents.reciprocal import Grit, TitForTat
from tabletop.engine.opponents.timed import Aspiration, Conceder, Hardliner

STRATEGIES: dict[str, type[Strategy]] = {
    cls.name: cls for cls in (TitForTat, Grit, Hardliner, Conceder, Opportunist, Aspiration, Learner)
}

__all__ = ["STRATEGIES", "Aspiration", "Conceder", "Grit", "Hardliner", "Learner", "Opportunist", "Strategy",
           "TitForTat"]
