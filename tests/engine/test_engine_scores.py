"""Scores: a side's private utility of the board on a 0-100 scale; rungs below the start earn nothing."""

from __future__ import annotations

import pytest
from enginekit import M, W, close_round, lab
from hypothesis import given, settings
from hypothesis import strategies as st

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import Effects, Scenario
from tabletop.engine.scoring import score
from tabletop.scenarios.library import resolve

SCENARIOS = {"tutorial": resolve("tutorial"), "lab": lab()}


def ceiling(scenario: Scenario, irritant) -> int:
    """The highest rung negotiation can reach: the top, or a mover's absolute red line."""
    top = irritant.top
    for side in (W, M):
        red = scenario.valuation(side, irritant.id).red_line
        if irritant.mover.includes(side) and red is not None and red.absolute:
            top = min(top, max(red.rung, irritant.start))
    return top


@st.composite
def boards(draw, within_reach: bool):
    name = draw(st.sampled_from(sorted(SCENARIOS)))
    scenario = SCENARIOS[name]
    rungs = tuple(draw(st.integers(0, ceiling(scenario, i) if within_reach else i.top)) for i in scenario.irritants)
    return scenario, rungs


@settings(max_examples=200, deadline=None)
@given(boards(within_reach=True))
def test_a_negotiated_board_scores_from_0_to_100(case):
    scenario, rungs = case
    for side in (W, M):
        assert 0 <= score(scenario, side, rungs) <= 100


@settings(max_examples=200, deadline=None)
@given(boards(within_reach=False))
def test_rungs_below_the_start_score_as_the_start(case):
    scenario, rungs = case
    lifted = tuple(max(r, i.start) for r, i in zip(rungs, scenario.irritants))
    for side in (W, M):
        assert score(scenario, side, rungs) == score(scenario, side, lifted)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_best_and_worst_boards_span_the_scale(name):
    """0 and 100 are every irritant at its worst and best for the side (red lines do not shift the scale)."""
    scenario = SCENARIOS[name]
    for side in (W, M):
        values = scenario.sides[side].valuations
        best = tuple(i.top if values[i.id].net > 0 else i.start for i in scenario.irritants)
        worst = tuple(i.top if values[i.id].net < 0 else i.start for i in scenario.irritants)
        assert score(scenario, side, best) == 100
        assert score(scenario, side, worst) == 0


def test_scores_stay_on_the_scale_when_an_inject_pushes_past_a_red_line():
    game = Game(lab(), 1)
    game.apply(act.CustomInject("Court ruling", "A court unfreezes every account.", Effects(rungs={"banking": 2})))
    assert game.state.rung(game.scenario, "banking") == game.scenario.irritant("banking").top
    while not game.is_over:
        close_round(game)
    for value in game.final_scores().values():
        assert 0 <= value <= 100
