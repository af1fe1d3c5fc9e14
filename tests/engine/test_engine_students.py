"""The scripted students play whole games against every computer opponent without an illegal move."""

from __future__ import annotations

import pytest

from tabletop.engine.autoplay import simulate
from tabletop.engine.model import Side
from tabletop.engine.opponents import STRATEGIES, STUDENTS, make_opponent
from tabletop.scenarios.library import resolve


@pytest.mark.parametrize("student", sorted(STUDENTS))
def test_a_student_finishes_a_game_against_every_opponent_on_both_sides(student):
    scenario = resolve("tutorial")
    for opponent in STRATEGIES:
        for seed in (1, 2):
            assert simulate(scenario, student, opponent, seed).is_over
            assert simulate(scenario, opponent, student, seed).is_over


def test_students_are_not_offered_as_opponents_but_can_be_built_by_name():
    assert not set(STUDENTS) & set(STRATEGIES)
    assert make_opponent("free-rider", Side.MOSCOW, 3).name == "free-rider"


def test_the_free_rider_never_gives_anything_of_its_own():
    scenario = resolve("istanbul-2025-04")
    for seed in range(1, 6):
        game = simulate(scenario, "free-rider", "grit", seed)
        for action in game.actions:
            if getattr(action, "side", None) is Side.WASHINGTON:
                assert action.kind not in ("gesture", "counter")
                if action.kind == "propose":
                    assert all(not scenario.irritant(c.irritant).mover.includes(Side.WASHINGTON)
                               for c in action.offer.concessions)
