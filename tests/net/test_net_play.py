"""Playing over the network: two scripted teams play a whole game, news from the facilitator, a team drops and rejoins."""

from __future__ import annotations

import asyncio

from netkit import bounded, play_to_end, running_host, wait_until

from tabletop.engine.model import Side
from tabletop.saves.writer import load_save

W, M = Side.WASHINGTON, Side.MOSCOW


async def test_two_teams_play_a_whole_game_to_the_debrief(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.seat("t1", W) as washington, \
                net.seat("t1", M) as moscow:
            assert washington.view["brief"]["side"] == "washington"
            assert washington.view["table"]["round"] == 1
            results = await bounded(asyncio.gather(play_to_end(washington), play_to_end(moscow)), 60)
            await washington.wait_for(lambda c: "debrief" in c.view)
            await moscow.wait_for(lambda c: "debrief" in c.view)
            debrief = washington.view["debrief"]
            assert debrief["over"] and debrief["tier"]["name"]
            assert set(debrief["scores"]) == {"washington", "moscow"}
            assert set(debrief["walk_away"]) == {"washington"}  # only its own walk-away value
            acknowledged = sorted(r["n"] for side in results for r in side)
            game = net.host.tables["t1"].game
            assert game.is_over
            assert acknowledged == sorted(set(acknowledged))  # no action number given twice
            # every action acknowledged is in the save, which replays to the same game
            saved = load_save(net.host.state.folder / "table-t1.jsonl")
            replayed = saved.replay(verify=True)
            assert replayed.fingerprint() == game.fingerprint()
            assert all(n <= len(saved.actions) for n in acknowledged)
            # the other table, where nobody played, is untouched and still waiting
            assert net.host.tables["t2"].game.state.round == 1
    await bounded(body())


async def test_facilitator_fires_news_on_every_table_and_both_tables_see_it(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net:
            seats = [net.seat(t, side) for t in ("t1", "t2") for side in (W, M)]
            for seat in seats:
                await seat.connect()
            facilitator = net.facilitator()
            await facilitator.connect()
            assert set(facilitator.rows) == {"t1", "t2"}
            news = {"type": "custom_inject", "title": "Flash: talks praised", "text": "A <b>joint</b> [bold]op-ed[/]."}
            result = await facilitator.control("*", news)
            assert result["ok"] and set(result["tables"]) == {"t1", "t2"}
            for seat in seats:
                await seat.wait_for(lambda c: any("Flash: talks praised" in e["text"] for e in c.view["log"]))
                line = next(e for e in seat.view["log"] if "Flash: talks praised" in e["text"])
                assert line["kind"] == "inject"
            # a scenario inject on one table only
            inject = net.host.tables["t1"].game.scenario.injects[0].id
            fired = await facilitator.control("t1", {"type": "fire_inject", "inject": inject})
            assert set(fired["tables"]) == {"t1"}
            for seat in seats + [facilitator]:
                await seat.close()
    await bounded(body())


async def test_a_team_killed_mid_offer_rejoins_and_finds_the_table_as_it_was(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net:
            washington = net.seat("t1", W)
            moscow = net.seat("t1", M, reconnect=False)
            await washington.connect()
            await moscow.connect()
            for seat in (washington, moscow):
                assert (await seat.act({"type": "statement", "side": seat.side, "posture": "neutral"}))["ok"]
            await washington.wait_for(lambda c: "propose" in c.view["options"]["kinds"])
            irritant, rungs = next((i, r) for i, r in washington.view["options"]["offer_rungs"].items() if r)
            offer = {"concessions": [{"irritant": irritant, "to": rungs[0]}], "links": []}
            proposal = {"type": "propose", "side": "washington", "offer": offer}
            first = await washington.act(proposal, action_id="offer-1")
            assert first["ok"]
            await moscow.wait_for(lambda c: c.view["table"]["offer"] is not None)
            await moscow.close()  # Moscow's laptop dies with the offer on the table
            await wait_until(lambda: not net.host.seat_info(net.host.tables["t1"])["moscow"]["connected"])
            before = net.fingerprint("t1")
            again = await washington.act(proposal, action_id="offer-1")  # a resend after a doubt
            assert again["ok"] and again["duplicate"] and again["n"] == first["n"]
            assert net.fingerprint("t1") == before  # applied once
            back = net.seat("t1", M)
            await back.connect()
            assert back.view["table"]["offer"]["concessions"] == offer["concessions"]
            assert back.view["table"]["actions"] == before[0]
            kinds = set(back.view["options"]["kinds"])
            assert {"accept", "reject", "counter"} & kinds
            answer = {"type": "accept", "side": "moscow"} if "accept" in kinds else {"type": "reject", "side": "moscow"}
            assert (await back.act(answer))["ok"]
            await washington.wait_for(lambda c: c.view["table"]["offer"] is None)
            await back.close()
            await washington.close()
    await bounded(body())


async def test_facilitator_seats_a_computer_when_a_team_leaves_and_it_survives_a_restart(tmp_path):
    async def body():
        folder = tmp_path / "class"
        async with running_host(folder) as net:
            washington = net.seat("t1", W)
            await washington.connect()
            facilitator = net.facilitator()
            await facilitator.connect()
            result = await facilitator.seat("t1", "moscow", "grit")
            assert result["ok"]
            # the seat is told a computer plays Moscow, not its style (hidden until the debrief, issue 10)
            await washington.wait_for(lambda c: c.view["seats"]["moscow"]["player"] == "computer")
            assert net.host.tables["t1"].player(M) == "grit"
            # the computer chooses its posture by itself; Washington's own is still awaited
            await washington.wait_for(lambda c: c.view["table"]["chosen"]["moscow"])
            await play_to_end(washington)
            assert net.host.tables["t1"].game.is_over
            await washington.close()
            await facilitator.close()
        async with running_host(folder) as net:
            assert net.host.tables["t1"].player(M) == "grit"
            assert net.host.tables["t1"].game.is_over
    await bounded(body())


async def test_a_computer_seat_named_in_the_class_file_plays_from_the_start(tmp_path):
    from tabletop.net.classfile import parse_class

    plan = parse_class('[class]\nname = "Solo"\nscenario = "tutorial"\n[[tables]]\n'
                       'moscow = { team = "Computer", player = "hardliner" }\n', "solo.toml")

    async def body():
        async with running_host(tmp_path / "class", plan) as net, net.seat("t1", W) as washington:
            await washington.wait_for(lambda c: c.view["table"]["chosen"]["moscow"])
            assert washington.view["seats"]["moscow"]["player"] == "computer"  # its style: in the debrief
            await play_to_end(washington)
            game = net.host.tables["t1"].game
            assert game.is_over and any(getattr(a, "side", None) is M for a in game.actions)
    await bounded(body())
