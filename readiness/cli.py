"""The `readiness` command: assess a profile, print the questionnaire, list and check the rules.

Exit codes: 0 success; 1 `rules check` found problems or the engine failed; 2 wrong usage;
65 the profile was rejected; 78 the policy in `rules/` cannot be used. Errors go to stderr,
never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from readiness.check import check_policy, render_report
from readiness.errors import PolicyError, ProfileError, ReadinessError
from readiness.models import Assessment, TeamProfile
from readiness.policy import Policy, load_policy
from readiness.questionnaire import Questionnaire, load_questionnaire, questionnaire
from readiness.report import render_text
from readiness.rules_listing import render_rules, rules_as_data
from readiness.service import assess, parse_profile_json

EXIT_PROBLEMS, EXIT_USAGE, EXIT_DATA, EXIT_CONFIG = 1, 2, 65, 78
SCHEMAS: dict[str, type[BaseModel]] = {
    "profile": TeamProfile,
    "assessment": Assessment,
    "questionnaire": Questionnaire,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `readiness` console script."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ProfileError as error:
        print(f"readiness: {error}", file=sys.stderr)
        return EXIT_DATA
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
        "--rules", type=Path, metavar="DIR", help="policy directory (default: the bundled rules/)"
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    command = commands.add_parser(
        "assess", help="assess a team profile (JSON file, or - for stdin)"
    )
    command.add_argument("file", metavar="FILE|-")
    command.add_argument("--lang", choices=("sv", "en"), default="sv")
    command.add_argument("--format", choices=("json", "text"), default="json")
    command.set_defaults(run=_assess)

    command = commands.add_parser(
        "questionnaire", help="print the questionnaire or an answer template"
    )
    command.add_argument("--lang", choices=("sv", "en"), default="sv")
    command.add_argument(
        "--template", action="store_true", help="print a profile to fill in instead"
    )
    command.add_argument("--format", choices=("json", "text"), default="json")
    command.set_defaults(run=_questionnaire)

    command = commands.add_parser(
        "rules", help="list the rules; `rules check` validates the policy"
    )
    command.add_argument("--lang", choices=("sv", "en"), default="sv")
    command.add_argument("--format", choices=("json", "text"), default="text")
    command.set_defaults(run=_rules)
    actions = command.add_subparsers(metavar="ACTION")
    check = actions.add_parser("check", help="evaluate every combination the rules distinguish")
    check.set_defaults(run=_rules_check)

    command = commands.add_parser(
        "schema", help="print the JSON Schema of a profile, assessment or questionnaire"
    )
    command.add_argument("model", choices=sorted(SCHEMAS))
    command.set_defaults(run=_schema)

    command = commands.add_parser("serve", help="run the web service")
    command.add_argument("--host", default=os.environ.get("READINESS_HOST", "127.0.0.1"))
    command.add_argument("--port", type=int, default=int(os.environ.get("READINESS_PORT", "8000")))
    command.add_argument("--workers", type=int, default=1)
    command.set_defaults(run=_serve)

    command = commands.add_parser("db", help="database maintenance")
    db_actions = command.add_subparsers(required=True, metavar="ACTION")
    upgrade = db_actions.add_parser("upgrade", help="apply schema migrations")
    upgrade.add_argument("--url", help="database URL (default: READINESS_DATABASE_URL or SQLite)")
    upgrade.set_defaults(run=_db_upgrade)
    return parser


def _policy(args: argparse.Namespace) -> Policy:
    return load_policy(args.rules)


def _assess(args: argparse.Namespace) -> int:
    policy = _policy(args)
    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except OSError as error:
            print(f"readiness: cannot read {args.file}: {error.strerror}", file=sys.stderr)
            return EXIT_USAGE
        except UnicodeDecodeError:
            print(f"readiness: {args.file} is not UTF-8 text", file=sys.stderr)
            return EXIT_DATA
    assessment = assess(parse_profile_json(text), args.lang, policy=policy)
    if args.format == "text":
        sys.stdout.write(render_text(assessment, policy))
    else:
        _print_json(assessment.model_dump(mode="json"))
    return 0


def _questionnaire(args: argparse.Namespace) -> int:
    if args.template:
        source = load_questionnaire()
        defaults = {f.id: f.default for f in source.context_fields}
        _print_json(
            {
                "team_id": None,
                "answers": dict.fromkeys(source.items),
                "context": defaults,
                "member_answers": [],
            }
        )
        return 0
    view = questionnaire(args.lang)
    if args.format == "json":
        _print_json(view.model_dump(mode="json"))
        return 0
    scale = ", ".join(f"{k} = {v}" for k, v in view.scale.labels.items())
    lines = [f"({scale})", ""]
    for dimension in view.dimensions:
        lines += [f"{dimension.title} [{dimension.id}]", f"  {dimension.description}"]
        lines += [
            f"  - {item.text}  [{item.id}]" for item in view.items if item.dimension == dimension.id
        ]
        lines.append("")
    sys.stdout.write("\n".join(lines))
    return 0


def _rules(args: argparse.Namespace) -> int:
    policy = _policy(args)
    if args.format == "json":
        _print_json(rules_as_data(policy, args.lang))
    else:
        sys.stdout.write(render_rules(policy, args.lang))
    return 0


def _rules_check(args: argparse.Namespace) -> int:
    policy = _policy(args)
    report = check_policy(policy)
    sys.stdout.write(render_report(report, policy))
    return 0 if report.clean else EXIT_PROBLEMS


def _schema(args: argparse.Namespace) -> int:
    _print_json(SCHEMAS[args.model].model_json_schema())
    return 0


def _serve(args: argparse.Namespace) -> int:
    if args.rules:
        os.environ["READINESS_RULES_DIR"] = str(args.rules)
    try:
        from api.server import serve
    except ImportError as error:
        print(f"readiness: the web service is not installed ({error})", file=sys.stderr)
        return EXIT_USAGE
    return int(serve(host=args.host, port=args.port, workers=args.workers))


def _db_upgrade(args: argparse.Namespace) -> int:
    try:
        from api.storage.migrate import upgrade
    except ImportError as error:
        print(f"readiness: the storage layer is not installed ({error})", file=sys.stderr)
        return EXIT_USAGE
    print(upgrade(args.url))
    return 0


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
