"""Authoring tools: consistency warnings, the generated guide, `tabletop new`, briefs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.scenarios.library import load_path, shipped

# A fixed copy of the tutorial as these tests were written, so retuning the shipped one does not break them.
TUTORIAL_TEXT = (Path(__file__).parent / "data" / "lab-tutorial.toml").read_text()


def write(tmp_path, text: str, name: str = "s.toml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def validate_lines(capsys, path) -> tuple[int, list[str]]:
    code = main(["validate", str(path)])
    return code, capsys.readouterr().out.strip().splitlines()


def test_new_writes_a_file_that_validates_without_warnings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "my-talks"]) == 0
    capsys.readouterr()
    code, lines = validate_lines(capsys, tmp_path / "my-talks.toml")
    assert code == 0 and lines == [f"{tmp_path / 'my-talks.toml'}: ok"]
    assert load_path(tmp_path / "my-talks.toml").id == "my-talks"


def test_new_refuses_to_overwrite_and_bad_ids(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.toml").write_text("keep me")
    assert main(["new", "x"]) == 1
    assert (tmp_path / "x.toml").read_text() == "keep me"
    assert main(["new", "Bad Id"]) == 2


def _warnings(capsys, tmp_path, text: str) -> list[str]:
    path = write(tmp_path, text)
    code, lines = validate_lines(capsys, path)
    assert code == 0, lines
    return [line for line in lines if ": warning: " in line]


def test_warning_for_an_irritant_neither_side_values(tmp_path, capsys):
    text = TUTORIAL_TEXT.replace('flights = { gain = 10, cost = 30, red_line = { rung = 1, price = 5 } }',
                                 'flights = { gain = 0, cost = 0 }')
    text = text.replace('flights = { gain = 35, cost = 10 }', 'flights = { gain = 0, cost = 0 }')
    warnings = _warnings(capsys, tmp_path, text)
    assert any("irritants.flights: neither side values it" in w for w in warnings), warnings


def test_warning_for_a_red_line_below_the_start(tmp_path, capsys):
    text = TUTORIAL_TEXT.replace(
        'rungs = ["Airspace closed", "Charters by permit", "Scheduled flights"]\nstart = 0',
        'rungs = ["Airspace closed", "Charters by permit", "Scheduled flights", "Open skies"]\nstart = 2')
    warnings = _warnings(capsys, tmp_path, text)
    assert any("sides.washington.valuations.flights.red_line: is at rung 1, below the starting rung 2" in w
               for w in warnings), warnings


def test_warning_for_an_inject_that_can_never_fire(tmp_path, capsys):
    text = TUTORIAL_TEXT + '''
[[injects]]
id = "impossible"
title = "Never"
text = "This cannot happen."
kind = "conditional"
target = "both"
expected_action = "Nothing."
objective = "composure"
when = { trust_at_least = 120 }
'''
    warnings = _warnings(capsys, tmp_path, text)
    assert any("injects.impossible: can never fire: trust_at_least 120 is above 100" in w for w in warnings)


def test_warning_for_a_shadowed_tier_and_a_missing_catch_all(tmp_path, capsys):
    text = TUTORIAL_TEXT.replace(
        'when = { rungs_at_least = { banking = 2, visas = 2 } }',
        'when = { rungs_at_least = { banking = 1, visas = 1 } }')
    text = text.replace('description = "Nothing of substance moved."',
                        'description = "Nothing of substance moved."\nwhen = { trust_below = 30 }')
    warnings = _warnings(capsys, tmp_path, text)
    assert any("outcomes.first-steps: can never be reached: the earlier tier 'mission-restored'" in w
               for w in warnings), warnings
    assert any("outcomes.stalemate.when: is set on the last tier, expected a catch-all" in w for w in warnings)


def test_warnings_are_not_errors_but_errors_still_exit_1(tmp_path, capsys):
    broken = write(tmp_path, TUTORIAL_TEXT.replace("rounds = 6", "rounds = 5"), "broken.toml")
    code, lines = validate_lines(capsys, broken)
    assert code == 1
    assert lines == [f"{broken}: scenario.rounds: is 5, expected an even number "
                     "(both sides hold the initiative equally)"]


@pytest.mark.parametrize("item", shipped(), ids=lambda item: item.id)
def test_committed_guide_is_current(item):
    from tabletop.reports.guide import guide_markdown

    guide = item.path.parent / "guides" / f"{item.id}.md"
    assert guide.exists(), f"run: tabletop guide {item.id} -o {guide}"
    assert guide.read_text() == guide_markdown(load_path(item.path)), f"regenerate: tabletop guide {item.id} -o {guide}"


@pytest.mark.parametrize("item", shipped(), ids=lambda item: item.id)
def test_guide_lists_objectives_and_every_inject(item):
    from tabletop.reports.guide import guide_markdown

    scenario = load_path(item.path)
    text = guide_markdown(scenario)
    for objective in scenario.objectives:
        assert objective.expected.split()[0] in text
    for n, inject in enumerate(scenario.injects, 1):
        assert f"| {n} | " in text and inject.title in text
    for question in scenario.debrief_questions:
        assert " ".join(question.split()) in text


@pytest.mark.parametrize("item", shipped(), ids=lambda item: item.id)
def test_a_side_brief_never_shows_the_other_sides_confidential_text(item, capsys):
    scenario = load_path(item.path)
    for side, other in (("washington", "moscow"), ("moscow", "washington")):
        assert main(["brief", item.id, "--side", side]) == 0
        out = capsys.readouterr().out
        mine = " ".join(scenario.sides[scenario_side(side)].confidential.split())
        theirs = " ".join(scenario.sides[scenario_side(other)].confidential.split())
        flat = " ".join(out.split())
        assert mine in flat
        assert theirs not in flat
        assert f"Walk-away value:** {scenario.sides[scenario_side(other)].walk_away:g} " not in out or \
            scenario.sides[scenario_side(other)].walk_away == scenario.sides[scenario_side(side)].walk_away
    assert main(["brief", item.id, "--side", "public"]) == 0
    public = " ".join(capsys.readouterr().out.split())
    for side in ("washington", "moscow"):
        assert " ".join(scenario.sides[scenario_side(side)].confidential.split()) not in public


def scenario_side(name: str):
    from tabletop.engine.model import Side

    return Side(name)


# --- Sources and the factual/hypothetical marks -------------------------------------------------------------------

FACTUAL = TUTORIAL_TEXT.replace("hypothetical = true\n", "", 1)
SOURCE = '''
[[sources]]
id = "beast"
outlet = "The Daily Beast"
title = "Biden Bans Russian Flights From U.S. Airspace During State of the Union"
date = "2022-03-02"
'''


def sourced(text: str) -> str:
    """The lab tutorial as a factual scenario whose every marked text cites the one source."""
    text = text.replace('public_brief = """', 'sources = ["beast"]\npublic_brief = """', 1)
    text = text.replace("\n[sides.washington.valuations]", 'sources = ["beast"]\n\n[sides.washington.valuations]')
    text = text.replace("\n[sides.moscow.valuations]", 'sources = ["beast"]\n\n[sides.moscow.valuations]')
    for irritant in ("visas", "banking", "flights"):
        text = text.replace(f'[[irritants]]\nid = "{irritant}"\n', f'[[irritants]]\nid = "{irritant}"\nsources = ["beast"]\n')
    text = text.replace('[[injects]]\nid = "press-leak"\n', '[[injects]]\nid = "press-leak"\nhypothetical = true\n')
    text = text.replace('text = "A newspaper prints details of the talks, including what each side asked for."',
                        'text = "A newspaper prints details of the talks. (Hypothetical: an exercise event.)"')
    return text + SOURCE


def errors(lines: list[str]) -> list[str]:
    return [line for line in lines if ": warning: " not in line]


def test_a_fully_sourced_factual_scenario_validates(tmp_path, capsys):
    path = write(tmp_path, sourced(FACTUAL))
    code, lines = validate_lines(capsys, path)
    assert (code, errors(lines)) == (0, [])
    scenario = load_path(path)
    assert [s.title for s in scenario.cited(scenario.story_sources)] == [
        "Biden Bans Russian Flights From U.S. Airspace During State of the Union"]
    assert scenario.inject("press-leak").hypothetical and scenario.irritant("flights").sources == ("beast",)


def test_validate_rejects_a_factual_text_without_a_source(tmp_path, capsys):
    text = sourced(FACTUAL).replace('[[irritants]]\nid = "banking"\nsources = ["beast"]\n', '[[irritants]]\nid = "banking"\n')
    path = write(tmp_path, text)
    code, lines = validate_lines(capsys, path)
    assert code == 1
    assert errors(lines) == [f'{path}: irritants.banking: is a factual text without a source, expected sources = ["id", ...] '
                     "naming [[sources]] entries, or hypothetical = true"]


def test_validate_rejects_an_unsourced_setting_and_a_silent_hypothetical(tmp_path, capsys):
    text = sourced(FACTUAL).replace('sources = ["beast"]\npublic_brief', "public_brief", 1)
    text = text.replace("(Hypothetical: an exercise event.)", "(An exercise event.)")
    path = write(tmp_path, text)
    code, lines = validate_lines(capsys, path)
    assert code == 1
    keys = [line.split(": ")[1] for line in errors(lines)]
    assert keys == ["scenario.sources", "injects.press-leak"], lines
    assert "expected the word 'hypothetical' in what the players read" in lines[1]


def test_a_hypothetical_scenario_needs_no_sources(tmp_path, capsys):
    path = write(tmp_path, TUTORIAL_TEXT)
    code, lines = validate_lines(capsys, path)
    assert (code, errors(lines)) == (0, [])


@pytest.mark.parametrize("old, new, key", [
    ('sources = ["beast"]\npublic_brief', 'sources = ["nowhere"]\npublic_brief', "scenario.sources[0]"),
    ('date = "2022-03-02"', 'date = "March 2022"', "sources.beast.date"),
    ('outlet = "The Daily Beast"\n', "", "sources.beast.outlet"),
    ('[[irritants]]\nid = "visas"\nsources = ["beast"]', '[[irritants]]\nid = "visas"\nsources = "beast"', "irritants.visas.sources"),
])
def test_a_broken_source_or_mark_is_one_clear_line(old, new, key, tmp_path, capsys):
    text = sourced(FACTUAL)
    assert old in text
    path = write(tmp_path, text.replace(old, new, 1))
    code, lines = validate_lines(capsys, path)
    assert code == 1
    assert [line.split(": ")[1] for line in errors(lines)] == [key], lines
    assert all("expected" in line for line in lines)


def test_games_saved_before_sources_still_load():
    """The source rule belongs to validate, not to reading: an old, unsourced factual file still parses and plays."""
    from tabletop.engine.autoplay import simulate
    from tabletop.engine.scenario import parse_scenario

    scenario = parse_scenario(FACTUAL, "old.toml")
    assert not scenario.hypothetical and scenario.sources == ()
    assert simulate(scenario, "grit", "conceder", 3).is_over


# --- Cheap unilateral gestures (GRIT) -----------------------------------------------------------------------------

GESTURE = '''
[[irritants]]
id = "travel"
name = "Travel for Russian diplomats"
description = "Notice before travel."
mover = "washington"
rungs = ["Permission needed", "Notice two days ahead", "Free travel"]
start = 0
'''


def test_validate_warns_when_a_side_has_no_cheap_gesture(tmp_path, capsys):
    # the lab tutorial: each side moves only the other side's top priority (visas for banking)
    path = write(tmp_path, TUTORIAL_TEXT)
    code, lines = validate_lines(capsys, path)
    assert code == 0
    gesture = [line for line in lines if "cheap unilateral gesture" in line]
    assert [line.split(": ")[:3] for line in gesture] == [[str(path), "warning", "sides.washington"],
                                                         [str(path), "warning", "sides.moscow"]]
    assert all("GRIT" in line and "\n" not in line for line in gesture)
    # a cheap step Washington can take alone, worth more to Moscow than it costs, silences Washington's warning
    text = TUTORIAL_TEXT.replace("[[audiences]]", GESTURE.lstrip() + "\n[[audiences]]", 1)
    text = text.replace("flights = { gain = 10, cost = 30", "travel = { gain = 0, cost = 4 }\nflights = { gain = 10, cost = 30")
    text = text.replace("flights = { gain = 35, cost = 10 }", "travel = { gain = 12, cost = 0 }\nflights = { gain = 35, cost = 10 }")
    code, lines = validate_lines(capsys, write(tmp_path, text, "gesture.toml"))
    gesture = [line for line in lines if "cheap unilateral gesture" in line]
    assert code == 0 and [line.split(": ")[2] for line in gesture] == ["sides.moscow"], lines
    # too dear for its mover, it no longer counts
    code, lines = validate_lines(capsys, write(tmp_path, text.replace("travel = { gain = 0, cost = 4 }",
                                                                      "travel = { gain = 0, cost = 30 }"), "dear.toml"))
    assert [line.split(": ")[2] for line in lines if "cheap unilateral gesture" in line] == ["sides.washington",
                                                                                             "sides.moscow"]
