"""`readiness serve`: uvicorn with api.main:create_app as the factory, one app per worker."""

from __future__ import annotations

import sys

import uvicorn

from api.settings import get_settings
from api.storage.database import StorageError, safe_url
from api.storage.migrate import upgrade
from readiness import PolicyError, load_policy

EXIT_CONFIG = 78


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> int:
    """Check the policy, migrate the database once, then serve until stopped; the exit code."""
    settings = get_settings()
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
        f"readiness: serving on http://{host}:{port} "
        f"({workers} worker(s), database {safe_url(settings.database_url)})",
        file=sys.stderr,
    )
    uvicorn.run("api.main:create_app", factory=True, host=host, port=port, workers=workers)
    return 0
