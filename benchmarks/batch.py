"""A region's teams from a CSV file to stored assessments on SQLite, through `readiness batch`.

The real command in a process of its own, on a new database: wall time, teams and rows per
second, the CPU time of the command and every process it starts (which, unlike the wall time,
other work on a shared machine hardly moves), and their peak resident memory, sampled every
50 ms.
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import threading
import time
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
        )


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
    return table(
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
