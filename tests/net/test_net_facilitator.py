"""The facilitator over the network: pause and resume every table, the round timer, a table's full view, the end of class."""

from __future__ import annotations

from netkit import bounded, running_host

from tabletop.engine.model import Side

W, M = Side.WASHINGTON, Side.MOSCOW
NEUTRAL = {"type": "statement", "side": "washington", "posture": "neutral"}


async def test_pause_and_resume_every_table_at_once(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.facilitator() as facilitator, \
                net.seat("t2", W) as washington:
            paused = await facilitator.control("*", {"type": "pause"})
            assert paused["ok"] and set(paused["tables"]) == {"t1", "t2"}
            await facilitator.wait_for(lambda c: all(row["paused"] for row in c.rows.values()))
            await washington.wait_for(lambda c: c.view["table"]["paused"])
            refused = await washington.act(NEUTRAL)
            assert refused["type"] == "error" and "paused" in refused["message"]
            again = await facilitator.control("*", {"type": "pause"})  # already paused: refused per table
            assert not again["ok"] and "paused" in again["tables"]["t1"]["message"]
            assert (await facilitator.control("*", {"type": "resume"}))["ok"]
            assert (await washington.act(NEUTRAL))["ok"]
            for bad in ({"type": "time_up"}, {"type": "statement", "side": "moscow", "posture": "neutral"}):
                answer = await facilitator.control("t1", bad)
                assert answer["type"] == "error" and "not a facilitator's control" in answer["message"]
            answer = await facilitator.control("t9", {"type": "pause"})
            assert answer["type"] == "error" and "table id" in answer["message"]
    await bounded(body())


async def test_the_round_timer_passes_for_a_team_that_lets_it_run_out_but_waits_for_a_team_that_dropped(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.facilitator() as facilitator, \
                net.seat("t1", W) as washington, net.seat("t1", M) as moscow:
            now = [1000.0]
            for table in net.host.tables.values():
                table.now = lambda: now[0]
            assert (await facilitator.control("*", {"type": "set_timer", "seconds": 30}))["ok"]
            await net.host.tick()
            assert net.host.tables["t1"].time_left() == 30
            assert (await washington.act(NEUTRAL))["ok"]  # Moscow's posture is still awaited
            now[0] += 20
            await net.host.tick()
            assert 9 <= net.host.tables["t1"].time_left() <= 10
            # table 2 has nobody connected: its clock stands still, its seats wait
            assert not net.host.tables["t2"].clock_runs()
            now[0] += 11
            await net.host.tick()
            await moscow.wait_for(lambda c: any("Time is up" in e["text"] for e in c.view["log"]))
            assert moscow.view["table"]["phase"] != "statements"
            assert net.host.tables["t2"].game.state.round == 1 and len(net.host.tables["t2"].game.actions) == 1
            row = facilitator.rows["t2"]
            assert row["time_left"] == 30 and not row["clock_runs"]
    await bounded(body())


async def test_a_tables_full_view_holds_both_briefs_and_the_notes(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.facilitator() as facilitator:
            assert (await facilitator.control("t1", {"type": "note", "text": "Team W hesitates"}))["ok"]
            view = await facilitator.open_table("t1")
            assert view["type"] == "table_view"
            assert set(view["briefs"]) == {"washington", "moscow"}
            assert all(brief["confidential"] for brief in view["briefs"].values())
            assert [note["text"] for note in view["notes"]] == ["Team W hesitates"]
            assert any(entry["kind"] == "note" for entry in view["state"]["log"])
            async with net.seat("t1", W) as washington:
                await washington.act(NEUTRAL)
                await facilitator.wait_for(lambda c: c.opened["t1"]["table"]["chosen"]["washington"])
                assert not any(entry["kind"] == "note" for entry in washington.view["log"])
    await bounded(body())


async def test_ending_the_class_sends_debriefs_and_the_summary_and_survives_a_restart(tmp_path):
    async def body():
        folder = tmp_path / "class"
        async with running_host(folder) as net, net.facilitator() as facilitator, net.seat("t1", W) as washington:
            assert (await washington.act(NEUTRAL))["ok"]
            assert (await facilitator.end_class())["ok"]
            await facilitator.wait_for(lambda c: c.summary is not None)
            assert "# Class summary" in facilitator.summary["markdown"]
            assert set(facilitator.summary["tables"]) == {"t1", "t2"}
            await washington.wait_for(lambda c: "debrief" in c.view)
            refused = await washington.act({"type": "pass", "side": "washington"})
            assert refused["type"] == "error" and "the class has ended" in refused["message"]
        async with running_host(folder) as net, net.facilitator() as facilitator, net.seat("t1", M) as moscow:
            assert facilitator.welcome["class_ended"] and "# Class summary" in facilitator.summary["markdown"]
            assert "debrief" in moscow.view
            assert len(net.host.tables["t1"].game.actions) == 1
    await bounded(body())
