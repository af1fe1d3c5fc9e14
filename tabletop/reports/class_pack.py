"""Running a class on a scenario: the 90- and 45-minute run-sheets, teaching notes per phase, debrief questions.

All of it is derived from the scenario file (rounds, injects, valuations, red
lines), so it stays in step with the scenario when its numbers are retuned.
The run-sheet gives the seconds per round for the round timer
(``tabletop play ... --timer N``) and says when each inject fires and what the
facilitator does about it.
"""

from __future__ import annotations

import attrs

from tabletop.engine.gestures import cheap_gestures
from tabletop.engine.model import SIDES, TIMER_MIN, InjectKind, Scenario, Side
from tabletop.reports.answer_key import answer_key, describe_moves
from tabletop.reports.document import Block, Heading, Inline, b, bullets, code, i, inline, para, table


@attrs.frozen
class Plan:
    """How a class of ``minutes`` splits into set-up, play, hotwash and debrief (minutes each)."""

    minutes: int
    setup: int
    play: int
    hotwash: int
    debrief: int

    def round_seconds(self, rounds: int) -> int:
        """Seconds per round for the round timer: the play time shared by the rounds, in half minutes."""
        return max(TIMER_MIN, (self.play * 60 // rounds) // 30 * 30)


PLANS = {90: Plan(90, setup=15, play=45, hotwash=10, debrief=20), 45: Plan(45, setup=5, play=20, hotwash=5, debrief=15)}


def _clock(minutes: float) -> str:
    whole = int(round(minutes * 60))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}" if whole % 60 == 0 else \
        f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _initiative(scenario: Scenario, round_: int) -> Side:
    first = scenario.first_initiative
    return first if round_ % 2 == 1 else first.other


def run_sheet_blocks(scenario: Scenario, minutes: int) -> list[Block]:
    """One run-sheet (90 or 45 minutes) as a table, with the commands to run."""
    s = scenario
    plan = PLANS[minutes]
    per_round = plan.round_seconds(s.rounds)
    title = "Run-sheet: 90 minutes" if minutes == 90 else "Short form: 45 minutes"
    out: list[Block] = [Heading(3 if minutes == 45 else 2, title)]
    out.append(para("Round timer: ", b(f"{per_round} seconds"), f" per round ({s.rounds} rounds in about "
                    f"{per_round * s.rounds // 60} minutes). Start the game with ",
                    code(f"tabletop play {s.id} --washington human --moscow human --facilitator --timer {per_round}"),
                    "; F9 opens the facilitator's console (hold, fire or skip injects, pause the timer)."))
    rows: list[list[Inline | str]] = []
    setup_text = ("Seat the two teams apart. Hand out the public brief to everyone and each team's confidential "
                  "brief to that team only. Teams read, then write down their top two priorities, their walk-away "
                  "and what they think the other side wants most.") if minutes == 90 else \
        ("Briefs were read before class. Seat the teams, recall the walk-away rule (a score below it is worse "
         "than no deal), start the game.")
    rows.append([f"0:00-{_clock(plan.setup)}", inline(b("Set-up and briefs")), setup_text])
    start = plan.setup
    for round_ in range(1, s.rounds + 1):
        begin = start + (round_ - 1) * per_round / 60
        end = begin + per_round / 60
        events = [f"Inject {n}, \u201c{inj.title}\u201d, fires (target: {inj.target.value})"
                  + ("; the target must choose to respond or absorb" if inj.forces_choice else "")
                  for n, inj in enumerate(s.injects, 1) if inj.kind is InjectKind.SCHEDULED and inj.round == round_]
        what = f"{_initiative(s, round_).title} holds the initiative."
        if round_ == 1:
            what += " Postures first, then proposals."
        if round_ == s.rounds:
            what += " Last round: remind both teams of their walk-aways."
        rows.append([f"{_clock(begin)}-{_clock(end)}", inline(b(f"Round {round_}")),
                     " ".join([what, *(e + "." for e in events)])])
    end_play = start + s.rounds * per_round / 60
    rows.append([f"{_clock(end_play)}-{_clock(end_play + plan.hotwash)}", inline(b("Hotwash")),
                 "Straight after play, on the game's hotwash screen: each team says what went well, what did not, "
                 "and what it would change; the facilitator reads each inject's expected action against what happened."])
    rows.append([f"{_clock(end_play + plan.hotwash)}-{_clock(plan.minutes)}", inline(b("Debrief")),
                 "The debrief screen (scores against walk-aways, the frontier, value left on the table, turning "
                 "points), then the answer key and the discussion questions below; close with what really happened."])
    out.append(table(["Time", "Phase", "What happens"], rows))
    others = [(n, inj) for n, inj in enumerate(s.injects, 1) if inj.kind is not InjectKind.SCHEDULED]
    if others:
        from tabletop.reports.guide import when_it_fires

        advice = ("Leave them armed: the console shows each one as it fires."
                  if minutes == 90 else
                  "In the short form, hold the random ones at the start (console: hold) so that the scheduled "
                  "injects carry the lessons; let the conditional ones and the contingencies fire.")
        out.append(para(b("Injects that fire on a condition, by chance or as a contingency."), " " + advice))
        out.append(bullets([inline(f"{n}. \u201c{inj.title}\u201d ({inj.kind.value}): {when_it_fires(s, inj)}.")
                            for n, inj in others]))
    return out


def _top(scenario: Scenario, side: Side) -> list[str]:
    values = sorted(((scenario.valuation(side, irritant.id).net, irritant.name) for irritant in scenario.irritants),
                    reverse=True)
    return [name for net, name in values[:2] if net > 0]


def teaching_notes_blocks(scenario: Scenario) -> list[Block]:
    """What students usually do in each phase of this scenario, and what to ask them."""
    s = scenario
    key = answer_key(s)
    out: list[Block] = [Heading(2, "Teaching notes by phase")]
    tops = {side: _top(s, side) for side in SIDES}
    out.append(Heading(3, "Reading the briefs"))
    out.append(bullets([
        "Students usually read only their own numbers and assume the other side wants the mirror image.",
        f"Washington's priorities are {', '.join(tops[Side.WASHINGTON]) or 'spread thin'}; "
        f"Moscow's are {', '.join(tops[Side.MOSCOW]) or 'spread thin'}.",
        inline(b("Ask:"), " what does the other side want most, and what would it cost you to give it? "
               "Have each team write the answer down; compare at the debrief."),
    ]))
    out.append(Heading(3, "Opening rounds"))
    opening: list[Inline | str] = [
        "Students usually open with their own top item, or a maximal package to anchor the talks, and bargain "
        "issue by issue.",
    ]
    if key.shared:
        opening.append(inline("Easy shared gains are on the table: ", describe_moves(s, key.shared[0].moves),
                              " helps both sides at once. Teams that take it early build trust for the hard items."))
    if key.trades:
        opening.append(inline("The best trade links two items: ", describe_moves(s, key.trades[0].moves),
                              f" (Washington {key.trades[0].gains[0]:+g}, Moscow {key.trades[0].gains[1]:+g})."))
    for side in SIDES:
        gestures = cheap_gestures(s, side)
        if gestures:
            opening.append(inline(f"{s.sides[side].name} can open with a cheap gesture (GRIT): one rung of ",
                                  gestures[0].irritant.name, f" costs it {gestures[0].cost:g} points and is "
                                  f"worth {gestures[0].worth:g} to {s.sides[side.other].name}. Watch whether it "
                                  "is answered, or pocketed."))
    opening.append(inline(b("Ask:"), " what are you offering that costs you little and is worth a lot to them? "
                          "Why move one issue at a time?"))
    out.append(bullets(opening))
    out.append(Heading(3, "Middle rounds: the injects"))
    middle: list[Inline | str] = [
        "Students usually answer a provocation in kind (respond) because it plays well at home, and forget "
        "what it costs in trust at the table; or they freeze and let the round pass.",
    ]
    for n, inject in enumerate(s.injects, 1):
        if inject.forces_choice:
            middle.append(inline(f"Inject {n}, \u201c{inject.title}\u201d: expected: ", i(inject.expected_action)))
    middle.append(inline(b("Ask:"), " what did your answer buy at the table? Who was the statement for?"))
    out.append(bullets(middle))
    out.append(Heading(3, "Endgame"))
    lines: list[Inline | str] = [
        "As the deadline nears, students accept whatever is on the table, or walk out in frustration; few check "
        "the package against their walk-away.",
        f"Walk-aways: Washington {key.walk_away[Side.WASHINGTON]:g}, Moscow {key.walk_away[Side.MOSCOW]:g}; "
        f"no agreement scores exactly the walk-away; a breakdown scores it minus {s.rules.collapse_penalty:g}, a walk-out "
        f"minus {s.rules.walkout_cost:g} for both sides.",
    ]
    for side in SIDES:
        for irritant in s.irritants:
            red = s.valuation(side, irritant.id).red_line
            if red is not None and red.absolute:
                lines.append(f"{s.sides[side].name} can never go above \u201c{irritant.rungs[red.rung]}\u201d on "
                             f"{irritant.name}: a team that promises more has misread its mandate.")
    lines.append(inline(b("Ask:"), " is this package above your walk-away? If not, why sign it?"))
    out.append(bullets(lines))
    out.append(Heading(3, "Hotwash and debrief"))
    out.append(bullets([
        "Students usually judge the result by the outcome tier's name; steer them to the scores against the "
        "walk-aways and to the distance from the frontier.",
        inline(b("Ask:"), " what would you do differently in the first two rounds, knowing what you know now?"),
    ]))
    return out


def discussion_blocks(scenario: Scenario) -> list[Block]:
    """The scenario's own debrief questions, then questions tied to what the debrief screen shows."""
    s = scenario
    key = answer_key(s)
    out: list[Block] = [Heading(2, "Discussion questions")]
    if s.debrief_questions:
        out.append(Heading(3, "The scenario's questions"))
        out.append(bullets(list(s.debrief_questions), ordered=True))
    out.append(Heading(3, "Questions on what the debrief shows"))
    nash = (f" The Nash point splits it at Washington {key.nash.washington:g}, Moscow {key.nash.moscow:g}."
            if key.nash else "")
    out.append(bullets([
        inline(b("Scores against walk-aways."), f" Washington's walk-away was {key.walk_away[Side.WASHINGTON]:g} and "
               f"Moscow's {key.walk_away[Side.MOSCOW]:g}. Who ended above, who below? Was any package below a "
               "walk-away worth signing?"),
        inline(b("The frontier and value left on the table."), " How far was your deal from the frontier? Which of "
               "the good trades in the answer key did you miss, and what stopped you?"),
        inline(b("The split."), " How was the surplus over the walk-aways shared?" + nash + " Who drove the split?"),
        inline(b("Turning points."), " The debrief lists the largest moves of trust. What caused each, and could "
               "you have prevented the worst one?"),
        inline(b("Audiences."), " How did Europe and Beijing read your outcome, and did their reading matter to "
               "your capital?"),
        inline(b("What really happened."), " Compare your outcome with the real one below. What would have had to "
               "be different for the real delegations to do better?"),
    ], ordered=True))
    return out
