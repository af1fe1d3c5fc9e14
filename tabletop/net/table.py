"""One table of a class on the host: a Game, its save, its action-id journal, its computer seats and its clock.

Every change goes through :meth:`Table.submit`, one at a time per table (an
``asyncio.Lock``): the action is applied with ``Game.apply`` (a refused one
changes nothing), its journal line and save line are written and synced in a
worker thread, and only then is anyone told (``on_change``). Computer seats
then move by themselves, each move an ordinary action through the same door.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from pathlib import Path

import attrs

from tabletop.engine import actions as act
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.opponents import Strategy, make_opponent
from tabletop.errors import UserError
from tabletop.net.classstate import TableState
from tabletop.net.clock import TurnClock
from tabletop.net.journal import ActionJournal, Key
from tabletop.net.views import PublicTable
from tabletop.saves.signing import SaveKey
from tabletop.saves.writer import SaveWriter, WrongPassphrase, load_save, rewrite

HUMAN = "human"
ENDED = "the class has ended"
JOURNAL_SUFFIX = ".ids"
RESEAT_SUFFIX = ".reseat.jsonl"
"""The save written again with new seats in its header, before it replaces the save (see ``Table.seat``)."""


@attrs.frozen
class Outcome:
    """The answer to one action: applied as number ``n``, or refused with a one-line ``message``."""

    ok: bool
    n: int = 0
    message: str = ""
    duplicate: bool = False

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"ok": self.ok}
        if self.ok:
            data["n"] = self.n
            if self.duplicate:
                data["duplicate"] = True
        else:
            data["message"] = self.message
        return data


class Table:
    """A table of the class, as the host holds it."""

    def __init__(self, info: TableState, game: Game, writer: SaveWriter, journal: ActionJournal) -> None:
        self.info = info
        self.id = info.id
        self.game = game
        self.writer = writer
        self.journal = journal
        self.lock = asyncio.Lock()
        self.clock = TurnClock()
        self.now: Callable[[], float] = time.monotonic
        """The clock's time source (tests move it by hand)."""
        self.frozen = ""
        """Why the table takes no more actions ("" while it plays): the class ended, or its save failed."""
        self.on_change: Callable[[Table, int], Awaitable[None]] | None = None
        self.connected: Callable[[Table, Side], bool] = lambda table, side: True
        self._opponents: dict[tuple[Side, str], Strategy] = {}
        self.writers: Executor | None = None
        """Threads for the synced writes; concurrent syncs share the disk's commits (None: asyncio's default)."""
        self.public = PublicTable()
        """The public table as last sent to the seats (updates carry what changed since)."""
        self.show_opponent = writer.header.get("show_opponent") is True
        """The trainer chose to show the seats a computer's style (``tabletop host --show-opponent``); else only
        the debrief names it. Kept in the save's header, so a restarted host keeps it."""
        self.tick(self.now())

    # -- opening -------------------------------------------------------------

    @classmethod
    def start(cls, info: TableState, scenario: Scenario, folder: Path, timer: int | None,
              key: SaveKey | None = None, show_opponent: bool = False) -> Table:
        """A new game for this table, its save created at once, signed with ``key`` (and the round timer set);
        ``show_opponent``: the seats are shown a computer's style."""
        seats = {side: info.seats[side].player for side in SIDES}
        game = Game(scenario, info.seed, seats)
        seconds = (scenario.rules.round_timer or 0) if timer is None else timer
        if seconds:
            game.apply(act.SetTimer(seconds))
        writer = SaveWriter.create(game, folder, name=cls.save_name(info), key=key, show_opponent=show_opponent)
        info.save = writer.path.name
        journal = ActionJournal.open(writer.path.with_name(writer.path.name + JOURNAL_SUFFIX), game.actions)
        return cls(info, game, writer, journal)

    @staticmethod
    def save_name(info: TableState) -> str:
        return f"table-{info.id}.jsonl"

    @classmethod
    def restore(cls, info: TableState, folder: Path, passphrase: str = "", show_opponent: bool = False) -> Table:
        """The table's game rebuilt from its save (every action replayed and verified; a signed save's
        signature checked with the facilitator's ``passphrase``, which goes on signing it).

        ``show_opponent``: the trainer now shows the seats a computer's style (recorded in the save's header);
        a table whose header already records it keeps showing it."""
        path = folder / str(info.save)
        path.with_name(path.stem + RESEAT_SUFFIX).unlink(missing_ok=True)  # a rewrite cut short by a crash
        loaded = load_save(path)
        try:
            key = loaded.unlock(passphrase) if loaded.signed else None
        except WrongPassphrase:
            raise WrongPassphrase(f"{path}: is signed with another facilitator passphrase: start the host with the "
                                  "one the class began with (--passphrase or $TABLETOP_PASSPHRASE; a generated one "
                                  "is in class-state.json)") from None
        game = loaded.replay(verify=True)
        game.seats.update({side: info.seats[side].player for side in SIDES})
        writer = SaveWriter.resume(loaded, key)
        if show_opponent and writer.header.get("show_opponent") is not True:
            try:
                writer = rewrite(writer, game, show_opponent=True, suffix=RESEAT_SUFFIX)
            except BaseException:
                writer.close()
                raise
        journal = ActionJournal.open(path.with_name(path.name + JOURNAL_SUFFIX), game.actions)
        return cls(info, game, writer, journal)

    def close(self) -> None:
        self.writer.close()
        self.journal.close()

    # -- questions -----------------------------------------------------------

    def player(self, side: Side) -> str:
        return self.info.seats[side].player

    def is_human(self, side: Side) -> bool:
        return self.player(side) == HUMAN

    def player_shown(self, side: Side) -> str:
        """Who plays ``side`` as the seats may be told: a computer's style only if the trainer shows it."""
        return self.player(side) if self.is_human(side) or self.show_opponent else "computer"

    def clock_runs(self) -> bool:
        game = self.game
        if self.frozen or game.is_over or game.state.paused or not game.state.timer:
            return False
        due = game.awaiting()
        return bool(due) and all(self.is_human(s) and self.connected(self, s) for s in due)

    def tick(self, now: float) -> None:
        self.clock.observe(self.game, self.clock_runs(), now)

    def time_left(self) -> float | None:
        return self.clock.remaining if self.game.state.timer and not self.game.is_over else None

    # -- the one door ----------------------------------------------------------

    async def submit(self, action: act.Action, key: Key | None = None) -> Outcome:
        """Apply ``action`` (a resent ``key`` is answered with its first outcome), then let computers move."""
        async with self.lock:
            if key is not None and (known := self.journal.lookup(key)) is not None:
                if known[1] != action.to_dict():
                    return Outcome(False, message=f"action id {key[1]!r} was already used for another action")
                return Outcome(True, known[0], duplicate=True)
            outcome = await self._commit(action, key)
            if outcome.ok:
                await self._drive()
            return outcome

    async def _commit(self, action: act.Action, key: Key | None) -> Outcome:
        if self.frozen:
            return Outcome(False, message=self.frozen)
        game = self.game
        start = len(game.events)
        try:
            game.apply(action)
        except IllegalAction as error:
            return Outcome(False, message=str(error))
        n = len(game.actions)
        try:
            await asyncio.get_running_loop().run_in_executor(self.writers, self._write, key, n, action)
        except UserError as error:
            self.game = game.at(n - 1)
            if key is not None:
                self.journal.forget(key)
            self.frozen = f"the table stopped: {error}"
            if self.on_change is not None:
                await self.on_change(self, len(self.game.events))
            return Outcome(False, message=self.frozen)
        self.tick(self.now())
        if self.on_change is not None:
            await self.on_change(self, start)
        return Outcome(True, n)

    def _write(self, key: Key | None, n: int, action: act.Action) -> None:
        if key is not None:
            self.journal.record(key, n, action.to_dict())
        self.writer.append(self.game)

    async def _drive(self) -> None:
        """Computer seats move while the game waits for them (never while paused, over or frozen)."""
        for _ in range(10_000):
            game = self.game
            if self.frozen or game.is_over or game.state.paused:
                return
            due = [side for side in game.awaiting() if not self.is_human(side)]
            if not due:
                return
            side = due[0]
            player = self.player(side)
            opponent = self._opponents.get((side, player))
            if opponent is None:
                opponent = self._opponents[(side, player)] = make_opponent(player, side, game.seed)
            move = opponent.decide(game)
            outcome = await self._commit(move, None)
            # A computer move the rules refuse would stall the table: it counts as time up instead.
            if not outcome.ok and not self.frozen and not (await self._commit(act.TimeUp(), None)).ok:
                return

    async def drive(self) -> None:
        """Let computer seats move now (after a seat change or a resume)."""
        async with self.lock:
            await self._drive()

    async def time_up(self) -> bool:
        """The clock ran out: whoever is due passes (a ``TimeUp`` action). False if nothing was due."""
        async with self.lock:
            self.tick(self.now())
            if not self.clock_runs() or self.clock.remaining is None or self.clock.remaining > 0:
                return False
            outcome = await self._commit(act.TimeUp(), None)
            if outcome.ok:
                await self._drive()
            return outcome.ok

    async def seat(self, side: Side, player: str) -> Outcome:
        """Seat a computer strategy (or a human team again) at ``side``; the change is noted in the log."""
        async with self.lock:
            if self.frozen:
                return Outcome(False, message=self.frozen)
            self.info.seats[side].player = player
            self.game.seats[side] = player
            who = "a human team" if player == HUMAN else f"the computer ({player})"
            outcome = await self._commit(act.Note(f"{side.title} is now played by {who}."), None)
            if outcome.ok:
                try:
                    await asyncio.get_running_loop().run_in_executor(self.writers, self._record_seats)
                except UserError as error:  # the save stays as it was, whole; the class state knows the seat
                    print(f"tabletop host: table {self.id}: the save's header still names the old seats ({error})",
                          file=sys.stderr, flush=True)
            await self._drive()
            return outcome if outcome.ok else Outcome(True, len(self.game.actions))

    def _record_seats(self) -> None:
        """Write the seats as they are now into the save's header: the whole save is written again (chained and
        signed with the same key, the trainer's choice to show a computer's style kept) beside it, synced, and
        put in its place in one rename."""
        self.writer = rewrite(self.writer, self.game, suffix=RESEAT_SUFFIX)
