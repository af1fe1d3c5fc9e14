"""The consequences of every action and phase, as pure functions.

Each function takes a scenario, a state (and an action) and returns the new
state with the events that describe, in plain words, what happened. Legality
(whose turn, which phase) is the phase machine's business (:mod:`flow`);
the checks here are about the content of a move (a rung off the ladder, an
irritant the side may not move, an absolute red line).
"""

from __future__ import annotations

import attrs

from tabletop.engine import actions as act
from tabletop.engine.effects import (  # noqa: F401 (the rules' public names live on here too)
    TENSION_MAX,
    Event,
    EventKind,
    MoveError,
    Result,
    apply_effects,
    describe_concession,
    describe_effects,
    describe_offer,
    irritant_name,
    move_tone,
    shift,
)
from tabletop.engine.injects import (  # noqa: F401
    check_collapse,
    custom_inject,
    due_injects,
    fire_by_hand,
    fire_inject,
    react,
    respond_inject,
)
from tabletop.engine.model import (
    SIDES,
    EndReason,
    Mover,
    Posture,
    Scenario,
    Side,
)
from tabletop.engine.randomness import draw
from tabletop.engine.red_lines import absolute_crossings, crossing
from tabletop.engine.scoring import grade
from tabletop.engine.state import (
    Concession,
    Deal,
    GameState,
    MeterPoint,
    Offer,
    deal_floor,
    side_index,
    with_side,
)

# Trust and standing, in meter points. GAME.md gives the shape; these numbers tune it.
POSTURE_TRUST = {Posture.CONCILIATORY: 2, Posture.NEUTRAL: 0, Posture.HARDLINE: -3}
POSTURE_STANDING = {Posture.CONCILIATORY: -1, Posture.NEUTRAL: 0, Posture.HARDLINE: 2}
BOTH_CONCILIATORY_BONUS = 2
GESTURE_TRUST = 3
RECIPROCATION_TRUST = 2
PACKAGE_TRUST = 2
RECIPROCAL_PACKAGE_TRUST = 5
RETALIATION_TRUST = 6
RENEGE_TRUST = 20
RENEGE_STANDING = 5
RETALIATION_STANDING_HIT = 2
CALM_TRUST = 60
CRISIS_TRUST = 15
TENSION_BITE = 4

# Tone: what moves a capital's public tone (-1 hardline to +1 conciliatory). Play drives it; the seeded
# drift only adds a little day-to-day noise (TONE_NOISE of the scenario's tone_drift).
TONE_NOISE = 0.25
POSTURE_TONE = {Posture.CONCILIATORY: 0.2, Posture.NEUTRAL: 0.0, Posture.HARDLINE: -0.3}
RETALIATED_TONE = -0.3
DEAL_TONE = 0.1
LOW_STANDING = 30
LOW_STANDING_TONE = -0.2


def _tone_factor(tone: float) -> float:
    return 1.0 + 0.5 * tone


# --- round phases --------------------------------------------------------------


def start_round(scenario: Scenario, state: GameState, seed: int) -> Result:
    """Tone moves (a delegation short of standing at home hardens; a little noise); injects fire."""
    rules = scenario.rules
    before = state
    for side in SIDES:
        step = (draw(seed, "tone", side.value, state.round) * 2 - 1) * rules.tone_drift * TONE_NOISE
        if state.standing_of(side) < LOW_STANDING:
            step += LOW_STANDING_TONE
        state = move_tone(scenario, state, side, step)
    state = state.evolve(retaliated=(0, 0))
    tones = state.tone
    events = [Event(state.round, EventKind.ROUND, f"Round {state.round} of {scenario.rounds} opens. "
                    f"{scenario.sides[state.initiative].name} holds the initiative. "
                    f"Tone: {tone_word(tones[0])} in Washington, {tone_word(tones[1])} in Moscow.")]
    for inject in due_injects(scenario, state, seed):
        state, more = fire_inject(scenario, state, inject)
        events.extend(more)
    events += tone_headlines(scenario, before, state, quiet_until=len(events))
    state, more = check_collapse(scenario, state)
    return state, events + more


def tone_headlines(scenario: Scenario, before: GameState, after: GameState, quiet_until: int = 0) -> list[Event]:
    """A headline for each capital whose public tone changed its word (measured, hardline, conciliatory)."""
    out = []
    for side in SIDES:
        old, new = tone_word(before.tone_of(side)), tone_word(after.tone_of(side))
        if old != new:
            verb = "hardens" if after.tone_of(side) < before.tone_of(side) else "softens"
            out.append(Event(after.round, EventKind.TONE,
                             f"Headline: {scenario.sides[side].name}'s tone {verb} (now {new}).", side))
    return out


def with_tone(scenario: Scenario, state: GameState, events: list[Event], changes: dict[Side, float]) -> GameState:
    """Move tones by ``changes`` and add the headlines they make."""
    before = state
    for side, delta in changes.items():
        if delta:
            state = move_tone(scenario, state, side, delta)
    events.extend(tone_headlines(scenario, before, state))
    return state


def tone_word(tone: float) -> str:
    """Plain word for a capital's tone of the day."""
    if tone <= -0.34:
        return "hardline"
    if tone >= 0.34:
        return "conciliatory"
    return "measured"



def statement(scenario: Scenario, state: GameState, action: act.Statement) -> Result:
    """Record a posture in secret; when both are in, reveal them and apply their effects."""
    statements = with_side(state.statements, action.side, action.posture)
    state = state.evolve(statements=statements)
    events = [Event(state.round, EventKind.POSTURE_CHOSEN, f"{scenario.sides[action.side].name} has chosen a posture.",
                    action.side)]
    if None in statements:
        return state, events
    w, m = statements
    trust = POSTURE_TRUST[w] + POSTURE_TRUST[m]
    if w is Posture.CONCILIATORY and m is Posture.CONCILIATORY:
        trust += BOTH_CONCILIATORY_BONUS
    state = shift(state, trust=trust, standing={
        Side.WASHINGTON: POSTURE_STANDING[w], Side.MOSCOW: POSTURE_STANDING[m]})
    state = state.evolve(postures=statements, statements=(None, None), revealed_round=state.round,
                         to_move=state.initiative, offer=None, offer_by=None,
                         exchanges=0, quiet_turns=0, turns=0)
    events.append(Event(state.round, EventKind.STATEMENTS,
                        f"Statements revealed: Washington {w.value}, Moscow {m.value} (trust {trust:+d}).",
                        postures=(w, m)))
    state = with_tone(scenario, state, events, {Side.WASHINGTON: POSTURE_TONE[w], Side.MOSCOW: POSTURE_TONE[m]})
    for side, posture in ((Side.WASHINGTON, w), (Side.MOSCOW, m)):
        state, events = react(scenario, state, events, "statement", side, posture=posture)
    state, more = check_collapse(scenario, state)
    return state, events + more


def _check_concession(scenario: Scenario, state: GameState, concession: Concession,
                      judges: tuple[Side, ...] = SIDES) -> None:
    """Refuse a concession off the ladder or past an absolute red line of one of ``judges``.

    Only the acting side's own red lines are checked when it proposes: the other
    side's are confidential, and its acceptance will refuse what crosses them.
    """
    if concession.irritant not in scenario.position:
        raise MoveError(f"there is no irritant {concession.irritant!r}")
    irritant = scenario.irritant(concession.irritant)
    current = state.rung(scenario, concession.irritant)
    if not current < concession.to <= irritant.top:
        raise MoveError(
            f"{irritant.name} is at rung {current}; a concession must move it up, to a rung from "
            f"{current + 1} to {irritant.top}")
    for side in judges:
        for crossed in absolute_crossings(scenario, side, (concession,)):
            raise_absolute(scenario, side, irritant.name, crossed.red_rung)


def raise_absolute(scenario: Scenario, side: Side, name: str, rung: int) -> None:
    raise MoveError(f"{scenario.sides[side].name} cannot move {name} past rung {rung} (an absolute red line)")


def check_offer(scenario: Scenario, state: GameState, offer: Offer, side: Side) -> None:
    """Refuse an offer that is empty, off the ladders, or crosses the proposer's absolute red lines."""
    if not offer.concessions:
        raise MoveError("an offer needs at least one concession")
    seen = set()
    for concession in offer.concessions:
        if concession.irritant in seen:
            raise MoveError(f"{concession.irritant!r} appears twice in the offer")
        seen.add(concession.irritant)
        _check_concession(scenario, state, concession, (side,))
    for a, b in offer.links:
        if a not in seen or b not in seen or a == b:
            raise MoveError("a link must join two different irritants that are in the offer")
    if not ratifiable(scenario, state, offer, side):
        raise MoveError(not_ratified(scenario, side))


def standing_after(scenario: Scenario, state: GameState, offer: Offer) -> tuple[int, int]:
    """Both sides' domestic standing if ``offer`` were implemented now (home costs, red-line prices, wins).

    The same charges as implementing it (:func:`_standing_change`, clamped step by step as
    :func:`shift` does), without building the states: opponents ask this of every package they weigh,
    for both sides, and the rules ask it again of the package put forward, so the latest answers are kept
    (states and offers are immutable: the same two objects give the same answer).
    """
    key = (id(state), id(offer))
    seen = _AFTER.get(key)
    if seen is not None and seen[0] is state and seen[1] is offer and seen[2] is scenario:
        return seen[3]
    if len(_AFTER) >= 256:
        _AFTER.clear()
    after = _count_standing_after(scenario, state, offer)
    _AFTER[key] = (state, offer, scenario, after)
    return after


_AFTER: dict[tuple[int, int], tuple[GameState, Offer, Scenario, tuple[int, int]]] = {}


def _count_standing_after(scenario: Scenario, state: GameState, offer: Offer) -> tuple[int, int]:
    washington, moscow = state.standing
    moved: dict[str, int] = {}
    rungs, position = state.rungs, scenario.position
    for concession in offer.concessions:
        irritant, to = concession.irritant, concession.to
        before = moved.get(irritant)
        if before is None:
            before = rungs[position[irritant]]
        if to > before:
            change = _standing_change(scenario, irritant, before, to)
            # clamped to 0..100 after each step, as shift does
            step = round(washington + change[0])
            washington = 0 if step < 0 else 100 if step > 100 else step
            step = round(moscow + change[1])
            moscow = 0 if step < 0 else 100 if step > 100 else step
            moved[irritant] = to
    return washington, moscow


def ratifiable(scenario: Scenario, state: GameState, offer: Offer, side: Side) -> bool:
    """Whether ``side``'s capital would ratify ``offer``: it must not take its standing below the scenario's bar.

    A package that already leaves standing no lower than it is now is always ratified (a side short of
    standing can still take what costs it nothing at home).
    """
    after = standing_after(scenario, state, offer)[side_index(side)]
    return after >= scenario.rules.ratification or after >= state.standing_of(side)


def not_ratified(scenario: Scenario, side: Side) -> str:
    name = scenario.sides[side].name
    return (f"{name}'s capital would not ratify this package: it costs more at home than {name}'s "
            "domestic standing can bear")


_CHANGES: dict[int, tuple[Scenario, dict[tuple[str, int, int], tuple[float, float]]]] = {}
"""Memo of :func:`_standing_change` per scenario object (kept with it, so a new object at a reused id is
never mistaken for it), for the few scenarios a process plays at once."""


def _standing_change(scenario: Scenario, irritant_id: str, before: int, to: int) -> tuple[float, float]:
    """What moving ``irritant_id`` from rung ``before`` up to ``to`` does to each side's standing: its
    movers pay the home cost and any priced red line crossed, each side gains what it values."""
    entry = _CHANGES.get(id(scenario))
    if entry is None or entry[0] is not scenario:
        if len(_CHANGES) >= 16:
            _CHANGES.clear()
        entry = _CHANGES[id(scenario)] = (scenario, {})
    key = (irritant_id, before, to)
    change = entry[1].get(key)
    if change is None:
        change = entry[1][key] = _count_standing_change(scenario, irritant_id, before, to)
    return change


def _count_standing_change(scenario: Scenario, irritant_id: str, before: int, to: int) -> tuple[float, float]:
    irritant = scenario.irritant(irritant_id)
    steps = max(0, to - max(before, irritant.start))
    span = irritant.top - irritant.start
    rules = scenario.rules
    change = [0.0, 0.0]
    for index, side in enumerate(SIDES):
        value = scenario.valuation(side, irritant_id)
        delta = 0.0
        if irritant.mover.includes(side):
            delta -= value.cost / span * steps * rules.standing_per_cost
            crossed = crossing(scenario, side, irritant_id, before, to)
            if crossed is not None and not crossed.absolute:
                # Paid in standing, silently: a line in the shared log would reveal a confidential red line.
                delta -= crossed.price
        delta += value.gain / span * steps * rules.standing_per_gain
        change[index] = delta
    return change[0], change[1]


def _concede(scenario: Scenario, state: GameState, concession: Concession, events: list[Event]) -> GameState:
    """Move one irritant up and charge home costs and red-line prices; the other side's win shows."""
    n = scenario.position[concession.irritant]
    before = state.rungs[n]
    washington, moscow = _standing_change(scenario, concession.irritant, before, concession.to)
    rungs = list(state.rungs)
    rungs[n] = concession.to
    state = state.evolve(rungs=tuple(rungs))
    return shift(state, standing={Side.WASHINGTON: washington, Side.MOSCOW: moscow})


def gesture(scenario: Scenario, state: GameState, action: act.Gesture) -> Result:
    irritant = _own_irritant(scenario, action.side, action.irritant)
    concession = Concession(irritant.id, action.to)
    _check_concession(scenario, state, concession, (action.side,))
    events: list[Event] = []
    state = _concede(scenario, state, concession, events)
    trust = GESTURE_TRUST * _tone_factor(state.tone_of(action.side))
    reciprocated = state.last_move[side_index(action.side.other)] == "gesture"
    if reciprocated:
        trust += RECIPROCATION_TRUST
    state = shift(state, trust=trust)
    text = (f"{scenario.sides[action.side].name} makes a gesture: {irritant.name} to "
            f"\u201c{irritant.rungs[action.to]}\u201d" + (" (reciprocated)" if reciprocated else "") + ".")
    events.insert(0, Event(state.round, EventKind.GESTURE, text, action.side, irritant=irritant.id, rung=action.to,
                           reciprocated=reciprocated))
    state = state.evolve(progress_round=state.round)
    state, events = react(scenario, state, events, "gesture", action.side, [irritant.id])
    state, events = react(scenario, state, events, "concession", action.side, [irritant.id])
    return _after_turn(scenario, state, action.side, "gesture", events)


def retaliate(scenario: Scenario, state: GameState, action: act.Retaliate) -> Result:
    irritant = _own_irritant(scenario, action.side, action.irritant)
    n = scenario.position[irritant.id]
    current = state.rungs[n]
    if not 0 <= action.to < current:
        raise MoveError(f"{irritant.name} is at rung {current}; a retaliation moves it down, to a rung from 0 to {current - 1}")
    floor, deal = deal_floor(state.deals, irritant.id)
    if deal is not None and action.to < floor:
        raise MoveError(f"{irritant.name} at \u201c{irritant.rungs[floor]}\u201d is part of deal "
                        f"{deal.number}: renege on the deal instead of retaliating below it")
    steps = current - action.to
    bite = 2 if state.tension >= TENSION_BITE else 1
    trust = -RETALIATION_TRUST * steps * bite * (1 + 0.5 * max(0.0, state.tone_of(action.side)))
    rungs = list(state.rungs)
    rungs[n] = action.to
    spiral = state.last_move[side_index(action.side.other)] == "retaliate"
    state = state.evolve(rungs=tuple(rungs),
                         retaliated=with_side(state.retaliated, action.side,
                                              state.retaliated[side_index(action.side)] + 1))
    state = shift(state, trust=trust, tension=1 if spiral else 0,
                  standing={action.side.other: -RETALIATION_STANDING_HIT * steps})
    text = (f"{scenario.sides[action.side].name} retaliates: {irritant.name} down to "
            f"\u201c{irritant.rungs[action.to]}\u201d (trust {round(trust):+d}"
            + (", doubled by tension" if bite == 2 else "") + (", tension +1: a spiral" if spiral else "") + ").")
    events = [Event(state.round, EventKind.RETALIATION, text, action.side, irritant=irritant.id, rung=action.to,
                    spiral=spiral)]
    state = with_tone(scenario, state, events, {action.side.other: RETALIATED_TONE})
    state, events = react(scenario, state, events, "retaliation", action.side, [irritant.id])
    return _after_turn(scenario, state, action.side, "retaliate", events)


def _own_irritant(scenario: Scenario, side: Side, irritant_id: str):
    """An irritant ``side`` moves alone (gestures and retaliations); shared ones move only in packages."""
    if irritant_id not in scenario.position:
        raise MoveError(f"there is no irritant {irritant_id!r}")
    irritant = scenario.irritant(irritant_id)
    if irritant.mover.value != side.value:
        who = "both sides together" if irritant.mover is Mover.BOTH else irritant.mover.value.capitalize()
        raise MoveError(f"{irritant.name} is moved by {who}, not by {scenario.sides[side].name} alone")
    return irritant


def _after_turn(scenario: Scenario, state: GameState, side: Side, move: str, events: list[Event],
                quiet: bool = True) -> Result:
    """Hand the turn over; two quiet turns in a row (or the turn limit) close the negotiation."""
    quiet_turns = state.quiet_turns + 1 if quiet else 0
    state = state.evolve(last_move=with_side(state.last_move, side, move),
                         to_move=side.other, quiet_turns=quiet_turns, turns=state.turns + 1)
    state, more = check_collapse(scenario, state)
    return state, events + more


def negotiation_closed(scenario: Scenario, state: GameState) -> bool:
    """Whether the negotiation phase of this round is over."""
    if state.offer is not None or state.meso:
        return False
    return state.quiet_turns >= 2 or state.turns >= 2 * scenario.rules.exchange_limit + 2 \
        or state.accepted is not None or state.to_move is None


def pass_turn(scenario: Scenario, state: GameState, action: act.Pass) -> Result:
    events = [Event(state.round, EventKind.PASS, f"{scenario.sides[action.side].name} passes.", action.side)]
    return _after_turn(scenario, state, action.side, "pass", events)


def propose(scenario: Scenario, state: GameState, action: act.Propose | act.Counter) -> Result:
    check_offer(scenario, state, action.offer, action.side)
    counter = isinstance(action, act.Counter)
    verb = "counters" if counter else "proposes"
    state = state.evolve(offer=action.offer, meso=(), offer_by=action.side, exchanges=state.exchanges + 1,
                         to_move=action.side.other, quiet_turns=0, turns=state.turns + 1,
                         last_move=with_side(state.last_move, action.side, "propose"))
    text = f"{scenario.sides[action.side].name} {verb}: {describe_offer(scenario, action.offer)}."
    return state, [Event(state.round, EventKind.OFFER, text, action.side, offer=action.offer, counter=counter)]


def accept(scenario: Scenario, state: GameState, action: act.Accept) -> Result:
    offer = state.offer
    assert offer is not None
    for concession in offer.concessions:
        irritant = scenario.irritant(concession.irritant)
        for crossed in absolute_crossings(scenario, action.side, (concession,)):
            raise_absolute(scenario, action.side, irritant.name, crossed.red_rung)
        current = state.rung(scenario, concession.irritant)
        if concession.to <= current:
            raise MoveError(f"{irritant.name} is already at rung {current}; the offer is out of date")
    for side in (action.side, action.side.other):
        if not ratifiable(scenario, state, offer, side):
            raise MoveError(not_ratified(scenario, side))
    state = state.evolve(accepted=offer, accepted_by=action.side, offer=None, offer_by=None,
                         to_move=None, last_move=with_side(state.last_move, action.side, "accept"))
    text = f"{scenario.sides[action.side].name} accepts the package."
    return state, [Event(state.round, EventKind.ACCEPT, text, action.side)]


REASON_LIMIT = 200
"""The longest reason a rejection may give, in characters (one line)."""


def reject(scenario: Scenario, state: GameState, action: act.Reject) -> Result:
    reason = action.reason.strip().rstrip(".")
    if len(reason) > REASON_LIMIT or not reason.isprintable():
        raise MoveError(f"a rejection's reason is one line of at most {REASON_LIMIT} characters")
    what = "every package on the table" if state.meso else "the package"
    state = state.evolve(offer=None, meso=(), offer_by=None, to_move=None,
                         last_move=with_side(state.last_move, action.side, "reject"))
    text = f"{scenario.sides[action.side].name} rejects {what}; the negotiation closes for this round."
    return state, [Event(state.round, EventKind.REJECT, f"{text} {reason}." if reason else text, action.side,
                         reason=reason)]


def implement(scenario: Scenario, state: GameState) -> Result:
    """The accepted package moves its rungs; reciprocal packages build more trust."""
    offer = state.accepted
    if offer is None:
        return state, []
    events: list[Event] = []
    before = tuple((c.irritant, state.rung(scenario, c.irritant)) for c in offer.concessions)
    conceders: set[Side] = set()
    for concession in offer.concessions:
        mover = scenario.irritant(concession.irritant).mover
        conceders.update(SIDES if mover is Mover.BOTH else (Side(mover.value),))
        state = _concede(scenario, state, concession, events)
    reciprocal = len(conceders) == 2
    trust = RECIPROCAL_PACKAGE_TRUST if reciprocal else PACKAGE_TRUST
    proposer = state.accepted_by.other if state.accepted_by else scenario.first_initiative
    deal = Deal(len(state.deals) + 1, state.round, proposer, offer, before)
    state = shift(state, trust=trust)
    state = state.evolve(deals=state.deals + (deal,), accepted=None, accepted_by=None, progress_round=state.round)
    events.insert(0, Event(state.round, EventKind.DEAL,
                           f"Deal {deal.number} implemented: {describe_offer(scenario, offer)} (trust {trust:+d}).",
                           deal=deal.number, offer=offer))
    state = with_tone(scenario, state, events, {side: DEAL_TONE for side in SIDES})
    state, events = react(scenario, state, events, "concession", None, offer.irritants(),
                          movers=tuple(sorted(conceders)))
    state, more = check_collapse(scenario, state)
    return state, events + more


def renege(scenario: Scenario, state: GameState, action: act.Renege) -> Result:
    """Undo a concession of an earlier deal and every concession linked to it."""
    deals = {deal.number: deal for deal in state.deals}
    deal = deals.get(action.deal)
    if deal is None:
        raise MoveError(f"there is no deal {action.deal}")
    if action.irritant not in deal.offer.irritants() or action.irritant in deal.undone:
        raise MoveError(f"deal {deal.number} has no standing concession on {action.irritant!r}")
    if not scenario.irritant(action.irritant).mover.includes(action.side):
        raise MoveError(f"{scenario.sides[action.side].name} did not make the concession on "
                        f"{irritant_name(scenario, action.irritant)}, so cannot renege on it")
    group = sorted(deal.offer.linked_to(action.irritant) - set(deal.undone))
    rungs = list(state.rungs)
    before = dict(deal.before)
    for irritant_id in group:
        n = scenario.position[irritant_id]
        rungs[n] = min(rungs[n], before[irritant_id])
    bite = 2 if state.tension >= TENSION_BITE else 1
    undone_deals: list[Deal] = []
    for d in state.deals:
        # This deal's group is undone; so is any concession of another deal the undoing took back below.
        undone = set(d.undone) | (set(group) if d.number == deal.number else set())
        undone |= {c.irritant for c in d.offer.concessions if rungs[scenario.position[c.irritant]] < c.to}
        undone_deals.append(attrs.evolve(d, undone=tuple(sorted(undone))) if undone != set(d.undone) else d)
    state = state.evolve(rungs=tuple(rungs), deals=tuple(undone_deals))
    state = shift(state, trust=-RENEGE_TRUST * bite, tension=1, standing={action.side: -RENEGE_STANDING})
    names = ", ".join(irritant_name(scenario, i) for i in group)
    events = [Event(state.round, EventKind.RENEGE,
                    f"{scenario.sides[action.side].name} reneges on deal {deal.number}: {names} undone "
                    f"(trust -{RENEGE_TRUST * bite}, tension +1, standing -{RENEGE_STANDING}).", action.side,
                    irritant=action.irritant, deal=deal.number, undone=tuple(group))]
    state, events = react(scenario, state, events, "renege", action.side, group)
    return _after_turn(scenario, state, action.side, "renege", events)


def walk_out(scenario: Scenario, state: GameState, action: act.WalkOut) -> Result:
    name = scenario.sides[action.side].name
    state = state.evolve(ended=EndReason.COLLAPSE, walked_out=action.side,
                         cause=f"{name} walked out", to_move=None, offer=None, meso=(), question=None)
    events = [Event(state.round, EventKind.WALKOUT, f"{name} walks out of the talks.", action.side)]
    state, events = react(scenario, state, events, "walkout", action.side)
    return react(scenario, state, events, "collapse", action.side)


def propose_conclude(scenario: Scenario, state: GameState, action: act.ProposeConclude) -> Result:
    state = state.evolve(conclude_by=action.side, to_move=action.side.other)
    text = f"{scenario.sides[action.side].name} proposes to conclude the talks."
    return state, [Event(state.round, EventKind.CONCLUDE, text, action.side)]


def answer_conclude(scenario: Scenario, state: GameState, action: act.AgreeConclude | act.DeclineConclude) -> Result:
    name = scenario.sides[action.side].name
    if isinstance(action, act.AgreeConclude):
        state = state.evolve(ended=EndReason.CONCLUSION, conclude_by=None, to_move=None,
                             cause="both sides agreed to conclude")
        events = [Event(state.round, EventKind.CONCLUDE, f"{name} agrees: the talks conclude.", action.side, agreed=True)]
        return react(scenario, state, events, "conclusion", action.side)
    proposer = state.conclude_by or action.side.other
    state = state.evolve(conclude_by=None)
    events = [Event(state.round, EventKind.CONCLUDE, f"{name} declines to conclude; the talks go on.", action.side,
                    agreed=False)]
    return _after_turn(scenario, state, proposer, "conclude", events)


def end_round(scenario: Scenario, state: GameState) -> Result:
    """Meters settle; the clock advances; the deadline or a collapse ends the game."""
    events: list[Event] = []
    calm = state.retaliated == (0, 0) and state.trust >= CALM_TRUST and state.tension > 1
    if calm:
        state = shift(state, tension=-1)
        events.append(Event(state.round, EventKind.SETTLE, "A calm round: tension eases by 1."))
    elif state.trust <= CRISIS_TRUST and state.ended is None:
        state = shift(state, tension=1)
        events.append(Event(state.round, EventKind.SETTLE, "Trust is near zero: tension rises by 1."))
    point = MeterPoint(state.round, state.trust, state.tension, state.standing)
    state = state.evolve(curve=state.curve + (point,))
    state, more = check_collapse(scenario, state)
    events.extend(more)
    if state.ended is None:
        state, more = lapse(scenario, state)
        events.extend(more)
    if state.ended is None and state.round >= scenario.rounds:
        state = state.evolve(ended=EndReason.DEADLINE, cause=f"the clock ran out ({scenario.deadline})")
        events.append(Event(state.round, EventKind.DEADLINE, f"Time is up: {scenario.deadline}."))
    if state.ended is None:
        state = state.evolve(round=state.round + 1, initiative=state.initiative.other,
                             to_move=None, offer=None, offer_by=None)
    return state, events


def lapse(scenario: Scenario, state: GameState) -> Result:
    """Back into silence: talks that make no progress fade quietly rather than break.

    After ``lapse_after`` rounds without a deal or a gesture the next round is
    cancelled (the clock skips it); if the round after that brings nothing
    either, the talks lapse and the game ends: no agreement unless one stands.
    """
    idle = state.round - max(state.progress_round, state.cancelled_round)
    after = scenario.rules.lapse_after
    if state.cancelled_round and state.progress_round < state.cancelled_round and idle >= 1:
        state = state.evolve(ended=EndReason.LAPSE, cause="the talks faded: no progress after a cancelled round")
        return state, [Event(state.round, EventKind.LAPSE, "Nothing moves, again. No date is set for another "
                             "round: the channel goes quiet and the talks lapse.")]
    if not state.cancelled_round and idle >= after and state.round + 1 < scenario.rounds:
        state = state.evolve(round=state.round + 1, cancelled_round=state.round + 1)
        return state, [Event(state.round, EventKind.LAPSE, f"{after} rounds without progress: the next round is "
                             "cancelled and the channel goes cold.")]
    return state, []


def finish(scenario: Scenario, state: GameState) -> Result:
    """Grade the final board against the outcome tiers."""
    if not state.curve or state.curve[-1].round != state.round:
        point = MeterPoint(state.round, state.trust, state.tension, state.standing)
        state = state.evolve(curve=state.curve + (point,))
    tier_id = grade(scenario, state)
    tier = next(t for t in scenario.outcomes if t.id == tier_id)
    state = state.evolve(outcome=tier_id, to_move=None, offer=None, meso=(), question=None, pending=())
    return state, [Event(state.round, EventKind.OUTCOME, f"Outcome: {tier.name}. {tier.description}")]
