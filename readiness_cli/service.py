"""`readiness serve` and `readiness db upgrade`: the commands that need the web service."""

from __future__ import annotations

import argparse
from typing import Any

from api.server import serve
from api.settings import load_settings
from api.storage.migrate import upgrade


def add_commands(commands: Any) -> None:
    """Add `serve` and `db upgrade` to the command's subparsers."""
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


def _serve(args: argparse.Namespace) -> int:
    settings = load_settings(
        rules_dir=args.rules,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_format=args.log_format,
    )
    return serve(settings)


def _db_upgrade(args: argparse.Namespace) -> int:
    print(upgrade(args.url or args.settings.database_url))
    return 0
