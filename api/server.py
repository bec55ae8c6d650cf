"""`readiness serve`: uvicorn serving `create_app(settings)`, in one or several worker processes.

The settings travel to each worker with the app factory itself, so nothing is passed through
environment variables written on the way.
"""

from __future__ import annotations

import functools
import sys

import uvicorn
from uvicorn.supervisors import Multiprocess

from api.logs import uvicorn_log_config
from api.main import create_app
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
    server = uvicorn.Server(config)
    if settings.workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        server.run()
    return 0 if settings.workers > 1 or server.started else EXIT_CONFIG
