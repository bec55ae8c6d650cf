"""Writes are transactional: a unit of work that fails part-way leaves nothing behind."""

import uuid

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from api.storage import Database
from api.storage.tables import AssessmentRow
from readiness import TeamProfile, assess
from tests.conftest import make_profile

PROFILE = TeamProfile.model_validate({"team_id": "nord", **make_profile()})


def _rows(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(AssessmentRow)) or 0)


def test_an_insert_that_fails_after_the_first_one_takes_the_first_one_with_it(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    same = uuid.UUID("00000000-0000-4000-8000-000000000001")
    monkeypatch.setattr("api.storage.repository.uuid4", lambda: same)

    def two_inserts_the_second_refused() -> None:
        with database.transaction() as repository:
            repository.add(PROFILE, assess(PROFILE))
            repository.add(PROFILE, assess(PROFILE))  # the same id again: refused

    with pytest.raises(IntegrityError):
        two_inserts_the_second_refused()

    assert _rows(database) == 0


def test_an_error_after_a_write_rolls_the_write_back(database: Database) -> None:
    def a_write_then_a_failure() -> None:
        with database.transaction() as repository:
            repository.add(PROFILE, assess(PROFILE))
            raise RuntimeError("the request failed after storing")

    with pytest.raises(RuntimeError, match="after storing"):
        a_write_then_a_failure()

    assert _rows(database) == 0


def test_a_transaction_that_ends_well_is_committed(database: Database) -> None:
    with database.transaction() as repository:
        repository.add(PROFILE, assess(PROFILE))

    assert _rows(database) == 1
