"""The commands that need only the library: assess, questionnaire, rules, rules check, schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from api.settings import coverage_path
from readiness import usecases
from readiness.check import check_policy, render_report
from readiness.models import Assessment, TeamProfile
from readiness.policy import Policy, load_policy
from readiness.questionnaire import Questionnaire, load_questionnaire, questionnaire
from readiness.report import render_text
from readiness.rules_listing import read_coverage, render_rules
from readiness.service import parse_profile_json
from readiness.tabular import write_template
from readiness_cli.exits import EXIT_DATA, EXIT_PROBLEMS, EXIT_USAGE

SCHEMAS: dict[str, type[BaseModel]] = {
    "profile": TeamProfile,
    "assessment": Assessment,
    "questionnaire": Questionnaire,
}
LANGS = ("sv", "en")


def add_commands(commands: Any) -> None:
    """Add the library's commands to the command's subparsers."""
    command = commands.add_parser(
        "assess", help="assess a team profile (JSON file, or - for stdin)"
    )
    command.add_argument("file", metavar="FILE|-")
    command.add_argument("--lang", choices=LANGS, default="sv")
    command.add_argument("--format", choices=("json", "text"), default="json")
    command.set_defaults(run=_assess)

    command = commands.add_parser(
        "questionnaire", help="print the questionnaire or an answer template"
    )
    command.add_argument("--lang", choices=LANGS, default="sv")
    command.add_argument(
        "--template",
        nargs="?",
        const="json",
        choices=("json", "csv", "xlsx"),
        help="a profile to fill in (json), or a spreadsheet with one row per team (csv, xlsx)",
    )
    command.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    command.add_argument("--format", choices=("json", "text"), default="json")
    command.set_defaults(run=_questionnaire)

    command = commands.add_parser(
        "rules", help="list the rules; `rules check` validates the policy"
    )
    command.add_argument("--lang", choices=LANGS, default="sv")
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


def _policy(args: argparse.Namespace) -> Policy:
    return load_policy(args.settings.rules_dir)


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
    assessment = usecases.evaluate(parse_profile_json(text), args.lang, policy)
    if args.format == "text":
        sys.stdout.write(render_text(assessment, policy))
    else:
        _print_json(assessment.model_dump(mode="json"))
    return 0


def _questionnaire(args: argparse.Namespace) -> int:
    if args.template in ("csv", "xlsx"):
        return _spreadsheet_template(args)
    if args.template:
        source = load_questionnaire()
        defaults = {f.id: f.default for f in source.context_fields}
        _print_json(
            {
                "team_id": None,
                "answers": {
                    item.id: None for d in source.dimensions for item in d.items_of("manager")
                },
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
            f"  - {item.text}  [{item.id}{'' if item.answered_by == 'team' else ', ' + item.answered_by}]"
            for item in view.items
            if item.dimension == dimension.id
        ]
        lines.append("")
    sys.stdout.write("\n".join(lines))
    return 0


def _spreadsheet_template(args: argparse.Namespace) -> int:
    if args.output:
        with Path(args.output).open("wb") as target:
            write_template(target, args.template, args.lang)
        return 0
    if args.template == "xlsx" and sys.stdout.isatty():
        print("readiness: an XLSX file is not for the terminal; use --output FILE", file=sys.stderr)
        return EXIT_USAGE
    write_template(sys.stdout.buffer, args.template, args.lang)
    sys.stdout.buffer.flush()
    return 0


def _rules(args: argparse.Namespace) -> int:
    policy = _policy(args)
    coverage = read_coverage(coverage_path(args.settings))
    if args.format == "json":
        _print_json(usecases.policy_listing(policy, args.lang, coverage).model_dump(mode="json"))
    else:
        sys.stdout.write(render_rules(policy, args.lang, coverage))
    return 0


def _rules_check(args: argparse.Namespace) -> int:
    policy = _policy(args)
    report = check_policy(policy)
    sys.stdout.write(render_report(report, policy))
    return 0 if report.clean else EXIT_PROBLEMS


def _schema(args: argparse.Namespace) -> int:
    _print_json(SCHEMAS[args.model].model_json_schema())
    return 0


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
