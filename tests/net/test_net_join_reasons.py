"""Issue 11, snag 1 (review): a seat on the network is told why its package was rejected, as at a local table.

A real class host on loopback; Washington is the terminal client (``tabletop
join``), Moscow a scripted seat that turns down a package past its absolute red
line. The seat's log shows the engine's words for the part that could not be
accepted (the host sends them: a seat's mirror has no actions to work them out).
"""

from __future__ import annotations

from netkit import bounded, running_host, tutorial_plan
from test_net_join import SIZE, until

from tabletop.engine import actions as act
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.tui.screens.dialogs import InjectChoiceScreen
from tabletop.tui.screens.join_app import SeatApp
from tabletop.tui.screens.join_table import JoinTableScreen
from tabletop.tui.widgets.event_log import EventLog

W, M = Side.WASHINGTON, Side.MOSCOW


def log_text(screen: JoinTableScreen) -> str:
    """The seat's log panel, its wrapped lines joined again."""
    return " ".join(" ".join(strip.text.split()) for strip in screen.query_one(EventLog).lines)


async def test_a_seat_reads_why_its_package_was_rejected(tmp_path):
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1, "new-start-2026")) as net, \
                net.seat("t1", M) as moscow:
            game = net.host.tables["t1"].game
            app = SeatApp(net.url, net.code("t1", W))
            async with app.run_test(size=SIZE) as pilot:
                await until(pilot, lambda: app.session is not None or app.problem)
                for _ in range(300):  # Washington answers with keys, Moscow from its script
                    state = game.state
                    if state.phase is Phase.NEGOTIATION and W in game.awaiting() and isinstance(
                            app.screen, JoinTableScreen) and "propose" in app.screen.seat_options(W).kinds:
                        break
                    if M in game.awaiting():
                        if state.phase is Phase.INJECT_RESPONSE:
                            move: act.Action = act.RespondInject(M, state.pending[0], Response.ABSORB)
                        elif state.phase is Phase.STATEMENTS:
                            move = act.Statement(M, Posture.NEUTRAL)
                        else:
                            move = act.Pass(M)
                        assert (await moscow.act(move.to_dict()))["ok"]
                    elif isinstance(app.screen, InjectChoiceScreen):
                        app.screen.action_choose("absorb")
                    elif not isinstance(app.screen, JoinTableScreen):
                        await pilot.press("enter")
                    elif state.phase is Phase.STATEMENTS and W in game.awaiting():
                        await pilot.press("n")
                    await pilot.pause(0.05)
                screen = app.screen
                assert isinstance(screen, JoinTableScreen)
                china = game.scenario.irritant("china")
                assert screen.act(act.Propose(W, Offer((Concession("china", china.top),), ())))
                await until(pilot, lambda: game.state.offer is not None)
                assert (await moscow.act(act.Reject(M).to_dict()))["ok"]
                said = f"Moscow cannot accept “{china.name}” going past its absolute red line."
                await until(pilot, lambda: "Moscow rejects the package" in log_text(screen))
                await pilot.pause()
                assert said in log_text(screen), log_text(screen)
    await bounded(body())
