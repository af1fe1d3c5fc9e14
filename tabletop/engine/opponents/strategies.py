"""The five computer opponents. Each docstring is the paragraph the help screen shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabletop.engine import actions as act
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.opponents.planner import (
    Guess,
    Style,
    build_offer,
    cheapest_gesture,
    effects_value,
    retaliation_target,
)
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.randomness import draw
from tabletop.engine.state import Phase

if TYPE_CHECKING:
    from tabletop.engine.game import Game


class Strategy:
    """Base of the computer opponents: reads a :class:`PlayerView`, returns an action."""

    name = ""

    def __init__(self, side: Side, seed: int) -> None:
        self.side = side
        self.seed = seed
        # Each game's opponent has a temperament, -1 (tough) to +1 (soft), fixed by seed and side.
        self.temper = draw(seed, "temper", side.value) * 2 - 1

    def chance(self, view: PlayerView, *keys: object) -> float:
        """A number in [0, 1) from this opponent's own generator, fixed by seed, side and moment."""
        return draw(self.seed, "opponent", self.side.value, view.action_count, *keys)

    def target(self, view: PlayerView) -> float:
        """The aspiration, shifted by this game's temperament."""
        return self.aspiration(view) - 6.0 * self.temper

    def needed_ratio(self, view: PlayerView) -> float:
        return self.fairness(view) * (1 - 0.3 * self.temper)

    def statement(self, view: PlayerView) -> Posture:
        """The posture, now and then (one time in eight) a notch softer or harder than planned."""
        planned = self.posture(view)
        roll = self.chance(view, "posture")
        if roll < 1 / 16:
            return Posture.HARDLINE if planned is Posture.NEUTRAL else Posture.NEUTRAL
        if roll < 1 / 8:
            return Posture.CONCILIATORY if planned is Posture.NEUTRAL else Posture.NEUTRAL
        return planned

    # -- the entry point ------------------------------------------------------

    def decide(self, game: Game) -> act.Action:
        """The action this side takes now (the game must be waiting for this side)."""
        view = PlayerView(game, self.side)
        side = self.side
        if view.phase is Phase.STATEMENTS:
            return act.Statement(side, self.statement(view))
        if view.phase is Phase.INJECT_RESPONSE and view.pending_inject is not None:
            return act.RespondInject(side, view.pending_inject.id, self.respond(view))
        if view.phase is Phase.CONCLUDE_PENDING:
            return act.AgreeConclude(side) if self.agrees_to_conclude(view) else act.DeclineConclude(side)
        if view.phase is Phase.NEGOTIATION:
            return self.answer(view) if view.offer is not None else self.move(view)
        raise ValueError(f"{self.name} has nothing to decide in phase {view.phase.value}")

    # -- what each strategy tunes ----------------------------------------------

    def posture(self, view: PlayerView) -> Posture:
        return Posture.NEUTRAL

    def style(self, view: PlayerView) -> Style:
        return Style()

    def aspiration(self, view: PlayerView) -> float:
        """The score I hold out for at this point of the talks."""
        ideal = (100.0 + view.walk_away) / 2
        return view.walk_away + (ideal - view.walk_away) * (1 - view.time)

    def fairness(self, view: PlayerView) -> float:
        """How many of my points a package must give me per point I guess it gives them."""
        return 0.8

    # -- shared behaviour -------------------------------------------------------

    def respond(self, view: PlayerView) -> Response:
        inject = view.pending_inject
        assert inject is not None
        respond, absorb = effects_value(view, inject.respond), effects_value(view, inject.absorb)
        return Response.RESPOND if respond >= absorb else Response.ABSORB

    def agrees_to_conclude(self, view: PlayerView) -> bool:
        return view.score_now >= min(self.target(view), view.walk_away + 5) or \
            (view.final_round and view.score_now >= view.walk_away - view.collapse_penalty)

    def acceptable(self, view: PlayerView, guess: Guess) -> bool:
        offer = view.offer
        assert offer is not None
        if view.crosses_my_red_line(offer):
            return False
        mine = view.offer_value(offer)
        if mine <= 0:
            return False
        if view.final_round:
            return True  # the alternative is the board as it stands: any gain beats it
        if view.score_now + mine >= self.target(view):
            return True
        theirs = max(0.0, guess.offer_value(view, offer))
        return mine >= self.needed_ratio(view) * theirs

    def answer(self, view: PlayerView) -> act.Action:
        guess = Guess(view)
        if self.acceptable(view, guess) and view.can("accept"):
            return act.Accept(self.side)
        if view.can("counter"):
            offer = build_offer(view, guess, self.style(view))
            if offer is not None and offer != view.offer:
                return act.Counter(self.side, offer)
        return act.Reject(self.side)

    def move(self, view: PlayerView) -> act.Action:
        """My turn with nothing on the table: propose, or pass."""
        if self.wants_to_walk(view):
            return act.WalkOut(self.side)
        if self.wants_to_conclude(view):
            return act.ProposeConclude(self.side)
        guess = Guess(view)
        if view.can("propose"):
            offer = build_offer(view, guess, self.style(view))
            if offer is not None:
                return act.Propose(self.side, offer)
        return act.Pass(self.side)

    def wants_to_conclude(self, view: PlayerView) -> bool:
        return view.can("propose_conclude") and view.round >= view.rounds - 1 \
            and view.score_now >= self.target(view) and view.exchanges == 0

    def wants_to_walk(self, view: PlayerView) -> bool:
        """Leave only when the board is worth less than walking out costs, at the last chance."""
        floor = view.walk_away - 2 * view.collapse_penalty
        return view.final_round and view.score_now < floor - 1

    def gesture(self, view: PlayerView) -> act.Action | None:
        if not view.can("gesture"):
            return None
        concession = cheapest_gesture(view, Guess(view))
        return act.Gesture(self.side, concession.irritant, concession.to) if concession else None

    def retaliation(self, view: PlayerView) -> act.Action | None:
        if not view.can("retaliate"):
            return None
        concession = retaliation_target(view)
        return act.Retaliate(self.side, concession.irritant, concession.to) if concession else None


class TitForTat(Strategy):
    """Tit-for-tat answers your last move in kind. It opens neutral and fair; after a
    conciliatory statement it is conciliatory, after a hardline one it is hardline; a
    gesture gets a gesture back and a retaliation gets a retaliation. It accepts packages
    that are fair by its own numbers and never holds a grudge longer than one move: make
    a friendly move and it comes back at once."""

    name = "tit-for-tat"

    def posture(self, view: PlayerView) -> Posture:
        return view.their_last_posture or Posture.NEUTRAL

    def move(self, view: PlayerView) -> act.Action:
        last = view.their_last_move
        if last in ("retaliate", "renege"):
            action = self.retaliation(view)
            if action is not None:
                return action
        if last == "gesture":
            action = self.gesture(view)
            if action is not None:
                return action
        return super().move(view)

    def style(self, view: PlayerView) -> Style:
        return Style(ask_rungs=1, max_asks=1, their_share=0.6)

    def fairness(self, view: PlayerView) -> float:
        return 0.9


class Grit(Strategy):
    """GRIT (Graduated Reciprocation in Tension-reduction, after Osgood) opens with a small
    unilateral gesture on something that costs it little, announces it with conciliatory
    words, and keeps making small gestures as long as you reciprocate. It answers a
    retaliation once, in proportion, then goes back to gestures. It accepts generous and
    fair packages readily, but it will not give away what it values most."""

    name = "grit"

    def posture(self, view: PlayerView) -> Posture:
        return Posture.NEUTRAL if view.their_last_move in ("retaliate", "renege") else Posture.CONCILIATORY

    def move(self, view: PlayerView) -> act.Action:
        last = view.their_last_move
        if last in ("retaliate", "renege"):
            action = self.retaliation(view)
            if action is not None:
                return action
        if self.wants_to_walk(view):
            return act.WalkOut(self.side)
        gestured = sum(1 for deal in view.deals) == 0 and last in ("", "gesture", "pass", "propose", "accept")
        if gestured and view.round <= max(2, view.rounds // 3) and view.trust < 70:
            action = self.gesture(view)
            if action is not None:
                return action
        return super().move(view)

    def style(self, view: PlayerView) -> Style:
        return Style(ask_rungs=1, max_asks=1, their_share=0.8)

    def fairness(self, view: PlayerView) -> float:
        return 0.7


class Hardliner(Strategy):
    """The hardliner (a Boulware bargainer) asks for a lot and gives almost nothing until
    the deadline looms, then concedes quickly. Its statements are hardline while it has
    time, which plays well at home. It never gestures and punishes every retaliation.
    Beat it by holding firm early, offering what costs you little, and being ready for
    its late concessions; do not waste your best cards in the first rounds."""

    name = "hardliner"

    def posture(self, view: PlayerView) -> Posture:
        return Posture.HARDLINE if view.time < 0.6 else Posture.NEUTRAL

    def aspiration(self, view: PlayerView) -> float:
        ideal = min(100.0, view.walk_away + 45)
        return view.walk_away + (ideal - view.walk_away) * (1 - view.time ** 4)

    def style(self, view: PlayerView) -> Style:
        if view.time < 0.6:
            return Style(ask_rungs=2, max_asks=2, their_share=0.0, min_gain=4.0, demand_only=True)
        return Style(ask_rungs=1, max_asks=1, their_share=0.7, min_gain=1.0)

    def fairness(self, view: PlayerView) -> float:
        return 2.0 if view.time < 0.6 else 0.6

    def move(self, view: PlayerView) -> act.Action:
        if view.their_last_move in ("retaliate", "renege"):
            action = self.retaliation(view)
            if action is not None:
                return action
        return super().move(view)


class Conceder(Strategy):
    """The conceder wants a deal and shows it: conciliatory words, early and steady
    concessions, and acceptance of almost any package that leaves it better off. It
    concedes fastest at the start and keeps going round after round. It is easy to
    get a deal from, but it still will not cross its own absolute red lines, and
    squeezing it too hard drains the trust a deal needs."""

    name = "conceder"

    def posture(self, view: PlayerView) -> Posture:
        return Posture.CONCILIATORY

    def aspiration(self, view: PlayerView) -> float:
        ideal = (100.0 + view.walk_away) / 2
        return view.walk_away + (ideal - view.walk_away) * (1 - view.time) ** 3

    def style(self, view: PlayerView) -> Style:
        return Style(ask_rungs=1, max_asks=1, their_share=1.2, min_gain=0.5)

    def fairness(self, view: PlayerView) -> float:
        return 0.25

    def move(self, view: PlayerView) -> act.Action:
        if view.round <= 2 and view.their_last_move != "retaliate":
            action = self.gesture(view)
            if action is not None and self.chance(view, "gesture") < 0.6:
                return action
        return super().move(view)


class Opportunist(Strategy):
    """The opportunist plays nice while trust is low, to build it, and cashes it in when
    trust is high: hardline words for the home audience, greedier packages, and, if you
    left a concession of its unlinked in an earlier deal, it may renege on it while
    trust can absorb the blow. Link your packages and watch the trust meter: the
    higher it climbs, the harder this opponent pushes."""

    name = "opportunist"

    HIGH_TRUST = 60

    def high(self, view: PlayerView) -> bool:
        return view.trust >= self.HIGH_TRUST

    def posture(self, view: PlayerView) -> Posture:
        return Posture.HARDLINE if self.high(view) else Posture.CONCILIATORY

    def style(self, view: PlayerView) -> Style:
        if self.high(view):
            return Style(ask_rungs=2, max_asks=2, their_share=0.2, min_gain=3.0)
        return Style(ask_rungs=1, max_asks=1, their_share=0.6)

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


STRATEGIES: dict[str, type[Strategy]] = {
    cls.name: cls for cls in (TitForTat, Grit, Hardliner, Conceder, Opportunist)
}
