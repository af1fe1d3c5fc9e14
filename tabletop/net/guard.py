"""The host's defences that are not about the game: wrong-code slowdown, browser origins, where it listens."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import time
from collections.abc import AsyncIterator, Callable, Iterable

UNENCRYPTED = ("warning: listening on {host}, beyond this machine: the traffic (join codes, the passphrase, the "
               "briefs) is not encrypted. Put the host behind a TLS proxy (see docs/CLASSROOM.md) or keep it "
               "on a network you trust.")


class Throttle:
    """Slows down repeated wrong codes or passphrases from one address.

    Attempts from one address are answered one at a time; after ``free`` wrong
    ones, each further attempt waits ``base`` seconds, doubling up to ``cap``.
    An address forgets its failures after ``forget`` seconds without one.
    """

    def __init__(self, free: int = 5, base: float = 0.5, cap: float = 30.0, forget: float = 300.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.free, self.base, self.cap, self.forget = free, base, cap, forget
        self.clock = clock
        self._failures: dict[str, tuple[int, float]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def delay(self, address: str) -> float:
        """Seconds the next attempt from ``address`` waits before it is checked."""
        count, last = self._failures.get(address, (0, 0.0))
        if count and self.clock() - last > self.forget:
            self._failures.pop(address, None)
            count = 0
        if count < self.free:
            return 0.0
        return min(self.cap, self.base * 2 ** (count - self.free))

    def failed(self, address: str) -> None:
        count, _ = self._failures.get(address, (0, 0.0))
        now = self.clock()
        self._failures[address] = (count + 1, now)
        if len(self._failures) > 10_000:  # forget the stale addresses of a long day
            for stale in [a for a, (_, t) in self._failures.items() if now - t > self.forget]:
                self._failures.pop(stale, None)

    @contextlib.asynccontextmanager
    async def attempt(self, address: str) -> AsyncIterator[None]:
        """Hold an attempt from ``address``: one at a time, after the address's delay."""
        lock = self._locks.setdefault(address, asyncio.Lock())
        async with lock:
            wait = self.delay(address)
            if wait:
                await asyncio.sleep(wait)
            yield
        if not lock.locked() and address not in self._failures:
            self._locks.pop(address, None)


def origin_allowed(origin: str | None, allowed: Iterable[str]) -> bool:
    """Whether a web socket from ``origin`` may open: clients that send none (not browsers), or a listed origin."""
    if origin is None:
        return True
    wanted = {item.rstrip("/").lower() for item in allowed}
    return origin.rstrip("/").lower() in wanted


def is_loopback(host: str) -> bool:
    if host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
