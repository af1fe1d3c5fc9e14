"""A class's saves are signed with the facilitator's key; a computer seated mid-game is written into the header."""

from __future__ import annotations

import pytest
from netkit import PASSPHRASE, bounded, running_host, tutorial_plan

from tabletop.engine.model import Side
from tabletop.net.host import ClassHost
from tabletop.saves.signing import ClassSecret
from tabletop.saves.writer import WrongPassphrase, list_saves, load_save

W, M = Side.WASHINGTON, Side.MOSCOW


async def test_every_table_is_saved_signed_with_the_facilitator_key(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.seat("t1", W) as eagles:
            assert (await eagles.act({"type": "statement", "side": "washington", "posture": "neutral"}))["ok"]
            folder = net.host.state.folder
        for table in ("t1", "t2"):
            saved = load_save(folder / f"table-{table}.jsonl")
            assert saved.signed
            assert saved.signature(ClassSecret(PASSPHRASE)).trusted
            assert saved.signature(ClassSecret("someone else")).failed
        assert [a.kind for a in load_save(folder / "table-t1.jsonl").actions] == ["statement"]
    await bounded(body())


async def test_a_computer_seated_mid_game_is_in_the_save_header_and_the_save_stays_whole_and_signed(tmp_path):
    async def body():
        folder = tmp_path / "class"
        async with running_host(folder) as net, net.seat("t1", W) as eagles, net.facilitator() as white_cell:
            first = await eagles.act({"type": "statement", "side": "washington", "posture": "conciliatory"},
                                     action_id="w-1")
            assert first["ok"]
            assert (await white_cell.seat("t1", "moscow", "grit"))["ok"]
            # the computer answers at once: the table is in negotiation, and the save says who plays Moscow
            await eagles.wait_for(lambda c: c.view["table"]["phase"] == "negotiation")
            game = net.host.tables["t1"].game
            saved = load_save(net.host.state.folder / "table-t1.jsonl")
            assert saved.seats == {W: "human", M: "grit"}
            assert saved.signature(ClassSecret(PASSPHRASE)).trusted
            assert saved.replay(verify=True).fingerprint() == game.fingerprint()
            assert len(saved.actions) == len(game.actions)
            # the save is still the one the host appends to, and a resent move is still known
            again = await eagles.act({"type": "statement", "side": "washington", "posture": "conciliatory"},
                                     action_id="w-1")
            assert again["ok"] and again.get("duplicate") and again["n"] == first["n"]
            assert (await eagles.act({"type": "pass", "side": "washington"}))["ok"]
            assert len(load_save(net.host.state.folder / "table-t1.jsonl").actions) == len(game.actions)
            played = len(game.actions)
        assert sorted(s.path.name for s in list_saves(folder)) == ["table-t1.jsonl", "table-t2.jsonl"]  # no copy left
        # a host started again restores the table with the computer in its seat
        async with running_host(folder) as net:
            table = net.host.tables["t1"]
            assert table.player(M) == "grit" and table.game.seats[M] == "grit"
            assert len(table.game.actions) == played
    await bounded(body())


def test_a_host_started_with_another_passphrase_says_so_in_one_line(tmp_path):
    folder = tmp_path / "class"
    ClassHost.open(tutorial_plan(), folder, PASSPHRASE).close()
    with pytest.raises(WrongPassphrase) as refused:
        ClassHost.open(tutorial_plan(), folder, "another phrase")
    text = str(refused.value)
    assert "table-t1.jsonl" in text and "another facilitator passphrase" in text and "\n" not in text
