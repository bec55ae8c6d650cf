"""A server killed under write load loses nothing it acknowledged; one stopped finishes its work.

On SQLite and on PostgreSQL: `readiness serve` is killed (SIGKILL, its whole process group) while
a few clients post assessments, then started again on the same database, and every assessment
it answered 201 for reads back exactly as answered. A server told to stop (SIGTERM) while a
request is in flight answers it before it exits.
"""

from __future__ import annotations

import json
import os
import random
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from api.storage import Database
from api.storage.tables import AssessmentRow
from readiness.builder import answers_for
from readiness.vocabulary import DIMENSIONS
from tests.conftest import READY_CONTEXT
from tests.support.live_server import STOP_TIMEOUT, LiveServer, admin_token, live_server, stop

WRITERS = 4
KILL_AFTER_SECONDS = 1.5  # of load, and at least MIN_ACKNOWLEDGED answers, before the kill
MIN_ACKNOWLEDGED = 12
LOAD_DEADLINE_SECONDS = 20.0  # a server that never gets there fails the test instead of hanging


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def varied_profile(rng: random.Random, team_id: str) -> dict[str, Any]:
    """A valid profile of `team_id` whose scores differ from one call to the next."""
    scores = {d: rng.choice(range(0, 101, 5)) for d in DIMENSIONS}
    return {"team_id": team_id, "answers": answers_for(scores), "context": READY_CONTEXT}


def history_ids(http: httpx.Client, team_id: str) -> set[str]:
    """Every assessment in the team's history, page after page (a writer may store more than
    one page's worth before the kill)."""
    ids: set[str] = set()
    address: str | None = f"/api/v1/teams/{team_id}/assessments"
    while address is not None:
        page = http.get(address)
        assert page.status_code == 200, page.text
        ids |= {entry["id"] for entry in page.json()["assessments"]}
        address = page.json()["next"]
    return ids


def test_every_acknowledged_assessment_survives_a_kill_under_write_load(
    database_url: str, tmp_path: Path
) -> None:
    acknowledged: dict[str, dict[str, Any]] = {}  # id -> the 201's body
    refused: list[str] = []  # answers other than 201 before the kill: must be none
    guard = threading.Lock()
    killed = threading.Event()

    def write(number: int, base: str, token: str) -> None:
        # One team per writer: the first posts for one new team at once are another matter
        # (on PostgreSQL both insert the team's row; one of them fails).
        rng = random.Random(number)
        with httpx.Client(base_url=base, timeout=30, headers=bearer(token)) as http:
            while not killed.is_set():
                try:
                    answer = http.post(
                        "/api/v1/assessments", json=varied_profile(rng, f"crash-{number}")
                    )
                except httpx.TransportError:
                    return  # the server is gone: whatever was in flight was never acknowledged
                with guard:
                    if answer.status_code == 201:
                        acknowledged[answer.json()["id"]] = answer.json()
                    elif not killed.is_set():
                        refused.append(f"{answer.status_code} {answer.text[:200]}")

    with live_server(database_url, log_dir=tmp_path) as server:
        token = admin_token(database_url)
        writers = [
            threading.Thread(target=write, args=(n, server.url, token), daemon=True)
            for n in range(WRITERS)
        ]
        started = time.monotonic()
        for writer in writers:
            writer.start()
        while time.monotonic() - started < LOAD_DEADLINE_SECONDS:
            with guard:
                enough = len(acknowledged) >= MIN_ACKNOWLEDGED
            if enough and time.monotonic() - started >= KILL_AFTER_SECONDS:
                break
            time.sleep(0.05)
        os.killpg(server.process.pid, signal.SIGKILL)  # mid-load: requests are in flight
        killed.set()
        server.process.wait(STOP_TIMEOUT)
        for writer in writers:
            writer.join(STOP_TIMEOUT)

    assert server.process.returncode == -signal.SIGKILL
    assert not refused
    assert len(acknowledged) >= MIN_ACKNOWLEDGED, server.output()[-2000:]

    with (
        live_server(database_url, log_dir=tmp_path) as again,
        httpx.Client(base_url=again.url, timeout=30, headers=bearer(token)) as http,
    ):
        lost = {}
        for assessment_id, answered in acknowledged.items():
            read = http.get(f"/api/v1/assessments/{assessment_id}")
            if read.status_code != 200 or read.json() != answered:
                lost[assessment_id] = (read.status_code, read.text[:200])
        histories = {f"crash-{n}": history_ids(http, f"crash-{n}") for n in range(WRITERS)}
        # The killed server left no lock behind: the database takes writes again.
        after = http.post("/api/v1/assessments", json=varied_profile(random.Random(), "crash-0"))

    assert lost == {}
    for assessment_id, answered in acknowledged.items():
        assert assessment_id in histories[answered["team_id"]]
    assert after.status_code == 201, after.text


BATCH_TEAMS = 40
SHUTDOWN_TIMEOUT_SECONDS = 30.0


def batch_lines(teams: int) -> list[bytes]:
    """JSON Lines with one whole, valid profile per team."""
    rng = random.Random(7)
    return [json.dumps(varied_profile(rng, f"batch-{n}")).encode() + b"\n" for n in range(teams)]


def wait_for_log(server: LiveServer, text: str) -> None:
    deadline = time.monotonic() + SHUTDOWN_TIMEOUT_SECONDS
    while text not in server.output():
        assert time.monotonic() < deadline, f"no {text!r} in:\n{server.output()[-2000:]}"
        time.sleep(0.05)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_request_in_flight_when_sigterm_arrives_still_gets_its_answer(
    database_url: str, tmp_path: Path, workers: int
) -> None:
    # The request is held in flight on purpose: half of its body is sent, the rest only once
    # the server is stopping and says that it waits for this connection.
    lines = batch_lines(BATCH_TEAMS)
    half_sent, stopping = threading.Event(), threading.Event()
    answers: list[httpx.Response | Exception] = []

    def body() -> Iterator[bytes]:
        yield b"".join(lines[: BATCH_TEAMS // 2])
        half_sent.set()
        stopping.wait(SHUTDOWN_TIMEOUT_SECONDS)
        yield b"".join(lines[BATCH_TEAMS // 2 :])

    with live_server(database_url, workers=workers, log_dir=tmp_path) as server:
        token = admin_token(database_url)

        def send() -> None:
            try:
                answers.append(
                    httpx.post(
                        f"{server.url}/api/v1/batches",
                        content=body(),
                        headers={"Content-Type": "application/x-ndjson", **bearer(token)},
                        timeout=SHUTDOWN_TIMEOUT_SECONDS,
                    )
                )
            except httpx.HTTPError as error:
                answers.append(error)

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        assert half_sent.wait(SHUTDOWN_TIMEOUT_SECONDS)
        time.sleep(0.3)  # the worker reads the request's head and first half
        server.process.send_signal(signal.SIGTERM)
        wait_for_log(server, "Waiting for connections to close")
        assert not answers  # still in flight
        stopping.set()
        sender.join(SHUTDOWN_TIMEOUT_SECONDS)
        server.process.wait(SHUTDOWN_TIMEOUT_SECONDS)
        output = server.output()

    [answer] = answers
    assert isinstance(answer, httpx.Response), f"{answer!r}\n{output[-2000:]}"
    assert answer.status_code == 200, answer.text
    assert answer.json()["stored"] == BATCH_TEAMS
    assert server.process.returncode == 0, output[-2000:]
    database = Database(database_url)
    try:
        with database.session() as session:
            stored = session.scalar(select(func.count()).select_from(AssessmentRow))
    finally:
        database.dispose()
    assert stored == BATCH_TEAMS


# uvicorn raises the SIGTERM again once it has shut down: a single worker used to die by it (-15).
@pytest.mark.parametrize("workers", [1, 2])
def test_sigterm_stops_the_server_with_exit_code_0(tmp_path: Path, workers: int) -> None:
    url = f"sqlite:///{tmp_path / 'stop.db'}"
    with live_server(url, workers=workers, log_dir=tmp_path) as server:
        assert httpx.post(
            f"{server.url}/api/v1/assessments",
            json=varied_profile(random.Random(), "nord"),
            headers=bearer(admin_token(url)),
        ).is_success
        code = stop(server)

    assert code == 0, server.output()[-2000:]
    assert "Application shutdown complete" in server.output()
