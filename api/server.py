"""`readiness serve`: uvicorn serving `create_app(settings)`, in one or several worker processes.

The settings travel to each worker with the app factory itself, so nothing is passed through
environment variables written on the way.
"""

from __future__ import annotations

import contextlib
import functools
import signal
import sys
import threading
from collections.abc import Iterator

import uvicorn
from sqlalchemy.exc import SQLAlchemyError
from uvicorn.server import HANDLED_SIGNALS
from uvicorn.supervisors import Multiprocess

from api.logs import uvicorn_log_config
from api.main import create_app
from api.retention import DailyRetention, describe, prune
from api.settings import Settings
from api.storage.database import StorageError, safe_url
from api.storage.migrate import upgrade
from readiness import PolicyError, load_policy

EXIT_CONFIG = 78


def serve(settings: Settings) -> int:
    """Check the policy, migrate the database once, then serve until stopped; the exit code."""
    try:
        load_policy(settings.rules_dir)
    except PolicyError as error:
        print(f"readiness: the policy cannot be used: {error}", file=sys.stderr)
        return EXIT_CONFIG
    # Once here rather than racing in every worker; each worker's start-up then finds it done.
    try:
        print(f"readiness: {upgrade(settings.database_url)}", file=sys.stderr)
    except StorageError as error:
        print(f"readiness: {error}", file=sys.stderr)
        return EXIT_CONFIG
    print(
        f"readiness: serving on http://{settings.host}:{settings.port} "
        f"({settings.workers} worker(s), database {safe_url(settings.database_url)})",
        file=sys.stderr,
    )
    config = uvicorn.Config(
        # A partial pickles, so each spawned worker builds its own app from the same settings.
        functools.partial(create_app, settings),
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        # Applied again in every worker process: the same format and level everywhere.
        log_config=uvicorn_log_config(settings.log_format, settings.log_level),
    )
    server = Server(config)
    retention = start_retention(settings)
    try:
        if settings.workers > 1:
            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            server.run()
    finally:
        if retention is not None:
            retention.stop()
    return 0 if settings.workers > 1 or server.started else EXIT_CONFIG


def start_retention(settings: Settings) -> DailyRetention | None:
    """With `retention_months` set: apply it now, then once a day in this (the parent) process."""
    if settings.retention_months is None:
        return None
    try:
        pruned = prune(settings.database_url, settings.retention_months)
        print(
            f"readiness: retention of {settings.retention_months} month(s): {describe(pruned)}",
            file=sys.stderr,
        )
    except (StorageError, SQLAlchemyError) as error:  # serve anyway: the daily run tries again
        print(f"readiness: retention could not be applied: {error}", file=sys.stderr)
    retention = DailyRetention(settings.database_url, settings.retention_months)
    retention.start()
    return retention


class Server(uvicorn.Server):
    """uvicorn's server, except that a stop signal ends it with its shutdown, not by the signal.

    uvicorn raises a SIGTERM or SIGINT again once it has shut down, so that the process dies by
    it (-15); here the signal was the request to stop, the stop went well, and `serve` returns 0
    as the multi-worker supervisor does. In-flight requests are answered first either way.
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield  # signals can only be handled in the main thread
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in HANDLED_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
