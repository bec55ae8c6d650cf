"""The repository on SQLite and on PostgreSQL: what is stored reads back the same."""

from datetime import UTC, datetime, timedelta

import pytest

from api.storage import Database, StoredAssessment
from readiness import NotFoundError, TeamProfile, assess
from tests.conftest import make_profile


def _store(database: Database, team_id: str | None = "nord", **scores: float) -> StoredAssessment:
    profile = TeamProfile.model_validate({"team_id": team_id, **make_profile(scores)})
    with database.transaction() as repository:
        return repository.add(profile, assess(profile, "en"))


def test_a_stored_assessment_reads_back_equal_to_what_was_stored(database: Database) -> None:
    stored = _store(database, functional_level=50)

    with database.transaction() as repository:
        read = repository.get(stored.id)

    assert read == stored
    assert read.assessment.mode == "coaching"
    assert read.profile.team_id == "nord"
    assert read.org_id == "default"


def test_the_time_of_an_assessment_is_aware_utc_and_now(database: Database) -> None:
    before = datetime.now(UTC)

    stored = _store(database)

    with database.transaction() as repository:
        read = repository.get(stored.id)
    assert read.created_at.tzinfo is not None
    assert read.created_at.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=1) <= read.created_at <= datetime.now(UTC)


def test_input_output_policy_and_language_are_kept(database: Database) -> None:
    stored = _store(database, competence=30)

    with database.transaction() as repository:
        read = repository.get(stored.id)

    assert read.lang == "en"
    assert read.policy_version == read.assessment.policy_version
    assert (
        read.profile.answers == TeamProfile.model_validate(make_profile({"competence": 30})).answers
    )
    assert "competence-low" in read.assessment.fired_rules


def test_an_unknown_id_is_not_found(database: Database) -> None:
    with database.transaction() as repository, pytest.raises(NotFoundError, match="no-such-id"):
        repository.get("no-such-id")


def test_a_teams_history_is_newest_first_and_only_that_team(database: Database) -> None:
    first = _store(database, "nord")
    _store(database, "syd")
    second = _store(database, "nord")

    with database.transaction() as repository:
        history = repository.team_history("nord")

    assert [s.id for s in history] == [second.id, first.id]


def test_assessments_made_in_the_same_instant_keep_the_order_they_were_made_in(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    instant = datetime(2026, 1, 1, tzinfo=UTC)
    monkeypatch.setattr(
        "api.storage.repository.datetime",
        type("Frozen", (), {"now": staticmethod(lambda tz: instant)}),
    )

    made = [_store(database).id for _ in range(3)]

    with database.transaction() as repository:
        assert [s.id for s in repository.team_history("nord")] == made[::-1]


def test_a_history_is_cut_at_the_limit(database: Database) -> None:
    ids = [_store(database).id for _ in range(4)]

    with database.transaction() as repository:
        history = repository.team_history("nord", limit=2)

    assert [s.id for s in history] == ids[:-3:-1]


def test_a_team_without_assessments_is_not_found(database: Database) -> None:
    _store(database, "nord")

    with database.transaction() as repository, pytest.raises(NotFoundError, match="syd"):
        repository.team_history("syd")


def test_teams_of_different_organisations_are_kept_apart(database: Database) -> None:
    profile = TeamProfile.model_validate({"team_id": "nord", **make_profile()})
    with database.transaction() as repository:
        repository.add(profile, assess(profile), org_id="acme")
    _store(database, "nord")

    with database.transaction() as repository:
        ours = repository.team_history("nord")
        theirs = repository.team_history("nord", org_id="acme")

    assert len(ours) == len(theirs) == 1
    assert theirs[0].org_id == "acme"
    assert ours[0].id != theirs[0].id


def test_an_assessment_without_a_team_is_stored_but_in_no_history(database: Database) -> None:
    stored = _store(database, None)

    with database.transaction() as repository:
        assert repository.get(stored.id).team_id is None
