"""Scripted students: the lines a negotiation course teaches (logrolling, GRIT, reciprocity), for balance.

Like the shortcuts in :mod:`.students`, they never sit across the table from a player: the
tournament sets them against the computer opponents to check that good negotiation pays.
"""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.model import Posture
from tabletop.engine.opponents.base import Strategy
from tabletop.engine.opponents.students import Student
from tabletop.engine.opponents.view import PlayerView


class Trader(Student):
    """Base of the thoughtful students: they learn the other side from its moves (the same opponent
    model as the computer opponents), trade what costs them little for what they value most, never put
    a package that was turned down again, and accept what beats their alternative and their target.
    They weigh a forced choice's consequences (respond or absorb) as the computer opponents do, where
    the simple lines always hit back."""

    package_terms = Strategy.package_terms
    respond = Strategy.respond
    pick_option = Strategy.pick_option
    move = Strategy.move
    answer = Strategy.answer
    gesture = Strategy.gesture

    def acceptable(self, view: PlayerView) -> bool:
        offer = view.offer
        assert offer is not None
        if view.crosses_my_red_line(offer):
            return False
        after = view.score_after(offer)
        mine = after - view.score_now
        if mine <= 0 or after < view.alternative:
            return False
        if view.final_round or after >= self.target(view):
            return True
        return mine >= self.needed_ratio(view) * max(0.0, self.model.offer_value(view.rungs, offer))


class Logroll(Trader):
    """Trades: offers what costs it little for what it values most, accepts fair trades, never retaliates."""

    name = "logroll"

    def posture(self, view: PlayerView) -> Posture:
        return Posture.CONCILIATORY if view.round == 1 else Posture.NEUTRAL

    def fairness(self, view: PlayerView) -> float:
        return 0.6


class GritStudent(Trader):
    """Plays GRIT by the book: a small gesture each round while the other side answers in kind, then trades."""

    name = "grit-student"

    def posture(self, view: PlayerView) -> Posture:
        return Posture.CONCILIATORY

    def move(self, view: PlayerView) -> act.Action:
        gestures_made = view.my_gestures
        answered = view.their_gestures >= gestures_made - 1
        if answered and gestures_made < 3:
            action = self.gesture(view)
            if action is not None:
                return action
        return super().move(view)


class Mirror(Trader):
    """Tit-for-tat as a student plays it: copies the other side's last posture and answers a move with the same."""

    name = "mirror"

    def posture(self, view: PlayerView) -> Posture:
        return view.their_last_posture or Posture.NEUTRAL

    def move(self, view: PlayerView) -> act.Action:
        action = self.in_kind(view)
        return action if action is not None else super().move(view)
