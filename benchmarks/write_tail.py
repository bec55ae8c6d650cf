"""Latency of POST /api/v1/assessments under concurrent writers, against a real server.

    .venv/bin/python benchmarks/write_tail.py                  # 16 threads x 100 posts, SQLite
    .venv/bin/python benchmarks/write_tail.py --threads 16 --requests 200 --workers 2
    .venv/bin/python benchmarks/write_tail.py --url http://127.0.0.1:8000 --token rdy_…

Starts `readiness serve` on a temporary SQLite file (unless --url or --database-url says
otherwise), lets each thread post its profiles over one keep-alive connection, and prints the
percentiles of the request times, the throughput and the errors. Asserts nothing. The posts carry
an admin's API token: made in the database of the server it starts, or given with --token.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    # Run as a script: the checkout comes first (its tests/support), in place of benchmarks/,
    # whose http.py would hide the standard library's http from every import below.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import httpx

from readiness.builder import answers_for, member_answers_for
from readiness.vocabulary import DIMENSIONS
from tests.support.live_server import admin_token, live_server

CONTEXTS = {
    "goal_type": ("individual", "group", "mixed"),
    "rollout_plan": ("stepwise", "big_launch", "undecided"),
    "current_stage": ("none", "pilot", "expand", "sustain"),
}


def random_profile(rng: random.Random, teams: int) -> dict[str, Any]:
    """A valid profile of one of `teams` teams, with random scores and two to six members."""
    scores = {d: rng.choice(range(0, 101, 5)) for d in DIMENSIONS}
    members = [member_answers_for(scores) for _ in range(rng.randint(2, 6))]
    return {
        "team_id": f"team-{rng.randrange(teams)}",
        "answers": answers_for(scores),
        "context": {key: rng.choice(values) for key, values in CONTEXTS.items()},
        "member_answers": members,
    }


def percentile(sorted_values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return float("nan")
    rank = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values)) - 1))
    return sorted_values[rank]


@contextmanager
def server_for(args: argparse.Namespace) -> Iterator[tuple[str, dict[str, str]]]:
    """The base URL to load, and the headers that sign the posts in: the server given, or a
    `readiness serve` started for the run with an admin made in its database."""
    if args.url:
        yield args.url.rstrip("/"), {"Authorization": f"Bearer {args.token}"}
        return
    with tempfile.TemporaryDirectory(prefix="write-tail-") as scratch:
        url = args.database_url or f"sqlite:///{Path(scratch) / 'readiness.db'}"
        with live_server(url, workers=args.workers, log_dir=Path(scratch)) as server:
            yield server.url, {"Authorization": f"Bearer {admin_token(url)}"}


def run(
    base: str, headers: dict[str, str], args: argparse.Namespace
) -> tuple[list[float], list[str], float]:
    """Every thread posts its profiles; the request times in seconds, the errors, the wall time."""
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(args.threads + 1)

    def client(number: int) -> None:
        rng = random.Random(args.seed * 1000 + number)
        bodies = [random_profile(rng, args.teams) for _ in range(args.requests)]
        mine: list[float] = []
        failed: list[str] = []
        with httpx.Client(base_url=base, timeout=60, headers=headers) as http:
            start.wait()
            for body in bodies:
                began = time.perf_counter()
                try:
                    answer = http.post("/api/v1/assessments", json=body)
                    if answer.status_code != 201:
                        failed.append(f"{answer.status_code}: {answer.text[:200]}")
                except httpx.HTTPError as error:
                    failed.append(f"{type(error).__name__}: {error}")
                mine.append(time.perf_counter() - began)
        with lock:
            times.extend(mine)
            errors.extend(failed)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.threads)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return times, errors, time.perf_counter() - began


def warm_up(base: str, headers: dict[str, str]) -> None:
    rng = random.Random(0)
    with httpx.Client(base_url=base, timeout=60, headers=headers) as http:
        for _ in range(20):
            http.post("/api/v1/assessments", json=random_profile(rng, 4)).raise_for_status()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=16, help="concurrent clients (16)")
    parser.add_argument("--requests", type=int, default=100, help="posts per client (100)")
    parser.add_argument("--teams", type=int, default=50, help="distinct team ids posted (50)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (1)")
    parser.add_argument("--rounds", type=int, default=1, help="measured rounds on one server")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--database-url", help="instead of a temporary SQLite file")
    parser.add_argument("--url", help="load a server already running here instead")
    parser.add_argument("--token", help="an API token for --url (`readiness token create`)")
    args = parser.parse_args()
    if args.url and not args.token:
        parser.error("--url needs --token")

    with server_for(args) as (base, headers):
        warm_up(base, headers)
        for round_ in range(1, args.rounds + 1):
            times, errors, wall = run(base, headers, args)
            ms = sorted(t * 1000 for t in times)
            print(
                f"round {round_}: {len(ms)} posts from {args.threads} threads in {wall:.1f} s "
                f"({len(ms) / wall:.0f}/s), errors {len(errors)}\n"
                f"  p50 {percentile(ms, 0.50):7.1f} ms   p90 {percentile(ms, 0.90):7.1f} ms   "
                f"p99 {percentile(ms, 0.99):7.1f} ms   max {ms[-1]:7.1f} ms   "
                f"mean {statistics.fmean(ms):7.1f} ms"
            )
            for error in sorted(set(errors))[:5]:
                print(f"  error: {error}")


if __name__ == "__main__":
    main()
