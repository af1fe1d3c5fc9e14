"""Seeded randomness that does not depend on process, platform or PYTHONHASHSEED.

The game draws from a counter-free generator: each draw hashes the game's seed
with what the draw is for (the tone of a side in a round, an inject's roll), so
the same seed always gives the same draws, in any order, in any process.
Computer opponents draw the same way, with their side and the moment (the
number of actions so far) among the keys: their own generator, seeded from the
game's seed and their side, that also gives the same draws after a resume.
"""

from __future__ import annotations

try:
    # hashlib's own BLAKE2 comes from this built-in module; importing hashlib would also load OpenSSL's
    # bindings, about a tenth of the engine's import time, for a function the engine does not use.
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it: the same function through hashlib
    from hashlib import blake2b


def draw(seed: int, *keys: object) -> float:
    """A number in [0, 1) fixed by the seed and the keys."""
    text = ":".join([str(seed), *map(str, keys)]).encode()
    digest = blake2b(text, digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64
