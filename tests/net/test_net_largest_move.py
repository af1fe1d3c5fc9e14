"""The largest legal move a seat can send reaches the host.

A scenario that validates may have ``MAX_IRRITANTS`` irritants with ids of ``MAX_ID`` characters; a seat may put a
set of ``MESO_MAX`` packages on the table, each moving every irritant with every pair linked. The host refuses
frames over ``MAX_MESSAGE_BYTES`` (it was 32 KiB, under this move once ids passed about 20 characters), so the
bound must hold that move, and the validator must hold ids to ``MAX_ID``.
"""

from __future__ import annotations

import itertools
import json

import pytest

from tabletop.engine import actions as act
from tabletop.engine.action_reader import action_from_dict
from tabletop.engine.limits import MAX_ID, MAX_IRRITANTS, MAX_RUNGS
from tabletop.engine.model import Side
from tabletop.engine.process import MESO_MAX
from tabletop.engine.state import Concession, Offer
from tabletop.net.protocol import MAX_MESSAGE_BYTES, parse


def largest_move() -> act.ProposeMeso:
    ids = [f"{n:02d}-" + "x" * (MAX_ID - 3) for n in range(MAX_IRRITANTS)]
    assert all(len(i) == MAX_ID for i in ids)
    offer = Offer(tuple(Concession(i, MAX_RUNGS - 1) for i in ids), tuple(itertools.combinations(ids, 2)))
    return act.ProposeMeso(Side.WASHINGTON, (offer,) * MESO_MAX)


def test_the_largest_legal_move_is_a_frame_the_host_reads():
    move = largest_move()
    frame = json.dumps({"type": "act", "action": move.to_dict()}, separators=(", ", ": "))
    assert len(frame.encode("utf-8")) > 32 * 1024  # what the old bound refused
    message = parse(frame)
    assert action_from_dict(message["action"]) == move
    assert len(frame.encode("utf-8")) <= MAX_MESSAGE_BYTES


def test_a_frame_past_the_bound_is_still_refused():
    with pytest.raises(ValueError, match="larger than"):
        parse(json.dumps({"type": "ping", "pad": "x" * MAX_MESSAGE_BYTES}))
