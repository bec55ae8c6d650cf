"""Retention: what is older than N months is deleted, the rest kept; in memory and in SQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from readiness import NotFoundError, assess
from readiness.members import MemberAggregate
from readiness.surveys import SurveyRound
from readiness.usecases import UnitOfWork
from readiness.usecases.retention import apply_retention, months_before
from tests.conftest import keep, make_profile, stored_assessment

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
CUTOFF = datetime(2026, 5, 28, 12, 0, tzinfo=UTC)  # six months before NOW


def round_closed(uow: UnitOfWork, number: int, closed_at: datetime | None) -> str:
    """A round of team nord, closed at `closed_at` (open when None); its id."""
    survey = SurveyRound(
        id=f"round-{number}",
        org_id="default",
        team_id="nord",
        opened_at=(closed_at or NOW) - timedelta(days=14),
        deadline=(closed_at or NOW) + timedelta(days=14),
        closed_at=closed_at,
        aggregate=MemberAggregate(respondents=3) if closed_at else None,
    )
    with uow:
        uow.rounds.add(survey)
        uow.commit()
    return survey.id


def test_assessments_older_than_the_retention_are_deleted_and_the_rest_kept(
    uow: UnitOfWork,
) -> None:
    old, just_old, kept = (
        stored_assessment(make_profile(), assess(make_profile()), created_at=at)
        for at in (NOW - timedelta(days=400), CUTOFF - timedelta(seconds=1), CUTOFF)
    )
    keep(uow, old, just_old, kept)

    pruned = apply_retention(uow, 6, NOW)

    assert (pruned.assessments, pruned.cutoff) == (2, CUTOFF)
    with uow:
        assert uow.assessments.get(kept.id) == kept
        for gone in (old, just_old):
            with pytest.raises(NotFoundError):
                uow.assessments.get(gone.id)


def test_rounds_closed_before_the_cutoff_are_deleted_open_and_recent_ones_kept(
    uow: UnitOfWork,
) -> None:
    closed_long_ago = round_closed(uow, 1, NOW - timedelta(days=300))
    closed_lately = round_closed(uow, 2, CUTOFF + timedelta(days=1))
    still_open = round_closed(uow, 3, None)

    pruned = apply_retention(uow, 6, NOW)

    assert pruned.rounds == 1
    with uow:
        assert uow.rounds.get(closed_long_ago) is None
        assert uow.rounds.get(closed_lately) is not None
        assert uow.rounds.get(still_open) is not None


def test_applying_it_again_deletes_nothing_more(uow: UnitOfWork) -> None:
    keep(
        uow,
        stored_assessment(
            make_profile(), assess(make_profile()), created_at=CUTOFF.replace(year=2020)
        ),
    )
    round_closed(uow, 1, CUTOFF.replace(year=2020))
    apply_retention(uow, 6, NOW)

    again = apply_retention(uow, 6, NOW)

    assert (again.assessments, again.rounds) == (0, 0)


@pytest.mark.parametrize("months", [0, -1])
def test_a_retention_under_one_month_is_refused(uow: UnitOfWork, months: int) -> None:
    with pytest.raises(ValueError, match="at least 1 month"):
        apply_retention(uow, months, NOW)


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 3, 31, 9, 30, tzinfo=UTC), 1, datetime(2026, 2, 28, 9, 30, tzinfo=UTC)),
        (datetime(2028, 3, 31, tzinfo=UTC), 1, datetime(2028, 2, 29, tzinfo=UTC)),
        (datetime(2026, 1, 15, tzinfo=UTC), 1, datetime(2025, 12, 15, tzinfo=UTC)),
        (datetime(2026, 11, 28, tzinfo=UTC), 24, datetime(2024, 11, 28, tzinfo=UTC)),
        (datetime(2026, 11, 28, tzinfo=UTC), 0, datetime(2026, 11, 28, tzinfo=UTC)),
    ],
)
def test_months_are_calendar_months(moment: datetime, months: int, expected: datetime) -> None:
    assert months_before(moment, months) == expected
