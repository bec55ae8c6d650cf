"""What the use cases need from storage, and what storage gives back.

The SQL adapter lives with the service (`api/storage`); `readiness.usecases.memory` is an
in-memory one for tests and for a library user who wants no database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol, Self

from pydantic import BaseModel, ConfigDict, Field

from readiness.members import MemberAggregate
from readiness.models import Assessment, TeamProfile
from readiness.organisation import Organisation, Team, TeamFilter, Unit, Wave
from readiness.service import parse_profile
from readiness.vocabulary import Lang

DEFAULT_ORG = "default"


class StoredProfile(BaseModel):
    """A team profile as it was stored: read back as it is, never checked against today's questionnaire.

    Items renamed or removed since, or context values no longer asked for, stay as they were;
    `to_profile()` is the strict reading, for deciding again under the questionnaire in force.
    The members' answers are never stored, only their aggregate (`members`).
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    team_id: str | None = None
    answers: dict[str, int | None]
    context: dict[str, Any] = Field(default_factory=dict)
    members: MemberAggregate | None = None

    @classmethod
    def of(cls, profile: TeamProfile, members: MemberAggregate | None = None) -> StoredProfile:
        document = profile.model_dump(mode="json", exclude={"member_answers"})
        return cls.model_validate({**document, "members": members})

    def to_profile(self) -> TeamProfile:
        """The profile validated against today's questionnaire; ProfileError when it no longer fits.

        Its members are in `members`, which `readiness.assess(..., members=)` takes.
        """
        return parse_profile(self.model_dump(mode="json", exclude={"members"}))


@dataclass(frozen=True)
class StoredAssessment:
    """An assessment as it was made: its input, its output, its language, versions and time."""

    id: str
    org_id: str
    team_id: str | None
    created_at: datetime  # aware, UTC
    lang: Lang
    policy_version: str
    questionnaire_version: str
    profile: StoredProfile
    assessment: Assessment


class AssessmentRepository(Protocol):
    """Stored assessments, inside the unit of work that holds the repository."""

    def add(self, stored: StoredAssessment) -> None:
        """Keep `stored`; visible to others once the unit of work commits."""

    def get(self, assessment_id: str) -> StoredAssessment:
        """The assessment with this id; NotFoundError when there is none."""

    def team_history(
        self, team_id: str, *, org_id: str = DEFAULT_ORG, limit: int = 100
    ) -> list[StoredAssessment]:
        """A team's assessments, newest first, at most `limit`; empty for a team with none."""

    def find_same(
        self, org_id: str, team_id: str, profile_hash: str, policy_version: str
    ) -> StoredAssessment | None:
        """An assessment of this team made from the same profile under the same policy."""

    def add_hashed(self, stored: StoredAssessment, profile_hash: str) -> None:
        """Keep `stored`, findable by `find_same` under `profile_hash`."""


class OrganisationRepository(Protocol):
    """Organisations and their units."""

    def add(self, organisation: Organisation) -> None: ...

    def get(self, org_id: str) -> Organisation:
        """The organisation; NotFoundError when there is none."""

    def all(self) -> list[Organisation]: ...

    def add_unit(self, unit: Unit) -> None: ...

    def units(self, org_id: str) -> list[Unit]:
        """Every unit of the organisation, in the order they were made."""


class TeamRepository(Protocol):
    """Teams with their latest outcome; `save` inserts or replaces."""

    def get(self, org_id: str, team_id: str) -> Team | None: ...

    def save(self, team: Team) -> None: ...

    def find(self, org_id: str, where: TeamFilter) -> Iterator[Team]:
        """The teams that match, sorted by id; streamed, never all in memory at once."""


class WaveRepository(Protocol):
    def add(self, wave: Wave) -> None: ...

    def of(self, org_id: str) -> list[Wave]:
        """The organisation's waves, newest first, each with its moves."""


class UnitOfWork(Protocol):
    """One transaction: what is written inside `with uow:` is kept only if `commit()` is called."""

    @property
    def assessments(self) -> AssessmentRepository: ...

    @property
    def organisations(self) -> OrganisationRepository: ...

    @property
    def teams(self) -> TeamRepository: ...

    @property
    def waves(self) -> WaveRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed."""

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
