"""The facilitator's guide to a scenario, generated from its TOML so the two never drift apart.

The guide is the instructor's class pack: objectives, the 90- and 45-minute
run-sheets, teaching notes, the master scenario events list, the answer key,
both confidential briefs, discussion questions, what really happened and every
source. ``--class`` adds the players' handouts after it, each on its own page.
It renders to Markdown (committed beside the scenarios) and to printable HTML.
"""

from __future__ import annotations

from tabletop.engine.effects import describe_effects
from tabletop.engine.model import SIDES, Condition, Effects, Inject, InjectKind, Scenario
from tabletop.reports.answer_key import answer_key_blocks
from tabletop.reports.class_pack import discussion_blocks, run_sheet_blocks, teaching_notes_blocks
from tabletop.reports.document import (
    Block,
    Heading,
    Inline,
    Quote,
    Text,
    b,
    bullets,
    code,
    i,
    inline,
    para,
    table,
    to_markdown,
)


def describe_condition(scenario: Scenario, condition: Condition) -> str:
    """A condition in plain words ("trust below 30 and Banking at rung 2 or higher")."""
    c = condition
    parts = []
    if c.trust_at_least is not None:
        parts.append(f"trust {c.trust_at_least} or more")
    if c.trust_below is not None:
        parts.append(f"trust below {c.trust_below}")
    if c.tension_at_least is not None:
        parts.append(f"tension {c.tension_at_least} or more")
    if c.tension_below is not None:
        parts.append(f"tension below {c.tension_below}")
    if c.round_at_least is not None:
        parts.append(f"from round {c.round_at_least}")
    for side, level in sorted(c.standing_below.items()):
        parts.append(f"{side.capitalize()} standing below {level}")
    for irritant_id, rung in sorted(c.rungs_at_least.items()):
        irritant = scenario.irritant(irritant_id)
        parts.append(f"{irritant.name} at \u201c{irritant.rungs[rung]}\u201d ({rung}) or higher")
    for irritant_id, rung in sorted(c.rungs_below.items()):
        irritant = scenario.irritant(irritant_id)
        parts.append(f"{irritant.name} below rung {rung}")
    if c.ended_by:
        parts.append("ended by " + " or ".join(r.value for r in c.ended_by))
    if c.response is not None:
        parts.append(f"the target chose to {c.response.value}")
    return " and ".join(parts) if parts else "always"


def when_it_fires(scenario: Scenario, inject: Inject) -> str:
    if inject.kind is InjectKind.SCHEDULED:
        return f"round {inject.round}"
    if inject.kind is InjectKind.CONDITIONAL:
        return f"when {describe_condition(scenario, inject.when)}"
    if inject.kind is InjectKind.RANDOM:
        last = inject.to_round or scenario.rounds
        extra = "" if inject.when.is_empty else f", if {describe_condition(scenario, inject.when)}"
        return f"{inject.probability:.0%} chance each round, rounds {inject.from_round}-{last}{extra}"
    parent = scenario.inject(inject.follows or "")
    check = describe_condition(scenario, parent.check) if parent.check else "the target absorbed it"
    if parent.check is None:
        return f"{inject.after_rounds} round(s) after \u201c{parent.title}\u201d, if {check}"
    return f"{inject.after_rounds} round(s) after \u201c{parent.title}\u201d, unless {check}"


def _effects(scenario: Scenario, effects: Effects | None) -> str:
    return describe_effects(scenario, effects) if effects else ""


def source_numbers(scenario: Scenario) -> dict[str, str]:
    """Each source's label in the guide ("S1", "S2", ...), in the order of the [[sources]] table."""
    return {source.id: f"S{n}" for n, source in enumerate(scenario.sources, 1)}


def marks(scenario: Scenario, sources: tuple[str, ...], hypothetical: bool) -> str:
    """A text's mark as the guide prints it: "S1, S4", "hypothetical", or both."""
    labels = source_numbers(scenario)
    parts = [", ".join(labels[s] for s in sources if s in labels)] if sources else []
    if hypothetical or (scenario.hypothetical and not sources):
        parts.append("hypothetical")
    return "; ".join(parts) or "-"


def sources_blocks(scenario: Scenario) -> list[Block]:
    """The facts-and-sources table (which text rests on which source) and the numbered list of sources."""
    s = scenario
    out: list[Block] = [Heading(2, "Facts and sources")]
    if s.hypothetical:
        out.append(para("The scenario as a whole is hypothetical: its crisis is invented. Sources are given for "
                        "the real events it cites."))
    rows: list[list[Inline | str]] = [["Setting and public brief", marks(s, s.story_sources, s.hypothetical)]]
    if s.aftermath.strip():
        rows.append(["What really happened", marks(s, s.aftermath_sources, False)])
    rows += [[f"{s.sides[side].name}'s public position", marks(s, s.sides[side].sources, s.sides[side].hypothetical)]
             for side in SIDES]
    rows += [[f"Irritant: {irritant.name}", marks(s, irritant.sources, irritant.hypothetical)] for irritant in s.irritants]
    rows += [[f"Inject {n}: {inject.title}", marks(s, inject.sources, inject.hypothetical)]
             for n, inject in enumerate(s.injects, 1)]
    out.append(table(["Text", "Sources (or hypothetical)"], rows))
    if s.sources:
        out.append(Heading(3, "Sources"))
        items = []
        for label, source in zip(source_numbers(s).values(), s.sources):
            parts: list = [b(label), " ", source.outlet, ", ", i(source.title), f", {source.date}."]
            if source.url:
                parts += [" ", source.url]
            if source.note:
                parts += [" ", source.note]
            items.append(inline(*parts))
        out.append(bullets(items))
    else:
        out.append(para("No sources are listed in this scenario file."))
    return out


def guide_blocks(scenario: Scenario, handouts: bool = False) -> list[Block]:
    """The whole facilitator's guide as document blocks; with ``handouts``, the players' handouts follow."""
    s = scenario
    out: list[Block] = [Heading(1, f"Facilitator's guide: {s.title}"),
                        para("Generated from ", code(f"{s.id}.toml"), " by ", code(f"tabletop guide {s.id}"),
                             "; edit the scenario, not this page. For the instructor only: it holds the answer key "
                             "and both confidential briefs.")]
    if s.hypothetical:
        out.append(Quote(inline(b("Hypothetical scenario."), " The situation is invented for training, "
                                "modelled on precedents.")))
    meta = [inline(b("Scenario id:"), " ", code(s.id)), inline(b("Date:"), f" {s.date}"),
            inline(b("Rounds:"), f" {s.rounds} (deadline: {s.deadline})"),
            inline(b("Exchanges per round:"), f" {s.rules.exchange_limit}"),
            inline(b("Starting meters:"), f" trust {s.meters.trust}, tension {s.meters.tension}, standing "
                   f"Washington {s.meters.standing[0]}, Moscow {s.meters.standing[1]}")]
    if s.rules.round_timer:
        meta.append(inline(b("Round timer:"), f" {s.rules.round_timer} s"))
    out += [bullets(meta), Heading(2, "Setting"), Text(s.setting),
            para(i(f"Sources: {marks(s, s.story_sources, s.hypothetical)} (listed under Facts and sources)."))]
    out += [Heading(2, "Learning objectives"),
            table(["#", "Objective", "Expected outcome"],
                  [[str(n), inline(o.text, " (", code(o.id), ")"), o.expected] for n, o in enumerate(s.objectives, 1)])]
    out += run_sheet_blocks(s, 90) + run_sheet_blocks(s, 45)
    out += teaching_notes_blocks(s)
    out += [Heading(2, "Irritants"),
            table(["Irritant", "Moved by", "Start", "Ladder", "Facts"],
                  [[irritant.name, irritant.mover.value, str(irritant.start),
                    " \u2192 ".join(f"{n}. {name}" for n, name in enumerate(irritant.rungs)),
                    marks(s, irritant.sources, irritant.hypothetical)] for irritant in s.irritants])]
    rows: list[list[Inline | str]] = []
    for n, inject in enumerate(s.injects, 1):
        effects = _effects(s, inject.effects)
        if inject.forces_choice:
            effects = "; ".join(filter(None, [effects, f"respond: {_effects(s, inject.respond) or 'no change'}",
                                               f"absorb: {_effects(s, inject.absorb) or 'no change'}"]))
        rows.append([str(n), when_it_fires(s, inject),
                     inline(b(inject.title), f" ({inject.kind.value}): {inject.text}"), inject.target.value,
                     inject.expected_action, inject.objective, effects or "-",
                     marks(s, inject.sources, inject.hypothetical)])
    out += [Heading(2, "Master scenario events list"),
            table(["#", "When", "Inject", "Target", "Expected action", "Objective", "Effects", "Facts"], rows)]
    notes = [(n, inject) for n, inject in enumerate(s.injects, 1) if inject.notes.strip()]
    if notes:
        out += [Heading(3, "Evaluator notes"),
                bullets([inline(b(f"{n}. {inject.title}:"), " ", inject.notes) for n, inject in notes])]
    out.append(Heading(2, "Audiences"))
    items = []
    for audience in s.audiences:
        items.append(inline(b(f"{audience.name}:"), " ", audience.stance))
        for reaction in audience.reactions:
            scope = " on " + s.irritant(reaction.irritant).name if reaction.irritant else ""
            by = f" by {reaction.side.value}" if reaction.side else ""
            items.append(inline(f"{audience.name}, on {reaction.on}{scope}{by}: {reaction.text}"))
    out.append(bullets(items))
    out += [Heading(2, "Outcome tiers (first match wins)"),
            table(["Tier", "When", "Meaning"],
                  [[tier.name, "otherwise" if tier.when.is_empty else describe_condition(s, tier.when), tier.description]
                   for tier in s.outcomes])]
    out += answer_key_blocks(s)
    out.append(Heading(2, "The two briefs (instructor only)"))
    for side in SIDES:
        brief = s.sides[side]
        out += [Heading(3, brief.name), Text(brief.confidential),
                para(f"Walk-away value: {brief.walk_away:g}. Starting standing: {brief.standing}.")]
    out += discussion_blocks(s)
    out.append(Heading(2, "What really happened afterwards"))
    if s.aftermath.strip():
        out += [Text(s.aftermath), para(i(f"Sources: {marks(s, s.aftermath_sources, False)}."))]
    else:
        out.append(para("Nothing: this scenario is hypothetical." if s.hypothetical else "Not recorded in this scenario."))
    out += sources_blocks(s)
    if handouts:
        from tabletop.reports.briefs import handout_blocks

        out += handout_blocks(s)
    return out


def guide_markdown(scenario: Scenario, handouts: bool = False) -> str:
    """The whole facilitator's guide, as Markdown (with ``handouts``, the class pack)."""
    return to_markdown(guide_blocks(scenario, handouts))


def guide_html(scenario: Scenario, handouts: bool = False) -> str:
    """The guide (or the class pack) as one printable, self-contained HTML file."""
    from tabletop.reports.html import to_html

    title = f"{'Class pack' if handouts else 'Facilitator' + chr(39) + 's guide'}: {scenario.title}"
    return to_html(guide_blocks(scenario, handouts), title)


__all__ = ["describe_condition", "guide_blocks", "guide_html", "guide_markdown", "marks",
           "source_numbers", "sources_blocks", "when_it_fires"]
