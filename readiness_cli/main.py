"""Is this team ready for trust-based co-leadership now, and what comes first?

The `readiness` command assesses a profile, prints the questionnaire, lists and checks the
rules, serves the web service and migrates its database.

Exit codes: 0 success; 1 `rules check` found problems or the engine or database failed; 2 wrong
usage; 65 the profile was rejected; 78 the policy, the settings or the database URL cannot be
used. Errors go to stderr, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from api.settings import SettingsError, load_settings
from readiness.errors import (
    ConflictError,
    InputError,
    PolicyError,
    ProfileError,
    ReadinessError,
)
from readiness.tabular import TableError
from readiness_cli import batch, library, organisation, service, users
from readiness_cli.exits import EXIT_CONFIG, EXIT_DATA, EXIT_PROBLEMS


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `readiness` console script."""
    args = _parser().parse_args(argv)
    try:
        args.settings = load_settings(rules_dir=args.rules)
        return int(args.run(args))
    except SettingsError as error:
        print(f"readiness: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except (ProfileError, InputError, TableError) as error:
        print(f"readiness: {error}", file=sys.stderr)
        return EXIT_DATA
    except ConflictError as error:
        print(f"readiness: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except PolicyError as error:
        print(f"readiness: the policy cannot be used: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except ReadinessError as error:
        print(f"readiness: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # `readiness ... | head`
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readiness", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument(
        "--rules",
        type=Path,
        metavar="DIR",
        help="policy directory (default: READINESS_RULES_DIR, else the bundled rules/)",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    library.add_commands(commands)
    batch.add_commands(commands)
    organisation.add_commands(commands)
    users.add_commands(commands)
    service.add_commands(commands)
    return parser
