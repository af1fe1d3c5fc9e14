"""The opponent model: what one side learns about the other from the public record.

The guesses are weights shared out over the other side's 0-100 scale, from the
evidence read in the public record (:class:`~tabletop.engine.opponents.evidence.Evidence`,
after Baarslag, Hendrikx, Hindriks and Jonker, 2016): the other side's score per
rung of each irritant, the rungs it seems unable to pass, how far its packages
have come towards us, and who owes whom a gesture.
"""

from __future__ import annotations

from tabletop.engine.opponents.evidence import MINE, THEIRS, Evidence
from tabletop.engine.state import Offer


class OpponentModel(Evidence):
    """One side's running estimate of the other side, from the public moves only."""

    POCKETING = 2
    """Gestures received and not returned that make a side a free-rider in the other's eyes."""

    # -- what the model says --------------------------------------------------------

    def limits(self) -> list[int | None]:
        """Per irritant, the highest rung I should still ask for, when their counters suggest one."""
        if self._limits is None:
            out: list[int | None] = []
            evidence = self.LIMIT_EVIDENCE
            for cut, agreed in zip(self.cut, self.agreed):
                if not cut:  # no counter has cut this irritant yet
                    out.append(None)
                    continue
                seen = [rung - 1 for rung, count in cut.items() if count >= evidence and rung > agreed]
                out.append(max(agreed, min(seen)) if seen else None)
            self._limits = out
        return self._limits

    def per_rung(self) -> list[float]:
        """The other side's guessed score change per rung of each irritant (its 0-100 scale)."""
        if self._per_rung is None:
            weights = []
            asked, given, resisted = self.asked, self.given, self.resisted
            for i, mover in enumerate(self.movers):
                if mover == THEIRS:
                    weights.append(-0.6 * (1.0 + resisted[i]) / (1.0 + given[i]))
                elif mover == MINE:
                    weights.append(1.0 + asked[i])
                else:  # shared: a gain if it keeps asking, a cost if it keeps refusing it
                    weights.append(0.3 + asked[i] - 0.3 * resisted[i])
            total = sum(map(abs, weights)) or 1.0
            self._per_rung = [100.0 * w / total / span for w, span in zip(weights, self.spans)]
        return self._per_rung

    def step(self, index: int, frm: int, to: int) -> float:
        """The other side's guessed score change if irritant ``index`` moves from rung ``frm`` to ``to``."""
        start = self.starts[index]
        return self.per_rung()[index] * (max(to, start) - max(frm, start))

    def offer_value(self, rungs: tuple[int, ...], offer: Offer) -> float:
        """The other side's guessed gain if ``offer`` were implemented on the board ``rungs``."""
        total = 0.0
        for concession in offer.concessions:
            i = self.position[concession.irritant]
            if concession.to > rungs[i]:
                total += self.step(i, rungs[i], concession.to)
        return total

    def board_gain(self, rungs: tuple[int, ...] | list[int]) -> float:
        """The other side's guessed gain on a board over the board the talks started from."""
        per_rung = self.per_rung()
        return sum(p * (max(r, s) - s) for p, r, s in zip(per_rung, rungs, self.starts))

    def their_concession(self, floor: float) -> float:
        """How far the other side's packages have come towards me since its first (my points, at least 0).

        Measured from ``floor`` (my alternative) when its first package lay below it, so that an
        extreme opening cannot pass for a concession later.
        """
        if len(self.their_offers) < 2:
            return 0.0
        return max(0.0, max(self.their_offers) - max(self.their_offers[0], floor))

    def pocketing(self) -> bool:
        """Whether the other side has pocketed my gestures: received at least two more than it returned."""
        return self.ledger.pocketed(self.side.other) >= self.POCKETING

    def owes_me(self) -> int:
        """Gestures of mine the other side has not returned (negative: I owe it)."""
        return self.ledger.pocketed(self.side.other)

    def i_owe(self) -> int:
        """Gestures of theirs I have not returned."""
        return self.ledger.pocketed(self.side)

    def owed_value(self) -> float:
        """What the gestures of theirs I have not returned brought me (the latest ones first)."""
        owed = min(self.i_owe(), len(self.gifts))
        return max(0.0, sum(self.gifts[len(self.gifts) - owed:])) if owed > 0 else 0.0
