"""A team's history: newest first, each entry with what changed since the one before."""

from datetime import UTC, datetime, timedelta

import pytest

from readiness import NotFoundError, default_policy, usecases
from readiness.usecases import UnitOfWork
from tests.conftest import with_members

POLICY = default_policy()
START = datetime(2026, 1, 1, tzinfo=UTC)


def _assess_over_time(uow: UnitOfWork, *functional_levels: float) -> list[str]:
    return [
        usecases.assess_and_store(
            uow,
            {"team_id": "nord", **with_members(3, {"functional_level": level})},
            "sv",
            POLICY,
            clock=lambda n=n: START + timedelta(days=30 * n),
        ).id
        for n, level in enumerate(functional_levels)
    ]


def test_each_entry_says_what_changed_since_the_one_before(uow: UnitOfWork) -> None:
    first, second = _assess_over_time(uow, 30, 85)

    history = usecases.team_history(uow, "nord")

    newest, oldest = history.entries
    assert (newest.stored.id, oldest.stored.id) == (second, first)
    assert newest.changes is not None
    assert (newest.changes.mode_from, newest.changes.mode_to) == ("structuring", "co_leadership")
    assert "functional-level-low" in newest.changes.findings_resolved
    assert oldest.changes is None


def test_the_oldest_entry_shown_still_says_what_changed_when_an_older_one_exists(
    uow: UnitOfWork,
) -> None:
    ids = _assess_over_time(uow, 30, 50, 85)

    history = usecases.team_history(uow, "nord", limit=2)

    assert [entry.stored.id for entry in history.entries] == [ids[2], ids[1]]
    assert history.entries[-1].changes is not None
    assert history.entries[-1].changes.mode_from == "structuring"


def test_a_team_without_assessments_is_not_found(uow: UnitOfWork) -> None:
    _assess_over_time(uow, 50)

    with pytest.raises(NotFoundError, match="syd"):
        usecases.team_history(uow, "syd")


@pytest.mark.parametrize("limit", [0, 501])
def test_a_limit_outside_1_to_500_is_refused(uow: UnitOfWork, limit: int) -> None:
    with pytest.raises(ValueError, match="limit"):
        usecases.team_history(uow, "nord", limit=limit)
