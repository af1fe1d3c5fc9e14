"""How the talks were conducted, in sentences: one wording for the debrief on screen and the report on paper.

Each function returns plain lines (the sides' names and the scenario's words
among them as typed); the interface sets them as plain content, the report
escapes them for Markdown. The figures come from :mod:`tabletop.engine.conduct`.
"""

from __future__ import annotations

import attrs

from tabletop.engine import actions as act
from tabletop.engine.analysis import Debrief
from tabletop.engine.disclosures import disclosure_lines
from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import SIDES, EndReason, Scenario, Side
from tabletop.engine.opponents import STRATEGIES, describe
from tabletop.engine.opponents.aims import offered_before_the_last_round
from tabletop.engine.turning import moments, swings


def _names(scenario: Scenario) -> dict[Side, str]:
    return {side: scenario.sides[side].name for side in SIDES}


def _pair(names: dict[Side, str], scores: tuple[float, float]) -> str:
    return f"{names[Side.WASHINGTON]} {scores[0]:.1f} / {names[Side.MOSCOW]} {scores[1]:.1f}"


def below_walk_away(name: str, gap: float, collapsed: bool) -> str:
    """Why a side ended ``gap`` below its walk-away value, truly: a collapse's cost, or a deal worse than none."""
    if collapsed:
        return (f"{name} ended {gap:.1f} below its walk-away value: the collapse cost it that (talks that ran out "
                "or lapsed without an agreement would have paid its walk-away value).")
    return f"{name} ended {gap:.1f} below its walk-away value: no agreement would have served it better."


def zone_lines(game: Game, d: Debrief) -> list[str]:
    """The zone of possible agreement in words, and how the surplus over both walk-away values was split."""
    scenario = game.scenario
    collapsed = game.state.ended is EndReason.COLLAPSE
    names = _names(scenario)
    split = d.conduct.split
    out = [d.conduct.zopa.words((names[Side.WASHINGTON], names[Side.MOSCOW]))]
    gains = dict(zip(SIDES, split.gains))
    share = split.share(Side.WASHINGTON)
    if share is None:
        out.append("There was no surplus to split: neither side ended above what no agreement pays "
                   f"({names[Side.WASHINGTON]} {gains[Side.WASHINGTON]:+.1f}, "
                   f"{names[Side.MOSCOW]} {gains[Side.MOSCOW]:+.1f}).")
        out += [below_walk_away(names[side], -gains[side], collapsed) for side in SIDES if gains[side] < 0]
    else:
        out.append(f"The surplus over both walk-away values was {split.total:+.1f}: {names[Side.WASHINGTON]} "
                   f"{gains[Side.WASHINGTON]:+.1f}, {names[Side.MOSCOW]} {gains[Side.MOSCOW]:+.1f}; "
                   f"{names[Side.WASHINGTON]} took {share:.0%} of the gain and {names[Side.MOSCOW]} {1 - share:.0%}.")
        for side in SIDES:
            if gains[side] < 0:
                out.append(below_walk_away(names[side], -gains[side], collapsed))
    if d.nash is not None:
        nash_gains = (d.nash[0] - d.walk_away[Side.WASHINGTON], d.nash[1] - d.walk_away[Side.MOSCOW])
        out.append(f"The Nash point ({_pair(names, d.nash)}) splits the largest product of gains: "
                   f"{names[Side.WASHINGTON]} {nash_gains[0]:+.1f}, {names[Side.MOSCOW]} {nash_gains[1]:+.1f}.")
    return out


def anchoring_lines(scenario: Scenario, d: Debrief) -> list[str]:
    """Who opened, what each side's first package asked for, and whether the opening anchored the outcome."""
    names = _names(scenario)
    anchoring = d.conduct.anchoring
    if anchoring.first is None:
        return ["No package was ever put on the table: there was no first offer to anchor the talks."]
    out = [f"{names[anchoring.first]} put the first package on the table."]
    for side in SIDES:
        opening = anchoring.openings[side]
        if opening is None:
            out.append(f"{names[side]} never put a package forward: it only answered.")
            continue
        out.append(f"{names[side]}'s first offer (round {opening.round}, #{opening.index}) was worth "
                   f"{opening.own_score:.1f} to itself and {opening.their_score:.1f} to {names[side.other]} "
                   f"(walk-away {d.walk_away[side]:g}).")
        kept = anchoring.kept(side)
        if kept is not None:
            out.append(f"  It ended with {kept:.0%} of the gain over its walk-away value that its opening asked for.")
    nearer = anchoring.nearer
    if nearer is not None and any(s > 0 for s in d.conduct.split.gains):
        out.append(f"The outcome ({_pair(names, anchoring.outcome)}) lies nearer {names[nearer]}'s opening than "
                   f"{names[nearer.other]}'s: {names[nearer]}'s first offer anchored the talks.")
    elif nearer is None and all(anchoring.openings.values()):
        out.append("The outcome lies as near one opening as the other: neither first offer anchored it.")
    return out


def package_rows(scenario: Scenario, d: Debrief) -> list[tuple[str, str, str, str, str]]:
    """(round, #, by, its own score, the other side's score) for each package put forward."""
    names = _names(scenario)
    return [(str(p.round), f"#{p.index}", names[p.side], f"{p.own_score:.1f}", f"{p.their_score:.1f}")
            for p in d.conduct.packages]


def reciprocity_lines(scenario: Scenario, d: Debrief) -> list[str]:
    """The reciprocity audit: gestures made, returned (by a gesture or a give in a deal), pocketed by each side."""
    names = _names(scenario)
    audit = d.conduct.reciprocity
    if not any(audit[side].made for side in SIDES):
        return ["No side made a unilateral gesture."]
    out = []
    for side in SIDES:
        mine, theirs = audit[side], audit[side.other]
        opened = mine.returned + theirs.pocketed
        out.append(f"{names[side]} made {mine.made} gesture{'' if mine.made == 1 else 's'}: {opened} opening a move "
                   f"({mine.returned} returned by {names[side.other]}, {theirs.pocketed} pocketed by it), "
                   f"{mine.made - opened} answering one of {names[side.other]}'s.")
    out.append("A gesture is returned by a gesture of the other side, or by a deal in which it gives one of its "
               "own irritants.")
    for side in SIDES:
        if audit[side].pocketed:
            out.append(f"{names[side]} exploited {audit[side].pocketed} of {names[side.other]}'s gestures: "
                       "it took them and gave nothing back.")
    return out


def interest_lines(scenario: Scenario, d: Debrief, sides: tuple[Side, ...] = SIDES) -> list[str]:
    """Each side's priorities (what it gains most from) beside what it asked the other side to move."""
    names = _names(scenario)
    out = []
    for side in sides:
        found = d.conduct.priorities[side]
        valuations = scenario.sides[side].valuations
        valued = ", ".join(f"{scenario.irritant(i).name} (+{valuations[i].gain:g})" for i in found.valued[:3])
        out.append(f"{names[side]} valued most: {valued or 'nothing on the table'}.")
        if not found.asked:
            out.append(f"  It never asked {names[side.other]} to move anything.")
            continue
        asked = ", ".join(scenario.irritant(i).name for i in found.asked[:3])
        out.append(f"  It asked most for: {asked}.")
        if found.valued and found.asked[0] == found.valued[0]:
            out.append("  Its positions followed its interests: it asked first for what it valued most.")
        elif found.valued:
            out.append(f"  Its positions strayed from its interests: it asked most for "
                       f"{scenario.irritant(found.asked[0]).name}, though it valued "
                       f"{scenario.irritant(found.valued[0]).name} most.")
    return out


def disclosure_section(scenario: Scenario, d: Debrief) -> list[str]:
    """What each side said of its priorities, against what was true."""
    return disclosure_lines(scenario, d.conduct.disclosures)


def moment_lines(d: Debrief, hidden: frozenset[str] = frozenset()) -> list[str]:
    """The turning points beyond trust, one line each (``hidden``: kinds of moment left out)."""
    found = [m for m in d.conduct.moments if m.what not in hidden]
    if not found:
        return ["No deal, broken promise, lapse or large swing marked the talks."]
    return [f"Round {m.round}, #{m.index} ({m.what}): {' '.join(m.text.split())}" for m in found]


def shown_moment_lines(game: Game, d: Debrief, hidden: frozenset[str]) -> list[str]:
    """:func:`moment_lines` for a reader who may not see the kinds of moment in ``hidden`` (the other side's
    walk-away moves, a package scored from a sealed brief): they are set aside before the largest swings and
    the moments are chosen, not after, so a hidden one leaves no gap in the list that tells its size."""
    shown = moments(game, swings(game, leave_out=hidden), leave_out=hidden)
    return moment_lines(attrs.evolve(d, conduct=attrs.evolve(d.conduct, moments=tuple(shown))), hidden)


def _counts(game: Game, side: Side) -> dict[str, int]:
    counts = {"packages": 0, "accepted": 0, "rejected": 0, "gestures": 0, "retaliations": 0, "reneges": 0}
    kinds: dict[type, str] = {act.Propose: "packages", act.Counter: "packages", act.Accept: "accepted",
                              act.Reject: "rejected", act.Gesture: "gestures", act.Retaliate: "retaliations",
                              act.Renege: "reneges"}
    for action in game.actions:
        what = kinds.get(type(action))
        if what is not None and getattr(action, "side", None) is side:
            counts[what] += 1
    return counts


def held_out(game: Game, side: Side) -> bool:
    """Whether the computer at ``side`` met, in the final round, a side that had put no package forward before
    it, and so stopped its concessions short of its walk-away (docs/RULES.md, *Computer opponents*).

    Not when it took a package of that side's in the final round: that was judged against its walk-away (and
    the deadline's gamble), not against its curve, so it did not keep its room back."""
    last = game.scenario.rounds
    if game.state.round < last or offered_before_the_last_round(game, side.other):
        return False
    return not any(action.kind in ("accept", "accept_option") and getattr(action, "side", None) is side
                   and game.history[n].round >= last for n, action in enumerate(game.actions))


def opponent_lines(game: Game, d: Debrief, own_scores: bool = True) -> list[str]:
    """Each computer seat's style, revealed, with what it did in this game (``own_scores``: with its own
    scores of its packages, which only the debrief of both sides may show)."""
    names = _names(game.scenario)
    out = []
    for side in SIDES:
        seat = game.seats.get(side, HUMAN)
        if seat == HUMAN:
            continue
        counts = _counts(game, side)
        audit = d.conduct.reciprocity[side]
        out.append(f"{names[side]} was played by the computer opponent “{seat}”.")
        if seat in STRATEGIES:
            out.append(f"  Its style: {describe(seat)}")
        did = (f"  What it did: {counts['packages']} package{'' if counts['packages'] == 1 else 's'} put forward, "
               f"{counts['accepted']} accepted, {counts['rejected']} rejected; {counts['gestures']} gesture"
               f"{'' if counts['gestures'] == 1 else 's'} ({audit.returned} returned by {names[side.other]}), "
               f"{d.conduct.reciprocity[side.other].pocketed} of {names[side.other]}'s gestures left unanswered; "
               f"{counts['retaliations']} retaliation{'' if counts['retaliations'] == 1 else 's'}, "
               f"{counts['reneges']} renege{'' if counts['reneges'] == 1 else 's'}.")
        out.append(did)
        if held_out(game, side):
            out.append(f"  It kept part of its room back to the end: {names[side.other]} put no package forward "
                       "before the final round, and every computer opponent concedes only so far to a side that "
                       "has given it nothing to answer.")
        curve = d.conduct.curve(side)
        if own_scores and len(curve) >= 2:
            out.append(f"  Its own score of its packages went from {curve[0][1]:.1f} to {curve[-1][1]:.1f} "
                       f"over {len(curve)} packages.")
    return out


def seat_conduct(game: Game, d: Debrief, side: Side) -> dict[str, object]:
    """What one side's debrief on the network may show of the conduct: nothing of the other side's numbers.

    The computer opponent revealed (without its own scores), the reciprocity audit (gestures are public),
    this side's interests against its positions, what it said of its priorities against what was true,
    the turning points but the other side's walk-away swings, and every package as this side scored it.
    """
    other = f"{game.scenario.sides[side.other].name}'s walk-away value"
    packages = [[p.round, p.index, p.side.value, p.own_score if p.side is side else p.their_score]
                for p in d.conduct.packages]
    return {"revealed": opponent_lines(game, d, own_scores=False),
            "reciprocity": reciprocity_lines(game.scenario, d),
            "interests": interest_lines(game.scenario, d, (side,)),
            "moments": shown_moment_lines(game, d, frozenset({other})),
            "disclosures": [said.words(game.scenario) for said in d.conduct.disclosures if said.side is side],
            "packages": packages}


__all__ = ["seat_conduct", "anchoring_lines", "below_walk_away", "disclosure_section", "interest_lines", "moment_lines", "shown_moment_lines", "opponent_lines", "package_rows",
           "reciprocity_lines", "zone_lines"]
