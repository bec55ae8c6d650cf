"""`readiness serve`, `readiness db upgrade` and `db prune`: the commands of the web service.

The web service (FastAPI, uvicorn, the pages) is imported when a command here runs, not when
the `readiness` command starts: every other command, and each process `readiness batch` starts,
would otherwise spend half a second importing a server it never runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from api.settings import load_settings
from readiness_cli import users
from readiness_cli.exits import EXIT_PROBLEMS, EXIT_USAGE


def add_commands(commands: Any) -> None:
    """Add `serve`, `db upgrade` and `db prune` to the command's subparsers."""
    command = commands.add_parser("serve", help="run the web service")
    command.add_argument("--host", help="where to listen (default: READINESS_HOST or 127.0.0.1)")
    command.add_argument("--port", type=int, help="default: READINESS_PORT or 8000")
    command.add_argument("--workers", type=int, help="worker processes (default: 1)")
    command.add_argument(
        "--log-format", choices=("text", "json"), help="default: READINESS_LOG_FORMAT or text"
    )
    command.set_defaults(run=_serve)

    command = commands.add_parser("db", help="database maintenance")
    actions = command.add_subparsers(required=True, metavar="ACTION")
    upgrade = actions.add_parser("upgrade", help="apply schema migrations")
    upgrade.add_argument("--url", help="database URL (default: READINESS_DATABASE_URL or SQLite)")
    upgrade.set_defaults(run=_db_upgrade)
    prune = actions.add_parser(
        "prune", help="delete what is older than the retention setting, and say how much"
    )
    prune.add_argument("--url", help="database URL (default: READINESS_DATABASE_URL or SQLite)")
    prune.add_argument(
        "--months", type=int, help="instead of READINESS_RETENTION_MONTHS (at least 1)"
    )
    prune.set_defaults(run=_db_prune)


def _serve(args: argparse.Namespace) -> int:
    from api.server import serve

    settings = load_settings(
        rules_dir=args.rules,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_format=args.log_format,
    )
    users.welcome_first_admin(settings)
    return serve(settings)


def _db_upgrade(args: argparse.Namespace) -> int:
    from api.storage.migrate import upgrade

    print(upgrade(args.url or args.settings.database_url))
    return 0


def _db_prune(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from api.retention import describe, prune
    from api.storage.database import safe_url

    months = args.months if args.months is not None else args.settings.retention_months
    if months is None or months < 1:
        print(
            "readiness: db prune needs a retention of at least 1 month: set "
            "READINESS_RETENTION_MONTHS or give --months",
            file=sys.stderr,
        )
        return EXIT_USAGE
    url = args.url or args.settings.database_url
    try:
        pruned = prune(url, months)
    except SQLAlchemyError as error:  # e.g. a database never migrated: no tables to prune
        print(
            f"readiness: cannot prune {safe_url(url)} ({type(error).__name__}); "
            "is it migrated (`readiness db upgrade`)?",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(describe(pruned))
    return 0
