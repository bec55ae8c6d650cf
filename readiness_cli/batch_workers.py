"""`readiness batch` over several processes: each reads the file and takes its share of the teams
(the first share is the reading process's own, in a thread; the others forked where that is
safe, see `start_method`).

A team's share is a hash of its id (as profiles_from_rows groups rows: trimmed, NFC, any case), so
every row of a team, even rows split across the file, reaches the same process and the checks
that span a team's rows still hold. A process skips the other shares' rows by their team_id
cell, before it reads their other cells (`Share`, `read_table(keep=)`). Each process reads,
validates, decides and stores its teams with its own connection, and sends their outcomes back
in small lots through a bounded queue: memory stays flat however long the file, and a slow
reader slows the workers, not the opposite.
Rows that belong to no team (an unreadable line, an empty team_id) are the first process's.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import queue
import threading
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from api.settings import Settings
from readiness.engine import engine_for
from readiness.policy import Policy, load_policy
from readiness.tabular import Cell, Row, RowError, profiles_from_rows, read_table
from readiness.tabular.base import as_text
from readiness.tabular.reading import Format
from readiness.usecases.batch import BatchOutcome, assess_batch
from readiness.vocabulary import Lang
from readiness.wording import wording_for
from readiness_cli.store import unit_of_work

StartMethod = Literal["fork", "spawn"]
LOT = 64  # outcomes per message: fewer, larger messages through the queue
LOTS_QUEUED = 64  # per worker, then it waits for the reader
# The cyclic garbage collector runs after this many new container objects (Python's default is
# 700). A team makes a few hundred, nearly all freed by reference counting, and each collection
# walks the young objects again: in a batch process that was a tenth of the CPU (`collect_less`).
YOUNG_COLLECTED_EVERY = 10_000
# A batch's process keeps more decisions, and the words of more outcomes, than the library's
# defaults, which hold a server's memory flat however long it runs (`remember_more`).
DECISIONS_KEPT = 32_768
OUTCOMES_KEPT = 16_384


@dataclass(frozen=True)
class Job:
    """What every worker is given: the file, where to store, in which language and organisation."""

    path: Path
    format: Format
    settings: Settings
    lang: Lang
    org: str


@dataclass(frozen=True)
class Lot:
    worker: int
    outcomes: tuple[BatchOutcome, ...]
    read: int  # how far this worker has read the file, in bytes


@dataclass(frozen=True)
class Done:
    worker: int


@dataclass(frozen=True)
class Failed:
    worker: int
    error: BaseException | str


class WorkerFailed(RuntimeError):
    """A worker stopped on an error; its message says which."""


def collect_less() -> None:
    """Run the cyclic garbage collector less often in a process that does a batch and nothing else.

    Measured on 20,000 teams in one process: 1,917 collections taking 1.5 s of CPU became 410
    taking 0.5 s (of about 11 s in all); peak memory 124 → 126 MB. Garbage is still collected,
    only in larger rounds; the older generations keep their thresholds."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTED_EVERY, older, oldest)


def remember_more(policy: Policy, lang: Lang) -> None:
    """Keep up to DECISIONS_KEPT decisions and the words of OUTCOMES_KEPT outcomes in a process
    that does a batch and nothing else.

    A batch meets more distinct decisions than the defaults keep: 50,000 teams (a share of
    100,000 on two cores) hold 14,512, and with 8,192 kept the engine ran 17,241 times instead
    of 14,512. On those 50,000 (validated already, in one process) assess() took 123 µs a team
    with the defaults and 112 with these, for 3.4 MB more peak memory. Both stay bounded."""
    engine = engine_for(policy)
    engine.cache_size = max(engine.cache_size, DECISIONS_KEPT)
    wording = wording_for(policy, lang)
    wording.outcomes_kept = max(wording.outcomes_kept, OUTCOMES_KEPT)


def shard_of(row: Row | RowError, shards: int) -> int:
    """The worker a row goes to: by its team id, or the first when it names no team."""
    if isinstance(row, RowError):
        return 0
    return shard_of_team(row.cells.get("team_id"), shards)


class Share:
    """Whether a row's team_id cell is the `worker`th share's, as `shard_of` says; the rows of
    a team follow one another, so the last answer is kept for the next row."""

    def __init__(self, worker: int, workers: int) -> None:
        self.worker = worker
        self.workers = workers
        self._last: str | None = None
        self._mine = False

    def __call__(self, team_id: Cell) -> bool:
        if type(team_id) is not str:
            return shard_of_team(team_id, self.workers) == self.worker
        if team_id != self._last:
            self._last = team_id
            self._mine = shard_of_team(team_id, self.workers) == self.worker
        return self._mine


def shard_of_team(team_id: Cell, shards: int) -> int:
    """The worker a row with this team_id cell (None when empty) goes to."""
    written = as_text(team_id)
    if written is None:
        return 0
    key = unicodedata.normalize("NFC", written.strip()).casefold()
    return zlib.crc32(key.encode()) % shards


def start_method() -> StartMethod:
    """How the worker processes start: by fork where the system has it and this process runs no
    other thread, else by spawn.

    A forked worker starts with every module imported and the policy read, at once; a spawned
    one starts a new interpreter and imports them again, about 0.6 s of CPU before its first
    team, while the reader's own share is at work. On 100,000 teams with two processes, seven
    runs each in turns: peak memory 230 MiB instead of 250, wall time 27.1 s against 27.4 on
    average (within the machine's spread). Fork copies only the thread that calls it: a lock
    another thread held would stay held in the child, so with any other thread running the
    workers are spawned."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def outcomes(
    job: Job, workers: int, policy: Policy | None = None, *, method: StartMethod | None = None
) -> Iterator[tuple[BatchOutcome, float]]:
    """Every team's outcome, as the workers send them, with how much of the file (0..1) is read.

    `policy`, when the caller has read it already, is the first share's (not read again), and a
    forked worker's. `method` starts the processes ("fork" or "spawn"; `start_method` chooses
    when None)."""
    method = method or start_method()
    context = (
        multiprocessing.get_context("fork")
        if method == "fork"
        else multiprocessing.get_context("spawn")
    )
    messages: multiprocessing.Queue[Lot | Done | Failed] = context.Queue(LOTS_QUEUED * workers)
    # The first share is this process's own, in a thread: the reader waits on the queue most of
    # the time, and a process of its own would hold another copy of every module in memory.
    stop = threading.Event()
    here = threading.Thread(
        target=_work,
        args=(job, 0, workers, messages, stop, policy),
        name="batch-share-0",
        daemon=True,
    )
    processes = [
        context.Process(
            target=_work,
            # A forked worker has the policy in memory already; a spawned one reads it again.
            args=(job, worker, workers, messages, None, policy if method == "fork" else None),
            daemon=True,
        )
        for worker in range(1, workers)
    ]
    for process in processes:
        process.start()
    here.start()
    size = max(job.path.stat().st_size, 1)
    read = [0] * workers
    running = set(range(workers))
    try:
        while running:
            try:
                message = messages.get(timeout=5)
            except queue.Empty:
                if any(not p.is_alive() and p.exitcode for p in processes):
                    raise WorkerFailed("a worker process ended unexpectedly") from None
                continue
            if isinstance(message, Done):
                running.discard(message.worker)
            elif isinstance(message, Failed):
                error = message.error
                raise error if isinstance(error, BaseException) else WorkerFailed(error)
            else:
                read[message.worker] = message.read  # each worker reads the whole file
                for outcome in message.outcomes:
                    yield outcome, min(1.0, sum(read) / (size * workers))
    finally:
        stop.set()
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()


def _work(
    job: Job,
    worker: int,
    workers: int,
    messages: Any,
    stop: threading.Event | None = None,
    policy: Policy | None = None,
) -> None:
    """Assess and store the `worker`th share of the teams, sending outcomes to `messages`;
    in a thread of the reader's process, stop when `stop` is set (a process is terminated)."""
    try:
        policy = policy or load_policy(job.settings.rules_dir)
        if stop is None:  # a process of its own
            collect_less()
            remember_more(policy, job.lang)
        with job.path.open("rb") as raw, unit_of_work(job.settings) as uow:
            # The other shares' rows are skipped by their team_id cell before their other cells
            # are read; what is left is this share's, and the rows that could not be read (the
            # first share's: shard_of).
            rows = read_table(raw, job.format, name=str(job.path), keep=Share(worker, workers))
            mine = (row for row in rows if worker == 0 or not isinstance(row, RowError))
            lot: list[BatchOutcome] = []
            for outcome in assess_batch(
                uow, profiles_from_rows(mine), job.lang, policy, org_id=job.org
            ):
                if stop is not None and stop.is_set():
                    return
                lot.append(outcome)
                if len(lot) >= LOT:
                    messages.put(Lot(worker, tuple(lot), raw.tell()))
                    lot = []
            messages.put(Lot(worker, tuple(lot), raw.tell()))
        messages.put(Done(worker))
    except Exception as error:  # sent to the reader, who raises it
        messages.put(Failed(worker, _sendable(error)))


def _sendable(error: BaseException) -> BaseException | str:
    """The error itself when it survives the trip between processes, else its message."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return f"{type(error).__name__}: {error}"
    return error
