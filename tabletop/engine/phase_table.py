"""The phase machine's table: how a round moves on by itself, and when each kind of action is open.

:mod:`flow` builds the ``transitions`` machine from it and answers "is this legal now" from it, so the two can
never disagree. Each kind of action's phases and conditions are in :mod:`kinds`; here are the ``advance``
transitions (from, to, conditions, the callback before the change: for each phase the first that holds is
taken) and, per trigger and phase, every set of conditions in the machine's order.
"""

from __future__ import annotations

from tabletop.engine.kinds import KINDS
from tabletop.engine.state import Phase

P = Phase
# advance: (from, to, conditions, callback before the change); for each phase the first that holds is taken
ADVANCES: list[tuple[Phase, Phase, tuple[str, ...], str | None]] = [
    (phase, P.ENDED, ("game_over",), None) for phase in P if phase is not P.ENDED
]
ADVANCES += [
    (P.ROUND_START, P.INJECT_RESPONSE, ("choice_pending",), "resume_statements_after_inject"),
    (P.ROUND_START, P.STATEMENTS, (), None),
    (P.INJECT_RESPONSE, P.NEGOTIATION, ("no_choice_pending", "resumes_negotiation"), None),
    (P.INJECT_RESPONSE, P.STATEMENTS, ("no_choice_pending",), None),
    (P.STATEMENTS, P.INJECT_RESPONSE, ("choice_pending",), "resume_statements_after_inject"),
    (P.STATEMENTS, P.NEGOTIATION, ("statements_revealed",), None),
    (P.NEGOTIATION, P.INJECT_RESPONSE, ("choice_pending",), "resume_negotiation_after_inject"),
    (P.NEGOTIATION, P.CONCLUDE_PENDING, ("conclusion_proposed",), None),
    (P.NEGOTIATION, P.IMPLEMENTATION, ("negotiation_closed",), None),
    (P.CONCLUDE_PENDING, P.NEGOTIATION, ("conclusion_declined",), None),
    (P.IMPLEMENTATION, P.ROUND_END, (), None),
    (P.ROUND_END, P.ROUND_START, (), None),
]


def _open_when() -> dict[str, dict[Phase, list[tuple[str, ...]]]]:
    """Per trigger and phase, the conditions of each of its transitions, in the machine's order."""
    table: dict[str, dict[Phase, list[tuple[str, ...]]]] = {}
    for spec in KINDS:
        for phase in spec.phases:
            table.setdefault(spec.name, {}).setdefault(phase, []).append(spec.conditions)
    for source, _dest, conditions, _before in ADVANCES:
        table.setdefault("advance", {}).setdefault(source, []).append(conditions)
    return table


OPEN_WHEN = _open_when()
"""What the machine is built from, as the fast path asks it: trigger -> phase -> condition sets."""
