"""The evidence behind the opponent model: what one side reads about the other in the public record.

A frequency model, after Baarslag, Hendrikx, Hindriks and Jonker ("Learning
about the opponent in automated bilateral negotiation", 2016): a side cannot
see the other's valuations, so it counts what the other side does. An irritant
the other side asks for often, early and high is one it values; one of its own
irritants it offers readily, or moves in a gesture, is cheap for it; one it
refuses to move when asked is dear to it.

:class:`Evidence` also keeps what every opponent needs from the record: the
packages the other side turned down (rejected or countered), so none is put to
it again unchanged; its own offers, in our points; the rungs it has shown it
can live with or refused; and the reciprocity ledger, gestures made and
returned by each side. It is a fold over the public moves in order, updated
incrementally, so a model built fresh at any moment equals one carried through
the game. What the evidence says is :class:`tabletop.engine.opponents.model.OpponentModel`.
"""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.model import Side
from tabletop.engine.opponents.view import PlayerView
from tabletop.engine.state import Concession, Offer

MINE, THEIRS, SHARED = 0, 1, 2
"""Who moves an irritant, seen from the side that keeps the model."""

Key = tuple[Concession, ...]


def _after(board: tuple[int, ...], offer: Offer, position: dict[str, int]) -> list[int]:
    after = list(board)
    for concession in offer.concessions:
        i = position[concession.irritant]
        after[i] = max(after[i], concession.to)
    return after


def package_key(offer: Offer) -> Key:
    """A package as the other side sees it: its concessions (links do not make it a new package)."""
    return offer.concessions


class Ledger:
    """Gestures made and returned by each side (a return: a gesture, or a deal in which the side gave its own)."""

    def __init__(self) -> None:
        self.gestures = {Side.WASHINGTON: 0, Side.MOSCOW: 0}
        self.returns = {Side.WASHINGTON: 0, Side.MOSCOW: 0}

    def gesture(self, side: Side) -> None:
        self.gestures[side] += 1
        self.returns[side] += 1

    def gave_in_deal(self, side: Side) -> None:
        self.returns[side] += 1

    def pocketed(self, side: Side) -> int:
        """How many more gestures ``side`` has received than it has returned."""
        return self.gestures[side.other] - self.returns[side]


class Evidence:
    """One side's record of the other side's public moves, read incrementally (see the module)."""

    LIMIT_EVIDENCE = 2
    """Counters asking less of a rung before it is taken for the other side's limit."""

    def __init__(self, view: PlayerView) -> None:
        self.side = view.side
        self.position = view.position
        self.movers: list[int] = []
        self.starts: list[int] = []
        self.spans: list[int] = []
        for irritant in view.irritants:
            self.movers.append(MINE if view.moves(irritant) else THEIRS if view.they_move(irritant) else SHARED)
            self.starts.append(irritant.start)
            self.spans.append(max(1, irritant.top - irritant.start))
        n = len(self.movers)
        self.asked = [0.0] * n
        """Evidence that the other side values an irritant it does not move alone."""
        self.given = [0.0] * n
        """Evidence that one of its own irritants is cheap for it."""
        self.resisted = [0.0] * n
        """Evidence that one of its own irritants (or a shared one) is dear to it: refused when asked."""
        self.turned_down: set[Key] = set()
        """My packages the other side rejected or countered."""
        self.agreed = list(self.starts)
        """Per irritant, the highest rung the other side has shown it can live with (offered, gestured, agreed)."""
        self.cut: list[dict[int, int]] = [{} for _ in range(n)]
        """Per irritant, how often it countered my ask of a rung (above ``agreed``) with less."""
        self.their_offers: list[float] = []
        """My score of the board each of their packages would have made, in order."""
        self.ledger = Ledger()
        self.gifts: list[float] = []
        """What each of their gestures was worth to me, in order."""
        self.retaliations = {Side.WASHINGTON: 0, Side.MOSCOW: 0}
        self.disclosed: tuple[str, ...] | None = None
        """The other side's latest statement of its priorities (None: it has stated none)."""
        self.cursor = 0
        self._table: tuple[Side, tuple[Offer, ...]] | None = None
        """Who put what on the table: one package, or several of equal value to their proposer."""
        self._per_rung: list[float] | None = None
        self._limits: list[int | None] | None = None

    # -- learning ---------------------------------------------------------------

    def update(self, view: PlayerView) -> None:
        """Read the public moves made since the last update."""
        for n, action, board in view.public_moves(self.cursor):
            self._read(view, action, board)
            if isinstance(action, (act.Reject, act.Counter)) and action.side is not self.side:
                self._refused(view, n)
            self.cursor = n + 1
        self.cursor = max(self.cursor, view.action_count)

    def _read(self, view: PlayerView, action: act.Action, board: tuple[int, ...]) -> None:
        me = self.side
        side = getattr(action, "side", None)
        if isinstance(action, (act.Propose, act.Counter)):
            if isinstance(action, act.Counter) and self._table is not None and self._table[0] is me:
                for offer in self._table[1]:
                    self._turned_down(offer)
                if len(self._table[1]) == 1:
                    self._cut(self._table[1][0], action.offer)
            if side is not me:
                self._their_offer(view, action.offer, board)
            self._table = (action.side, (action.offer,))
        elif isinstance(action, act.ProposeMeso):
            if side is not me:
                self._their_set(view, action.offers, board)
            self._table = (action.side, action.offers)
        elif isinstance(action, act.DisclosePriorities):
            if side is not me and action.ranking:
                self._disclosed(action.ranking)
        elif isinstance(action, (act.Accept, act.AcceptOption)):
            if self._table is not None:
                proposer, table = self._table
                offer = table[action.option] if isinstance(action, act.AcceptOption) else table[0]
                if isinstance(action, act.AcceptOption) and side is not me:
                    self._picked(table, action.option)
                if side is not me:
                    for concession in offer.concessions:
                        i = self.position[concession.irritant]
                        if self.movers[i] == THEIRS:
                            self.given[i] += 0.3
                        else:
                            self.asked[i] += 0.3
                for giver in (Side.WASHINGTON, Side.MOSCOW):
                    if self._gives(offer, giver):
                        self.ledger.gave_in_deal(giver)
                self._agree(offer)
            self._table = None
        elif isinstance(action, act.Reject):
            if self._table is not None and self._table[0] is me and side is not me:
                for offer in self._table[1]:
                    self._turned_down(offer)
            self._table = None
        elif isinstance(action, act.Gesture):
            self.ledger.gesture(action.side)
            if side is not me:
                i = self.position[action.irritant]
                self.given[i] += 1.5
                self.agreed[i] = max(self.agreed[i], action.to)
                self._limits = None
                self._per_rung = None
                after = list(board)
                after[i] = max(after[i], action.to)
                self.gifts.append(view.score(after) - view.score(board))
        elif isinstance(action, (act.Retaliate, act.Renege)):
            self.retaliations[action.side] += 1

    def _their_offer(self, view: PlayerView, offer: Offer, board: tuple[int, ...], share: float = 1.0,
                     record: bool = True) -> None:
        early = share / (1.0 + 0.25 * len(self.their_offers))
        after = list(board)
        position, starts, spans, movers = self.position, self.starts, self.spans, self.movers
        given, asked, agreed = self.given, self.asked, self.agreed
        for concession in offer.concessions:
            i = position[concession.irritant]
            to, was, start = concession.to, board[i], starts[i]
            height = (to - (was if was > start else start)) / spans[i]
            weight = early * (0.5 + (height if height > 0.0 else 0.0))
            mover = movers[i]
            if mover == THEIRS:
                given[i] += weight
            else:
                # A shared irritant in its package may be a give as much as an ask: half the evidence.
                asked[i] += weight if mover == MINE else weight / 2
            if to > was:
                after[i] = to
            if record and to > agreed[i]:
                agreed[i] = to  # what it offered, it can live with (as _agree)
        if record:
            self._limits = None
            self.their_offers.append(view.score(after))
        self._per_rung = None

    DISCLOSED = 1.2
    """Evidence a stated priority carries, for the first named (less for each one after it)."""

    def _disclosed(self, ranking: tuple[str, ...]) -> None:
        """What the other side says matters most to it: taken at its word, as evidence among the rest.

        A statement replaces the one before (a side that changes its story is not counted twice).
        """
        previous, self.disclosed = self.disclosed, ranking
        for sign, stated in ((-1.0, previous or ()), (1.0, ranking)):
            for rank, irritant in enumerate(stated):
                i = self.position[irritant]
                weight = sign * self.DISCLOSED * max(0.25, 1.0 - 0.25 * rank)
                if self.movers[i] == MINE:
                    self.asked[i] += weight
                elif self.movers[i] == SHARED:
                    self.asked[i] += weight / 2
                else:
                    self.resisted[i] += weight / 2
        self._per_rung = None

    def _their_set(self, view: PlayerView, offers: tuple[Offer, ...], board: tuple[int, ...]) -> None:
        """Their packages of equal value to them: each is evidence, shared out; the best for me is their offer."""
        best = max(offers, key=lambda offer: view.score(_after(board, offer, self.position)))
        for offer in offers:
            self._their_offer(view, offer, board, share=1.0 / len(offers), record=offer is best)

    def _picked(self, table: tuple[Offer, ...], option: int) -> None:
        """They picked one of my equal packages: what it asked of me and the others did not is what they want."""
        chosen = {c.irritant for c in table[option].concessions}
        others = {c.irritant for n, offer in enumerate(table) if n != option for c in offer.concessions}
        for irritant in chosen - others:
            i = self.position[irritant]
            if self.movers[i] == MINE:
                self.asked[i] += 0.5
        for irritant in others - chosen:
            i = self.position[irritant]
            if self.movers[i] == THEIRS:
                self.resisted[i] += 0.5
        self._per_rung = None

    def _turned_down(self, offer: Offer) -> None:
        self.turned_down.add(package_key(offer))
        for concession in offer.concessions:
            i = self.position[concession.irritant]
            if self.movers[i] != MINE:
                self.resisted[i] += 1.0
        self._per_rung = None

    def _agree(self, offer: Offer) -> None:
        self._limits = None
        for concession in offer.concessions:
            i = self.position[concession.irritant]
            self.agreed[i] = max(self.agreed[i], concession.to)

    def _cut(self, mine: Offer, theirs: Offer) -> None:
        """Their counter asks less of an irritant of theirs (or a shared one) than I asked: a sign of a limit."""
        self._limits = None
        countered = {c.irritant: c.to for c in theirs.concessions}
        for concession in mine.concessions:
            i = self.position[concession.irritant]
            if self.movers[i] != MINE and countered.get(concession.irritant, -1) < concession.to:
                self.cut[i][concession.to] = self.cut[i].get(concession.to, 0) + 1

    def _refused(self, view: PlayerView, n: int) -> None:
        """Their rejection (or counter) said my ask went past their absolute red line (no rung named): ask
        for less of it.

        The words are public from that move on; taken as decisive evidence of a limit below the rung
        asked, so no package of mine asks that rung (or more) of it again.
        """
        told = view.refused_past_red_line(n)
        if not told:
            return
        for concession in told:
            i = self.position[concession.irritant]
            self.cut[i][concession.to] = max(self.cut[i].get(concession.to, 0), self.LIMIT_EVIDENCE)
        self._limits = None

    def _gives(self, offer: Offer, side: Side) -> bool:
        """Whether ``side`` moves one of its own irritants in ``offer``."""
        mover = MINE if side is self.side else THEIRS
        return any(self.movers[self.position[c.irritant]] == mover for c in offer.concessions)
