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
steps come from :mod:`tabletop.engine.opponents.ladders`.
"""

from __future__ import annotations

from tabletop.engine.opponents.evidence import Key
from tabletop.engine.opponents.ladders import MyRungs, Step, Terms, ladders
from tabletop.engine.opponents.model import OpponentModel
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.state import Concession, Offer

Shape = tuple[int, ...]
"""A package as how many rung steps it takes on each ladder."""


def _leading(row: list[bool]) -> int:
    """How many steps from the bottom of a ladder are kept without a gap."""
    taken = 0
    for keep in row:
        if not keep:
            break
        taken += 1
    return taken


class Chooser:
    """The packages open to me now, valued for both sides, as shapes over the ladders (cheap to compare)."""

    def __init__(self, ladders_: list[list[Step]]) -> None:
        self.ladders = ladders_
        self.mine: list[list[float]] = []
        self.theirs: list[list[float]] = []
        for ladder in ladders_:
            mine, theirs = [0.0], [0.0]
            for step in ladder:
                mine.append(mine[-1] + step.mine)
                theirs.append(theirs[-1] + step.theirs)
            self.mine.append(mine)
            self.theirs.append(theirs)
        self.asks = [n for n, ladder in enumerate(ladders_) if not ladder[0].give]
        self.index = {ladder[0].irritant: n for n, ladder in enumerate(ladders_)}

    def asks_something(self, shape: Shape) -> bool:
        return any(shape[n] for n in self.asks)

    def chain(self) -> dict[Shape, tuple[float, float]]:
        """The efficient packages, from the most generous to the greediest, one rung step apart, each with
        (my gain, their guessed gain).

        A step is kept at weight ``w`` when ``w * mine + (1 - w) * theirs > 0``: always when
        both are positive, never when neither is, otherwise on one side of its break point.
        Sweeping ``w`` from 0 to 1 adds asks and drops gives one step at a time.
        """
        kept: list[list[bool]] = []
        events: list[tuple[float, int, int, int]] = []
        for n, ladder in enumerate(self.ladders):
            row = []
            for k, step in enumerate(ladder):
                mine, theirs = step.mine, step.theirs
                if (mine > 0) == (theirs > 0):
                    row.append(mine > 0)
                    continue
                point = theirs / (theirs - mine)
                row.append(mine <= 0)  # at w = 0 a give is kept, an ask is not
                # at its break point an ask joins (lowest rung first), a give leaves (highest first)
                events.append((point, n, k if mine > 0 else -k, k))
            kept.append(row)
        shape = [_leading(row) for row in kept]
        gain = sum(self.mine[n][taken] for n, taken in enumerate(shape))
        theirs = sum(self.theirs[n][taken] for n, taken in enumerate(shape))
        out = {tuple(shape): (gain, theirs)}
        for _point, n, _order, k in sorted(events):
            kept[n][k] = not kept[n][k]
            before, after = shape[n], _leading(kept[n])
            if after != before:
                gain += self.mine[n][after] - self.mine[n][before]
                theirs += self.theirs[n][after] - self.theirs[n][before]
                shape[n] = after
                out[tuple(shape)] = (gain, theirs)
        return out

    def shape_of(self, key: Key, rungs: tuple[int, ...]) -> Shape | None:
        """The shape of a package given as concessions, if it is one of mine from this board."""
        shape = [0] * len(self.ladders)
        for concession in key:
            n = self.index.get(concession.irritant)
            if n is None:
                return None
            taken = concession.to - rungs[self.ladders[n][0].place]
            if not 0 < taken <= len(self.ladders[n]):
                return None
            shape[n] = taken
        return tuple(shape)

    def offer(self, shape: Shape) -> Offer:
        """The package as an offer: every give linked to its most valuable ask."""
        concessions = []
        asks: list[tuple[float, str]] = []
        gives = []
        for n, taken in enumerate(shape):
            if not taken:
                continue
            step = self.ladders[n][taken - 1]
            concessions.append(_concession(step.irritant, step.to))
            if step.give:
                gives.append(step.irritant)
            else:
                asks.append((-self.mine[n][taken], step.irritant))
        main = min(asks)[1] if asks else None
        links = tuple((give, main) for give in gives) if main else ()
        return Offer(tuple(concessions), links)


_CONCESSIONS: dict[tuple[str, int], Concession] = {}


def _concession(irritant: str, to: int) -> Concession:
    """The one ``Concession(irritant, to)`` (an immutable value, so one instance serves every package)."""
    found = _CONCESSIONS.get((irritant, to))
    if found is None:
        if len(_CONCESSIONS) >= 4096:
            _CONCESSIONS.clear()
        found = _CONCESSIONS[(irritant, to)] = Concession(irritant, to)
    return found


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
    ladders_ = ladders(view, mine, model, terms)
    if not ladders_:
        return None
    chooser = Chooser(ladders_)
    banned = {shape for shape in (chooser.shape_of(key, view.rungs) for key in avoid) if shape is not None}
    need = max(terms.min_gain, target - view.score_now)
    valued = chooser.chain()
    greediest = max(gain for gain, _ in valued.values())
    floor = max(terms.min_gain, view.alternative + terms.min_gain - view.score_now, min(need, greediest) - terms.slack)
    search = Search(chooser, need, floor, banned, terms.demand_only)
    for shape, (gain, theirs) in valued.items():
        search.consider(shape, gain, theirs)
    if search.best is None:
        reach = floor - max(abs(step.mine) for ladder in ladders_ for step in ladder)
        for shape, (gain, theirs) in valued.items():
            if gain >= reach:  # a variant of a package further below cannot reach the floor
                search.variants_of(shape, gain, theirs)
    if search.best is None and search.fallback is None:
        return None
    search.valued = valued
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
        self.valued: dict[Shape, tuple[float, float]] = {}

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
        for n, ladder in enumerate(chooser.ladders):
            taken = shape[n]
            mine_row, theirs_row = chooser.mine[n], chooser.theirs[n]
            for size in (taken - 1, taken + 1):
                if 0 <= size <= len(ladder):
                    variant_gain = gain + mine_row[size] - mine_row[taken]
                    if variant_gain >= self.floor:
                        self.consider(shape[:n] + (size,) + shape[n + 1:], variant_gain,
                                      theirs + theirs_row[size] - theirs_row[taken])


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
