"""The packages open to one side now, as shapes over the ladders of rung steps, each valued for both sides.

A package is a shape: how many rung steps it takes up each ladder (one per irritant with steps open to me,
lowest first, as :func:`tabletop.engine.opponents.ladders.ladders` defines them). Scores add up over
irritants, so a shape's value to me and (by my guess) to the other side is a sum of running sums, and the
efficient shapes form a chain (:meth:`Chooser.chain`). :mod:`tabletop.engine.opponents.packages` searches
them.
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
