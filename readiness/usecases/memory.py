"""An in-memory unit of work: the use cases without a database, for tests and small scripts.

It keeps the same promises as the SQL one: nothing is visible before `commit()`, and a block
that ends without committing leaves the store as it was.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from readiness.errors import NotFoundError
from readiness.usecases.ports import DEFAULT_ORG, StoredAssessment


class InMemoryAssessments:
    """Stored assessments in a list, in the order they were added."""

    def __init__(self, committed: list[StoredAssessment]) -> None:
        self._committed = committed
        self.pending: list[StoredAssessment] = []

    def add(self, stored: StoredAssessment) -> None:
        if any(s.id == stored.id for s in self._all()):
            raise ValueError(f"an assessment with id {stored.id} is already stored")
        self.pending.append(stored)

    def get(self, assessment_id: str) -> StoredAssessment:
        for stored in self._all():
            if stored.id == assessment_id:
                return stored
        raise NotFoundError(f"no assessment with id {assessment_id}")

    def team_history(
        self, team_id: str, *, org_id: str = DEFAULT_ORG, limit: int = 100
    ) -> list[StoredAssessment]:
        ours = [s for s in self._all() if s.team_id == team_id and s.org_id == org_id]
        # Made in the same instant, the one added later is the newer.
        newest_first = sorted(
            enumerate(ours), key=lambda pair: (pair[1].created_at, pair[0]), reverse=True
        )
        return [stored for _, stored in newest_first[:limit]]

    def _all(self) -> list[StoredAssessment]:
        return [*self._committed, *self.pending]


class InMemoryUnitOfWork:
    """A store that lives as long as this object; each `with` block is one transaction."""

    def __init__(self) -> None:
        self._committed: list[StoredAssessment] = []
        self.assessments = InMemoryAssessments(self._committed)
        self.commits = 0

    def __enter__(self) -> Self:
        self.assessments = InMemoryAssessments(self._committed)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self._committed.extend(self.assessments.pending)
        self.assessments.pending.clear()
        self.commits += 1

    def rollback(self) -> None:
        self.assessments.pending.clear()
