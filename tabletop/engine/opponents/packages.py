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

from collections.abc import Iterator

from tabletop.engine.opponents.evidence import Key
from tabletop.engine.opponents.ladders import MyRungs, Terms
from tabletop.engine.opponents.model import OpponentModel
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.state import Concession, Offer

Shape = tuple[int, ...]
"""A package as how many rung steps it takes on each ladder."""


class Chooser:
    """The packages open to me now, valued for both sides, as shapes over the ladders (cheap to compare).

    Built in one pass over the board (:func:`tabletop.engine.opponents.ladders` says which steps a ladder
    holds): per ladder, the running sums of both sides' points over its steps, and what the chain of
    efficient packages (:attr:`valued`) needs of each step, so no step is visited twice.
    """

    def __init__(self, view: PlayerView, mine: MyRungs, model: OpponentModel, terms: Terms) -> None:
        places: list[int] = []
        froms: list[int] = []
        sizes: list[int] = []
        gives: list[bool] = []
        mine_sums: list[list[float]] = []
        theirs_sums: list[list[float]] = []
        worths: list[list[float]] = []
        kept: list[list[bool]] = []
        events: list[tuple[float, int, int, int]] = []
        per_rung, limits, starts = model.per_rung(), model.limits(), model.starts
        demand_only, ask_rungs, give_rungs = terms.demand_only, terms.ask_rungs, terms.give_rungs
        alones, ceilings, my_worth = mine.alone, mine.ceilings, mine.worth
        for index, current in enumerate(view.rungs):
            alone = alones[index]
            if alone:
                if demand_only:
                    continue
                top = current + give_rungs
            else:
                top = current + ask_rungs
                limit = limits[index]
                if limit is not None and limit < top:
                    top = limit
            ceiling = ceilings[index]
            if ceiling < top:
                top = ceiling
            if top <= current:
                continue
            worth = my_worth[index]
            start = starts[index]
            theirs_per = per_rung[index]
            n = len(kept)
            row: list[bool] = []
            mine_sum, theirs_sum = [0.0], [0.0]
            my_total = their_total = 0.0
            for to in range(current + 1, top + 1):
                gain = theirs_per if to > start else 0.0
                value = worth[to]
                if value <= 0 and gain <= 0:
                    break
                my_total += value
                their_total += gain
                mine_sum.append(my_total)
                theirs_sum.append(their_total)
                # the chain's view of the step: kept at weight w when w * value + (1 - w) * gain > 0
                if (value > 0) == (gain > 0):
                    row.append(value > 0)
                else:
                    k = to - current - 1
                    row.append(value <= 0)  # at w = 0 a give is kept, an ask is not
                    # at its break point an ask joins (lowest rung first), a give leaves (highest first)
                    events.append((gain / (gain - value), n, k if value > 0 else -k, k))
            if row:
                places.append(index)
                froms.append(current)
                sizes.append(len(row))
                gives.append(alone)
                mine_sums.append(mine_sum)
                theirs_sums.append(theirs_sum)
                worths.append(worth)
                kept.append(row)
        self.places = places
        """Each ladder's irritant's place in the scenario's order."""
        self.ids = [mine.ids[index] for index in places]
        self.froms = froms
        """The rung each ladder starts from (the board's); its step ``k`` goes up to ``froms[n] + k + 1``."""
        self.sizes = sizes
        """How many steps each ladder holds (at least one)."""
        self.gives = gives
        """Whether each ladder is one of my own irritants (a give) rather than an ask."""
        self.mine = mine_sums
        """``mine[n][taken]``: my gain from the lowest ``taken`` steps of ladder ``n``."""
        self.theirs = theirs_sums
        """``theirs[n][taken]``: their guessed gain from the same steps."""
        self.index = {irritant: n for n, irritant in enumerate(self.ids)}
        self._worth = worths
        self.asks = [n for n, give in enumerate(gives) if not give]
        self.valued: dict[Shape, tuple[float, float]] = self._chain(kept, events) if kept else {}
        """The efficient packages, from the most generous to the greediest, one rung step apart, each with
        (my gain, their guessed gain)."""

    def __bool__(self) -> bool:
        """Whether any ladder holds a step (else there is no package to make)."""
        return bool(self.sizes)

    def steps_mine(self) -> Iterator[float]:
        """My points of every single step of every ladder."""
        for n, worth in enumerate(self._worth):
            start = self.froms[n]
            yield from worth[start + 1:start + self.sizes[n] + 1]

    def asks_something(self, shape: Shape) -> bool:
        return any(shape[n] for n in self.asks)

    def _chain(self, kept: list[list[bool]], events: list[tuple[float, int, int, int]]) -> dict[Shape, tuple[float, float]]:
        """Sweep the weight ``w`` of my points (theirs weigh ``1 - w``) from 0 to 1: a step is kept while its
        weighted sum is positive, always when both are positive, never when neither is, otherwise on one side
        of its break point. Each ladder takes its steps kept without a gap from the bottom; the sweep adds
        asks and drops gives one step at a time."""
        shape = []
        for row in kept:
            taken = 0
            for keep in row:
                if not keep:
                    break
                taken += 1
            shape.append(taken)
        mine_sums, theirs_sums = self.mine, self.theirs
        gain = sum(mine_sums[n][taken] for n, taken in enumerate(shape))
        theirs = sum(theirs_sums[n][taken] for n, taken in enumerate(shape))
        out = {tuple(shape): (gain, theirs)}
        events.sort()
        for _point, n, _order, k in events:
            row = kept[n]
            before = shape[n]
            if row[k]:
                row[k] = False
                if k >= before:
                    continue  # past the leading run: it stays as it was
                after = k
            else:
                row[k] = True
                if k != before:
                    continue  # a gap below it still stops the run
                after = k + 1
                while after < len(row) and row[after]:
                    after += 1
            gain += mine_sums[n][after] - mine_sums[n][before]
            theirs += theirs_sums[n][after] - theirs_sums[n][before]
            shape[n] = after
            out[tuple(shape)] = (gain, theirs)
        return out

    def shape_of(self, key: Key, rungs: tuple[int, ...]) -> Shape | None:
        """The shape of a package given as concessions, if it is one of mine from this board."""
        shape = [0] * len(self.sizes)
        index, sizes, places = self.index, self.sizes, self.places
        for concession in key:
            n = index.get(concession.irritant)
            if n is None:
                return None
            taken = concession.to - rungs[places[n]]
            if not 0 < taken <= sizes[n]:
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
            irritant = self.ids[n]
            concessions.append(_concession(irritant, self.froms[n] + taken))
            if self.gives[n]:
                gives.append(irritant)
            else:
                asks.append((-self.mine[n][taken], irritant))
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
