"""What a computer opponent knows of its game and what it holds out for: the concession curve and the target.

:class:`Aims` is the half of every computer opponent (:class:`tabletop.engine.opponents.base.Strategy`
extends it) that reads the game: its temperament and seeded chances, the model of the other side it
carries through the game (:mod:`model`), and the score a package must bring it now, falling along a
named curve from a best hope to a last-round floor, ``target(t) = floor + (best - floor) * (1 - t ** (1 / e))``
(``e`` below 1 holds out, Boulware; above 1 gives early, Conceder). The floor is its alternative once the other
side has put a package forward before the final round, and half its room higher until then (a side that waits
for its last offer without putting anything forward does not get all of its room). The target is raised when
it is cooled and lowered by what the other side's unreturned gestures brought it. It also weighs a board as it would stand
should the other side take back every gesture no deal protects (:meth:`Aims.secure`): a careful negotiator
does not count on what the other side can take back at will.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from tabletop.engine.model import Side
from tabletop.engine.opponents.conduct import COOLING, HOLD_OUT, concession_curve, own_side
from tabletop.engine.opponents.ladders import MyRungs, Terms
from tabletop.engine.opponents.model import OpponentModel
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.randomness import draw
from tabletop.engine.state import Offer, deal_floor

if TYPE_CHECKING:
    from tabletop.engine.game import Game

OFFERS = frozenset({"propose", "counter", "propose_meso"})


def offered_before_the_last_round(game: Game, side: Side, start: int = 0) -> bool:
    """Whether ``side`` has put a package (or a set of them) forward in a round before the final one (public),
    looking at the actions from ``start`` on."""
    last = game.scenario.rounds
    history = game.history
    actions = game.actions
    return any(actions[n].kind in OFFERS and getattr(actions[n], "side", None) is side and history[n].round < last
               for n in range(start, len(actions)))


class Aims:
    """What a computer opponent knows of its game and the score it holds out for (see the module)."""

    name = ""
    e = 1.0
    """The exponent of the concession curve."""
    reach = 0.5
    """How far from the alternative towards the most it could hope for its opening target lies."""
    terms = Terms()
    credit = 1.0
    """How much of what the other side's unreturned gestures brought it an opponent gives back in its packages."""
    careful = True
    """Whether it weighs a board with the other side's unprotected gestures taken back (:meth:`secure`)."""

    def __init__(self, side: Side, seed: int) -> None:
        self.side = side
        self.seed = seed
        # Each game's opponent has a temperament, -1 (tough) to +1 (soft), fixed by seed and side.
        self.temper = draw(seed, "temper", side.value) * 2 - 1
        self._game: weakref.ref[Game] | None = None
        self._model: OpponentModel | None = None
        self._mine: MyRungs | None = None
        self._best = 0.0
        self._start = 0.0
        self._target: tuple[PlayerView, float] | None = None
        self._offered = False
        """Whether the other side has put a package forward before the final round (until it has, my
        concession curve stops short of my alternative: :meth:`floor`), read from the public history up to
        action ``_scanned``."""
        self._scanned = 0

    def chance(self, view: PlayerView, *keys: object) -> float:
        """A number in [0, 1) from this opponent's own generator, fixed by seed, side and moment."""
        return draw(self.seed, "opponent", self.side.value, view.action_count, *keys)

    # -- what it knows of this game -----------------------------------------------

    def learn(self, game: Game, view: PlayerView) -> OpponentModel:
        """The model of the other side, carried through the game (rebuilt for another game)."""
        model = self._model
        if model is None or self._game is None or self._game() is not game or model.cursor > len(game.actions):
            model = self._model = OpponentModel(view)
            self._game = weakref.ref(game)
            self._mine, self._best, self._start = own_side(game.scenario, view)
            self._offered, self._scanned = False, 0
        model.update(view)
        if not self._offered:
            self._offered = offered_before_the_last_round(game, self.side.other, self._scanned)
            self._scanned = len(game.actions)
        return model

    @property
    def model(self) -> OpponentModel:
        assert self._model is not None, "decide() reads the game first"
        return self._model

    @property
    def mine(self) -> MyRungs:
        assert self._mine is not None, "decide() reads the game first"
        return self._mine

    def cold(self, view: PlayerView) -> bool:
        """Cooled by a side that pocketed my gestures without returning them."""
        return self.model.pocketing()


    # -- what the other side can take back ------------------------------------------

    def secure(self, view: PlayerView, offer: Offer | None = None) -> float:
        """My score of the board (after ``offer``, if given) should the other side take back every gesture
        no deal protects: each irritant it moves alone falls back to where the talks started, or to the rung
        a standing deal (or ``offer``) sets on it, if higher. (A retaliation may go further, below the start;
        that is a hostile move, not a gesture taken back, and is answered as one.) Not ``careful``: the board
        as it stands."""
        if not self.careful:
            return view.score_after(offer) if offer is not None else view.score_now
        rungs = list(view.apply_offer(offer) if offer is not None else view.rungs)
        covered = {c.irritant: c.to for c in offer.concessions} if offer is not None else {}
        for index, irritant in enumerate(view.irritants):
            if rungs[index] <= irritant.start or not view.they_move(irritant):
                continue
            floor = max(irritant.start, deal_floor(view.deals, irritant.id)[0], covered.get(irritant.id, 0))
            rungs[index] = min(rungs[index], floor)
        return view.score(rungs)

    def exposed(self, view: PlayerView, offer: Offer) -> bool:
        """Whether ``offer`` would leave me below my alternative once the other side took back what no deal
        protects (then I neither accept nor propose it)."""
        return self.careful and self.secure(view, offer) < view.alternative

    # -- the curve and the target ------------------------------------------------

    def best(self, view: PlayerView) -> float:
        """The score it opens by hoping for."""
        return view.alternative + self.reach * max(0.0, self._best - view.alternative)

    def curve(self, view: PlayerView, e: float | None = None) -> float:
        """The time-dependent target: from ``best`` in the first round to :meth:`floor` in the last."""
        best = self.best(view)
        return concession_curve(self.floor(view, best), best, view.time, e or self.e)

    def floor(self, view: PlayerView, best: float) -> float:
        """Where my curve ends: my alternative once the other side has put a package forward before the final
        round; until then ``HOLD_OUT`` of my room (``best`` less the alternative) above it. A side that turns
        everything down and waits for my last offer, putting nothing forward, has given me nothing to answer.
        Any package lifts it, even one that only asks (a stricter test, what a package would gain me, makes two
        Boulware bargainers deadlock: docs/BALANCE.md)."""
        if self._offered:
            return view.alternative
        return view.alternative + HOLD_OUT * max(0.0, best - view.alternative)

    def aspiration(self, view: PlayerView) -> float:
        """The score I hold out for at this point of the talks (before temperament and cooling)."""
        return self.curve(view)

    def target(self, view: PlayerView) -> float:
        """What a package must bring me now: the aspiration, shifted by temperament, raised when I am
        cooled, lowered by what the other side's unreturned gestures brought me (repaid in the package)."""
        memo = self._target
        if memo is not None and memo[0] is view:
            return memo[1]  # asked several times in one decision
        value = self.aspiration(view) - 6.0 * self.temper - self.credit * self.model.owed_value()
        if self.cold(view):
            value += COOLING
        value = max(view.alternative, value)
        self._target = (view, value)
        return value

    def fairness(self, view: PlayerView) -> float:
        """How many of my points a package must give me per point I guess it gives them."""
        return 0.8

    def needed_ratio(self, view: PlayerView) -> float:
        return self.fairness(view) * (1 - 0.3 * self.temper)

    def package_terms(self, view: PlayerView) -> Terms:
        return self.terms
