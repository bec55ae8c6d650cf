"""The repository contract, held by the in-memory store and by SQL on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest

from readiness import NotFoundError, assess
from readiness.usecases import UnitOfWork
from tests.conftest import keep, make_profile, stored_assessment


def test_a_stored_assessment_reads_back_equal_to_what_was_stored(uow: UnitOfWork) -> None:
    profile = {"team_id": "nord", **make_profile({"functional_level": 50})}
    stored = stored_assessment(profile, assess(profile, "en"))
    keep(uow, stored)

    with uow:
        read = uow.assessments.get(stored.id)

    assert read == stored
    assert read.assessment.mode == "coaching"
    assert read.profile.team_id == "nord"


def test_nothing_is_kept_without_a_commit(uow: UnitOfWork) -> None:
    stored = stored_assessment(make_profile(), assess(make_profile()))

    with uow:
        uow.assessments.add(stored)

    with uow, pytest.raises(NotFoundError):
        uow.assessments.get(stored.id)


def test_a_failure_inside_the_unit_of_work_takes_every_write_with_it(uow: UnitOfWork) -> None:
    first = stored_assessment(make_profile(), assess(make_profile()))
    second = stored_assessment(make_profile(), assess(make_profile()))

    def two_writes_then_a_failure() -> None:
        with uow:
            uow.assessments.add(first)
            uow.assessments.add(second)
            raise RuntimeError("failed after the writes")

    with pytest.raises(RuntimeError, match="after the writes"):
        two_writes_then_a_failure()

    with uow:
        for stored in (first, second):
            with pytest.raises(NotFoundError):
                uow.assessments.get(stored.id)


def test_an_unknown_id_is_not_found(uow: UnitOfWork) -> None:
    with uow, pytest.raises(NotFoundError, match="no-such-id"):
        uow.assessments.get("no-such-id")


def test_a_teams_history_is_newest_first_and_only_that_team(uow: UnitOfWork) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    nord = {"team_id": "nord", **make_profile()}
    syd = {"team_id": "syd", **make_profile()}
    first, other, second = (
        stored_assessment(p, assess(p), created_at=start + timedelta(days=n))
        for n, p in enumerate((nord, syd, nord))
    )
    keep(uow, first, other, second)

    with uow:
        history = uow.assessments.team_history("nord")

    assert [s.id for s in history] == [second.id, first.id]


def test_assessments_made_in_the_same_instant_keep_the_order_they_were_made_in(
    uow: UnitOfWork,
) -> None:
    instant = datetime(2026, 1, 1, tzinfo=UTC)
    profile = {"team_id": "nord", **make_profile()}
    made = [stored_assessment(profile, assess(profile), created_at=instant) for _ in range(3)]
    for stored in made:
        keep(uow, stored)

    with uow:
        history = uow.assessments.team_history("nord")

    assert [s.id for s in history] == [s.id for s in reversed(made)]


def test_a_history_is_cut_at_the_limit(uow: UnitOfWork) -> None:
    profile = {"team_id": "nord", **make_profile()}
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = [
        stored_assessment(profile, assess(profile), created_at=start + timedelta(days=n))
        for n in range(4)
    ]
    keep(uow, *made)

    with uow:
        history = uow.assessments.team_history("nord", limit=2)

    assert [s.id for s in history] == [made[3].id, made[2].id]


def test_a_team_without_assessments_has_an_empty_history(uow: UnitOfWork) -> None:
    with uow:
        assert uow.assessments.team_history("syd") == []


def test_teams_of_different_organisations_are_kept_apart(uow: UnitOfWork) -> None:
    profile = {"team_id": "nord", **make_profile()}
    theirs = stored_assessment(profile, assess(profile), org_id="acme")
    ours = stored_assessment(profile, assess(profile))
    keep(uow, theirs, ours)

    with uow:
        assert [s.id for s in uow.assessments.team_history("nord")] == [ours.id]
        assert [s.id for s in uow.assessments.team_history("nord", org_id="acme")] == [theirs.id]
