"""The student study: scripted students against every computer opponent, on every shipped scenario.

These are the teaching checks of docs/BALANCE.md on a few seeds: good negotiation (trading, GRIT,
reciprocity) pays better than the shortcuts a class falls into, and no computer opponent can be
talked into an agreement worse for it than no deal.
"""

from __future__ import annotations

import pytest

from tabletop.batch.study import SIMPLE, THOUGHTFUL, run_study
from tabletop.cli.main import main
from tabletop.scenarios.library import resolve, shipped_ids


@pytest.fixture(scope="module", params=shipped_ids())
def study(request):
    return run_study(resolve(request.param), seeds=3)


def test_good_negotiation_pays_better_than_the_shortcuts(study):
    assert study.reward_problems() == []


def test_the_best_thoughtful_line_gains_over_no_deal_and_waiting_gains_nothing(study):
    best = max(study.surplus(name) for name in THOUGHTFUL)
    assert best > 5.0
    assert study.surplus("always-pass") <= 0.0
    assert max(study.surplus(name) for name in SIMPLE) < best


def test_no_computer_opponent_accepts_an_agreement_below_its_walk_away(study):
    assert study.opponents_below() == []


def test_the_study_prints_a_table_and_its_checks(capsys):
    assert main(["tournament", "--students", "--seeds", "1", "tutorial"]) == 0
    out = capsys.readouterr().out
    assert "8 students x 7 opponents x 2 seats x 1 seeds" in out
    assert "logroll" in out and "free-rider" in out
    assert "Teaching checks:" in out
    assert "Ends above its walk-away: Washington" in out
