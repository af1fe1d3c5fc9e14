"""The reciprocal opponents: tit-for-tat and GRIT, who answer in kind and reward what is returned."""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.model import Posture
from tabletop.engine.opponents.base import HOSTILE, Strategy
from tabletop.engine.opponents.view import PlayerView

DRIFT = 0.25
DEADLINE_E = 0.3


class TitForTat(Strategy):
    """Tit-for-tat answers your last move in kind. It opens neutral and fair; after a
    conciliatory statement it is conciliatory, after a hardline one it is hardline; a
    gesture gets a gesture back and a retaliation gets a retaliation. It concedes in
    step with you: when your packages come towards it, its own come towards you by as
    much, and when you stand still it barely moves. It never holds a grudge longer than
    one move: make a friendly move and it comes back at once."""

    name = "tit-for-tat"

    def posture(self, view: PlayerView) -> Posture:
        return view.their_last_posture or Posture.NEUTRAL

    def aspiration(self, view: PlayerView) -> float:
        """Its best hope, less what the other side has conceded and a slow drift with time (a quarter of
        its room by the deadline, so that two of its kind do not stand still); near the deadline at most
        a Boulware curve (e = 0.3), so that it still closes a deal a hard bargainer offers at the end."""
        best, alt = self.best(view), view.alternative
        drift = DRIFT * (best - alt) * view.time
        mirrored = best - self.model.their_concession(alt) - drift
        return max(alt, min(mirrored, self.curve(view, e=DEADLINE_E)))

    def move(self, view: PlayerView) -> act.Action:
        action = self.in_kind(view)
        return action if action is not None else super().move(view)

    def fairness(self, view: PlayerView) -> float:
        return 0.9


class Grit(Strategy):
    """GRIT (Graduated Reciprocation in Tension-reduction, after Osgood) opens with a small
    unilateral gesture on something that costs it little, announces it with conciliatory
    words, and keeps making small gestures as long as you return them, with a gesture or
    with a give of your own in a deal. Pocket two without returning any and it cools:
    harder words, a higher price, no more gestures until you return one. It answers a
    retaliation once, in proportion, then goes back to gestures. It accepts generous and
    fair packages readily, but it will not give away what it values most."""

    name = "grit"

    def posture(self, view: PlayerView) -> Posture:
        return Posture.NEUTRAL if view.their_last_move in HOSTILE else Posture.CONCILIATORY

    def move(self, view: PlayerView) -> act.Action:
        last = view.their_last_move
        if last in HOSTILE:
            action = self.retaliation(view)
            if action is not None:
                return action
        if self.wants_to_walk(view):
            return act.WalkOut(self.side)
        if self.wants_to_gesture(view):
            action = self.gesture(view)
            if action is not None:
                return action
        return super().move(view)

    def wants_to_gesture(self, view: PlayerView) -> bool:
        """Early, while trust is low, and while its gestures come back (one unanswered at most)."""
        if view.round > max(2, view.rounds // 3) or view.trust >= 70:
            return False
        owed = self.model.owes_me()
        return owed <= 0 or (owed == 1 and view.my_last_move != "gesture")

    def fairness(self, view: PlayerView) -> float:
        return 0.7
