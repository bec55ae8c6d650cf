"""A team's history is read a page at a time, and profiles only of the entries that show them.

On the in-memory store and on SQL (SQLite and PostgreSQL) alike.
"""

from datetime import UTC, datetime, timedelta

import pytest

from readiness import NotFoundError, assess, default_policy, usecases
from readiness.usecases import UnitOfWork
from tests.conftest import keep, make_profile, stored_assessment, with_members

POLICY = default_policy()
START = datetime(2026, 1, 1, tzinfo=UTC)


def assess_over_time(uow: UnitOfWork, count: int, team_id: str = "nord") -> list[str]:
    """`count` assessments of the team, a month apart, each scoring differently; oldest first."""
    return [
        usecases.assess_and_store(
            uow,
            {"team_id": team_id, **with_members(3, {"functional_level": 20 + 10 * (n % 7)})},
            "sv",
            POLICY,
            clock=lambda n=n: START + timedelta(days=30 * n),
        ).id
        for n in range(count)
    ]


def test_following_the_older_pages_gives_every_assessment_once_newest_first(
    uow: UnitOfWork,
) -> None:
    ids = assess_over_time(uow, 7)

    pages = [usecases.team_history(uow, "nord", limit=3)]
    while pages[-1].older is not None:
        pages.append(usecases.team_history(uow, "nord", limit=3, before=pages[-1].older))

    assert [[entry.stored.id for entry in page.entries] for page in pages] == [
        ids[6:3:-1],
        ids[3:0:-1],
        ids[0:1],
    ]


def test_the_oldest_entry_of_a_page_says_what_changed_since_the_next_page(
    uow: UnitOfWork,
) -> None:
    assess_over_time(uow, 4)

    first = usecases.team_history(uow, "nord", limit=2)
    second = usecases.team_history(uow, "nord", limit=2, before=first.older)

    assert first.entries[-1].changes is not None
    assert second.entries[-1].changes is None  # the team's first assessment
    assert second.older is None


def test_the_last_page_has_no_older_one(uow: UnitOfWork) -> None:
    assess_over_time(uow, 3)

    assert usecases.team_history(uow, "nord", limit=3).older is None
    assert usecases.team_history(uow, "nord", limit=2).older is not None


def test_nothing_older_than_the_first_assessment_is_an_empty_page(uow: UnitOfWork) -> None:
    first, _ = assess_over_time(uow, 2)

    page = usecases.team_history(uow, "nord", before=first)

    assert (page.entries, page.older) == ([], None)


def test_a_page_before_another_teams_assessment_is_not_found(uow: UnitOfWork) -> None:
    assess_over_time(uow, 2)
    [theirs] = assess_over_time(uow, 1, team_id="syd")

    with pytest.raises(NotFoundError, match=theirs):
        usecases.team_history(uow, "nord", before=theirs)


def test_profiles_are_read_only_when_asked_for_and_only_of_the_entries_shown(
    uow: UnitOfWork,
) -> None:
    assess_over_time(uow, 3)

    without = usecases.team_history(uow, "nord", limit=2)
    page = usecases.team_history(uow, "nord", limit=2, with_profiles=True)

    assert [entry.profile for entry in without.entries] == [None, None]
    assert all(entry.profile is not None for entry in page.entries)
    with uow:
        shown = [entry.stored.id for entry in page.entries]
        stored = {i: uow.assessments.get(i).profile for i in shown}
    assert {entry.stored.id: entry.profile for entry in page.entries} == stored


def test_the_repository_reads_the_profiles_of_the_ids_given_and_no_others(
    uow: UnitOfWork,
) -> None:
    made = [
        stored_assessment(p, assess(p), created_at=START + timedelta(days=n))
        for n, p in enumerate({"team_id": "nord", **make_profile()} for _ in range(3))
    ]
    keep(uow, *made)

    with uow:
        profiles = uow.assessments.profiles([made[0].id, made[2].id, "no-such-id"])
        none = uow.assessments.profiles([])

    assert profiles == {made[0].id: made[0].profile, made[2].id: made[2].profile}
    assert none == {}


def test_assessments_of_the_same_instant_are_paged_in_the_order_they_were_made(
    uow: UnitOfWork,
) -> None:
    profile = {"team_id": "nord", **make_profile()}
    made = [stored_assessment(profile, assess(profile), created_at=START) for _ in range(5)]
    keep(uow, *made)

    with uow:
        first = uow.assessments.team_history("nord", limit=2)
        second = uow.assessments.team_history("nord", limit=2, before=first[-1].id)
        third = uow.assessments.team_history("nord", limit=2, before=second[-1].id)

    assert [s.id for s in (*first, *second, *third)] == [s.id for s in reversed(made)]
