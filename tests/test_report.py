"""The after-action report: its sections for a known game, the findings, and the command."""

from __future__ import annotations

import pytest
from markdown_view import rendered_html, rendered_text

from tabletop.cli.main import main
from tabletop.engine import actions as a
from tabletop.engine.analysis import debrief
from tabletop.engine.autoplay import simulate
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Side
from tabletop.engine.scenario import parse_scenario
from tabletop.engine.state import Concession, Offer
from tabletop.reports.after_action import after_action_report, md
from tabletop.reports.lessons import draw_lessons
from tabletop.saves.writer import SaveWriter, load_save, write_game
from tabletop.tui.widgets.conduct import moments_content

W, M = Side.WASHINGTON, Side.MOSCOW

# A frozen copy of the tutorial as it was when these tests were written, so that changes to the
# shipped scenario do not move the report's expected text.
SCENARIO = r'''# The tutorial: three irritants, six rounds, one scheduled inject.
# It teaches the controls and the one idea most players miss: trade what you
# care less about for what the other side cares more about, and both gain.

[scenario]
id = "report-test"
title = "First Steps: Visas for Banking"
date = "2025-03-01"
setting = """
A neutral capital, a hotel meeting room, two small delegations. The embassies in
Washington and Moscow can barely function: diplomats wait months for visas, and
the American embassy has no working bank account. Neither capital wants to be
seen giving something for nothing. You have six rounds before your ministers
want a report.
"""
deadline = "the ministers' report"
rounds = 6
first_initiative = "washington"
public_brief = """
Both delegations have been told to "remove irritants" to the work of the two
embassies. Three are on the table: visas for rotating diplomats (Washington
issues them), banking for the US embassy in Moscow (Moscow's regulators decide),
and direct flights between the two countries (both must agree).

Each round: choose a public posture, then the side holding the initiative may
propose a package, make a gesture or pass. Watch trust, your standing at home
and tension. Press ? for help at any time.
"""

[rules]
exchange_limit = 3
tone_min = -0.6
tone_max = 0.6
tone_drift = 0.3
collapse_penalty = 10

[meters]
trust = 40
tension = 2

[[objectives]]
id = "logroll"
text = "Trade a concession you value little for one you value a lot."
expected = "Visas and banking move together in one linked package by round 4."

[[objectives]]
id = "composure"
text = "Absorb a provocation without retaliating."
expected = "After the press leak in round 3, neither side retaliates."

[debrief]
questions = [
  "Which irritant mattered most to you, and which least? Did the other side see it the same way?",
  "Did you link your concessions? What would have happened if the other side had reneged?",
  "How did the press leak change your posture, and why?",
  "How far was your deal from the frontier, and what was left on the table?",
]

[sides.washington]
name = "Washington"
delegation = "US Department of State, deputy assistant secretary"
public = "Washington wants its embassy in Moscow to work normally: staff, money, services."
confidential = """
Your embassy cannot pay its bills: restoring banking is what you most need
(worth far more to you than anything else here). Visas for Russian diplomats
cost you little at home. Direct flights are unpopular in Congress: resuming
scheduled flights would cost you more than it earns you, and crossing to
scheduled flights costs extra standing. Anything that leaves you below your
walk-away value of 50 is worse than no deal.
"""
walk_away = 50
standing = 60
goals = ["Full banking for the embassy", "Keep scheduled flights off the table"]

[sides.washington.valuations]
visas = { gain = 0, cost = 20 }
banking = { gain = 50, cost = 0 }
flights = { gain = 10, cost = 30, red_line = { rung = 1, price = 5 } }

[sides.moscow]
name = "Moscow"
delegation = "Russian Foreign Ministry, North America department"
public = "Moscow wants an end to visa discrimination against its diplomats and a return of direct flights."
confidential = """
Visas for your rotating diplomats matter most to you. Direct flights would be a
visible win at home. Letting the American embassy bank again costs you little,
though your regulators dislike full access (crossing to full banking costs extra
standing). Your walk-away value is 40.
"""
walk_away = 40
standing = 60
goals = ["Normal visa processing", "Flights resumed"]

[sides.moscow.valuations]
visas = { gain = 50, cost = 0 }
banking = { gain = 0, cost = 20, red_line = { rung = 2, price = 4 } }
flights = { gain = 35, cost = 10 }

[[irritants]]
id = "visas"
name = "Visas for diplomats"
description = "US visas for Russian diplomats on rotation."
mover = "washington"
rungs = ["Frozen", "Case by case, months of delay", "Quarterly quota", "Normal processing"]
start = 0

[[irritants]]
id = "banking"
name = "Embassy banking"
description = "Bank accounts and transfers for the US embassy in Moscow."
mover = "moscow"
rungs = ["Accounts frozen", "Cash through a third country", "One correspondent bank", "Full banking"]
start = 0

[[irritants]]
id = "flights"
name = "Direct flights"
description = "Air links between the two countries, closed since 2022."
mover = "both"
rungs = ["Airspace closed", "Charters by permit", "Scheduled flights"]
start = 0

[[audiences]]
id = "europe"
name = "European capitals"
stance = "Uneasy about any bilateral thaw over their heads."

[[audiences.reactions]]
on = "concession"
irritant = "flights"
text = "European capitals ask why Russian airliners may fly again."
effects = { standing = { washington = -2 } }

[audiences.readings]
mission-restored = "Europe accepts a working embassy as housekeeping, not a reset."
collapse = "Europe is relieved that nothing was given away."
default = "Europe watches and waits."

[[audiences]]
id = "china"
name = "Beijing"
stance = "Watches whether Washington and Moscow can still talk."

[[audiences.reactions]]
on = "collapse"
text = "Beijing notes that the two can no longer even fix their embassies."

[audiences.readings]
mission-restored = "Beijing reads it as a cautious thaw and takes note."
default = "Beijing sees little change."

[[injects]]
id = "press-leak"
title = "A press leak"
text = "A newspaper prints details of the talks, including what each side asked for."
kind = "scheduled"
round = 3
target = "both"
expected_action = "Keep talking: choose a measured posture and do not retaliate."
objective = "composure"
effects = { trust = -5 }

[[outcomes]]
id = "collapse"
name = "Breakdown"
description = "The talks broke down; the embassies stay crippled."
when = { ended_by = ["collapse"] }

[[outcomes]]
id = "mission-restored"
name = "Missions restored"
description = "Banking and visas both move to working levels: the embassies can function."
when = { rungs_at_least = { banking = 2, visas = 2 } }

[[outcomes]]
id = "first-steps"
name = "First steps"
description = "Some movement on banking and visas, short of normal operation."
when = { rungs_at_least = { banking = 1, visas = 1 } }

[[outcomes]]
id = "stalemate"
name = "Stalemate"
description = "Nothing of substance moved."
'''


@pytest.fixture(scope="module")
def tutorial():
    """Shadows the shipped tutorial of conftest.py with the frozen copy above."""
    return parse_scenario(SCENARIO, "report-test.toml")


SECTIONS = [
    "# After-action report: First Steps: Visas for Banking",
    "## The exercise",
    "## The outcome",
    "## Scores, walk-away values and the frontier",
    "**The zone of possible agreement and the split.**",
    "## Offers, concession curves and anchoring",
    "## How the talks were conducted",
    "## Timeline of moves and injects",
    "## Trust, tension and standing by round",
    "## Turning points",
    "## What went well, what did not",
    "## The confidential briefs",
    "## Facilitator notes",
    "## How the audiences read the outcome",
    "## Learning objectives and debrief questions",
]


@pytest.fixture()
def known_save(tmp_path, tutorial):
    """A scripted tutorial game: a good package rejected, a gesture never answered, then a stalemate."""
    game = Game(tutorial, 42, {W: "human", M: "human"})
    writer = SaveWriter.create(game, tmp_path)
    script = [
        a.Statement(W, Posture.NEUTRAL), a.Statement(M, Posture.NEUTRAL),
        a.Propose(W, Offer((Concession("banking", 1), Concession("visas", 1)), (("banking", "visas"),))),
        a.Reject(M),
        a.Statement(W, Posture.CONCILIATORY), a.Statement(M, Posture.HARDLINE),
        a.Gesture(M, "banking", 1), a.Pass(W),
        a.Statement(W, Posture.NEUTRAL), a.Statement(M, Posture.NEUTRAL),
        a.ProposeConclude(W), a.AgreeConclude(M),
    ]
    for n, action in enumerate(script, 1):
        game.apply(action)
        writer.append(game)
        if n == 4:
            writer.note(game, "Moscow turned down a <good> deal.\nAsk them why.", objective="logroll")
    writer.close()
    return writer.path, game


def test_the_report_has_every_section_in_order(known_save):
    path, _ = known_save
    loaded = load_save(path)
    text = after_action_report(loaded.replay(), loaded)
    positions = [text.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)


def test_the_exercise_and_outcome_of_the_known_game(known_save):
    path, game = known_save
    loaded = load_save(path)
    text = after_action_report(loaded.replay(), loaded)
    assert "(`report-test`)" in text and "**Seed:** 42" in text
    assert "**Washington:** human" in text and "**Moscow:** human" in text
    assert f"`{path.name}`, 12 actions, every state fingerprint verified" in text
    assert "**Stalemate**, by agreement to conclude in round 3 of 6." in text
    assert "| Embassy banking | 0: Accounts frozen | 1: Cash through a third country | ↑ |" in text


def test_scores_walk_away_and_frontier(known_save):
    """The figures worked out by hand from the frozen scenario, not by the code under test.

    The known game ends with Moscow's banking gesture (board visas 0, banking 1, flights 0) but no deal:
    a gesture is not an agreement, so under rules version 2 each side scores exactly what no agreement
    pays, its walk-away value: Washington 50, Moscow 40. Net values per irritant (gain - cost, spread
    evenly over the rungs above the start): Washington visas -20, banking +50, flights -20, so its utility
    runs from -40 to +50; Moscow visas +50, banking -20, flights +25, from -20 to +75. Of the 48 boards,
    9 are efficient: banking at the top with visas 0-2 and flights closed, visas at the top with banking
    0-2 and scheduled flights, and both at the top with flights at any rung. Of those better for both than
    (50, 40), the one adding most is visas 3, banking 3, scheduled flights: Washington 100 * 50/90 = 55.56,
    Moscow 100 * 75/95 = 78.95, 5.56 + 38.95 = 44.5 more joint score than no agreement.
    """
    path, _ = known_save
    loaded = load_save(path)
    text = after_action_report(loaded.replay(), loaded)
    assert "| Washington | 50.0 | 50 | +0.0 | 44.4 |" in text
    assert "| Moscow | 40.0 | 40 | +0.0 | 21.1 |" in text
    assert "The efficient (Pareto) frontier has 9 boards" in text
    assert "**Value left on the table: 44.5**" in text
    plot = text.split("```")[1]   # the debrief's picture: the deal ◆, the Nash point N, the start ○
    assert "◆" in plot and "N" in plot and "○" in plot


def test_zone_split_offers_reciprocity_and_interests(known_save):
    """Worked by hand from the frozen scenario (utilities as in the test above).

    In the zone (Washington at least 50, Moscow at least 40) lie only the three efficient boards with visas
    and banking at the top: flights closed (Washington 100 * 70/90 = 77.8, Moscow 100 * 50/95 = 52.6),
    charters (66.7, 65.8: the Nash point, gains 16.7 and 25.8) and scheduled (55.6, 78.95 as the frontier
    holds it to two places, printed 79.0, although 100 * 75/95 = 78.947 would print 78.9). No deal: both
    score their walk-away, no surplus. Washington's only package (#3, banking 1 and visas 1 on the opening
    board) is worth 100 * 50/90 = 55.6 to it and 100 * 30/95 = 31.6 to Moscow; it ends with none of the
    5.6 it asked for over its walk-away. Moscow's gesture (#7) is never answered: Washington pockets it.
    """
    path, _ = known_save
    loaded = load_save(path)
    text = after_action_report(loaded.replay(), loaded)
    zone = text.split("**The zone of possible agreement and the split.**")[1].split("##")[0]
    assert ("- The zone of possible agreement: boards giving Washington at least 50 and Moscow at least 40. Along "
            "the efficient frontier it runs from Washington 77.8 / Moscow 52.6 (best for Washington) to "
            "Washington 55.6 / Moscow 79.0 (best for Moscow).") in zone
    assert "- There was no surplus to split: neither side ended above what no agreement pays" in zone
    assert "- The Nash point (Washington 66.7 / Moscow 65.8) splits the largest product of gains: Washington " \
        "+16.7, Moscow +25.8." in zone
    offers = text.split("## Offers, concession curves and anchoring")[1].split("## How")[0]
    chart = offers.split("```")[1]
    assert "W" in chart and "┈" in chart and "╍" in chart and "round →" in chart
    assert "- Washington put the first package on the table." in offers
    assert "- Washington's first offer (round 1, #3) was worth 55.6 to itself and 31.6 to Moscow (walk-away 50)." \
        in offers
    assert "  - It ended with 0% of the gain over its walk-away value that its opening asked for." in offers
    assert "- Moscow never put a package forward: it only answered." in offers
    assert "| 1 | #3 | Washington | 55.6 | 31.6 |" in offers
    conduct = text.split("## How the talks were conducted")[1].split("## Timeline")[0]
    assert "revealed" not in conduct  # two people played: no computer to reveal
    assert "- Moscow made 1 gesture: 1 opening a move (0 returned by Washington, 1 pocketed by it), 0 " \
        "answering one of Washington's." in conduct
    assert "- Washington exploited 1 of Moscow's gestures: it took them and gave nothing back." in conduct
    assert "- Washington valued most: Embassy banking (+50), Direct flights (+10)." in conduct
    assert "  - It asked most for: Embassy banking." in conduct
    assert "  - Its positions followed its interests: it asked first for what it valued most." in conduct
    assert "- Moscow valued most: Visas for diplomats (+50), Direct flights (+35)." in conduct
    assert "  - It never asked Washington to move anything." in conduct
    turning = text.split("## Turning points")[1].split("## What went well")[0]
    assert ("- Round 1, #4 (spurned): Moscow turned down Washington's package although both sides would have "
            "gained from it.") in turning


def test_a_computer_opponent_is_revealed_with_what_it_did(tutorial):
    game = simulate(tutorial, "grit", "hardliner", 5)
    conduct = after_action_report(game).split("## How the talks were conducted")[1].split("## Timeline")[0]
    assert "- Moscow was played by the computer opponent “hardliner”." in conduct
    assert "  - Its style: The hardliner (a Boulware bargainer)" in conduct
    assert "- Washington was played by the computer opponent “grit”." in conduct
    assert conduct.count("  - What it did: ") == 2


def test_timeline_meters_turning_points_and_audiences(known_save):
    path, game = known_save
    loaded = load_save(path)
    text = after_action_report(loaded.replay(), loaded)
    timeline = text.split("## Timeline of moves and injects")[1].split("## Trust")[0]
    assert [line for line in timeline.splitlines() if line.startswith("### Round")] == \
        ["### Round 1", "### Round 2", "### Round 3"]
    assert "- **#4** · rejected · Moscow rejects the package" in timeline
    assert "- **#7** · gesture · Moscow makes a gesture: Embassy banking" in timeline
    assert "NEWS: A press leak" in timeline
    assert "has chosen a posture" not in timeline  # the secret choice is noise; the reveal is shown
    meters = text.split("## Trust, tension and standing by round")[1].split("##")[0]
    assert "| start | 40 | 2 | 60 | 60 |" in meters
    assert len([line for line in meters.splitlines() if line.startswith("| ") and line[2].isdigit()]) >= 2
    for point in debrief(game).turning_points:
        assert f"- **#{point.index}** (round {point.round}), trust {point.delta:+d}" in text
    assert "- **European capitals:** Europe watches and waits." in text
    assert "- **Beijing:** Beijing sees little change." in text


def test_both_confidential_briefs_and_the_notes(known_save):
    path, _ = known_save
    loaded = load_save(path)
    text = after_action_report(loaded.replay(), loaded)
    assert "### Washington: US Department of State, deputy assistant secretary" in text
    assert "### Moscow: Russian Foreign Ministry, North America department" in text
    assert "Your embassy cannot pay its bills" in text and "Visas for your rotating diplomats matter most" in text
    assert "| Embassy banking | 0 | 20 | -20 | past “One correspondent bank” costs 4 standing |" in text
    notes = text.split("## Facilitator notes")[1].split("##")[0]
    assert ("- **Round 2, after #4** (objective: Trade a concession you value little for one you value a lot.): "
            "Moscow turned down a &lt;good&gt; deal.") in notes
    assert "  Ask them why." in notes


def test_what_went_well_and_what_did_not_is_drawn_from_the_play(known_save):
    _, game = known_save
    found = draw_lessons(game, debrief(game))
    not_well = "\n".join(found.not_well)
    assert "#4 (round 1): Moscow rejected Washington's package although both would have gained" in not_well
    assert "#7 (round 2): Moscow's gesture on Embassy banking was never reciprocated by Washington." in not_well
    assert "left on the table" in not_well
    assert any("conclude" in line for line in found.well)


def test_a_report_without_a_save_has_findings_but_no_notes(tutorial):
    game = simulate(tutorial, "grit", "tit-for-tat", 7)
    found = draw_lessons(game, debrief(game))
    assert found.well and found.not_well
    text = after_action_report(game)
    assert "## Facilitator notes\n\nNo notes were taken." in text
    assert "**Played:**" not in text  # no save: no date


def test_text_from_a_save_is_escaped():
    assert md("<script>alert(1)</script> & co\n  wrapped") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co wrapped"


def test_report_command_to_stdout_and_to_a_file(tmp_path, tutorial, capsys):
    game = simulate(tutorial, "grit", "hardliner", 5)
    save = tmp_path / "g.jsonl"
    write_game(game, save)
    assert main(["report", str(save)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# After-action report") and out.endswith("\n")
    target = tmp_path / "report.md"
    assert main(["report", str(save), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == out
    assert str(target) in capsys.readouterr().out
    assert main(["report", str(save), "-o", str(tmp_path)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_report_of_an_unfinished_game(tmp_path, tutorial):
    game = Game(tutorial, 3, {W: "human", M: "grit"})
    game.apply(a.Statement(W, Posture.NEUTRAL))
    game.apply(a.Statement(M, Posture.NEUTRAL))
    text = after_action_report(game)
    assert "The game was stopped in round 1** (not finished)" in text


def test_notes_taken_as_game_actions_are_reported_too(tutorial):
    game = Game(tutorial, 3, {W: "human", M: "grit"})
    game.apply(a.Statement(W, Posture.NEUTRAL))
    game.apply(a.Note("Washington opens softly.", "composure"))
    text = after_action_report(game)
    notes = text.split("## Facilitator notes")[1].split("##")[0]
    assert "- **Round 1, after #2** (objective: Absorb a provocation without retaliating.): Washington opens softly." \
        in notes


def test_after_a_collapse_the_report_says_the_collapse_cost_each_side_its_points(tutorial):
    """A walk-out collapses the talks: each side scores its walk-away value minus the walk-out cost (here 5),
    so falling short of the walk-away value is the collapse's doing, not an agreement's."""
    game = Game(tutorial, 1, {W: "human", M: "human"})
    game.apply(a.Statement(W, Posture.NEUTRAL))
    game.apply(a.Statement(M, Posture.NEUTRAL))
    game.apply(a.WalkOut(W))
    text = after_action_report(game)
    lost = game.scenario.sides[W].walk_away - game.final_scores()[W]
    assert lost > 0
    assert (f"- Washington ended {lost:.1f} below its walk-away value: the collapse cost it that (talks that ran "
            "out or lapsed without an agreement would have paid its walk-away value).") in text
    assert "no agreement would have served it better" not in text


def test_what_each_side_said_of_its_priorities_is_set_beside_the_truth(tutorial):
    """By the frozen briefs: Washington gains most from banking (50), then flights (10); Moscow from visas (50),
    then flights (35). Washington names flights alone, unasked: its first priority left out. Moscow, asked,
    names visas then flights: the truth."""
    game = Game(tutorial, 1, {W: "human", M: "human"})
    game.apply(a.Statement(W, Posture.NEUTRAL))
    game.apply(a.Statement(M, Posture.NEUTRAL))
    game.apply(a.DisclosePriorities(W, ("flights",)))
    game.apply(a.AskPriorities(W))
    game.apply(a.DisclosePriorities(M, ("visas", "flights")))
    text = after_action_report(game)
    said = text.split("**What each side said of its priorities, against what was true.**")[1].split("##")[0]
    assert ("- Round 1, unasked: Washington said Direct flights; in truth: Embassy banking, Direct flights "
            "(misleading: its first priority was left out).") in said
    assert ("- Round 1, asked: Moscow said Visas for diplomats, Direct flights; in truth: Visas for diplomats, "
            "Direct flights (true).") in said


REASON = "Not while <b>visas</b> [b]wait[/b] & the banks stay **shut** (see [x](y))"
"""A rejection's own words (as a computer opponent gives them), with text that looks like HTML and Textual
markup: quoted as written, never read as markup."""


def spurned_with_a_reason(tutorial) -> Game:
    """The known game's start, Moscow turning down the package both would have gained from, saying why."""
    game = Game(tutorial, 42, {W: "human", M: "human"})
    for action in (a.Statement(W, Posture.NEUTRAL), a.Statement(M, Posture.NEUTRAL),
                   a.Propose(W, Offer((Concession("banking", 1), Concession("visas", 1)), (("banking", "visas"),))),
                   a.Reject(M, reason=REASON + ".")):
        game.apply(action)
    return game


def test_a_package_spurned_with_a_reason_quotes_the_reason(tutorial):
    game = spurned_with_a_reason(tutorial)
    found = "\n".join(draw_lessons(game, debrief(game)).not_well)
    assert (f"#4 (round 1): Moscow rejected Washington's package although both would have gained (Washington "
            f"+11.2, Moscow +10.5), saying: “{REASON}”.") in found
    text = after_action_report(game)
    quoted = f"saying: “{md(REASON)}”."
    turning = text.split("## Turning points")[1].split("## What went well")[0]
    assert ("- Round 1, #4 (spurned): Moscow turned down Washington's package although both sides would have "
            f"gained from it, {quoted}") in turning
    not_well = text.split("**Did not go well**")[1].split("##")[0]
    assert quoted in not_well
    assert "<b>" not in text and "<b>" not in rendered_html(text)  # HTML shown, never obeyed
    assert f"saying: “{REASON}”." in rendered_text(text)  # Textual's and Markdown's markup read as typed
    shown = moments_content(debrief(game)).plain  # the debrief's turning points: the same words, as plain text
    assert f"although both sides would have gained from it, saying: “{REASON}”." in shown


def test_a_package_spurned_without_a_reason_says_none(known_save):
    """A person's rejection (and every save made before reasons existed) carries no words: none are invented."""
    _, game = known_save
    text = after_action_report(game)
    assert "saying:" not in text
    assert ("- Round 1, #4 (spurned): Moscow turned down Washington's package although both sides would have "
            "gained from it.") in text


@pytest.mark.parametrize("date", ["2025-03-01 (hypothetical)", "2025-03-01"])
def test_a_hypothetical_scenario_is_marked_once(date):
    """The shipped tutorial dates itself "2025-03-01 (hypothetical)": the report's exercise line said
    "2025-03-01 (hypothetical) (hypothetical)". A hypothetical scenario whose title and date do not say so is
    still marked."""
    import attrs

    from tabletop.scenarios.library import resolve

    scenario = attrs.evolve(resolve("tutorial"), date=date)
    assert scenario.hypothetical
    text = after_action_report(simulate(scenario, "grit", "tit-for-tat", 1))
    line = next(row for row in text.splitlines() if row.startswith("- **Scenario:**"))
    assert line.lower().count("hypothetical") == 1, line
