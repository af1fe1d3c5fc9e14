"""A call made once, a while from now, that a loaded machine cannot lose and that ``stop`` really stops.

Textual's ``set_timer`` is a timer of one tick that skips the ticks it is late
for (Textual 8.2, ``Timer._run``): when the timer's task first reads the clock
past the deadline (the process was preempted, or busy, for longer than the
delay), its only tick is skipped and the callback never runs. At a pace of a few
milliseconds on a loaded machine that happens, and a computer's move that never
comes stalls the table for good ("Moscow is deciding…"). So :class:`Later` asks
the event loop itself (``call_later``), which runs a late callback late but never
drops it.

The callback runs in its owner's message queue, as ``set_timer``'s does, and not
at all once the owner is closed. It may already be queued when the call is
stopped (a player pauses just as the computer's move is due): ``stop`` drops it
then too.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.message_pump import MessagePump


class Later:
    """Call ``callback`` once, ``delay`` seconds from now, in ``owner``'s message queue (unless stopped first)."""

    def __init__(self, owner: MessagePump, delay: float, callback: Callable[[], object]) -> None:
        self._owner = owner
        self._callback: Callable[[], object] | None = callback
        self._handle = asyncio.get_running_loop().call_later(max(delay, 0.0), self._due)

    @property
    def pending(self) -> bool:
        """The call is still to be made."""
        return self._callback is not None

    def stop(self) -> None:
        """The call will not be made, even if its time has come and it waits in the owner's queue."""
        self._callback = None
        self._handle.cancel()

    def _due(self) -> None:
        if self._callback is not None:
            self._owner.call_next(self._call)

    def _call(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


__all__ = ["Later"]
