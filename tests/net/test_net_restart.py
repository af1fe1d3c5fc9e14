"""A host killed with SIGKILL and started again restores every table and every acknowledged action."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys

import pytest
from netkit import PASSPHRASE, bounded, free_port, play_to_end

from tabletop.net.client import HostClient
from tabletop.net.scripted import scripted_move
from tabletop.saves.writer import load_save


class HostProcess:
    """``tabletop host`` in a real subprocess."""

    def __init__(self, folder, port: int) -> None:
        self.command = [sys.executable, "-m", "tabletop", "host", "--tables", "2", "--scenario", "tutorial",
                        "--saves-dir", str(folder), "--port", str(port)]
        self.process: subprocess.Popen | None = None

    async def start(self) -> None:
        env = {**os.environ, "TABLETOP_PASSPHRASE": PASSPHRASE}
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        env=env)
        out = self.process.stdout
        while True:
            line = await asyncio.to_thread(out.readline)
            assert line, "the host stopped before it listened"
            if "listening on" in line:
                return

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process.stdout.close()

    def stop(self) -> int:
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self.process.stdout.closed:
            self.process.stdout.close()
        return self.process.returncode


async def play_some(client: HostClient, until: int, acknowledged: list[tuple[int, dict, str]]) -> None:
    """Play this seat until the table holds ``until`` actions, keeping (n, action, id) of every acknowledged one."""
    while client.view["table"]["actions"] < until and not client.view["table"]["over"]:
        move = scripted_move(client.view)
        if move is None:
            seen = client.view["table"]["actions"]
            await client.wait_for(lambda c, seen=seen: c.view["table"]["actions"] != seen, 20)
            continue
        action_id = client.new_id()
        result = await client.act(move, action_id=action_id)
        assert result.get("ok"), result
        acknowledged.append((result["n"], move, action_id))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
async def test_host_killed_and_restarted_keeps_every_table_and_acknowledged_action(tmp_path):
    folder = tmp_path / "class"
    port = free_port()
    host = HostProcess(folder, port)

    async def body():
        await host.start()
        state = json.loads((folder / "class-state.json").read_text())
        assert oct((folder / "class-state.json").stat().st_mode & 0o777) == "0o600"
        codes = {(t["id"], side): seat["code"] for t in state["tables"] for side, seat in t["seats"].items()}
        address = f"ws://127.0.0.1:{port}/ws"
        seats = {key: HostClient(address, code=code, retry=(0.1, 0.5)) for key, code in codes.items()}
        for seat in seats.values():
            await seat.connect()
        acknowledged: dict[str, list[tuple[int, dict, str]]] = {"t1": [], "t2": []}
        await asyncio.gather(*(play_some(seat, 7, acknowledged[table]) for (table, _), seat in seats.items()))
        await asyncio.gather(*(play_some(seat, 10, acknowledged["t1"])
                               for (table, _), seat in seats.items() if table == "t1"))
        host.kill()  # mid-game, with every seat connected
        for seat in seats.values():
            await seat.wait_for(lambda c: c.status == "reconnecting", 20)
        # a move made while the host is down waits, and is sent when it is back
        waiting = next(s for s in seats.values() if scripted_move(s.view) is not None)
        late_move = scripted_move(waiting.view)
        late = asyncio.create_task(waiting.act(late_move, timeout=60))
        await host.start()
        for seat in seats.values():
            await seat.wait_for(lambda c: c.status == "joined", 30)
        assert (await late)["ok"]
        for table in ("t1", "t2"):
            saved = load_save(folder / f"table-{table}.jsonl")
            for n, move, _ in acknowledged[table]:
                assert saved.actions[n - 1].to_dict() == move  # every acknowledged action is there, in its place
        # an acknowledged action resent after the restart is recognised, not applied again
        n, move, action_id = acknowledged["t1"][-1]
        mover = seats[("t1", move["side"])]
        again = await mover.act(move, action_id=action_id)
        assert again["ok"] and again["duplicate"] and again["n"] == n
        await asyncio.gather(*(play_to_end(seat) for seat in seats.values()))
        for table in ("t1", "t2"):
            game = load_save(folder / f"table-{table}.jsonl").replay(verify=True)
            assert game.is_over
        for seat in seats.values():
            await seat.close()

    try:
        await bounded(body(), 120)
    finally:
        code = host.stop()
    assert code == 0
