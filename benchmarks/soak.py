"""Soak: minutes of mixed traffic against `readiness serve --workers 2`; errors, latency, memory.

    .venv/bin/python benchmarks/soak.py                     # 3 minutes, 8 clients, SQLite
    .venv/bin/python benchmarks/soak.py --minutes 10 --clients 12 --workers 4

Starts the server on a temporary SQLite file (or --database-url), then lets a bounded number of
clients send, back to back, a mix of what the service is used for: evaluations, stored
assessments, reading them back through the API and the pages, team histories, lists and the
portfolio. Each minute it prints the requests answered, the errors (anything but the expected
status, or no answer), p50, p95 and p99, and the resident memory of every worker process. The
clients act as an admin made in the server's database: an API token for the API, and a session
signed in through the sign-in form for the pages.

Not part of CI. The run is good when errors stay 0 and each worker's memory stays flat after
the first minute; the exit code is 1 when there were errors.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    # Run as a script: the checkout comes first (its tests/support), in place of benchmarks/,
    # whose http.py would hide the standard library's http from every import below.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import httpx

from api.storage import Database
from readiness.builder import answers_for, member_answers_for
from readiness.vocabulary import DIMENSIONS
from tests.support.accounts import make_user, token_for
from tests.support.live_server import live_server

CONTEXTS = {
    "goal_type": ("individual", "group", "mixed"),
    "rollout_plan": ("stepwise", "big_launch", "undecided"),
    "current_stage": ("none", "pilot", "expand", "sustain"),
}
NEW_CONNECTION_EVERY = 50  # requests per client connection, so that both workers get clients


def random_profile(rng: random.Random, team_id: str | None) -> dict[str, Any]:
    """A valid profile with random scores, context and zero to six members."""
    scores = {d: rng.choice(range(0, 101, 5)) for d in DIMENSIONS}
    profile: dict[str, Any] = {
        "answers": answers_for(scores),
        "context": {key: rng.choice(values) for key, values in CONTEXTS.items()},
        "member_answers": [member_answers_for(scores) for _ in range(rng.randint(0, 6))],
    }
    if team_id is not None:
        profile["team_id"] = team_id
    return profile


@dataclass
class Shared:
    """The profiles to send, and what the clients have stored so far, for the reads to find."""

    teams: int
    profiles: list[dict[str, Any]]  # empty: a new one every time
    assessment_ids: list[str] = field(default_factory=list)
    stored_teams: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def profile(self, rng: random.Random, team_id: str | None) -> dict[str, Any]:
        made = rng.choice(self.profiles) if self.profiles else random_profile(rng, None)
        return made if team_id is None else {**made, "team_id": team_id}

    def some_id(self, rng: random.Random) -> str | None:
        with self.lock:
            return rng.choice(self.assessment_ids) if self.assessment_ids else None

    def some_team(self, rng: random.Random) -> str | None:
        with self.lock:
            return rng.choice(sorted(self.stored_teams)) if self.stored_teams else None

    def keep(self, assessment_id: str, team_id: str) -> None:
        with self.lock:
            self.stored_teams.add(team_id)
            if len(self.assessment_ids) < 10_000:
                self.assessment_ids.append(assessment_id)
            else:
                self.assessment_ids[random.randrange(10_000)] = assessment_id


# An action sends one request and says which status it expects.
Action = Callable[[httpx.Client, random.Random, Shared], tuple[httpx.Response, int]]


def evaluate(http: httpx.Client, rng: random.Random, shared: Shared) -> tuple[httpx.Response, int]:
    return http.post("/api/v1/evaluate", json=shared.profile(rng, None)), 200


def store(http: httpx.Client, rng: random.Random, shared: Shared) -> tuple[httpx.Response, int]:
    team = f"soak-{rng.randrange(shared.teams)}"
    answer = http.post("/api/v1/assessments", json=shared.profile(rng, team))
    if answer.status_code == 201:
        shared.keep(answer.json()["id"], team)
    return answer, 201


def read(http: httpx.Client, rng: random.Random, shared: Shared) -> tuple[httpx.Response, int]:
    found = shared.some_id(rng)
    if found is None:
        return store(http, rng, shared)
    lang = rng.choice(["sv", "en"])
    return http.get(f"/api/v1/assessments/{found}", params={"lang": lang}), 200


def history(http: httpx.Client, rng: random.Random, shared: Shared) -> tuple[httpx.Response, int]:
    team = shared.some_team(rng)
    if team is None:
        return store(http, rng, shared)
    return http.get(f"/api/v1/teams/{team}/assessments"), 200


def team_list(http: httpx.Client, rng: random.Random, shared: Shared) -> tuple[httpx.Response, int]:
    return http.get("/api/v1/teams", params={"limit": 50, "sort": "date"}), 200


def portfolio(http: httpx.Client, rng: random.Random, shared: Shared) -> tuple[httpx.Response, int]:
    return http.get("/api/v1/portfolio"), 200


def page(http: httpx.Client, rng: random.Random, shared: Shared) -> tuple[httpx.Response, int]:
    found, team = shared.some_id(rng), shared.some_team(rng)
    paths = ["/", "/teams", "/portfolio", "/policy"]
    paths += [f"/assessments/{found}"] if found else []
    paths += [f"/teams/{team}"] if team else []
    path = rng.choice(paths)
    return http.get(path, headers={"Accept": "text/html"}), 200


MIX: list[tuple[Action, int]] = [
    (evaluate, 20),
    (store, 25),
    (read, 15),
    (history, 10),
    (team_list, 5),
    (portfolio, 5),
    (page, 20),
]


@dataclass
class Record:
    finished: float  # seconds since the start of the run
    seconds: float
    error: str | None


@dataclass(frozen=True)
class Credentials:
    headers: dict[str, str]  # the API token, for the API
    cookies: dict[str, str]  # the session, for the pages


def signed_in(base: str, database_url: str) -> Credentials:
    """A new admin's API token, and a session signed in through the sign-in form."""
    password = secrets.token_urlsafe(16)
    database = Database(database_url)
    try:
        admin = make_user(database, "admin", password=password)
        token = token_for(database, admin, "soak")
    finally:
        database.dispose()
    with httpx.Client(base_url=base, timeout=60) as http:
        form = re.search(r'name="csrf" value="([^"]+)"', http.get("/sign-in").text)
        assert form, "no CSRF field on the sign-in page"
        fields = {"csrf": form[1], "email": admin.email, "password": password, "next": "/"}
        answer = http.post("/sign-in", data=fields)
        assert answer.status_code == 303, f"signing in: {answer.status_code} {answer.text[:200]}"
        cookies = dict(http.cookies)
    return Credentials({"Authorization": f"Bearer {token}"}, cookies)


def client(
    base: str,
    number: int,
    shared: Shared,
    stop: threading.Event,
    started: float,
    out: list[Record],
    credentials: Credentials,
) -> None:
    rng = random.Random(number)
    actions, weights = zip(*MIX, strict=True)
    while not stop.is_set():
        with httpx.Client(
            base_url=base, timeout=60, headers=credentials.headers, cookies=credentials.cookies
        ) as http:
            for _ in range(NEW_CONNECTION_EVERY):
                if stop.is_set():
                    return
                action = rng.choices(actions, weights)[0]
                began = time.perf_counter()
                error = None
                try:
                    answer, expected = action(http, rng, shared)
                    if answer.status_code != expected:
                        error = f"{action.__name__}: {answer.status_code} {answer.text[:120]}"
                except httpx.HTTPError as failure:
                    error = f"{action.__name__}: {type(failure).__name__}: {failure}"
                now = time.perf_counter()
                out.append(Record(now - started, now - began, error))


def workers_of(supervisor: int) -> list[int]:
    """The worker processes `readiness serve` spawned (not multiprocessing's resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        parent = int(stat.rpartition(")")[2].split()[1])
        if parent == supervisor and b"spawn_main" in command:
            found.append(int(entry.name))
    return sorted(found)


def rss_mib(pid: int) -> float:
    """VmRSS of `pid` in MiB (nan once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    rank = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values)) - 1))
    return sorted_values[rank]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (8)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--teams", type=int, default=200, help="distinct teams posted (200)")
    parser.add_argument(
        "--profiles",
        type=int,
        default=1000,
        help="distinct profiles sent (1000); 0: a new one every time, which also fills the "
        "engine's cache of outcomes by band (up to 65,536 per worker) as it goes",
    )
    parser.add_argument("--database-url", help="instead of a temporary SQLite file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="soak-") as scratch:
        url = args.database_url or f"sqlite:///{Path(scratch) / 'soak.db'}"
        # Plain HTTP on 127.0.0.1: the session cookie is sent back without TLS.
        plain = {"READINESS_COOKIE_SECURE": "false"}
        with live_server(url, workers=args.workers, log_dir=Path(scratch), env=plain) as server:
            credentials = signed_in(server.url, url)
            workers = workers_of(server.process.pid)
            print(
                f"readiness serve --workers {args.workers}: supervisor {server.process.pid}, "
                f"workers {workers}; {args.clients} clients for {args.minutes} min\n"
                f"start RSS (MiB): " + ", ".join(f"{pid}: {rss_mib(pid):.1f}" for pid in workers),
                flush=True,
            )
            records = run(server.url, args, workers, credentials)
            errors = [r.error for r in records if r.error]
            log = server.output()
        print(f"total: {len(records)} requests, {len(errors)} errors")
        for error in sorted(set(errors))[:10]:
            print(f"  error: {error}")
        tracebacks = log.count("Traceback")
        if tracebacks:
            print(f"  the server logged {tracebacks} traceback(s)")
        return 1 if errors or tracebacks else 0


def run(
    base: str, args: argparse.Namespace, workers: list[int], credentials: Credentials
) -> list[Record]:
    rng = random.Random(0)
    shared = Shared(args.teams, [random_profile(rng, None) for _ in range(args.profiles)])
    stop = threading.Event()
    outs: list[list[Record]] = [[] for _ in range(args.clients)]
    started = time.perf_counter()
    threads = [
        threading.Thread(target=client, args=(base, n, shared, stop, started, outs[n], credentials))
        for n in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    header = (
        f"{'min':>3} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
        "  RSS MiB per worker"
    )
    print(header, flush=True)
    try:
        for minute in range(1, args.minutes + 1):
            time.sleep(max(0.0, started + 60 * minute - time.perf_counter()))
            rss = ", ".join(f"{pid}: {rss_mib(pid):.1f}" for pid in workers)
            done = [
                r
                for out in outs
                for r in list(out)
                if 60 * (minute - 1) <= r.finished < 60 * minute
            ]
            ms = sorted(r.seconds * 1000 for r in done)
            failed = sum(1 for r in done if r.error)
            print(
                f"{minute:>3} {len(done):>8} {failed:>6} {percentile(ms, 0.5):>7.1f} "
                f"{percentile(ms, 0.95):>7.1f} {percentile(ms, 0.99):>7.1f}  {rss}",
                flush=True,
            )
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    return [r for out in outs for r in out]


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
