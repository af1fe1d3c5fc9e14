"""Issue 11, snag 1 (review): at the table, a computer that turns a package down by choice says why.

The player proposes packages that give the computer nothing it wants; when the
computer rejects one (no rule forbade accepting it), the log says why in the
computer's own words, naming an irritant and no number.
"""

from __future__ import annotations

import re

from tuikit import patiently, wait_for

from tabletop.engine import actions as act
from tabletop.engine.effects import EventKind
from tabletop.engine.model import Side
from tabletop.engine.options import rejection_reason
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.dialogs import InjectChoiceScreen
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.widgets.event_log import EventLog

W, M = Side.WASHINGTON, Side.MOSCOW


def log_text(screen: TableScreen) -> str:
    """The log panel's lines joined again (they are wrapped at the panel's width)."""
    return " ".join(" ".join(strip.text.split()) for strip in screen.query_one(EventLog).lines)


async def test_the_computers_free_rejection_is_shown_with_its_reason():
    app = TabletopApp(scenario=resolve("tutorial"), moscow="tit-for-tat", seed=4242, pace=0)
    async with app.run_test(size=(160, 50)) as pilot:
        for _ in patiently():
            screen = app.screen
            if isinstance(screen, TableScreen):
                game = screen.session.game
                if any(e.kind is EventKind.REJECT and e.side is M for _, e in game.events):
                    break
                if screen.actor() in game.awaiting():
                    if game.state.phase is Phase.STATEMENTS:
                        await pilot.press("n")
                    elif game.state.phase is Phase.NEGOTIATION:
                        banking = game.scenario.irritant("banking")  # Moscow's cost, nothing in return
                        package = Offer((Concession("banking", banking.top - 1),), ())
                        kinds = screen.seat_options(W).kinds
                        move = act.Counter if "counter" in kinds else act.Propose if "propose" in kinds else None
                        if move is None or not screen.act(move(W, package)):
                            await pilot.press("s")
                    else:
                        await pilot.press("y" if game.state.phase is Phase.CONCLUDE_PENDING else "enter")
            elif isinstance(screen, InjectChoiceScreen):
                screen.action_choose("absorb")
            else:
                await pilot.press("enter")
            await pilot.pause(0.02)
        screen = app.screen
        assert isinstance(screen, TableScreen)
        game = screen.session.game
        index, event = next((i, e) for i, e in game.events if e.kind is EventKind.REJECT and e.side is M)
        assert rejection_reason(game, index) == ""  # a free choice: no rule forbade accepting it
        assert event.reason and "“" in event.reason and not re.search(r"\d", event.reason), event.reason
        await wait_for(pilot, lambda: event.reason in log_text(screen))
