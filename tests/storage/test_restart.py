"""Stored assessments survive a restart of a real server, on SQLite and on PostgreSQL."""

import time
from pathlib import Path

import httpx

from tests.conftest import make_profile
from tests.support.live_server import admin_token, live_server, stop


def test_a_stored_assessment_survives_a_restart(database_url: str, tmp_path: Path) -> None:
    with live_server(database_url, log_dir=tmp_path) as server:
        admin = {"Authorization": f"Bearer {admin_token(database_url)}"}
        created = httpx.post(
            f"{server.url}/api/v1/assessments",
            json={"team_id": "nord", **make_profile()},
            headers=admin,
        )
        stop(server)
    assert created.status_code == 201
    assert server.process.poll() is not None

    with live_server(database_url, log_dir=tmp_path) as again:
        read = httpx.get(f"{again.url}{created.headers['location']}", headers=admin)
        history = httpx.get(f"{again.url}/api/v1/teams/nord/assessments", headers=admin)

    assert read.status_code == 200
    assert read.json() == created.json()
    assert [entry["id"] for entry in history.json()["assessments"]] == [created.json()["id"]]


def test_a_server_with_two_workers_stores_and_reads_back_over_fresh_connections(
    database_url: str, tmp_path: Path
) -> None:
    with live_server(database_url, workers=2, log_dir=tmp_path) as server:
        admin = {"Authorization": f"Bearer {admin_token(database_url)}"}
        # No keep-alive: each request may land on either worker.
        ids = [
            httpx.post(
                f"{server.url}/api/v1/assessments", json=make_profile(), headers=admin
            ).json()["id"]
            for _ in range(6)
        ]
        reads = [
            httpx.get(f"{server.url}/api/v1/assessments/{i}", headers=admin).status_code
            for i in ids
        ]
        # The second worker may still be starting on a busy machine: wait for it, bounded.
        deadline = time.monotonic() + 60
        while server.output().count("Started server process") < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        started = server.output().count("Started server process")

    assert started == 2
    assert len(set(ids)) == 6
    assert reads == [200] * 6
