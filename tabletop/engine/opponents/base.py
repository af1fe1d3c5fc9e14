"""What every computer opponent does the same way: the rules of conduct they share.

* Never accept, or agree to conclude on, a board scoring below its alternative
  (what no agreement pays it), in any round; nor accept or propose a package that
  would leave it below its alternative once the other side took back the gestures
  no deal protects (it does not count on what the other side can take back at will).
* At the deadline an offer is an ultimatum: the smaller the share of the
  surplus it leaves the opponent, the likelier it is turned down (as people do
  in ultimatum games), drawn from the opponent's own seeded generator.
* Concede along a named curve: the target score falls from a best hope to a
  last-round floor as the rounds pass, ``target(t) = floor + (best - floor) * (1 - t ** (1 / e))``;
  ``e`` below 1 holds out (Boulware), above 1 gives early (Conceder). The floor
  is the alternative once the other side has put a package forward before the
  final round, and ``HOLD_OUT`` of its room higher until then (a side that
  waits for its last offer, putting nothing forward, does not get all of its
  room): :class:`aims.Aims`.
* Learn the other side (:mod:`model`), build packages good for both
  (:mod:`packages`), never put a package the other side turned down to it again.
* Keep a ledger of gestures: a side that pockets two more than it returns
  finds the opponent cooler (words a notch harder, target higher, no package
  below it accepted as a fair trade, no gestures) until it returns one. The
  other side's unreturned gestures are repaid in the packages (the target
  falls by what they brought).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabletop.engine import actions as act
from tabletop.engine.model import Posture, Response
from tabletop.engine.opponents import talk
from tabletop.engine.opponents.aims import Aims
from tabletop.engine.opponents.conduct import COOLING, HARDER, refusal_chance
from tabletop.engine.opponents.evidence import Key, package_key
from tabletop.engine.opponents.packages import choose, gesture_step
from tabletop.engine.opponents.planner import effects_value, retaliation_target
from tabletop.engine.opponents.refusals import refusal_reason
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.state import Offer, Phase

if TYPE_CHECKING:
    from tabletop.engine.game import Game

HOSTILE = ("retaliate", "renege")
"""The other side's last moves that an opponent answering in kind retaliates for."""
RATIFY_TRIES = 4
"""How many packages an opponent looks at before it gives up on one its capital would ratify."""


def ratified(view: PlayerView, action: act.Action) -> act.Action:
    """``action``, unless it is a package a capital would not ratify: then a reject or a pass instead.

    Opponents and students build their packages from their own numbers; home politics (ratification)
    is the engine's rule, so the last word is asked of it here, once for every computer seat.
    """
    if isinstance(action, act.Accept):
        offer = view.offer
        if offer is not None and not view.ratified(offer):
            return act.Reject(action.side)
    elif isinstance(action, act.AcceptOption):
        chosen = view.meso[action.option] if 0 <= action.option < len(view.meso) else None
        if chosen is None or not view.ratified(chosen) or view.crosses_my_red_line(chosen):
            return act.Reject(action.side)
    elif isinstance(action, (act.Propose, act.Counter)) and not view.ratifiable(action.offer):
        if isinstance(action, act.Counter):
            return act.Reject(action.side)
        return act.Pass(action.side)
    return action


class Strategy(Aims):
    """Base of the computer opponents: reads a :class:`PlayerView`, returns an action.

    What it knows of the game and the score it holds out for (the curve, the target) are
    :class:`~tabletop.engine.opponents.aims.Aims`; here is what it does with them.
    """

    # -- the entry point ------------------------------------------------------

    def decide(self, game: Game) -> act.Action:
        """The action this side takes now (the game must be waiting for this side)."""
        view = PlayerView(game, self.side)
        self.learn(game, view)
        action = ratified(view, self.pick(view))
        if isinstance(action, act.Reject) and not action.reason:
            action = act.Reject(self.side, reason=refusal_reason(game, view))  # the player is told why
        return action

    def pick(self, view: PlayerView) -> act.Action:
        """The action before the last check that both capitals would ratify a package."""
        side = self.side
        if view.phase is Phase.STATEMENTS:
            return act.Statement(side, self.statement(view))
        if view.phase is Phase.INJECT_RESPONSE and view.pending_inject is not None:
            return act.RespondInject(side, view.pending_inject.id, self.respond(view))
        if view.phase is Phase.CONCLUDE_PENDING:
            return act.AgreeConclude(side) if self.agrees_to_conclude(view) else act.DeclineConclude(side)
        if view.phase is Phase.NEGOTIATION:
            if view.question is side:
                return act.DisclosePriorities(side, self.disclosure(view))
            if view.meso:
                return self.pick_option(view)
            return self.answer(view) if view.offer is not None else self.move(view)
        raise ValueError(f"{self.name} has nothing to decide in phase {view.phase.value}")

    # -- words --------------------------------------------------------------------

    def posture(self, view: PlayerView) -> Posture:
        return Posture.NEUTRAL

    def statement(self, view: PlayerView) -> Posture:
        """The posture (a notch harder when cooled), now and then a notch softer or harder than planned."""
        planned = self.posture(view)
        if self.cold(view):
            planned = HARDER[planned]
        roll = self.chance(view, "posture")
        if roll < 1 / 16:
            return Posture.HARDLINE if planned is Posture.NEUTRAL else Posture.NEUTRAL
        if roll < 1 / 8:
            return Posture.CONCILIATORY if planned is Posture.NEUTRAL else Posture.NEUTRAL
        return planned

    def respond(self, view: PlayerView) -> Response:
        inject = view.pending_inject
        assert inject is not None
        respond, absorb = effects_value(view, inject.respond), effects_value(view, inject.absorb)
        return Response.RESPOND if respond >= absorb else Response.ABSORB

    # -- answering a package ----------------------------------------------------------

    def acceptable(self, view: PlayerView) -> bool:
        offer = view.offer
        assert offer is not None
        if view.crosses_my_red_line(offer):
            return False
        after = view.score_after(offer)
        mine = after - view.score_now
        if mine <= 0 or after < view.alternative or self.exposed(view, offer):
            return False
        if view.final_round:
            floor = view.alternative + (COOLING if self.cold(view) else 0.0)
            return after >= floor and not self.refuses_ultimatum(view, after)
        if after >= self.target(view):
            return True
        if self.cold(view):
            return False  # cooled: no more give and take below its price
        theirs = max(0.0, self.model.offer_value(view.rungs, offer))
        return mine >= self.needed_ratio(view) * theirs

    def refuses_ultimatum(self, view: PlayerView, after: float) -> bool:
        """At the deadline: turn the offer down with a chance that grows as my share of the surplus shrinks.

        Their surplus is guessed: the model's estimate of their gain on the board since the talks
        began, less what they need to beat no deal, taken to be as much as I need myself.
        """
        offer = view.offer
        assert offer is not None
        surplus = after - view.alternative
        board = view.apply_offer(offer)
        premium = max(0.0, view.alternative - self._start)  # what I need over the start to beat no deal
        theirs = max(0.0, self.model.board_gain(board) - premium)
        share = surplus / (surplus + theirs) if surplus + theirs > 0 else 1.0
        return self.chance(view, "ultimatum") < refusal_chance(share)

    def pick_option(self, view: PlayerView) -> act.Action:
        """Several packages on the table: :func:`talk.pick_option`."""
        return talk.pick_option(self, view)

    candour = "truthful"
    """How it answers a question about its priorities: "truthful", "vague" or "misleading" (:func:`talk.disclosure`)."""

    def disclosure(self, view: PlayerView) -> tuple[str, ...]:
        """Its answer when asked which irritants matter most to it; none to a side pocketing its gestures."""
        return () if self.cold(view) else talk.disclosure(view, self.candour)

    def answer(self, view: PlayerView) -> act.Action:
        if view.can("accept") and self.acceptable(view):
            return act.Accept(self.side)
        if view.can("counter"):
            offer = self.package(view, also_avoid=view.offer)
            if offer is not None:
                return act.Counter(self.side, offer)
        return act.Reject(self.side)

    def package(self, view: PlayerView, also_avoid: Offer | tuple[Offer, ...] | None = None) -> Offer | None:
        """The package I put forward now: new to the other side, best for it among those reaching my target."""
        avoid = self.avoided(also_avoid)
        terms, target = self.package_terms(view), self.target(view)
        for _ in range(RATIFY_TRIES):
            offer = choose(view, self.mine, self.model, terms, target, avoid)
            if offer is None or (view.ratifiable(offer) and not self.exposed(view, offer)):
                return offer
            avoid.add(package_key(offer))  # not ratified at home, or not safe: look further down the list
        return None

    def avoided(self, also: Offer | tuple[Offer, ...] | None = None) -> set[Key]:
        """Packages not to put forward: those the other side turned down, and ``also``."""
        avoid = set(self.model.turned_down)
        if isinstance(also, Offer):
            avoid.add(package_key(also))
        elif also:
            avoid.update(package_key(offer) for offer in also)
        return avoid

    # -- my turn with nothing on the table ------------------------------------------------

    def move(self, view: PlayerView) -> act.Action:
        """Propose, or pass (or walk out, or propose to conclude)."""
        if self.wants_to_walk(view):
            return act.WalkOut(self.side)
        if self.wants_to_conclude(view):
            return act.ProposeConclude(self.side)
        if view.can("propose"):
            action = self.proposal(view)
            if action is not None:
                return action
        return self.quiet_move(view)

    def proposal(self, view: PlayerView) -> act.Action | None:
        """What I put on the table now (None: nothing reaches my target)."""
        offer = self.package(view)
        return act.Propose(self.side, offer) if offer is not None else None

    def quiet_move(self, view: PlayerView) -> act.Action:
        """My move when I put nothing on the table: a pass, unless a style says otherwise."""
        return act.Pass(self.side)

    def agrees_to_conclude(self, view: PlayerView) -> bool:
        now = view.score_now
        if now < view.alternative:
            return False
        return view.final_round or now >= min(self.target(view), view.alternative + 5)

    def wants_to_conclude(self, view: PlayerView) -> bool:
        return view.can("propose_conclude") and view.round >= view.rounds - 1 \
            and view.score_now >= self.target(view) and view.exchanges == 0

    def wants_to_walk(self, view: PlayerView) -> bool:
        """Leave only when the board is worth less than walking out costs, at the last chance."""
        floor = view.alternative - 2 * view.collapse_penalty
        return view.final_round and view.score_now < floor - 1

    def gesture(self, view: PlayerView) -> act.Action | None:
        """A small unilateral move, unless the other side is pocketing my gestures, or it would take a
        board that stands as an agreement below my alternative (should the other side take back what no
        deal protects)."""
        if not view.can("gesture") or self.cold(view):
            return None
        concession = gesture_step(view, self.mine, self.model)
        if concession is None:
            return None
        index = view.position[concession.irritant]
        after = self.secure(view) + view.step_value(view.irritants[index], view.rungs[index], concession.to)
        if view.agreement_stands and after < view.alternative:
            return None
        return act.Gesture(self.side, concession.irritant, concession.to)

    def in_kind(self, view: PlayerView) -> act.Action | None:
        """The other side's last move answered with the same: a retaliation for a retaliation or a renege, a
        gesture for a gesture (None: nothing to answer, or no such move open to me)."""
        last = view.their_last_move
        if last in HOSTILE:
            return self.retaliation(view)
        if last == "gesture":
            return self.gesture(view)
        return None

    def retaliation(self, view: PlayerView) -> act.Action | None:
        if not view.can("retaliate"):
            return None
        concession = retaliation_target(view)
        return act.Retaliate(self.side, concession.irritant, concession.to) if concession else None
