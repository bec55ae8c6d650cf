"""What the use cases need from storage, and what storage gives back.

The SQL adapter lives with the service (`api/storage`); `readiness.usecases.memory` is an
in-memory one for tests and for a library user who wants no database.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator

from readiness.access import ApiToken, User
from readiness.members import MemberAggregate
from readiness.models import Assessment, TeamProfile
from readiness.organisation import (
    Organisation,
    Sort,
    Tally,
    Team,
    TeamFilter,
    Unit,
    Wave,
)
from readiness.questionnaire import CONTEXT_FIELDS, load_questionnaire
from readiness.service import parse_profile
from readiness.surveys import SurveyRound
from readiness.vocabulary import Lang, in_order

DEFAULT_ORG = "default"
_CONTEXT_RANK = {name: place for place, name in enumerate(CONTEXT_FIELDS)}


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

    @field_validator("answers")
    @classmethod
    def _answers_in_order(cls, answers: dict[str, int | None]) -> dict[str, int | None]:
        """In the questionnaire's order, however they were given or a database read them back
        (`in_order`); an item no longer asked keeps its answer, last."""
        return in_order(answers, load_questionnaire().item_rank)

    @field_validator("context")
    @classmethod
    def _context_in_order(cls, context: dict[str, Any]) -> dict[str, Any]:
        return in_order(context, _CONTEXT_RANK)

    @classmethod
    def of(cls, profile: TeamProfile, members: MemberAggregate | None = None) -> StoredProfile:
        # A valid profile's answers are plain data already: only the context is dumped.
        return cls.model_validate(
            {
                "team_id": profile.team_id,
                "answers": profile.answers,
                "context": profile.context.model_dump(mode="json"),
                "members": members,
            }
        )

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
    # The user who stored it (None: made before sign-in existed, or by a batch without a user).
    created_by: str | None = None


@dataclass(frozen=True)
class HistoryRecord:
    """A stored assessment without the profile it was made from: what a team's history reads.

    A profile can be large and a history long; its profile is read only for an entry that shows it
    (`AssessmentRepository.profiles`).
    """

    id: str
    org_id: str
    team_id: str | None
    created_at: datetime  # aware, UTC
    lang: Lang
    policy_version: str
    questionnaire_version: str
    assessment: Assessment

    @classmethod
    def of(cls, stored: StoredAssessment) -> HistoryRecord:
        return cls(
            id=stored.id,
            org_id=stored.org_id,
            team_id=stored.team_id,
            created_at=stored.created_at,
            lang=stored.lang,
            policy_version=stored.policy_version,
            questionnaire_version=stored.questionnaire_version,
            assessment=stored.assessment,
        )


class AssessmentRepository(Protocol):
    """Stored assessments, inside the unit of work that holds the repository."""

    def add(self, stored: StoredAssessment) -> None:
        """Keep `stored`; visible to others once the unit of work commits."""

    def get(self, assessment_id: str) -> StoredAssessment:
        """The assessment with this id; NotFoundError when there is none."""

    def team_history(
        self,
        team_id: str,
        *,
        org_id: str = DEFAULT_ORG,
        limit: int = 100,
        before: str | None = None,
    ) -> list[HistoryRecord]:
        """A team's assessments without their profiles, newest first, at most `limit`; empty for
        a team with none. With `before` (an assessment id), only those older than that one;
        NotFoundError when it is not one of the team's."""

    def profiles(self, assessment_ids: Sequence[str]) -> dict[str, StoredProfile]:
        """The profiles of these assessments by id, and no others (unknown ids are left out)."""

    def find_same(
        self, org_id: str, team_id: str, profile_hash: str, policy_version: str
    ) -> StoredAssessment | None:
        """An assessment of this team made from the same profile under the same policy."""

    def add_hashed(self, stored: StoredAssessment, profile_hash: str) -> None:
        """Keep `stored`, findable by `find_same` under `profile_hash`."""

    def find_same_many(
        self, org_id: str, policy_version: str, keys: Collection[tuple[str, str]]
    ) -> dict[tuple[str, str], StoredAssessment]:
        """`find_same` for many (team id, profile hash) pairs at once: those found, by pair."""

    def add_many(self, hashed: Sequence[tuple[StoredAssessment, str]]) -> None:
        """`add_hashed` for each (assessment, profile hash), in one statement where it can be."""

    def delete_older_than(self, cutoff: datetime) -> int:
        """Delete every assessment made before `cutoff` (retention); how many were deleted."""


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

    def get_many(self, org_id: str, team_ids: Collection[str]) -> dict[str, Team]:
        """The teams of these ids that are known, by id."""

    def save_many(self, teams: Sequence[Team]) -> None:
        """`save` for each team, in one statement where it can be."""

    def find(self, org_id: str, where: TeamFilter) -> Iterator[Team]:
        """The teams that match, sorted by id; streamed, never all in memory at once."""

    def ordered(self, org_id: str, where: TeamFilter, *, sort: Sort) -> Iterator[Team]:
        """The teams `find` gives, in the order of `TEAM_ORDER[sort]`; streamed, never all in
        memory at once."""

    def page(
        self, org_id: str, where: TeamFilter, *, sort: Sort, offset: int, limit: int
    ) -> list[Team]:
        """The teams `find` gives from place `offset` (0 on) in the order of
        `TEAM_ORDER[sort]`, at most `limit`: a page of a list, without reading every team."""

    def count(self, org_id: str, where: TeamFilter) -> int:
        """How many teams `find` gives."""

    def count_by_unit(self, org_id: str, where: TeamFilter) -> dict[str | None, int]:
        """How many teams `find` gives in each unit (None: in no unit), for the units with any."""

    def first_by_unit(
        self, org_id: str, where: TeamFilter, limit: int
    ) -> dict[str | None, list[Team]]:
        """The teams `find` gives in each unit (None: in no unit), each unit's first `limit`
        by name (`TEAM_ORDER["name"]`), for the units with any."""

    def tally(self, org_id: str, where: TeamFilter, due_by: datetime) -> Tally:
        """`Tally.of` the teams that `find` gives, counted by the store: a portfolio's figures
        without reading every team whole."""

    def first_due(self, org_id: str, where: TeamFilter, limit: int) -> list[Team]:
        """The assessed teams that match, the earliest reassessment date first (then by id):
        at most `limit` of them."""


class WaveRepository(Protocol):
    def add(self, wave: Wave) -> None: ...

    def of(self, org_id: str) -> list[Wave]:
        """The organisation's waves, newest first, each with its moves."""


class UserRepository(Protocol):
    """People who sign in. Emails are unique (lower case)."""

    def add(self, user: User) -> None:
        """Keep a new user; ValueError when the email is taken."""

    def get(self, user_id: str) -> User | None: ...

    def by_email(self, email: str) -> User | None: ...

    def all(self) -> list[User]:
        """Every user, by email."""

    def save(self, user: User) -> None:
        """Replace the stored user with the same id (password, role, scope, epoch, disabled)."""

    def count(self) -> int: ...


class TokenRepository(Protocol):
    """API tokens, stored as hashes."""

    def add(self, token: ApiToken) -> None: ...

    def get(self, token_id: str) -> ApiToken | None: ...

    def with_user(self, token_id: str) -> tuple[ApiToken, User | None] | None:
        """The token and the user it speaks for, read together (every API request asks)."""

    def of_user(self, user_id: str) -> list[ApiToken]: ...

    def all(self) -> list[ApiToken]:
        """Every token, oldest first."""

    def revoke(self, token_id: str, at: datetime) -> bool:
        """Mark the token revoked (once); False when there is no such active token."""


class TeamManagerRepository(Protocol):
    """Which users manage which teams."""

    def add(self, org_id: str, team_id: str, user_id: str) -> None:
        """Make `user_id` a manager of the team; adding twice changes nothing."""

    def remove(self, org_id: str, team_id: str, user_id: str) -> None: ...

    def of_team(self, org_id: str, team_id: str) -> frozenset[str]:
        """The user ids that manage the team."""

    def teams_of(self, user_id: str) -> list[tuple[str, str]]:
        """(org_id, team_id) of every team the user manages, sorted."""


class SignInAttemptRepository(Protocol):
    """Failed sign-ins, for the rate limit; shared by every worker through the database."""

    def add_failure(self, key: str, at: datetime) -> None: ...

    def failures_since(self, key: str, since: datetime) -> int: ...

    def clear(self, key: str) -> None: ...

    def prune(self, before: datetime) -> int:
        """Forget failures older than `before`."""


class SecretRepository(Protocol):
    """Named secrets the service makes once and every worker shares (the cookie signing key)."""

    def get_or_add(self, name: str, value: str) -> str:
        """The stored secret `name`; `value` is stored and returned when there is none yet."""


class RoundRepository(Protocol):
    """Member survey rounds and, while a round is open, its anonymous answers.

    An answer is stored with nothing but a random id and its round: no time, no order, nothing
    about who gave it.
    """

    def add(self, survey: SurveyRound) -> None: ...

    def get(self, round_id: str) -> SurveyRound | None: ...

    def of_team(self, org_id: str, team_id: str) -> list[SurveyRound]:
        """The team's rounds, newest first."""

    def open_due(self, now: datetime) -> list[SurveyRound]:
        """Open rounds whose deadline has passed."""

    def add_answer(self, round_id: str, answers: dict[str, int | None]) -> None:
        """Keep one member's answers to an open round."""

    def answer_count(self, round_id: str) -> int: ...

    def answers(self, round_id: str) -> list[dict[str, int | None]]:
        """The open round's answers, in no particular order (to compute its aggregate)."""

    def close(self, round_id: str, aggregate: MemberAggregate, at: datetime) -> bool:
        """Store the aggregate, mark the round closed and delete its answers, in this transaction.

        False (and nothing changed) when the round was already closed: an aggregate never changes.
        """

    def teams_with_rounds(self, org_id: str, team_ids: Collection[str]) -> set[str]:
        """Which of these teams have any survey round, open or closed, used or not."""

    def unused_closed(self, org_id: str, team_id: str) -> SurveyRound | None:
        """The newest closed round of the team whose aggregate no assessment has taken yet."""

    def mark_used(self, round_id: str, assessment_id: str) -> None: ...

    def delete_closed_before(self, cutoff: datetime) -> int:
        """Delete rounds closed before `cutoff` (retention); how many."""


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

    @property
    def users(self) -> UserRepository: ...

    @property
    def tokens(self) -> TokenRepository: ...

    @property
    def team_managers(self) -> TeamManagerRepository: ...

    @property
    def sign_ins(self) -> SignInAttemptRepository: ...

    @property
    def secrets(self) -> SecretRepository: ...

    @property
    def rounds(self) -> RoundRepository: ...

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
