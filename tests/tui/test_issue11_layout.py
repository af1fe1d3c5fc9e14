"""Issue 11, snags 5 and 6: small terminals show the offer and the keys; nothing that carries meaning is cut.

At 80x24 an offer on the table and the keys to answer it are on screen without
scrolling, and the footer keeps Brief and Help; at 120x40 the builder's red-line
note and a moved row's score are whole, and the resume list says a game's state.
"""

from __future__ import annotations

from tuikit import hot_seat_turn, screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.model import Side
from tabletop.engine.options import options
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.offer import OfferBuilderScreen
from tabletop.tui.screens.saves_list import ResumeListScreen

W, M = Side.WASHINGTON, Side.MOSCOW


def lines_of(app) -> list[str]:
    return screen_text(app).rstrip("\n").split("\n")


async def test_at_80x24_an_offer_and_the_keys_to_answer_it_are_on_screen():
    app = TabletopApp(scenario=resolve("autumn-2025"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await hot_seat_turn(pilot, W, Phase.NEGOTIATION)
        game = screen.session.game
        rungs = options(game, W).offer_rungs
        package = Offer(tuple(Concession(i, r[0]) for i, r in list(rungs.items())[:4] if r), ())
        assert screen.act(act.Propose(W, package))
        await hot_seat_turn(pilot, M, Phase.NEGOTIATION)
        # the panel, the move bar and the footer are redrawn a moment after the move (longer on a loaded machine)
        await wait_for(pilot, lambda: "Your private score:" in screen_text(app) and "x Reject" in screen_text(app)
                       and "Help" in lines_of(app)[-1])
        shown = lines_of(app)
        text = "\n".join(shown)
        assert "On the table: Washington's package" in text
        assert "Your private score:" in text
        for key in ("a Accept", "o Counter", "x Reject"):
            assert key in text, text
        footer = shown[-1]
        assert "Brief" in footer and "Help" in footer, footer


async def test_at_80x24_the_footer_keeps_brief_and_help_in_the_negotiation():
    app = TabletopApp(scenario=resolve("autumn-2025"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await hot_seat_turn(pilot, W, Phase.NEGOTIATION)
        await wait_for(pilot, lambda: "Help" in lines_of(app)[-1])  # the footer is drawn a moment after the move
        footer = lines_of(app)[-1]
        assert "Brief" in footer and "Help" in footer, footer


async def test_at_120x40_the_builder_cuts_no_red_line_note_and_no_score():
    app = TabletopApp(scenario=resolve("autumn-2025"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await hot_seat_turn(pilot, W, Phase.NEGOTIATION)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, OfferBuilderScreen))
        await pilot.press("down", "right", "down", "down", "down", "down", "right", "right")  # visas, flights
        await pilot.pause()
        # a row wraps inside the dialog: read the dialog's own columns, line after line
        box = app.screen.query_one("#builder").content_region
        text = " ".join(" ".join(line[box.x:box.right].split()) for line in lines_of(app)[box.y:box.bottom])
        properties = app.screen.session.game.scenario.irritant("properties")
        assert f"(your absolute red line: no higher than “{properties.rungs[2]}”)" in text, text
        assert "your score −" in text and "⚑ crosses your red line (−6 standing)" in text


async def test_the_resume_list_says_a_games_state_at_80_columns(tmp_path, monkeypatch):
    app = TabletopApp(scenario=resolve("autumn-2025"), moscow="tit-for-tat", seed=7, pace=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.session is not None and app.session.autosave.path is not None)
        await pilot.pause()
    app = TabletopApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.run_action("resume")
        await wait_for(pilot, lambda: isinstance(app.screen, ResumeListScreen))
        await pilot.pause()
        row = next(line for line in lines_of(app) if "Autumn 2025" in line)
        assert "in progress" in row or "in play elsewhere" in row, row
