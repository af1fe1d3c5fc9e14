"""Seeded randomness that does not depend on process, platform or PYTHONHASHSEED.

The game draws from a counter-free generator: each draw hashes the game's seed
with what the draw is for (the tone of a side in a round, an inject's roll), so
the same seed always gives the same draws, in any order, in any process.
Computer opponents get a :class:`random.Random` of their own seeded from the
game's seed and their side.
"""

from __future__ import annotations

import hashlib
import random

from tabletop.engine.model import Side


def draw(seed: int, *keys: object) -> float:
    """A number in [0, 1) fixed by the seed and the keys."""
    text = ":".join([str(seed), *map(str, keys)]).encode()
    digest = hashlib.blake2b(text, digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def opponent_rng(seed: int, side: Side) -> random.Random:
    """The generator of a computer opponent playing ``side`` in a game with ``seed``."""
    return random.Random(f"tabletop:{seed}:{side.value}")
