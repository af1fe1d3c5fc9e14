"""Shared helpers for the engine tests: purpose-made scenarios and quick ways to drive a game.

The scenarios here are small TOML texts built for one feature each, so that a
test can reason about exact numbers. "lab" is flat (tone pinned to 0) so trust
and standing arithmetic is exact; extra TOML (injects, audiences) is appended.
"""

from __future__ import annotations

from collections.abc import Iterable

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Posture, Scenario, Side
from tabletop.engine.scenario import parse_scenario
from tabletop.engine.state import Concession, Offer, Phase

W, M = Side.WASHINGTON, Side.MOSCOW

LAB = """
[scenario]
id = "lab"
title = "Lab"
hypothetical = true
date = "2025-01-01"
setting = "A test room."
deadline = "the end of the test"
rounds = {rounds}
first_initiative = "{first}"
public_brief = "A scenario built for the engine tests."

[rules]
exchange_limit = {exchange_limit}
tone_min = {tone_min}
tone_max = {tone_max}
tone_drift = {tone_drift}
collapse_penalty = 10
lapse_after = {lapse_after}

[meters]
trust = {trust}
tension = {tension}

[[objectives]]
id = "obj"
text = "Learn something."
expected = "Something learned."

[sides.washington]
name = "Washington"
public = "Washington's public brief."
confidential = "Washington's secret brief."
walk_away = 50
standing = {standing}

[sides.washington.valuations]
visas = {{ gain = 0, cost = 20 }}
banking = {{ gain = 50, cost = 0 }}
flights = {{ gain = 10, cost = 30, red_line = {{ rung = 1, price = 5 }} }}

[sides.moscow]
name = "Moscow"
public = "Moscow's public brief."
confidential = "Moscow's secret brief."
walk_away = 40
standing = {standing}

[sides.moscow.valuations]
visas = {{ gain = 50, cost = 0 }}
banking = {{ gain = 0, cost = 20, red_line = {banking_red} }}
flights = {{ gain = 35, cost = 10 }}

[[irritants]]
id = "visas"
name = "Visas"
mover = "washington"
rungs = ["Frozen", "Delays", "Quota", "Normal"]
start = {visas_start}

[[irritants]]
id = "banking"
name = "Banking"
mover = "moscow"
rungs = ["Frozen", "Cash", "One bank", "Full"]
start = {banking_start}

[[irritants]]
id = "flights"
name = "Flights"
mover = "both"
rungs = ["Closed", "Charters", "Scheduled"]
start = 0

[[outcomes]]
id = "collapse"
name = "Breakdown"
description = "The talks broke down."
when = {{ ended_by = ["collapse"] }}

[[outcomes]]
id = "deal"
name = "Deal"
description = "Visas and banking both moved."
when = {{ rungs_at_least = {{ visas = 2, banking = 2 }} }}

[[outcomes]]
id = "none"
name = "Nothing"
description = "Nothing moved."

{extra}
"""


def lab_text(extra: str = "", *, rounds: int = 6, first: str = "washington", exchange_limit: int = 3,
             tone_min: float = 0.0, tone_max: float = 0.0, tone_drift: float = 0.0, trust: int = 50,
             tension: int = 2, standing: int = 60, visas_start: int = 1, banking_start: int = 1,
             banking_red: str = "{ rung = 2, absolute = true }", lapse_after: int = 40) -> str:
    """The lab scenario's TOML text (see the module docstring), with ``extra`` TOML appended."""
    return LAB.format(extra=extra, rounds=rounds, first=first, exchange_limit=exchange_limit,
                      tone_min=tone_min, tone_max=tone_max, tone_drift=tone_drift, trust=trust,
                      tension=tension, standing=standing, visas_start=visas_start, banking_start=banking_start,
                      banking_red=banking_red, lapse_after=lapse_after)


def lab(extra: str = "", **options) -> Scenario:
    """The lab scenario, parsed (options as for :func:`lab_text`)."""
    return parse_scenario(lab_text(extra, **options), "lab.toml")


CLASSIC_EXTRA = """
[[injects]]
id = "press-leak"
title = "A press leak"
text = "A newspaper prints what each side asked for."
kind = "scheduled"
round = 3
target = "both"
expected_action = "Keep talking."
objective = "obj"
effects = { trust = -5 }

[[audiences]]
id = "europe"
name = "European capitals"
stance = "Uneasy about any thaw."

[[audiences.reactions]]
on = "concession"
irritant = "flights"
text = "Europe asks why flights resume."
effects = { standing = { washington = -2 } }
"""


def classic_text() -> str:
    """A frozen copy of the tutorial's numbers (the shipped file may be retuned; these tests must not move)."""
    return lab_text(CLASSIC_EXTRA, trust=40, tone_min=-0.6, tone_max=0.6, tone_drift=0.3, visas_start=0,
                    banking_start=0, banking_red="{ rung = 2, price = 4 }")


def classic() -> Scenario:
    return parse_scenario(classic_text(), "classic.toml")


def offer(*moves: tuple[str, int], links: Iterable[tuple[str, str]] = ()) -> Offer:
    return Offer(tuple(Concession(i, to) for i, to in moves), tuple(links))


def state_both(game: Game, w: Posture = Posture.NEUTRAL, m: Posture = Posture.NEUTRAL) -> None:
    """Both sides state (Washington first); the game must be in the statements phase."""
    assert game.state.phase is Phase.STATEMENTS, game.state.phase
    game.apply(act.Statement(W, w))
    game.apply(act.Statement(M, m))


def to_negotiation(game: Game) -> None:
    """From the statements phase, state neutral on both sides and reach the negotiation."""
    state_both(game)
    assert game.state.phase is Phase.NEGOTIATION


def close_round(game: Game) -> None:
    """Pass out the rest of the current round (statements if needed, then two passes)."""
    start = game.state.round
    if game.state.phase is Phase.STATEMENTS:
        state_both(game)
    while not game.is_over and game.state.round == start:
        assert game.state.phase is Phase.NEGOTIATION, game.state.phase
        side = game.awaiting()[0]
        game.apply(act.Pass(side))


def play_to_round(game: Game, round_: int) -> None:
    """Pass rounds until ``round_`` opens (the game is then in its statements phase)."""
    while game.state.round < round_:
        close_round(game)
    assert game.state.round == round_ and not game.is_over


def deal_through(game: Game, proposer: Side, the_offer: Offer) -> None:
    """In the negotiation, the side to move proposes and the other accepts."""
    assert game.state.to_move is proposer
    game.apply(act.Propose(proposer, the_offer))
    game.apply(act.Accept(proposer.other))


def conceded(game: Game, side: Side) -> dict[int, float]:
    """Per round, the home cost ``side`` spent on its own concessions (gestures and deals it made)."""
    scenario = game.scenario
    out: dict[int, float] = {}
    for index, action in enumerate(game.actions, start=1):
        before, after = game.history[index - 1], game.history[index]
        moved: list[str] = []
        if isinstance(action, act.Gesture) and action.side is side:
            moved = [action.irritant]
        elif isinstance(action, act.Accept | act.AcceptOption):
            accepted = before.offer if isinstance(action, act.Accept) else before.meso[action.option]
            moved = [c.irritant for c in accepted.concessions
                     if scenario.irritant(c.irritant).mover.includes(side)]
        for irritant_id in moved:
            irritant = scenario.irritant(irritant_id)
            n = scenario.position[irritant_id]
            steps = max(0, after.rungs[n] - max(before.rungs[n], irritant.start))
            if after.rungs[n] < before.rungs[n]:
                continue
            cost = scenario.valuation(side, irritant_id).cost / (irritant.top - irritant.start) * steps
            out[before.round] = out.get(before.round, 0.0) + cost + steps * 1e-3
    return out


__all__ = ["LAB", "M", "SIDES", "W", "classic", "classic_text", "close_round", "conceded", "deal_through", "lab",
           "lab_text", "offer", "play_to_round", "state_both", "to_negotiation"]
