"""The class pack (tabletop guide [--class]) and the handouts (tabletop brief): what an instructor and players get.

The guide carries run-sheets, teaching notes, the answer key and sources; the
handouts never carry the key or the other side's brief; printable HTML escapes
every scenario text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.engine.analysis import nash_point, pareto_frontier
from tabletop.engine.model import SIDES, TIMER_MAX, TIMER_MIN, InjectKind, Side
from tabletop.engine.scenario import parse_scenario
from tabletop.reports.answer_key import answer_key_blocks
from tabletop.reports.briefs import (
    brief_blocks,
    brief_html,
    confidential_blocks,
    public_brief_markdown,
    side_brief_markdown,
)
from tabletop.reports.class_pack import PLANS
from tabletop.reports.document import plain_text, to_markdown
from tabletop.reports.guide import guide_html, guide_markdown
from tabletop.scenarios.library import load_path, shipped

SCENARIOS = {item.id: load_path(item.path) for item in shipped()}
LAB = (Path(__file__).parent / "data" / "lab-tutorial.toml").read_text()


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_the_guide_has_both_run_sheets_with_a_usable_round_timer(scenario_id):
    scenario = SCENARIOS[scenario_id]
    text = guide_markdown(scenario)
    for minutes in (90, 45):
        seconds = PLANS[minutes].round_seconds(scenario.rounds)
        assert TIMER_MIN <= seconds <= TIMER_MAX
        assert f"--timer {seconds}" in text
        plan = PLANS[minutes]
        assert plan.setup + plan.play + plan.hotwash + plan.debrief == minutes
        assert seconds * scenario.rounds <= plan.play * 60
    assert "## Run-sheet: 90 minutes" in text and "### Short form: 45 minutes" in text
    for round_ in range(1, scenario.rounds + 1):
        assert f"**Round {round_}**" in text
    for n, inject in enumerate(scenario.injects, 1):
        if inject.kind is InjectKind.SCHEDULED:
            row = next(line for line in text.splitlines() if f"**Round {inject.round}**" in line)
            assert f"Inject {n}, \u201c{inject.title}\u201d" in row
    for heading in ("## Teaching notes by phase", "### Reading the briefs", "### Endgame", "## Answer key",
                    "## Discussion questions", "## What really happened afterwards", "## Facts and sources"):
        assert heading in text


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_the_answer_key_is_the_engine_analysis(scenario_id):
    scenario = SCENARIOS[scenario_id]
    text = flat(plain_text(answer_key_blocks(scenario)))
    walk = tuple(scenario.sides[side].walk_away for side in SIDES)
    nash = nash_point(pareto_frontier(scenario), walk)
    if nash is not None:
        assert f"Nash point (the fairest efficient split): Washington {nash.washington:g}, Moscow {nash.moscow:g}" in text
    for side in SIDES:
        assert f"walk-away {scenario.sides[side].walk_away:g}" in text
    for irritant in scenario.irritants:
        for side in SIDES:
            value = scenario.valuation(side, irritant.id)
            assert f"{value.gain:g} / {value.cost:g} ({value.net:+g})" in text


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_sources_are_listed_with_outlet_title_and_date(scenario_id):
    scenario = SCENARIOS[scenario_id]
    text = flat(guide_markdown(scenario).replace("\\", ""))
    for n, source in enumerate(scenario.sources, 1):
        assert f"**S{n}** {source.outlet}, *{source.title}*, {source.date}." in text
    for inject in scenario.injects:
        if inject.hypothetical:
            assert "hypothetical" in (inject.title + inject.text).lower()


def _handouts(scenario) -> dict[str, str]:
    out = {"public": plain_text(brief_blocks(scenario, None))}
    for side in SIDES:
        out[side.value] = plain_text(brief_blocks(scenario, side))
    return out


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_no_handout_holds_the_answer_key_or_the_other_sides_brief(scenario_id):
    scenario = SCENARIOS[scenario_id]
    key_lines = [line for line in plain_text(answer_key_blocks(scenario)).splitlines() if len(line) > 12]
    assert key_lines
    for who, text in _handouts(scenario).items():
        handout = flat(text)
        for line in key_lines:
            assert flat(line) not in handout, (who, line)
        for word in ("Answer key", "Nash point", "frontier", "Zone of possible agreement", "Good trades"):
            assert word not in handout, (who, word)
        for side in SIDES:
            confidential = flat(scenario.sides[side].confidential)
            assert (confidential in handout) is (who == side.value), (who, side)
        if who != "public":
            other = Side(who).other
            assert f"Walk-away value: {scenario.sides[other].walk_away:g} " not in handout or \
                scenario.sides[other].walk_away == scenario.sides[Side(who)].walk_away


def test_the_class_pack_adds_the_three_handouts_on_their_own_pages(capsys):
    scenario = SCENARIOS["istanbul-2025-02"]
    assert main(["guide", scenario.id, "--class"]) == 0
    pack = capsys.readouterr().out
    assert pack.startswith(guide_markdown(scenario).rstrip())
    rest = pack[len(guide_markdown(scenario).rstrip()):]
    assert rest.count("\n---\n") >= 4
    assert flat(public_brief_markdown(scenario)) in flat(rest)
    for side in SIDES:
        confidential = to_markdown(confidential_blocks(scenario, side))
        assert flat(confidential) in flat(rest)
        assert flat(side_brief_markdown(scenario, side)) == flat(public_brief_markdown(scenario) + "---\n" + confidential)
    html = guide_html(scenario, handouts=True)
    assert html.count('<div class="page-break"></div>') == guide_html(scenario).count('<div class="page-break"></div>') + 4


def test_html_is_self_contained_and_has_a_print_stylesheet(tmp_path, capsys):
    out = tmp_path / "guide.html"
    assert main(["guide", "summer-2025", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "@page" in html and "@media print" in html
    assert not re.search(r"<(script|link|img|iframe)\b|\ssrc=", html, re.I)
    md = tmp_path / "guide.md"
    assert main(["guide", "summer-2025", "-o", str(md)]) == 0
    assert md.read_text(encoding="utf-8") == guide_markdown(SCENARIOS["summer-2025"])
    brief = tmp_path / "moscow.HTML"
    assert main(["brief", "summer-2025", "--side", "moscow", "-o", str(brief)]) == 0
    assert brief.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & [link](javascript:alert(1)) **bold**'


def test_scenario_text_never_passes_into_html_or_markdown_as_markup():
    text = LAB.replace('title = "First Steps: Visas for Banking"', f"title = '{HOSTILE}'")
    text = text.replace("Your embassy cannot pay its bills", HOSTILE)
    text = text.replace('text = "A newspaper prints details of the talks, including what each side asked for."',
                        f"text = '{HOSTILE}'")
    text = text.replace('name = "Visas for diplomats"', f"name = '{HOSTILE}'")
    scenario = parse_scenario(text, "hostile.toml")
    pages = [guide_html(scenario, handouts=True), brief_html(scenario, None), brief_html(scenario, Side.WASHINGTON)]
    for html in pages:
        assert not re.search(r"<img|<script|<a\b", html)
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    markdown = guide_markdown(scenario, handouts=True)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\[link\\](javascript:alert(1))" in markdown and "\\*\\*bold\\*\\*" in markdown


def test_writing_to_a_bad_path_is_one_line(capsys, tmp_path):
    assert main(["guide", "tutorial", "-o", str(tmp_path / "missing" / "x.html")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write" in err[0]


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_the_handout_states_what_no_deal_a_breakdown_and_a_walk_out_score(scenario_id):
    """Rules version 2: no agreement scores the walk-away; a walk-out costs both sides the (smaller) walk-out penalty."""
    scenario = SCENARIOS[scenario_id]
    for side in SIDES:
        handout = flat(plain_text(brief_blocks(scenario, side)))
        walk = scenario.sides[side].walk_away
        assert (f"A breakdown scores {walk:g} minus {scenario.rules.collapse_penalty:g}; if either side walks out, "
                f"each scores {walk:g} minus {scenario.rules.walkout_cost:g}.") in handout
        assert "twice that" not in handout
