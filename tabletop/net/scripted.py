"""A scripted seat for load tests and rehearsals: it moves from the options the host sent, nothing else.

It knows no rule: it picks among the moves ``options(game, side)`` offered
(accept what is on the table, else put one small concession on it once a
round, else pass or answer), so it shows that a client can play a whole game
from the host's answers alone.
"""

from __future__ import annotations

from typing import Any


def scripted_move(view: dict[str, Any]) -> dict[str, Any] | None:
    """The action (as data) this seat takes now, or None when it is not its move."""
    side = str(view.get("side", ""))
    options = view.get("options") or {}
    kinds = set(options.get("kinds", ()))
    table = view.get("table") or {}
    if not kinds or side not in table.get("awaiting", ()):
        return None
    if "statement" in kinds:
        return {"type": "statement", "side": side, "posture": "neutral"}
    if "respond_inject" in kinds and options.get("inject"):
        return {"type": "respond_inject", "side": side, "inject": options["inject"], "response": "absorb"}
    if "agree_conclude" in kinds:
        return {"type": "decline_conclude", "side": side}
    if "accept" in kinds:
        return {"type": "accept", "side": side}
    if "reject" in kinds:
        return {"type": "reject", "side": side}
    offered = [(irritant, rungs[0]) for irritant, rungs in sorted(options.get("offer_rungs", {}).items()) if rungs]
    if "propose" in kinds and offered and table.get("exchanges", 0) == 0:
        irritant, rung = offered[(table.get("round", 1) + len(side)) % len(offered)]
        return {"type": "propose", "side": side,
                "offer": {"concessions": [{"irritant": irritant, "to": rung}], "links": []}}
    if "pass" in kinds:
        return {"type": "pass", "side": side}
    return None
