"""`readiness serve` as a real subprocess on 127.0.0.1, for tests that need a real server.

    with live_server(database_url) as server:
        httpx.get(f"{server.url}/api/v1/healthz")

The server gets a free port and the given database and environment; the block starts once
`/api/v1/healthz` answers 200, and the server is stopped (SIGTERM, then SIGKILL) when it ends.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from api.storage import Database
from tests.support.accounts import make_user, token_for
from tests.support.ports import free_port

START_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0


class ServerFailed(RuntimeError):
    """The server exited or did not become healthy; the message carries the end of its log."""


@dataclass(frozen=True)
class LiveServer:
    url: str  # e.g. http://127.0.0.1:40123, no trailing slash
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        """Everything the server printed so far."""
        return self.log.read_text(errors="replace")


def readiness_command() -> list[str]:
    """The `readiness` console script of the running interpreter's environment."""
    script = Path(sys.executable).with_name("readiness")
    if script.exists():
        return [str(script)]
    return [
        sys.executable,
        "-c",
        "import sys; from readiness_cli.main import main; sys.exit(main())",
    ]


@contextmanager
def live_server(
    database_url: str,
    *,
    env: Mapping[str, str] | None = None,
    workers: int = 1,
    log_dir: Path | None = None,
) -> Iterator[LiveServer]:
    """Run `readiness serve` on a free port with `database_url`; stop it when the block ends."""
    port = free_port()
    log = Path(tempfile.mkstemp(prefix=f"serve-{port}-", suffix=".log", dir=log_dir)[1])
    command = [*readiness_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers)]
    environment = {**os.environ, "READINESS_DATABASE_URL": database_url, **(env or {})}
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, env=environment, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = LiveServer(url=f"http://127.0.0.1:{port}", process=process, log=log)
    try:
        _wait_until_healthy(server)
        yield server
    finally:
        stop(server)


def admin_token(database_url: str) -> str:
    """The API token of a new admin in the database of a server started on it (so migrated)."""
    database = Database(database_url)
    try:
        return token_for(database, make_user(database, "admin"))
    finally:
        database.dispose()


def stop(server: LiveServer) -> int:
    """Stop the server as an operator would (SIGTERM); kill it if it does not go. Its exit code."""
    process = server.process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(STOP_TIMEOUT)
    return process.returncode


def _wait_until_healthy(server: LiveServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServerFailed(
                f"readiness serve exited with {server.process.returncode}:\n{_tail(server)}"
            )
        try:
            with urllib.request.urlopen(f"{server.url}/api/v1/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise ServerFailed(f"readiness serve not healthy after {START_TIMEOUT:.0f} s:\n{_tail(server)}")


def _tail(server: LiveServer, lines: int = 30) -> str:
    return "\n".join(server.output().splitlines()[-lines:])
