"""A region's teams from a CSV file to stored assessments on SQLite, through `readiness batch`.

The real command in a process of its own, on a new database: wall time, teams and rows per
second, the CPU time of the command and every process it starts (which, unlike the wall time,
other work on a shared machine hardly moves), and their peak resident memory, sampled every
50 ms. Then what an HR partner reads of those teams, in this process on the same database: a
page of the team list (by name and by date), the whole list (as an export reads it) and the
portfolio (every team listed, and lists of 50 as its page shows them), each the fastest of a
few runs.
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import table, tree_rss_mib
from benchmarks.profiles import write_team_file
from tests.support.live_server import readiness_command


@dataclass(frozen=True)
class BatchFigures:
    teams: int
    rows: int
    megabytes: float
    workers: str
    seconds: float
    cpu_seconds: float  # user + system, of the command and the processes it started
    peak_mib: float
    exit_code: int
    summary: str  # the command's last line
    reads: tuple[tuple[str, float], ...] = ()  # what is read of the stored teams, seconds each

    @property
    def teams_per_second(self) -> float:
        return self.teams / self.seconds


def run(teams: int, seed: int, workers: int | None = None) -> BatchFigures:
    with tempfile.TemporaryDirectory(prefix="readiness-bench-") as folder:
        csv_file, database = Path(folder) / "teams.csv", Path(folder) / "readiness.db"
        rows = write_team_file(csv_file, teams, seed)
        command = [*readiness_command(), "batch", str(csv_file)]
        if workers:
            command += ["--workers", str(workers)]
        environment = {**os.environ, "READINESS_DATABASE_URL": f"sqlite:///{database}"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        peak = [0.0]
        sampler = threading.Thread(target=_sample, args=(process, peak), daemon=True)
        sampler.start()
        _, errors = process.communicate()
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        sampler.join()
        reads = _reads(f"sqlite:///{database}") if process.returncode in (0, 65) else ()
        return BatchFigures(
            teams=teams,
            rows=rows,
            megabytes=csv_file.stat().st_size / 1e6,
            workers=str(workers or "auto"),
            seconds=seconds,
            cpu_seconds=(after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
            peak_mib=peak[0],
            exit_code=process.returncode,
            summary=(errors.strip().splitlines() or ["(no output)"])[-1],
            reads=reads,
        )


def _reads(url: str) -> tuple[tuple[str, float], ...]:
    """How long the lists an HR partner opens take on the stored teams (an admin's view)."""
    from api.storage import Database
    from readiness.usecases import portfolio

    database = Database(url)
    try:
        uow = database.unit_of_work()
        calls: list[tuple[str, Callable[[], object], int]] = [
            ("a page of the team list, by name", lambda: portfolio.team_page(uow, offset=0, limit=100), 3),
            ("a page of the team list, by date", lambda: portfolio.team_page(uow, offset=0, limit=100, sort="date"), 3),
            ("the whole team list (as an export reads it)", lambda: sum(1 for _ in portfolio.team_list(uow)), 2),
            ("the portfolio, every team listed (the API without limit)", lambda: portfolio.portfolio(uow), 2),
            ("the portfolio, lists of 50 (its page; the API with limit=50)", lambda: portfolio.portfolio(uow, limit=50), 3),
        ]  # fmt: skip
        return tuple((name, _fastest(call, runs)) for name, call, runs in calls)
    finally:
        database.dispose()


def _fastest(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def _sample(process: subprocess.Popen[str], peak: list[float]) -> None:
    while process.poll() is None:
        peak[0] = max(peak[0], tree_rss_mib(process.pid))
        time.sleep(0.05)


def report(figures: list[BatchFigures]) -> str:
    rows = [
        (
            f"{f.teams:,} teams ({f.rows:,} rows, {f.megabytes:.0f} MB), --workers {f.workers}",
            f.seconds,
            f.teams_per_second,
            f.rows / f.seconds,
            f.cpu_seconds,
            f.cpu_seconds / f.teams * 1e6,
            f.peak_mib,
            f.exit_code,
        )
        for f in figures
    ]
    stored = table(
        "Batch: CSV to stored assessments on SQLite (`readiness batch`)",
        [
            "what",
            "wall s",
            "teams/s",
            "rows/s",
            "CPU s (all processes)",
            "CPU µs/team",
            "peak RSS MiB (all processes)",
            "exit",
        ],
        rows,
    )
    reads = [
        (f"{f.teams:,} teams: {name}", seconds * 1000) for f in figures for name, seconds in f.reads
    ]
    if not reads:
        return stored
    title = "What an HR partner reads of the stored teams (in-process, SQLite, fastest run)"
    return f"{stored}\n{table(title, ['what', 'ms'], reads)}"
