"""The time-dependent opponents: how much they hold out for is a curve over the rounds.

``target(t) = floor + (best - floor) * (1 - t ** (1 / e))`` (Faratin, Sierra and
Jennings, 1998): with ``e`` below 1 the target stays high until the deadline
looms (Boulware), with ``e`` above 1 it falls early (Conceder). The floor is the
alternative, or higher against a side that has put no package forward (:meth:`~tabletop.engine.opponents.aims.Aims.floor`).
"""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.model import Message, Posture
from tabletop.engine.opponents import talk
from tabletop.engine.opponents.base import Strategy
from tabletop.engine.opponents.ladders import Terms
from tabletop.engine.opponents.view import PlayerView

EARLY = 0.6
"""The share of the talks a hardliner spends demanding."""
LOW_SUPPORT = 40
"""The standing below which a conceder turns to its partners for support."""


class Hardliner(Strategy):
    """The hardliner (a Boulware bargainer) asks for a lot and gives almost nothing until
    the deadline looms, then concedes quickly. Its statements are hardline while it has
    time, which plays well at home. It never gestures and punishes every retaliation.
    Beat it by holding firm early, offering what costs you little, and being ready for
    its late concessions; do not waste your best cards in the first rounds. Early on it
    tells its partners abroad that it has other options, and asked what matters most to
    it, it names one thing only."""

    name = "hardliner"
    e = 0.2
    reach = 0.9
    credit = 0.0
    candour = "vague"

    def quiet_move(self, view: PlayerView) -> act.Action:
        """Early on, it tells its own partners once that it has other options."""
        if view.time < EARLY and view.my_signals < 1:
            action = talk.partner_address(view, Message.SIGNAL)
            if action is not None:
                return action
        return super().quiet_move(view)

    def posture(self, view: PlayerView) -> Posture:
        return Posture.HARDLINE if view.time < EARLY else Posture.NEUTRAL

    def package_terms(self, view: PlayerView) -> Terms:
        if view.time < EARLY:
            return Terms(min_gain=4.0, slack=0.0, demand_only=True)
        return Terms()

    def fairness(self, view: PlayerView) -> float:
        return 2.0 if view.time < EARLY else 0.6

    def move(self, view: PlayerView) -> act.Action:
        if view.their_last_move in ("retaliate", "renege"):
            action = self.retaliation(view)
            if action is not None:
                return action
        return super().move(view)


class Conceder(Strategy):
    """The conceder wants a deal and shows it: conciliatory words, early and steady
    concessions, and acceptance of almost any package that leaves it better off than no
    deal. It concedes fastest at the start and keeps going round after round. It is easy
    to get a deal from, but it never goes below what no deal would give it, it still will
    not cross its own absolute red lines, and squeezing it too hard drains the trust a
    deal needs. Asked what matters most to it, it tells the truth; short of support at
    home, it reassures its partners abroad."""

    name = "conceder"
    e = 3.0
    terms = Terms(min_gain=0.5)

    def quiet_move(self, view: PlayerView) -> act.Action:
        """Short of support at home, it reassures its own partners that the talks cost them nothing."""
        if view.my_standing < LOW_SUPPORT:
            action = talk.partner_address(view, Message.REASSURE)
            if action is not None:
                return action
        return super().quiet_move(view)

    def posture(self, view: PlayerView) -> Posture:
        return Posture.CONCILIATORY

    def fairness(self, view: PlayerView) -> float:
        return 0.25

    def move(self, view: PlayerView) -> act.Action:
        """It opens with a gesture, and makes more in the first two rounds, more often than not."""
        if view.round <= 2 and view.their_last_move != "retaliate":
            action = self.gesture(view)
            opening = self.model.ledger.gestures[self.side] == 0
            if action is not None and (opening or self.chance(view, "gesture") < 0.6):
                return action
        return super().move(view)


class Aspiration(Strategy):
    """The aspiration negotiator sets itself a level to reach and lowers it slowly as the
    deadline nears, holding out longer than most. Its level also moves with how the talks
    go: packages of yours that come its way raise its hopes, and packages of its own you
    turn down lower them. It says little, makes no gestures of its own, and looks for
    trades, offering what it guesses you value and it does not. Expect firm opening
    packages; concede slowly, and let it feel that holding out has stopped paying. Asked
    what matters most to it, it names one thing only."""

    name = "aspiration"
    e = 0.5
    reach = 0.7
    terms = Terms()
    candour = "vague"

    def aspiration(self, view: PlayerView) -> float:
        model = self.model
        level = self.curve(view) + 0.3 * model.their_concession(view.alternative) - 1.0 * len(model.turned_down)
        return min(self.best(view), max(view.alternative, level))

    def fairness(self, view: PlayerView) -> float:
        return 1.2 if view.time < 0.5 else 0.8
