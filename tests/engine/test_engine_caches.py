"""The engine's per-scenario caches stay bounded: a long session that loads scenarios again and again (the
new-game screen reads them each time it opens) must not keep every scenario it ever played in memory."""

from __future__ import annotations

from tabletop.engine.autoplay import simulate
from tabletop.engine.opponents import conduct, side_numbers
from tabletop.scenarios.library import load_path, shipped


def test_per_scenario_caches_stay_bounded_when_scenarios_are_loaded_again_and_again():
    path = next(item.path for item in shipped() if item.id == "tutorial")
    for seed in range(40):
        simulate(load_path(path), "grit", "tit-for-tat", seed)  # a fresh copy of the scenario each time
    assert len(side_numbers._OWN) <= 32
    assert len(conduct._OWN_SIDE) <= 32
