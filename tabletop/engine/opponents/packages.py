"""Building packages good for both sides (logrolling), from one's own numbers and the opponent model.

Scores add up over irritants and each rung of an irritant is worth the same,
so every rung step a package could contain is a pair (my change, their guessed
change). The packages that are efficient by those numbers form a chain: weigh
my points by ``w`` and theirs by ``1 - w`` and keep every step with a positive
weighted sum; as ``w`` goes from 0 to 1 the package runs from the most
generous (every give they value, nothing asked) to the greediest (every ask,
nothing given). An opponent takes the package on the chain that is best for the
other side while still reaching its own target score: it gives what it values
little for what it values most. A package the other side turned down is never
put to it again unchanged; a close variant (one step more or less) may be. The
steps come from :mod:`tabletop.engine.opponents.ladders`, the shapes and their values from
:mod:`tabletop.engine.opponents.chooser`.
"""

from __future__ import annotations

from tabletop.engine.opponents.chooser import Chooser, Shape
from tabletop.engine.opponents.evidence import Key
from tabletop.engine.opponents.ladders import MyRungs, Terms
from tabletop.engine.opponents.model import OpponentModel
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.state import Concession, Offer


def choose(view: PlayerView, mine: MyRungs, model: OpponentModel, terms: Terms, target: float,
           avoid: set[Key] | frozenset[Key] = frozenset()) -> Offer | None:
    """The package best for the other side (by my guess) that reaches ``target`` for me.

    ``avoid``: packages not to put forward (turned down before, or the one on the table).
    When every package on the chain that reaches the target is to be avoided, a variant one
    rung step away may serve; failing that, the best for them among the new packages at most
    ``terms.slack`` below the target (or below the greediest, when the target is out of
    reach), if it clears my alternative by ``terms.min_gain``; otherwise None.
    """
    found = search_packages(view, mine, model, terms, target, avoid)
    return found[0].offer(found[1].chosen[2]) if found is not None else None


def search_packages(view: PlayerView, mine: MyRungs, model: OpponentModel, terms: Terms, target: float,
            avoid: set[Key] | frozenset[Key]) -> tuple[Chooser, Search] | None:
    """:func:`choose`'s search, kept for a set of equal packages to be found around the one it chose."""
    chooser = Chooser(view, mine, model, terms)
    if not chooser:
        return None
    rungs = view.rungs
    banned = {shape for shape in (chooser.shape_of(key, rungs) for key in avoid) if shape is not None}
    score_now = view.score_now
    need = max(terms.min_gain, target - score_now)
    valued = chooser.valued
    greediest = max(gain for gain, _ in valued.values())
    floor = max(terms.min_gain, view.alternative + terms.min_gain - score_now, min(need, greediest) - terms.slack)
    search = Search(chooser, need, floor, banned, terms.demand_only)
    consider = search.consider
    for shape, (gain, theirs) in valued.items():
        if gain >= floor:  # (consider() passes over the rest)
            consider(shape, gain, theirs)
    if search.best is None:
        reach = floor - max(abs(points) for points in chooser.steps_mine())
        for shape, (gain, theirs) in valued.items():
            if gain >= reach:  # a variant of a package further below cannot reach the floor
                search.variants_of(shape, gain, theirs)
    if search.best is None and search.fallback is None:
        return None
    return chooser, search


class Search:
    """The running choice: the best package for them reaching ``need``, and the best within the floor."""

    def __init__(self, chooser: Chooser, need: float, floor: float, banned: set[Shape], demand_only: bool) -> None:
        self.chooser = chooser
        self.need = need
        self.floor = floor
        self.banned = banned
        self.demand_only = demand_only
        self.best: tuple[float, float, Shape] | None = None
        self.fallback: tuple[float, float, Shape] | None = None
        self.valued: dict[Shape, tuple[float, float]] = chooser.valued

    @property
    def chosen(self) -> tuple[float, float, Shape]:
        """(their gain, my gain, shape) of the package chosen: the best reaching the need, else the fallback."""
        chosen = self.best or self.fallback
        assert chosen is not None, "nothing was chosen"
        return chosen

    def consider(self, shape: Shape, gain: float, theirs: float) -> None:
        if gain < self.floor:
            return
        fits = gain >= self.need and (theirs > 0 or self.demand_only)
        current = self.best if fits else self.fallback
        candidate = (theirs, gain, shape)
        if current is not None and candidate <= current:
            return
        if shape in self.banned or not self.chooser.asks_something(shape):
            return
        if fits:
            self.best = candidate
        else:
            self.fallback = candidate

    def variants_of(self, shape: Shape, gain: float, theirs: float) -> None:
        """Consider the packages one rung step away from ``shape``."""
        chooser = self.chooser
        for n, size in enumerate(chooser.sizes):
            taken = shape[n]
            mine_row, theirs_row = chooser.mine[n], chooser.theirs[n]
            for other in (taken - 1, taken + 1):
                if 0 <= other <= size:
                    variant_gain = gain + mine_row[other] - mine_row[taken]
                    if variant_gain >= self.floor:
                        self.consider(shape[:n] + (other,) + shape[n + 1:], variant_gain,
                                      theirs + theirs_row[other] - theirs_row[taken])


def gesture_step(view: PlayerView, mine: MyRungs, model: OpponentModel) -> Concession | None:
    """My one-rung unilateral move that pleases them most per point it costs me."""
    best: tuple[float, str, Concession] | None = None
    for index, current in enumerate(view.rungs):
        if not mine.alone[index] or current >= mine.ceilings[index]:
            continue
        cost = -mine.worth[index][current + 1]
        ratio = cost - 0.2 * model.step(index, current, current + 1)
        irritant = mine.ids[index]
        if best is None or (ratio, irritant) < best[:2]:
            best = (ratio, irritant, Concession(irritant, current + 1))
    return best[2] if best else None
