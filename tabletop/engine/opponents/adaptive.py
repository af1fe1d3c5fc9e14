"""The adaptive opponents: they change course with what they see at the table."""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.model import Posture
from tabletop.engine.opponents import talk
from tabletop.engine.opponents.base import Strategy
from tabletop.engine.opponents.ladders import Terms
from tabletop.engine.opponents.view import PlayerView


class Opportunist(Strategy):
    """The opportunist plays nice while trust is low, to build it, and cashes it in when
    trust is high: hardline words for the home audience, greedier packages, and, if you
    left a concession of its unlinked in an earlier deal, it may renege on it while
    trust can absorb the blow. Asked what matters most to it, it misleads: what it wants
    most comes last. Link your packages and watch the trust meter: the higher it climbs,
    the harder this opponent pushes."""

    name = "opportunist"
    candour = "misleading"

    HIGH_TRUST = 60

    def high(self, view: PlayerView) -> bool:
        return view.trust >= self.HIGH_TRUST

    def posture(self, view: PlayerView) -> Posture:
        return Posture.HARDLINE if self.high(view) else Posture.CONCILIATORY

    def aspiration(self, view: PlayerView) -> float:
        return self.curve(view) + (8.0 if self.high(view) else 0.0)

    def package_terms(self, view: PlayerView) -> Terms:
        """Trades while trust is low; when it is high, demands without giving anything back."""
        if self.high(view):
            return Terms(min_gain=3.0, demand_only=True)
        return Terms()

    def fairness(self, view: PlayerView) -> float:
        return 1.6 if self.high(view) else 0.7

    def move(self, view: PlayerView) -> act.Action:
        if self.high(view) and view.can("renege") and view.trust >= 70:
            target = self.renege_target(view)
            if target is not None:
                return target
        return super().move(view)

    def renege_target(self, view: PlayerView) -> act.Action | None:
        """An unlinked concession of mine whose undoing saves me the most."""
        best = None
        for deal in view.deals:
            for concession in deal.offer.concessions:
                irritant = view.irritants[view.position[concession.irritant]]
                if concession.irritant in deal.undone or not view.moves(irritant):
                    continue
                if deal.offer.linked_to(concession.irritant) != {concession.irritant}:
                    continue
                before = dict(deal.before)[concession.irritant]
                current = view.rungs[view.position[concession.irritant]]
                saving = view.step_value(irritant, current, min(current, before))
                if saving > 3 and (best is None or saving > best[0]):
                    best = (saving, act.Renege(self.side, deal.number, concession.irritant))
        return best[1] if best else None


class Learner(Strategy):
    """The learner studies you. From what you ask for, what you offer and what you turn
    down it works out what you care about and what costs you little, and builds its
    packages around that: it gives what it guesses you value and it does not. It matches
    your pace: the more your packages come its way, the faster it concedes; if you stand
    still, it holds out until the deadline looms. It returns a gesture it owes. Showing
    your priorities by what you ask for gets you better packages; asking for everything
    teaches it nothing. It asks you early which irritants matter most to you, takes your
    answer at its word, and in the first half of the talks often puts several packages of
    equal value to itself on the table to see which one you pick."""

    name = "learner"
    terms = Terms()

    def proposal(self, view: PlayerView) -> act.Action | None:
        """In the first half of the talks, opening an exchange, it puts a set of equal packages forward when it
        has one: which one you pick tells it what you want."""
        if view.time < 0.5 and view.exchanges == 0 and view.can("propose_meso"):
            offers, single = talk.package_set(view, self.mine, self.model, self.package_terms(view),
                                              self.target(view), self.avoided())
            if offers and not any(self.exposed(view, offer) for offer in offers):
                return act.ProposeMeso(self.side, offers)
            if not offers and single is not None and view.ratifiable(single) and not self.exposed(view, single):
                return act.Propose(self.side, single)  # the package super().proposal would search for again
        return super().proposal(view)

    def pace(self, view: PlayerView) -> float:
        """How far the other side has conceded, as a share of my room between best hope and alternative."""
        room = max(1.0, self.best(view) - view.alternative)
        return min(1.0, self.model.their_concession(view.alternative) / room)

    def aspiration(self, view: PlayerView) -> float:
        return self.curve(view, e=0.4 + 2.0 * self.pace(view))

    def posture(self, view: PlayerView) -> Posture:
        model = self.model
        warm = self.pace(view) >= 0.2 or model.ledger.gestures[self.side.other] > 0
        return Posture.CONCILIATORY if warm else Posture.NEUTRAL

    def move(self, view: PlayerView) -> act.Action:
        if view.round == 1 and view.can("ask_priorities"):
            return act.AskPriorities(self.side)
        if view.their_last_move in ("retaliate", "renege"):
            action = self.retaliation(view)
            if action is not None:
                return action
        if self.model.i_owe() >= 1:
            action = self.gesture(view)
            if action is not None:
                return action
        return super().move(view)

    def fairness(self, view: PlayerView) -> float:
        return 0.7
