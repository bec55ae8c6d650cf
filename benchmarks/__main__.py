"""The benchmark suite: tables of where the time goes, beside the targets of issue 12.

`python -m benchmarks` asserts nothing and fails on nothing.

    .venv/bin/python -m benchmarks                    # everything (about 9 minutes, quiet 2 cores)
    .venv/bin/python -m benchmarks --quick            # smaller and shorter (a few minutes)
    .venv/bin/python -m benchmarks --only library http

Sections: `library` (assess() warm and cold beside validation and scoring), `batch` (a CSV of
100,000 teams to SQLite through `readiness batch`), `http` (the service at 1, 8 and 32 clients
with 1 and 2 workers, beside a trivial route), `memory` (RSS after 10,000 and 100,000
assessments). The profiles are seeded (`--seed`): the same run, the same teams.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

from benchmarks import batch, library, memory, over_http

SECTIONS = ("library", "batch", "http", "memory")


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="smaller counts, shorter runs")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=SECTIONS, metavar="PART")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--profiles", type=int, help="library profiles (20,000; quick 5,000)")
    parser.add_argument("--teams", type=int, help="batch teams (100,000; quick 10,000)")
    parser.add_argument("--seconds", type=float, help="per HTTP measurement (6; quick 2)")
    args = parser.parse_args()
    quick = args.quick
    print(
        f"# readiness benchmarks: Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at the start{' (--quick)' if quick else ''}"
    )
    lines: list[str] = []
    started = time.perf_counter()
    if "library" in args.only:
        figures = library.run(args.profiles or (5_000 if quick else 20_000), 3, args.seed)
        _show(library.report(figures))
        lines += _library_targets(figures)
    if "batch" in args.only:
        teams = args.teams or (10_000 if quick else 100_000)
        result = batch.run(teams, args.seed)
        _show(batch.report([result]) + f"\n\nThe command said: {result.summary}")
        lines += _batch_targets(result)
    if "http" in args.only:
        seconds = args.seconds or (2.0 if quick else 6.0)
        found = over_http.run((1, 2), (1, 8, 32), seconds, args.seed)
        _show(over_http.report(found))
        lines += _http_targets(found)
    if "memory" in args.only:
        marks = (2_000, 20_000) if quick else (10_000, 100_000)
        held = memory.run(marks, args.seed)
        _show(memory.report(held))
        lines.append(
            f"| memory flat ±10 % from {marks[0]:,} to {marks[1]:,} evaluations | "
            f"{100 * held.growth():+.1f} % | {_met(abs(held.growth()) <= 0.10)} |"
        )
    _show(
        "\n### Targets (issue 12)\n\n| target | measured | met |\n|---|---|---|\n"
        + "\n".join(lines)
    )
    print(
        f"\n({time.perf_counter() - started:,.0f} s; load average {os.getloadavg()[0]:.1f} "
        "at the end: other work on the machine slows every figure)"
    )
    return 0


def _show(text: str) -> None:
    print(text, flush=True)


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _library_targets(figures: library.LibraryFigures) -> list[str]:
    warm, cold = figures.ratio(figures.warm), figures.ratio(figures.cold)
    return [
        f"| assess() warm ≤ 1.5 × validation | {warm:.2f} × | {_met(warm <= 1.5)} |",
        f"| assess() cold ≤ 4 × validation | {cold:.2f} × | {_met(cold <= 4)} |",
    ]


def _batch_targets(result: batch.BatchFigures) -> list[str]:
    return [
        f"| {result.teams:,} teams CSV → SQLite ≤ 30 s | {result.seconds:,.1f} s "
        f"({result.teams_per_second:,.0f} teams/s) | {_met(result.seconds <= 30)} |",
        f"| peak memory ≤ 300 MB | {result.peak_mib:,.0f} MiB | {_met(result.peak_mib <= 286)} |",
    ]


def _http_targets(found: over_http.HttpFigures) -> list[str]:
    lines = []
    trivial, evaluate = "trivial route (framework floor)", "POST /api/v1/evaluate"
    for workers in (1, 2):
        floor, cell = found.cell(workers, trivial, 1), found.cell(workers, evaluate, 1)
        if floor and cell:
            ratio = cell.p50_ms / floor.p50_ms
            lines.append(
                f"| evaluate ≤ 2 × trivial latency, 1 client, {workers} worker(s) | "
                f"p50 {cell.p50_ms:.2f} ms vs {floor.p50_ms:.2f} ms = {ratio:.1f} × | "
                f"{_met(ratio <= 2)} |"
            )
    floor, cell = found.cell(2, trivial, 32), found.cell(2, evaluate, 32)
    if floor and cell:
        share = cell.per_second / floor.per_second
        lines += [
            f"| 2 workers, 32 clients: evaluate ≥ 60 % of trivial throughput | "
            f"{cell.per_second:,.0f}/s vs {floor.per_second:,.0f}/s = {100 * share:.0f} % | "
            f"{_met(share >= 0.6)} |",
            f"| 2 workers, 32 clients: evaluate p99 ≤ 50 ms | {cell.p99_ms:.1f} ms | "
            f"{_met(cell.p99_ms <= 50)} |",
            f"| 2 workers, 32 clients: 0 errors | {cell.errors} | {_met(cell.errors == 0)} |",
        ]
    return lines


if __name__ == "__main__":
    sys.exit(main())
