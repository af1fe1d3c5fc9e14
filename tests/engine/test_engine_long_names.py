"""Long names: a scenario's names are held to ``MAX_NAME`` characters, and the computer's words about them fit.

A rejection's reason is one line of at most ``REASON_LIMIT`` characters (the engine refuses a longer one, and a
network seat refuses to show one). A computer opponent that names the costliest part of a package, and the
rules' own objection told to the players, quote side and irritant names: with long names they shorten them
(before, a scenario whose irritant was named in a few hundred characters validated, and then every computer
rejection naming it was an illegal move that stopped the game). A name past ``MAX_NAME`` (a package or a news
line quoting several would no longer be one readable line a network seat accepts) is refused by the validator
in one line naming the key.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.engine.autoplay import simulate
from tabletop.engine.deals import REASON_LIMIT
from tabletop.engine.effects import EventKind
from tabletop.engine.limits import MAX_NAME
from tabletop.engine.opponents import STRATEGIES
from tabletop.engine.options import told
from tabletop.engine.scenario import parse_scenario
from tabletop.engine.toml_reader import ScenarioError
from tabletop.scenarios.library import resolve

LONG_VISAS = ("Visas for American diplomats, " + "and every consular post " * 20)[:MAX_NAME].strip()
LONG_BANKING = "Embassy banking " + "y" * (MAX_NAME - 16)


def tutorial_text() -> str:
    return Path(resolve("tutorial").source).read_text(encoding="utf-8")


def long_named(extra: int = 0):
    text = tutorial_text()
    text = text.replace('name = "Visas for American diplomats"', f'name = "{LONG_VISAS}"')
    text = text.replace('name = "Embassy banking"', f'name = "{LONG_BANKING}{"z" * extra}"')
    text = text.replace('name = "Moscow"', f'name = "Moscow{" and its ministries" * 6}"')
    return parse_scenario(text, "long-names.toml")


def test_a_name_past_the_limit_is_refused_in_one_line_naming_the_key():
    assert max(len(i.name) for i in long_named().irritants) == MAX_NAME
    with pytest.raises(ScenarioError) as refused:
        long_named(extra=1)
    message = str(refused.value)
    assert message == (f"long-names.toml: irritants[1].name: is {MAX_NAME + 1} characters long, expected at most "
                       f"{MAX_NAME} for a name")


@pytest.mark.parametrize("opponent", sorted(STRATEGIES))
def test_computer_games_with_long_irritant_names_play_to_the_end_with_short_reasons(opponent):
    scenario = long_named()
    reasons = []
    for other in sorted(STRATEGIES):
        for seed in (1, 2):
            for w, m in ((opponent, other), (other, opponent)):
                game = simulate(scenario, w, m, seed)  # raised IllegalAction: "a rejection's reason is ..."
                assert game.state.phase.value == "ended"
                for index, event in game.events:
                    if event.kind is EventKind.REJECT or event.kind is EventKind.OFFER:
                        reason = told(game, index, event).reason
                        assert len(reason) <= REASON_LIMIT and reason.isprintable(), reason[:80]
                        reasons.append(reason)
    assert any("Visas for American diplomats" in r or "Embassy banking" in r for r in reasons)
