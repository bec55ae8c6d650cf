"""Shared fixtures: profiles built from dimension scores, so tests speak in scores, not items."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from readiness import Assessment, TeamProfile, parse_profile
from readiness.builder import answers_for, member_answers_for
from readiness.usecases import StoredAssessment, StoredProfile, UnitOfWork
from tests.support.postgres import PostgresServer, PostgresUnavailable, postgres_server, required

STRONG = {
    "functional_level": 85,
    "competence": 80,
    "interdependence": 75,
    "manager_readiness": 80,
    "org_support": 70,
    "phase_dependency": 20,
    "phase_conflict": 15,
    "phase_trust": 60,
    "phase_work": 80,
}
READY_CONTEXT = {"goal_type": "group", "rollout_plan": "stepwise", "current_stage": "pilot"}

ProfileFactory = Callable[..., dict[str, Any]]


_databases = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind, new for every test."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'readiness.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(f"test_{next(_databases)}")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL server for the whole run; each test makes its own database."""
    try:
        with postgres_server() as server:
            yield server
    except PostgresUnavailable as error:
        if required():
            pytest.fail(
                f"PostgreSQL is required here (CI or READINESS_REQUIRE_POSTGRES=1): {error}"
            )
        pytest.skip(f"PostgreSQL is not available: {error}")


def with_members(
    count: int,
    scores: dict[str, float] | None = None,
    *,
    members: dict[str, float] | None = None,
    **context: Any,
) -> dict[str, Any]:
    """A strong team's profile with `scores`, and `count` members who see it the same way,
    except where `members` says they see it otherwise."""
    member = member_answers_for({**STRONG, **(scores or {}), **(members or {})})
    return {**make_profile(scores, **context), "member_answers": [member] * count}


def make_profile(scores: dict[str, float] | None = None, **context: Any) -> dict[str, Any]:
    """A profile of a strong, ready team, with the given scores and context changed."""
    return {
        "answers": answers_for({**STRONG, **(scores or {})}),
        "context": {**READY_CONTEXT, **context},
    }


@pytest.fixture
def profile() -> ProfileFactory:
    return make_profile


def stored_assessment(
    made_from: TeamProfile | dict[str, Any], assessment: Assessment, /, **fields: Any
) -> StoredAssessment:
    """A StoredAssessment as the use cases would make it, with any field given instead."""
    valid = parse_profile(made_from)
    made: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "org_id": "default",
        "team_id": valid.team_id,
        "created_at": datetime.now(UTC),
        "lang": assessment.lang,
        "policy_version": assessment.policy_version,
        "questionnaire_version": assessment.questionnaire_version,
        "profile": StoredProfile.of(valid),
        "assessment": assessment,
    }
    return StoredAssessment(**{**made, **fields})


def keep(uow: UnitOfWork, *stored: StoredAssessment) -> None:
    """Store assessments as they are, bypassing the use cases (e.g. ones made long ago)."""
    with uow:
        for one in stored:
            uow.assessments.add(one)
        uow.commit()
