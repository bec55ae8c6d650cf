"""The service over HTTP: each route beside the app's trivial route, at 1, 8 and 32 clients.

The server is `readiness serve` (benchmarks.server adds the trivial route) with 1 and then 2
worker processes on a new SQLite database. The load comes from a small bounded client: N
connections kept alive, each sending its next request as soon as the answer is in (a closed
loop, so N is the concurrency), written on asyncio streams with requests prepared in advance, so
that on this 2-core machine the client takes as little as possible of the CPU the server needs.
Sign-in: an admin made with `readiness user add`, an API token from `readiness token create`
for the API, a session from the sign-in form for the page; when those commands or pages are
missing the rows that need them are left out, with a note.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from benchmarks.measure import percentile, table, tree_rss_mib
from benchmarks.profiles import profiles
from benchmarks.server import TRIVIAL
from tests.support.live_server import readiness_command
from tests.support.ports import free_port

ADMIN = "bench-admin@example.test"
PASSWORD = "bench-password-not-secret-1"


@dataclass(frozen=True)
class Target:
    """One kind of request, prepared as raw bytes (several variants, sent in turn)."""

    name: str
    requests: tuple[bytes, ...]
    expected: int


@dataclass(frozen=True)
class Cell:
    workers: int
    target: str
    clients: int
    answers: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float
    rss_mib: float

    @property
    def per_second(self) -> float:
        return self.answers / self.seconds


@dataclass(frozen=True)
class HttpFigures:
    cells: list[Cell]
    notes: list[str]

    def cell(self, workers: int, target: str, clients: int) -> Cell | None:
        return next(
            (
                c
                for c in self.cells
                if (c.workers, c.target, c.clients) == (workers, target, clients)
            ),
            None,
        )


def run(
    worker_counts: Sequence[int], client_counts: Sequence[int], seconds: float, seed: int
) -> HttpFigures:
    cells: list[Cell] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="readiness-http-") as folder:
        database = f"sqlite:///{Path(folder) / 'readiness.db'}"
        # The session cookie is Secure by default; this server speaks plain HTTP on 127.0.0.1.
        environment = {
            **os.environ,
            "READINESS_DATABASE_URL": database,
            "READINESS_COOKIE_SECURE": "false",
        }
        token = _admin_token(environment, notes)
        for workers in worker_counts:
            with _server(environment, workers, Path(folder)) as (url, process):
                targets = _targets(url, seed, token, notes if workers == worker_counts[0] else [])
                for target in targets:
                    for clients in client_counts:
                        cells.append(_cell(url, process, workers, target, clients, seconds))
    return HttpFigures(cells, notes)


def _admin_token(environment: dict[str, str], notes: list[str]) -> str | None:
    """An admin's API token, made through the CLI; None when the commands are not there."""
    adding = ["user", "add", ADMIN, "--name", "Bench", "--role", "admin", "--password-stdin"]
    made = subprocess.run(
        [*readiness_command(), *adding],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=environment,
    )
    if made.returncode != 0:
        notes.append(f"no admin user (`readiness user add` said: {_last(made.stderr)})")
        return None
    token = subprocess.run(
        [*readiness_command(), "token", "create", "--user", ADMIN, "--name", "benchmarks"],
        capture_output=True,
        text=True,
        env=environment,
    )
    if token.returncode != 0 or not token.stdout.strip():
        notes.append(f"no API token (`readiness token create` said: {_last(token.stderr)})")
        return None
    return token.stdout.strip().splitlines()[-1]


def _last(text: str) -> str:
    return (text.strip().splitlines() or ["nothing"])[-1]


@contextmanager
def _server(
    environment: dict[str, str], workers: int, folder: Path
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    log = (folder / f"serve-{workers}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.server", "127.0.0.1", str(port), str(workers)],
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, process, workers)
        yield url, process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def _wait_for(url: str, process: subprocess.Popen[bytes], workers: int) -> None:
    deadline = time.monotonic() + 60
    answered = 0
    while time.monotonic() < deadline and answered < 4 * workers:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + TRIVIAL, timeout=2) as answer:
                answered += answer.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    time.sleep(1.0)  # let every worker finish its start-up


def _request(method: str, path: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Accept-Language: sv"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def _targets(url: str, seed: int, token: str | None, notes: list[str]) -> list[Target]:
    bodies = [json.dumps(p).encode() for p in profiles(200, seed)]
    as_json = {"Content-Type": "application/json"}
    targets = [
        Target("trivial route (framework floor)", (_request("GET", TRIVIAL, {}),), 200),
        Target(
            "GET /api/v1/healthz (one SELECT 1)", (_request("GET", "/api/v1/healthz", {}),), 200
        ),
        Target(
            "POST /api/v1/evaluate",
            tuple(_request("POST", "/api/v1/evaluate", as_json, b) for b in bodies),
            200,
        ),
    ]
    auth = {"Authorization": f"Bearer {token}"} if token else {}
    probe = httpx.post(f"{url}/api/v1/assessments", content=bodies[0], headers=as_json | auth)
    if probe.status_code != 201:
        notes.append(
            f"POST /api/v1/assessments and the report page left out: answered {probe.status_code}"
            + ("" if token else " without a token")
        )
        return targets
    targets.append(
        Target(
            "POST /api/v1/assessments (stores)",
            tuple(_request("POST", "/api/v1/assessments", as_json | auth, b) for b in bodies),
            201,
        )
    )
    cookie = _session_cookie(url, notes)
    page = probe.headers["Location"].removeprefix("/api/v1")
    answer = httpx.get(url + page, headers={"Cookie": cookie} if cookie else {})
    if answer.status_code != 200:
        notes.append(f"the report page left out: {page} answered {answer.status_code}")
        return targets
    headers = {"Cookie": cookie} if cookie else {}
    targets.append(
        Target("GET /assessments/{id} (report page)", (_request("GET", page, headers),), 200)
    )
    return targets


def _session_cookie(url: str, notes: list[str]) -> str | None:
    """A signed-in session through the sign-in form, as a Cookie header; None without one."""
    with httpx.Client(base_url=url) as browser:
        form = browser.get("/sign-in")
        found = re.search(r'name="csrf" value="([^"]+)"', form.text)
        if form.status_code != 200 or not found:
            notes.append("no sign-in form: the report page is asked without a session")
            return None
        signed = browser.post(
            "/sign-in", data={"email": ADMIN, "password": PASSWORD, "csrf": found[1]}
        )
        if signed.status_code >= 400 or not browser.cookies:
            notes.append(f"signing in failed ({signed.status_code}): the page has no session")
            return None
        return "; ".join(f"{name}={value}" for name, value in browser.cookies.items())


def _cell(
    url: str,
    process: subprocess.Popen[bytes],
    workers: int,
    target: Target,
    clients: int,
    seconds: float,
) -> Cell:
    port = int(url.rsplit(":", 1)[1])
    latencies, errors, elapsed = asyncio.run(_load(port, target, clients, seconds))
    latencies.sort()
    return Cell(
        workers=workers,
        target=target.name,
        clients=clients,
        answers=len(latencies),
        errors=errors,
        seconds=elapsed,
        p50_ms=percentile(latencies, 0.5) * 1e3,
        p99_ms=percentile(latencies, 0.99) * 1e3,
        rss_mib=tree_rss_mib(process.pid),
    )


async def _load(
    port: int, target: Target, clients: int, seconds: float
) -> tuple[list[float], int, float]:
    """`clients` connections in a closed loop: a short warm-up, then `seconds` measured."""
    latencies: list[float] = []
    errors = [0]
    warm_until = time.perf_counter() + min(1.0, seconds / 3)
    stop_at = warm_until + seconds

    async def connection(offset: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        sent = offset
        try:
            while (now := time.perf_counter()) < stop_at:
                writer.write(target.requests[sent % len(target.requests)])
                sent += 1
                status = await _answer(reader)
                if now >= warm_until:
                    latencies.append(time.perf_counter() - now)
                    errors[0] += status != target.expected
        except (ConnectionError, asyncio.IncompleteReadError):
            errors[0] += 1
        finally:
            writer.close()

    await asyncio.gather(*(connection(n * 37) for n in range(clients)))
    return latencies, errors[0], seconds


async def _answer(reader: asyncio.StreamReader) -> int:
    """Read one response; its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {
        name.strip().lower(): value.strip()
        for name, _, value in (line.partition(":") for line in lines[1:] if line)
    }
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    return status


def report(figures: HttpFigures) -> str:
    rows = [
        (
            c.target,
            c.workers,
            c.clients,
            c.per_second,
            c.p50_ms,
            c.p99_ms,
            c.errors,
            _share(figures, c),
            c.rss_mib,
        )
        for c in figures.cells
    ]
    text = table(
        "HTTP: `readiness serve` on SQLite, closed-loop clients on the same 2 cores",
        ["request", "workers", "clients", "answers/s", "p50 ms", "p99 ms", "errors", "% of trivial /s", "RSS MiB"],
        rows,
    )  # fmt: skip
    return text + "".join(f"\n\nNote: {note}." for note in figures.notes)


def _share(figures: HttpFigures, cell: Cell) -> float:
    floor = figures.cell(cell.workers, "trivial route (framework floor)", cell.clients)
    return 100 * cell.per_second / floor.per_second if floor and floor.per_second else 0.0
