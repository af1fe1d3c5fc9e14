"""A whole class on one host: 30 tables, two scripted teams each and one facilitator, over real loopback sockets.

Starts ``tabletop host`` in its own process (so its memory is its own), then
drives every table to the end of its game from this process: each team is a
:class:`tabletop.net.client.HostClient` that moves as soon as it is its turn,
with the scripted policy (:mod:`tabletop.net.scripted`, the host's options
only), and the facilitator's connection receives every table's dashboard row
and fires one free-text inject on every table half-way through.

Each team "thinks" a random 0.5 to 2 seconds before each move (``--think``),
a very fast class (real teams take tens of seconds), so that 30 tables send
about 25 actions a second; ``--think 0`` is the stress test in which every
team answers at once, where the round trip is mostly waiting in line behind
the other 29 tables' moves on a 2-core machine.

    python benchmarks/classroom.py [--tables 30] [--scenario istanbul-2025-02] [--think 0.5:2]

Prints the round trip from sending an action to receiving its result (the
host sends the table's update to both seats before the result, so by then the
sender has seen its effect): p50, p95 and p99; the host's resident memory
(peak); and actions lost: acknowledged actions missing from the saves when the
host is stopped. Targets: p95 <= 100 ms, host < 250 MB, nothing lost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tabletop.net.client import HostClient
from tabletop.net.scripted import scripted_move
from tabletop.saves.writer import load_save

PASSPHRASE = "benchmark-passphrase"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory(pid: int) -> tuple[float, float]:
    """The process's resident memory now and at its peak, in MB (Linux /proc)."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def play(client: HostClient, times: list[float], acknowledged: list[tuple[int, dict]], errors: list[str],
               think: tuple[float, float], rng: random.Random) -> None:
    while not client.view["table"]["over"]:
        move = scripted_move(client.view)
        if move is None:
            seen = client.view["table"]["actions"]
            await client.wait_for(lambda c, seen=seen: c.view["table"]["actions"] != seen or c.view["table"]["over"],
                                  120)
            continue
        if think[1] > 0:
            await asyncio.sleep(rng.uniform(*think))
            move = scripted_move(client.view)  # the table may have moved on while the team thought
            if move is None:
                continue
        started = time.perf_counter()
        result = await client.act(move, timeout=120)
        times.append(time.perf_counter() - started)
        if result.get("ok"):
            acknowledged.append((result["n"], move))
        else:
            errors.append(result.get("message", "?"))
            return


async def run(tables: int, scenario: str, folder: Path, think: tuple[float, float]) -> dict[str, object]:
    port = free_port()
    command = [sys.executable, "-m", "tabletop", "host", "--tables", str(tables), "--scenario", scenario,
               "--saves-dir", str(folder), "--port", str(port)]
    host = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "TABLETOP_PASSPHRASE": PASSPHRASE})
    try:
        while "listening on" not in (line := await asyncio.to_thread(host.stdout.readline)):
            if not line:
                raise SystemExit("the host stopped before it listened")
        state = json.loads((folder / "class-state.json").read_text())
        url = f"ws://127.0.0.1:{port}/ws"
        seats = {(t["id"], side): HostClient(url, code=seat["code"])
                 for t in state["tables"] for side, seat in t["seats"].items()}
        facilitator = HostClient(url, passphrase=PASSPHRASE)
        await facilitator.connect()
        await asyncio.gather(*(seat.connect(timeout=60) for seat in seats.values()))
        rss_start = memory(host.pid)[0]
        cpu_start = cpu_seconds(host.pid)
        times: list[float] = []
        acknowledged: dict[str, list[tuple[int, dict]]] = {t["id"]: [] for t in state["tables"]}
        errors: list[str] = []
        samples: list[float] = []

        async def watch() -> None:
            fired = False
            while True:
                samples.append(memory(host.pid)[0])
                if not fired and len(times) > 15 * tables:
                    fired = True
                    await facilitator.control("*", {"type": "custom_inject", "title": "Wire report",
                                                    "text": "Both capitals deny any deal."})
                await asyncio.sleep(0.25)

        watcher = asyncio.create_task(watch())
        started = time.perf_counter()
        clients_cpu = time.process_time()
        rng = random.Random(13)
        await asyncio.gather(*(play(seat, times, acknowledged[table], errors, think, rng)
                               for (table, _), seat in seats.items()))
        elapsed = time.perf_counter() - started
        clients_cpu = time.process_time() - clients_cpu
        watcher.cancel()
        cpu = cpu_seconds(host.pid) - cpu_start
        rss, peak = memory(host.pid)
        rows = len(facilitator.rows)
        for client in (*seats.values(), facilitator):
            await client.close()
    finally:
        if host.poll() is None:
            host.send_signal(signal.SIGINT)
            host.wait(timeout=60)
        host.stdout.close()
    lost = 0
    for table, done in acknowledged.items():
        saved = load_save(folder / f"table-{table}.jsonl")
        lost += sum(1 for n, move in done if n > len(saved.actions) or saved.actions[n - 1].to_dict() != move)
    ms = sorted(t * 1000 for t in times)
    quantiles = statistics.quantiles(ms, n=100)
    return {"tables": tables, "clients": 2 * tables + 1, "actions": len(ms), "seconds": round(elapsed, 1),
            "p50_ms": round(quantiles[49], 1), "p95_ms": round(quantiles[94], 1), "p99_ms": round(quantiles[98], 1),
            "max_ms": round(ms[-1], 1), "host_rss_mb": round(max([rss, *samples]), 1), "host_peak_mb": round(peak, 1),
            "host_rss_idle_mb": round(rss_start, 1), "host_cpu_s": round(cpu, 1), "clients_cpu_s": round(clients_cpu, 1),
            "load_average": round(os.getloadavg()[0], 1), "refused": len(errors),
            "lost": lost, "dashboard_rows": rows, "exit_code": host.returncode}


def think_range(value: str) -> tuple[float, float]:
    low, _, high = value.partition(":")
    try:
        pair = (float(low), float(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: expected LOW:HIGH seconds, e.g. 0.5:2") from None
    if not 0 <= pair[0] <= pair[1]:
        raise argparse.ArgumentTypeError(f"{value!r}: expected 0 <= LOW <= HIGH")
    return pair


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=30)
    parser.add_argument("--scenario", default="istanbul-2025-02")
    parser.add_argument("--think", type=think_range, default=(0.5, 2.0), metavar="LOW:HIGH",
                        help="seconds each team waits before a move (default 0.5:2; 0 for none)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = asyncio.run(run(args.tables, args.scenario, Path(folder) / "class", args.think))
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{figures['tables']} tables, {figures['clients']} connections, {figures['actions']} actions "
          f"in {figures['seconds']} s (scenario {args.scenario}, think time {args.think[0]:g} to {args.think[1]:g} s)")
    print(f"round trip, action sent -> result received: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
          f"p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms (target p95 <= 100 ms)")
    print(f"host memory: {figures['host_rss_mb']} MB resident under load, peak {figures['host_peak_mb']} MB, "
          f"{figures['host_rss_idle_mb']} MB before play (target < 250 MB)")
    print(f"CPU: host {figures['host_cpu_s']} s, the 61 clients (this process) {figures['clients_cpu_s']} s; "
          f"machine load average {figures['load_average']} on {os.cpu_count()} cores")
    print(f"actions lost: {figures['lost']} (target 0); refused: {figures['refused']}; "
          f"host exit code {figures['exit_code']}")


if __name__ == "__main__":
    main()
