"""The facilitator's guide to a scenario, generated from its TOML so the two never drift apart."""

from __future__ import annotations

from tabletop.engine.model import SIDES, Condition, Effects, Inject, InjectKind, Scenario
from tabletop.engine.rules import describe_effects


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


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _effects(scenario: Scenario, effects: Effects | None) -> str:
    return describe_effects(scenario, effects) if effects else ""


def guide_markdown(scenario: Scenario) -> str:
    """The whole facilitator's guide, as Markdown."""
    s = scenario
    lines = [f"# Facilitator's guide: {s.title}", ""]
    lines.append(f"*Generated from `{s.id}.toml` by `tabletop guide {s.id}`; edit the scenario, not this page.*")
    lines.append("")
    if s.hypothetical:
        lines += ["> **Hypothetical scenario.** The situation is invented for training, modelled on precedents.", ""]
    lines += [f"- **Scenario id:** `{s.id}`", f"- **Date:** {s.date}", f"- **Rounds:** {s.rounds} (deadline: {s.deadline})",
              f"- **Exchanges per round:** {s.rules.exchange_limit}",
              f"- **Starting meters:** trust {s.meters.trust}, tension {s.meters.tension}, standing "
              f"Washington {s.meters.standing[0]}, Moscow {s.meters.standing[1]}"]
    if s.rules.round_timer:
        lines.append(f"- **Round timer:** {s.rules.round_timer} s")
    lines += ["", "## Setting", "", s.setting.strip(), "", "## Learning objectives", "",
              "| # | Objective | Expected outcome |", "|---|---|---|"]
    for n, objective in enumerate(s.objectives, 1):
        lines.append(f"| {n} | {_cell(objective.text)} (`{objective.id}`) | {_cell(objective.expected)} |")
    lines += ["", "## Irritants", "", "| Irritant | Moved by | Start | Ladder |", "|---|---|---|---|"]
    for irritant in s.irritants:
        ladder = " \u2192 ".join(f"{n}. {name}" for n, name in enumerate(irritant.rungs))
        lines.append(f"| {_cell(irritant.name)} | {irritant.mover.value} | {irritant.start} | {_cell(ladder)} |")
    lines += ["", "## Master scenario events list", "",
              "| # | When | Inject | Target | Expected action | Objective | Effects |",
              "|---|---|---|---|---|---|---|"]
    for n, inject in enumerate(s.injects, 1):
        effects = _effects(s, inject.effects)
        if inject.forces_choice:
            effects = "; ".join(filter(None, [effects, f"respond: {_effects(s, inject.respond) or 'no change'}",
                                               f"absorb: {_effects(s, inject.absorb) or 'no change'}"]))
        text = f"**{_cell(inject.title)}** ({inject.kind.value}): {_cell(inject.text)}"
        lines.append(f"| {n} | {_cell(when_it_fires(s, inject))} | {text} | {inject.target.value} | "
                     f"{_cell(inject.expected_action)} | {inject.objective} | {_cell(effects) or '-'} |")
    notes = [(n, i) for n, i in enumerate(s.injects, 1) if i.notes.strip()]
    if notes:
        lines += ["", "### Evaluator notes", ""]
        lines += [f"- **{n}. {inject.title}:** {_cell(inject.notes)}" for n, inject in notes]
    lines += ["", "## Audiences", ""]
    for audience in s.audiences:
        lines.append(f"- **{audience.name}:** {_cell(audience.stance)}")
        for reaction in audience.reactions:
            scope = " on " + s.irritant(reaction.irritant).name if reaction.irritant else ""
            by = f" by {reaction.side.value}" if reaction.side else ""
            lines.append(f"  - reacts to {reaction.on}{scope}{by}: {_cell(reaction.text)}")
    lines += ["", "## Outcome tiers (first match wins)", "", "| Tier | When | Meaning |", "|---|---|---|"]
    for tier in s.outcomes:
        when = "otherwise" if tier.when.is_empty else describe_condition(s, tier.when)
        lines.append(f"| {_cell(tier.name)} | {_cell(when)} | {_cell(tier.description)} |")
    lines += ["", "## The two briefs (facilitator only)", ""]
    for side in SIDES:
        brief = s.sides[side]
        lines += [f"### {brief.name}", "", brief.confidential.strip(), "",
                  f"Walk-away value: {brief.walk_away:g}. Starting standing: {brief.standing}.", ""]
    lines += ["## Debrief questions", ""]
    lines += [f"{n}. {_cell(q)}" for n, q in enumerate(s.debrief_questions, 1)]
    lines += ["", "## What really happened afterwards", ""]
    lines.append(s.aftermath.strip() if s.aftermath.strip() else
                 ("Nothing: this scenario is hypothetical." if s.hypothetical else "Not recorded in this scenario."))
    return "\n".join(lines).rstrip() + "\n"
