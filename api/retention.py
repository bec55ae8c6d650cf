"""The retention setting in the service: `readiness db prune`, and `readiness serve` once a day.

The daily run is a thread of the process that `readiness serve` starts, which with several
workers is their supervisor: one run per server however many workers it has, kept across worker
restarts, and no cron line to install. Two servers on one database may both run it; deleting is
idempotent, so the second finds nothing left.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

from api.storage.database import Database
from readiness.usecases.retention import Pruned, apply_retention

DAY_SECONDS = 24 * 60 * 60

logger = logging.getLogger("readiness.retention")


def prune(database_url: str, months: int, now: datetime | None = None) -> Pruned:
    """Apply the retention of `months` months to the database at `database_url` now."""
    database = Database(database_url)
    try:
        return apply_retention(database.unit_of_work(), months, now or datetime.now(UTC))
    finally:
        database.dispose()


def describe(pruned: Pruned) -> str:
    """One line saying what was deleted, for the command's output and the log."""
    return (
        f"deleted {pruned.assessments} assessment(s) made and {pruned.rounds} survey round(s) "
        f"closed before {pruned.cutoff:%Y-%m-%d %H:%M} UTC"
    )


class DailyRetention:
    """Applies the retention setting every `interval` seconds in a thread, until `stop()`.

    A run that fails (the database is away) is logged and tried again at the next interval.
    """

    def __init__(self, database_url: str, months: int, interval: float = DAY_SECONDS) -> None:
        self._url, self._months, self._interval = database_url, months, interval
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="readiness-retention", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stopping.wait(self._interval):
            try:
                logger.info("retention: %s", describe(prune(self._url, self._months)))
            except Exception:  # the server goes on; the next run tries again
                logger.exception("retention: the run failed; the next is in %.0f s", self._interval)
