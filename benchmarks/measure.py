"""What every part of the suite measures with: per-call timings, resident memory, a table."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Timing:
    """Calls timed one by one: their count, the CPU time they took, and the median and 99th
    percentile of single calls' wall time.

    `seconds` is CPU time of the calling thread, which other processes on a busy machine do not
    inflate (wall time they do, by taking the core): the cost, from which rates and ratios are
    worked out. The percentiles are wall time, as a caller waits it.
    """

    calls: int
    seconds: float
    p50_us: float
    p99_us: float

    @property
    def per_second(self) -> float:
        return self.calls / self.seconds if self.seconds else 0.0

    @property
    def mean_us(self) -> float:
        return self.seconds / self.calls * 1e6 if self.calls else 0.0


def undisturbed(call: Callable[[Any], object], inputs: Sequence[Any], rounds: int) -> float:
    """CPU seconds for every input, each slice of 200 the fastest of `rounds` runs (a slice
    that another process's work disturbed through the caches is run again)."""
    clock = time.thread_time
    total = 0.0
    for start in range(0, len(inputs), 200):
        part = inputs[start : start + 200]
        fastest = float("inf")
        for _ in range(rounds):
            began = clock()
            for value in part:
                call(value)
            fastest = min(fastest, clock() - began)
        total += fastest
    return total


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of the (sorted) values lie, nearest rank."""
    if not values:
        return 0.0
    return values[min(len(values) - 1, max(0, round(fraction * len(values)) - 1))]


def timed(call: Callable[[Any], object], inputs: Iterable[Any]) -> Timing:
    """Call `call` on each input, timing each call."""
    each: list[float] = []
    clock = time.perf_counter_ns
    started = time.thread_time()
    for value in inputs:
        before = clock()
        call(value)
        each.append((clock() - before) / 1e3)
    seconds = time.thread_time() - started
    each.sort()
    return Timing(len(each), seconds, percentile(each, 0.5), percentile(each, 0.99))


def best(timings: Iterable[Timing]) -> Timing:
    """The least disturbed of several runs (the machine may be busy with other work)."""
    return min(timings, key=lambda t: t.p50_us)


def rss_mib(pid: int | None = None) -> float:
    """Resident memory of one process (this one by default), MiB; 0 once it has gone."""
    try:
        status = Path(f"/proc/{pid or os.getpid()}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def tree(pid: int) -> list[int]:
    """`pid` and every process descended from it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def tree_rss_mib(pid: int) -> float:
    """Resident memory of `pid` and all its descendants together, MiB."""
    return sum(rss_mib(p) for p in tree(pid))


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (it reads as well in a terminal), numbers right-aligned."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    numeric = [all(_is_number(r[i]) for r in rows) for i in range(len(header))]

    def line(values: Sequence[str]) -> str:
        padded = (
            v.rjust(w) if right else v.ljust(w)
            for v, w, right in zip(values, widths, numeric, strict=True)
        )
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if r else ("-" * (w + 2)) for w, r in zip(widths, numeric, strict=True)) + "|"  # fmt: skip
    return "\n".join([f"\n### {title}\n", line(header), rule, *(line(r) for r in cells)])


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
