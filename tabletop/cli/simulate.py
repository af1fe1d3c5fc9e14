"""``tabletop simulate``: computer against computer, without the terminal interface."""

from __future__ import annotations

import argparse
import json
from collections import Counter

from tabletop.cli.common import count, scenario_arg, seed, strategy
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Scenario
from tabletop.text import inert_json, inert_line


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("simulate", help="play computer against computer and print the result")
    parser.add_argument("scenario", metavar="SCENARIO", help="a shipped scenario id or a path to a .toml file")
    parser.add_argument("--washington", type=strategy, default="grit", metavar="STRATEGY")
    parser.add_argument("--moscow", type=strategy, default="tit-for-tat", metavar="STRATEGY")
    parser.add_argument("--seed", type=seed, default=1, metavar="N")
    parser.add_argument("--games", type=count, default=1, metavar="N")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--save", metavar="PATH", help="write the save of the game (one game only)")
    parser.set_defaults(run=run)


def game_summary(game: Game) -> dict:
    """The plain-data summary of a finished game (what ``--json`` prints)."""
    scenario = game.scenario
    state = game.state
    scores = game.final_scores()
    tier = next(t for t in scenario.outcomes if t.id == state.outcome)
    return {
        "scenario": scenario.id,
        "seed": game.seed,
        "washington": game.seats[SIDES[0]],
        "moscow": game.seats[SIDES[1]],
        "outcome": state.outcome,
        "outcome_name": tier.name,
        "ended_by": state.ended.value if state.ended else None,
        "why": state.cause,
        "rounds_played": state.round,
        "actions": len(game.actions),
        "scores": {side.value: scores[side] for side in SIDES},
        "walk_away": {side.value: scenario.sides[side].walk_away for side in SIDES},
        "final_rungs": {irritant.id: rung for irritant, rung in zip(scenario.irritants, state.rungs)},
        "meters": {
            "trust": state.trust,
            "tension": state.tension,
            "standing": {side.value: state.standing_of(side) for side in SIDES},
        },
        "fingerprint": game.fingerprint(),
    }


def play_games(scenario: Scenario, washington: str, moscow: str, first_seed: int, games: int) -> list[Game]:
    from tabletop.engine.autoplay import simulate

    return [simulate(scenario, washington, moscow, first_seed + n) for n in range(games)]


def summarize(summaries: list[dict]) -> dict:
    outcomes = Counter(s["outcome"] for s in summaries)
    n = len(summaries)
    return {
        "games": n,
        "outcomes": {k: outcomes[k] for k in sorted(outcomes)},
        "mean_scores": {side.value: round(sum(s["scores"][side.value] for s in summaries) / n, 2) for side in SIDES},
        "mean_rounds": round(sum(s["rounds_played"] for s in summaries) / n, 2),
    }


def run(args: argparse.Namespace) -> int:
    scenario = scenario_arg(args.scenario)
    if args.save and args.games != 1:
        from tabletop.errors import UsageError

        raise UsageError("tabletop simulate: --save writes one game; drop --games or set it to 1")
    games = play_games(scenario, args.washington, args.moscow, args.seed, args.games)
    if args.save:
        from tabletop.saves.writer import write_game

        write_game(games[0], args.save)
    summaries = [game_summary(g) for g in games]
    if args.json:
        doc = summaries[0] if len(summaries) == 1 else {"games": summaries, "summary": summarize(summaries)}
        print(inert_json(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False)))
        return 0
    if len(summaries) == 1:
        print_one(scenario, summaries[0])
    else:
        print_many(scenario, summaries)
    return 0


def _say(text: str) -> None:
    """Print one line of the summary; scenario text in it is shown inert (escape sequences escaped)."""
    print(inert_line(text))


def print_one(scenario: Scenario, s: dict) -> None:
    _say(f"{scenario.title} ({scenario.id}), seed {s['seed']}: "
          f"Washington {s['washington']} vs Moscow {s['moscow']}")
    _say(f"Outcome: {s['outcome_name']} after {s['rounds_played']} round(s); ended by {s['ended_by']}: {s['why']}.")
    for side in SIDES:
        score = s["scores"][side.value]
        walk = s["walk_away"][side.value]
        verdict = "above" if score > walk else "below" if score < walk else "at"
        _say(f"  {scenario.sides[side].name:<12} score {score:5.1f}  walk-away {walk:5.1f}  ({verdict})")
    _say("Final rungs:")
    for irritant in scenario.irritants:
        rung = s["final_rungs"][irritant.id]
        _say(f"  {irritant.name:<32} {rung}/{irritant.top}  {irritant.rungs[rung]}")
    m = s["meters"]
    _say(f"Meters: trust {m['trust']}, tension {m['tension']}, standing "
          f"Washington {m['standing']['washington']}, Moscow {m['standing']['moscow']}")
    _say(f"Fingerprint: {s['fingerprint']}")


def print_many(scenario: Scenario, summaries: list[dict]) -> None:
    summary = summarize(summaries)
    first = summaries[0]
    _say(f"{scenario.title} ({scenario.id}): {summary['games']} games, seeds {first['seed']}-"
          f"{summaries[-1]['seed']}, Washington {first['washington']} vs Moscow {first['moscow']}")
    names = {t.id: t.name for t in scenario.outcomes}
    _say("Outcome                              Games   Share")
    for tier in scenario.outcomes:
        k = summary["outcomes"].get(tier.id, 0)
        _say(f"  {names[tier.id]:<34} {k:5d}  {100 * k / summary['games']:5.1f}%")
    ms = summary["mean_scores"]
    _say(f"Mean scores: Washington {ms['washington']:.1f} (walk-away {first['walk_away']['washington']:g}), "
          f"Moscow {ms['moscow']:.1f} (walk-away {first['walk_away']['moscow']:g}); "
          f"mean rounds {summary['mean_rounds']:g}")
