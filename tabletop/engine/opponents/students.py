"""Scripted students: the simple lines real players fall into, for measuring the game's balance.

They are not opponents a player meets at the table: the tournament sets them
against the computer opponents to check that the game rewards what a good
negotiation course teaches (reciprocity, trading what one values less for what
one values more) over the tempting shortcuts (waiting, grabbing, accepting
everything). Each is a :class:`Strategy`, deciding from its own side's view
only and drawing from its own seeded generator. Here are their base and the
shortcuts; the taught lines are in :mod:`.taught`, every line by name in
:mod:`.student_lines`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabletop.engine import actions as act
from tabletop.engine.model import Response
from tabletop.engine.opponents.base import Strategy, ratified
from tabletop.engine.opponents.planner import Guess, Style, build_offer, cheapest_gesture
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.options import options
from tabletop.engine.state import Concession, Offer

if TYPE_CHECKING:
    from tabletop.engine.game import Game


class Student(Strategy):
    """Base of the scripted students: neutral words, answers injects by responding.

    They bargain the simple way (a fixed guess of the other side, a greedy package,
    a linear target; in the final round any gain will do), unlike the computer
    opponents, so that they stay the same yardstick while the opponents change.
    """

    careful = False  # takes the other side's gestures at face value: the yardstick stays put

    def cold(self, view: PlayerView) -> bool:
        return False

    def respond(self, view: PlayerView) -> Response:
        return Response.RESPOND

    def wants_to_walk(self, view: PlayerView) -> bool:
        return False

    def wants_to_conclude(self, view: PlayerView) -> bool:
        return False

    def agrees_to_conclude(self, view: PlayerView) -> bool:
        return view.score_now >= view.alternative

    def style(self, view: PlayerView) -> Style:
        return Style()

    def aspiration(self, view: PlayerView) -> float:
        ideal = (100.0 + view.alternative) / 2
        return view.alternative + (ideal - view.alternative) * (1 - view.time)

    def target(self, view: PlayerView) -> float:
        return self.aspiration(view) - 6.0 * self.temper

    def acceptable(self, view: PlayerView) -> bool:
        offer = view.offer
        assert offer is not None
        if view.crosses_my_red_line(offer):
            return False
        mine = view.offer_value(offer)
        if mine <= 0:
            return False
        if view.final_round or view.score_now + mine >= self.target(view):
            return True
        theirs = max(0.0, Guess(view).offer_value(view, offer))
        return mine >= self.needed_ratio(view) * theirs

    def takes(self, view: PlayerView) -> bool:
        """Whether this line takes the package on the table (``view.offer``), as it would alone."""
        return self.acceptable(view)

    def answer(self, view: PlayerView) -> act.Action:
        if self.takes(view) and view.can("accept"):
            return act.Accept(self.side)
        if view.can("counter"):
            offer = build_offer(view, Guess(view), self.style(view))
            if offer is not None and offer != view.offer:
                return act.Counter(self.side, offer)
        return act.Reject(self.side)

    def pick_option(self, view: PlayerView) -> act.Action:
        """Several packages on the table: the best for it of those this line would take alone, or none."""
        best: tuple[float, int] | None = None
        if view.can("accept_option"):
            for number, offer in enumerate(view.meso):
                trial = view.with_offer(offer)
                if trial.ratified(offer) and self.takes(trial):
                    value = (view.score_after(offer), -number)
                    best = value if best is None or value > best else best
        return act.AcceptOption(self.side, -best[1]) if best is not None else act.Reject(self.side)

    def move(self, view: PlayerView) -> act.Action:
        if view.can("propose"):
            offer = build_offer(view, Guess(view), self.style(view))
            if offer is not None:
                return act.Propose(self.side, offer)
        return act.Pass(self.side)

    def gesture(self, view: PlayerView) -> act.Action | None:
        if not view.can("gesture"):
            return None
        concession = cheapest_gesture(view, Guess(view))
        return act.Gesture(self.side, concession.irritant, concession.to) if concession else None


class AlwaysAccept(Student):
    """Accepts every package it may accept; otherwise passes."""

    name = "always-accept"

    def takes(self, view: PlayerView) -> bool:
        return True

    def answer(self, view: PlayerView) -> act.Action:
        return act.Accept(self.side) if view.can("accept") else act.Reject(self.side)

    def move(self, view: PlayerView) -> act.Action:
        return act.Pass(self.side)

    def agrees_to_conclude(self, view: PlayerView) -> bool:
        return True


class AlwaysPass(Student):
    """Only waits: passes every turn and turns down every package."""

    name = "always-pass"

    def takes(self, view: PlayerView) -> bool:
        return False

    def answer(self, view: PlayerView) -> act.Action:
        return act.Reject(self.side)

    def move(self, view: PlayerView) -> act.Action:
        return act.Pass(self.side)

    def agrees_to_conclude(self, view: PlayerView) -> bool:
        return False


def grab(view: PlayerView) -> Offer | None:
    """Everything the other side moves, to the top, for nothing in return."""
    asks = [Concession(i.id, i.top) for i in view.irritants
            if view.they_move(i) and view.rungs[view.position[i.id]] < i.top and view.step_value(
                i, view.rungs[view.position[i.id]], i.top) > 0]
    return Offer(tuple(asks)) if asks else None


class FreeRider(Student):
    """Never gives: asks for what it wants, pockets every gesture, accepts any package that gains it points."""

    name = "free-rider"

    def takes(self, view: PlayerView) -> bool:
        assert view.offer is not None
        return view.offer_value(view.offer) > 0

    def answer(self, view: PlayerView) -> act.Action:
        return act.Accept(self.side) if view.can("accept") and self.takes(view) else act.Reject(self.side)

    def move(self, view: PlayerView) -> act.Action:
        offer = grab(view)
        if offer is not None and view.can("propose") and offer not in view.my_rejected_offers:
            return act.Propose(self.side, offer)
        return act.Pass(self.side)


class Ultimatum(Student):
    """Waits out the talks, then in the final round puts everything it wants on the table, take it or leave it."""

    name = "ultimatum"

    def takes(self, view: PlayerView) -> bool:
        assert view.offer is not None
        return view.final_round and view.offer_value(view.offer) > 0

    def answer(self, view: PlayerView) -> act.Action:
        return act.Accept(self.side) if view.can("accept") and self.takes(view) else act.Reject(self.side)

    def move(self, view: PlayerView) -> act.Action:
        if view.final_round and view.can("propose"):
            guess = Guess(view)
            offer = build_offer(view, guess, Style(ask_rungs=3, max_asks=3, their_share=0.1, min_gain=1.0))
            if offer is not None:
                return act.Propose(self.side, offer)
        return act.Pass(self.side)


class Deadline(Ultimatum):
    """Plays for the deadline without letting the talks lapse: turns every package down until the final round
    and makes the cheapest gesture whenever the channel would otherwise go quiet, then in the final round takes
    any gain on the table or puts everything it wants forward, take it or leave it.

    The ``ultimatum`` line waits in silence, so the talks usually lapse before its final round comes; this line
    gets there, to test whether an opponent can be beaten by holding out for its last offer.
    """

    name = "deadline"

    def move(self, view: PlayerView) -> act.Action:
        if not view.final_round and view.lapse_looms and view.can("gesture"):
            gesture = cheapest_gesture(view, Guess(view))
            if gesture is not None:
                return act.Gesture(self.side, gesture.irritant, gesture.to)
        return super().move(view)


class RandomStudent(Student):
    """Picks any move the engine allows, at random (from its own seeded generator)."""

    name = "random"

    def decide(self, game: Game) -> act.Action:
        view = PlayerView(game, self.side)
        seat = options(game, self.side)
        roll = self.chance(view, "random")
        if seat.postures:
            return act.Statement(self.side, seat.postures[int(roll * len(seat.postures))])
        if seat.inject is not None:
            return act.RespondInject(self.side, seat.inject, seat.responses[int(roll * len(seat.responses))])
        if view.question is self.side:
            return act.DisclosePriorities(self.side, ())
        if view.meso:
            picks: list[act.Action] = [act.AcceptOption(self.side, n) for n in range(len(view.meso))]
            return ratified(view, [*picks, act.Reject(self.side)][int(roll * (len(picks) + 1))])
        if view.offer is not None:
            kinds = [k for k in ("accept", "reject") if seat.may(k)]
            return act.Accept(self.side) if kinds[int(roll * len(kinds))] == "accept" else act.Reject(self.side)
        if seat.may("agree_conclude"):
            return act.AgreeConclude(self.side) if roll < 0.5 else act.DeclineConclude(self.side)
        moves: list[act.Action] = [act.Pass(self.side)]
        moves += list(seat.gestures[:2]) + list(seat.retaliations[:1])
        if seat.may("propose"):
            asks = [(i, rungs[0]) for i, rungs in sorted(seat.offer_rungs.items()) if rungs]
            if asks:
                pick = asks[int(self.chance(view, "ask") * len(asks))]
                moves.append(act.Propose(self.side, Offer((Concession(*pick),))))
        return ratified(view, moves[int(roll * len(moves))])
