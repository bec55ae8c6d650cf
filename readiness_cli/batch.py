"""`readiness batch FILE`: assess and store every team of a spreadsheet or a JSON Lines file.

Rejected teams are listed on stdout by row, column, value and why; `--report FILE` writes every
team's outcome as JSON Lines. The exit code is 65 when any team was rejected, so a script
notices; the good teams are stored all the same. A progress bar on the terminal (stderr) shows
teams per second and the time left, from how much of the file has been read. A large file is
shared among processes, one per core (readiness_cli.batch_workers; `--workers N` chooses);
outcomes then come in the order the processes finish them, not the file's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from tqdm import tqdm

from readiness.policy import Policy, load_policy
from readiness.tabular import profiles_from_rows, read_table
from readiness.usecases.batch import BatchOutcome, assess_batch
from readiness_cli import batch_workers
from readiness_cli.exits import EXIT_DATA, EXIT_USAGE
from readiness_cli.store import unit_of_work

# Below this size one process does it all: starting more would take longer than the file.
SHARED_FROM_BYTES = 1 << 20


def add_commands(commands: Any) -> None:
    """Add `batch FILE`."""
    command = commands.add_parser(
        "batch", help="assess and store every team in a CSV, XLSX or JSON Lines file"
    )
    command.add_argument("file", metavar="FILE", help="the file (see questionnaire --template)")
    command.add_argument("--org", default="default", help="the organisation (default: default)")
    command.add_argument("--lang", choices=("sv", "en"), default="sv")
    command.add_argument("--format", choices=("auto", "csv", "xlsx", "jsonl"), default="auto")
    command.add_argument("--report", metavar="FILE", help="every team's outcome as JSON Lines")
    command.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="processes to share the teams among (default: one per core for a file over 1 MB)",
    )
    command.set_defaults(run=_batch)


def _batch(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"readiness: cannot read {args.file}: no such file", file=sys.stderr)
        return EXIT_USAGE
    if args.workers < 0:
        print("readiness: --workers takes a number of processes, 1 or more", file=sys.stderr)
        return EXIT_USAGE
    policy = load_policy(args.settings.rules_dir)
    batch_workers.collect_less()  # this process does the batch and nothing else
    batch_workers.remember_more(policy, args.lang)
    counts: Counter[str] = Counter()
    size = path.stat().st_size
    workers = args.workers or _workers_for(size, args.settings.database_url)
    report = Path(args.report).open("w", encoding="utf-8") if args.report else None  # noqa: SIM115
    started = time.perf_counter()
    progress = _Progress(
        total=size,
        unit="B",
        unit_scale=True,
        file=sys.stderr,
        disable=None,  # only on a terminal
        bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]",
    )
    try:
        for outcome, read in _outcomes(args, path, policy, workers):
            counts[outcome.status] += 1
            _tell(outcome, report)
            teams = sum(counts.values())
            if teams % 100 == 0:
                progress.update(max(0, int(read * size) - progress.n))
                rate = teams / max(time.perf_counter() - started, 1e-9)
                progress.set_postfix_str(f"{teams:,} teams, {rate:,.0f} teams/s", refresh=False)
    finally:
        progress.close()
        if report:
            report.close()
    seconds = time.perf_counter() - started
    total = sum(counts.values())
    print(
        f"readiness: {total:,} teams in {seconds:.1f} s: {counts['stored']:,} stored, "
        f"{counts['existing']:,} already stored, {counts['rejected']:,} rejected",
        file=sys.stderr,
    )
    return EXIT_DATA if counts["rejected"] else 0


class _Progress(tqdm):  # type: ignore[type-arg]
    """The progress bar, without tqdm's monitor thread: the bar is updated every 100 teams, and
    with no other thread running the worker processes can be forked (batch_workers.start_method)."""

    monitor_interval = 0


def _workers_for(size: int, database_url: str) -> int:
    """One process per core for a large file, on either database (not an in-memory one, which
    would be a database of its own in each process).

    On SQLite the processes take turns to write: each decides a transaction's worth of teams
    (COMMIT_EVERY) before its first write and then writes them in two statements, so a write
    holds the database for milliseconds, not for the time it takes to decide.
    """
    from api.storage.database import is_memory, parse_url

    if size < SHARED_FROM_BYTES or is_memory(parse_url(database_url)):
        return 1
    return os.cpu_count() or 1


def _outcomes(
    args: argparse.Namespace, path: Path, policy: Policy, workers: int
) -> Iterator[tuple[BatchOutcome, float]]:
    """Each team's outcome, with how much of the file (0..1) has been read."""
    if workers > 1:
        with unit_of_work(args.settings) as uow, uow:  # migrated, and the organisation known,
            uow.organisations.get(args.org)  # before any process starts
        with path.open("rb") as raw:
            next(read_table(raw, args.format, name=str(path)), None)  # a bad file, said now
        job = batch_workers.Job(path, args.format, args.settings, args.lang, args.org)
        yield from batch_workers.outcomes(job, workers, policy)
        return
    size = max(path.stat().st_size, 1)
    with path.open("rb") as raw, unit_of_work(args.settings) as uow:
        rows = read_table(raw, args.format, name=str(path))
        for outcome in assess_batch(
            uow, profiles_from_rows(rows), args.lang, policy, org_id=args.org
        ):
            yield outcome, raw.tell() / size


def _tell(outcome: BatchOutcome, report: IO[str] | None) -> None:
    if report is not None:
        report.write(json.dumps(asdict(outcome), ensure_ascii=False, default=str) + "\n")
    for problem in outcome.problems:
        value = "" if problem.value is None else f" {problem.value!r}"
        team = outcome.team_id or "?"
        sys.stdout.write(
            f"row {problem.row}, column {problem.column}{value} (team {team}): {problem.why}\n"
        )
