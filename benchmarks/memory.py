"""Resident memory of a process that has made 10,000 and then 100,000 assessments.

Run in a process of its own, so that nothing else the suite holds is counted. The profiles are
made one at a time and dropped: what stays is what the library keeps (its caches are bounded).
"""

from __future__ import annotations

import gc
import json
import random
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.measure import rss_mib, table
from benchmarks.profiles import profile
from readiness import assess
from readiness.vocabulary import LANGS


@dataclass(frozen=True)
class MemoryFigures:
    points: list[tuple[int, float]]  # (evaluations, RSS MiB), the first after a short warm-up

    def growth(self) -> float:
        """From the first checkpoint after the warm-up to the last, as a fraction."""
        (_, first), (_, last) = self.points[1], self.points[-1]
        return last / first - 1


def probe(checkpoints: Sequence[int], seed: int) -> None:
    """Assess profiles one by one; print the RSS (JSON) at each checkpoint."""
    rng = random.Random(seed)
    done = 0
    for mark in [100, *checkpoints]:
        while done < mark:
            assess(profile(rng, done), LANGS[done % 2])
            done += 1
        gc.collect()
        print(json.dumps([done, rss_mib()]), flush=True)


def run(checkpoints: Sequence[int], seed: int) -> MemoryFigures:
    code = f"from benchmarks.memory import probe; probe({list(checkpoints)!r}, {seed})"
    answer = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    points = [tuple(json.loads(line)) for line in answer.stdout.splitlines()]
    return MemoryFigures([(int(n), float(rss)) for n, rss in points])


def report(figures: MemoryFigures) -> str:
    first = figures.points[1][1]
    rows = [(f"after {n:,} evaluations", rss, rss / first - 1) for n, rss in figures.points]
    rows[0] = (f"after a warm-up of {figures.points[0][0]} evaluations", figures.points[0][1], 0.0)
    return table(
        "Resident memory of one process assessing new profiles (sv and en in turn)",
        ["when", "RSS MiB", "growth since the first checkpoint"],
        rows,
    )
