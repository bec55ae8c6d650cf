"""An in-memory unit of work: the use cases without a database, for tests and small scripts.

It keeps the same promises as the SQL one: nothing is visible before `commit()`, and a block
that ends without committing leaves the store as it was. Each `with` block works on a copy of
the committed state (the stored objects are immutable, so copying the containers is enough).
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Self
from uuid import uuid4

from readiness.access import ApiToken, User
from readiness.errors import NotFoundError
from readiness.members import MemberAggregate
from readiness.organisation import (
    TEAM_ORDER,
    Organisation,
    Sort,
    Tally,
    Team,
    TeamFilter,
    TeamKey,
    Unit,
    Wave,
)
from readiness.surveys import SurveyRound
from readiness.usecases.ports import (
    DEFAULT_ORG,
    HistoryRecord,
    StoredAssessment,
    StoredProfile,
)


@dataclass
class _State:
    assessments: list[StoredAssessment] = field(default_factory=list)
    hashes: dict[tuple[str, str, str, str], str] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    teams: dict[tuple[str, str], Team] = field(default_factory=dict)
    waves: list[Wave] = field(default_factory=list)
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, ApiToken] = field(default_factory=dict)
    team_managers: set[tuple[str, str, str]] = field(default_factory=set)
    failures: list[tuple[str, datetime]] = field(default_factory=list)
    secrets: dict[str, str] = field(default_factory=dict)
    rounds: dict[str, SurveyRound] = field(default_factory=dict)
    # round id -> {random answer id: answers}; read back sorted by the random ids, so the order
    # they came in (which a dict keeps) is not given away
    answers: dict[str, dict[str, dict[str, int | None]]] = field(default_factory=dict)

    def copy(self) -> _State:
        return _State(
            list(self.assessments),
            dict(self.hashes),
            dict(self.organisations),
            list(self.units),
            dict(self.teams),
            list(self.waves),
            dict(self.users),
            dict(self.tokens),
            set(self.team_managers),
            list(self.failures),
            dict(self.secrets),
            dict(self.rounds),
            {round_id: dict(answers) for round_id, answers in self.answers.items()},
        )


class InMemoryAssessments:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, stored: StoredAssessment) -> None:
        if any(s.id == stored.id for s in self._state.assessments):
            raise ValueError(f"an assessment with id {stored.id} is already stored")
        self._state.assessments.append(stored)

    def add_hashed(self, stored: StoredAssessment, profile_hash: str) -> None:
        self.add(stored)
        key = (stored.org_id, stored.team_id or "", profile_hash, stored.policy_version)
        self._state.hashes[key] = stored.id

    def find_same(
        self, org_id: str, team_id: str, profile_hash: str, policy_version: str
    ) -> StoredAssessment | None:
        found = self._state.hashes.get((org_id, team_id, profile_hash, policy_version))
        return self.get(found) if found else None

    def find_same_many(
        self, org_id: str, policy_version: str, keys: Collection[tuple[str, str]]
    ) -> dict[tuple[str, str], StoredAssessment]:
        found = {key: self.find_same(org_id, *key, policy_version) for key in keys}
        return {key: stored for key, stored in found.items() if stored is not None}

    def add_many(self, hashed: Sequence[tuple[StoredAssessment, str]]) -> None:
        for stored, profile_hash in hashed:
            self.add_hashed(stored, profile_hash)

    def get(self, assessment_id: str) -> StoredAssessment:
        for stored in self._state.assessments:
            if stored.id == assessment_id:
                return stored
        raise NotFoundError(f"no assessment with id {assessment_id}")

    def team_history(
        self,
        team_id: str,
        *,
        org_id: str = DEFAULT_ORG,
        limit: int = 100,
        before: str | None = None,
    ) -> list[HistoryRecord]:
        ours = [s for s in self._state.assessments if s.team_id == team_id and s.org_id == org_id]
        # Made in the same instant, the one added later is the newer.
        newest_first = [
            stored
            for _, stored in sorted(
                enumerate(ours), key=lambda pair: (pair[1].created_at, pair[0]), reverse=True
            )
        ]
        if before is not None:
            ids = [stored.id for stored in newest_first]
            if before not in ids:
                raise NotFoundError(f"no assessment {before} in the history of team {team_id}")
            newest_first = newest_first[ids.index(before) + 1 :]
        return [HistoryRecord.of(stored) for stored in newest_first[:limit]]

    def profiles(self, assessment_ids: Sequence[str]) -> dict[str, StoredProfile]:
        wanted = set(assessment_ids)
        return {s.id: s.profile for s in self._state.assessments if s.id in wanted}

    def delete_older_than(self, cutoff: datetime) -> int:
        kept = [s for s in self._state.assessments if s.created_at >= cutoff]
        deleted = len(self._state.assessments) - len(kept)
        gone = {s.id for s in self._state.assessments} - {s.id for s in kept}
        self._state.assessments[:] = kept
        for key, assessment_id in list(self._state.hashes.items()):
            if assessment_id in gone:
                del self._state.hashes[key]
        # The rounds whose aggregate those assessments took go with them; teams keep their
        # latest-outcome summary (see the SQL repository).
        for round_id, survey in list(self._state.rounds.items()):
            if survey.used_by in gone:
                del self._state.rounds[round_id]
                self._state.answers.pop(round_id, None)
        return deleted


class InMemoryOrganisations:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, organisation: Organisation) -> None:
        if organisation.id in self._state.organisations:
            raise ValueError(f"organisation {organisation.id} exists")
        self._state.organisations[organisation.id] = organisation

    def get(self, org_id: str) -> Organisation:
        try:
            return self._state.organisations[org_id]
        except KeyError:
            raise NotFoundError(f"no organisation {org_id}") from None

    def all(self) -> list[Organisation]:
        return sorted(self._state.organisations.values(), key=lambda o: o.id)

    def add_unit(self, unit: Unit) -> None:
        if any(u.org_id == unit.org_id and u.slug == unit.slug for u in self._state.units):
            raise ValueError(f"unit {unit.slug} exists in {unit.org_id}")
        self._state.units.append(unit)

    def units(self, org_id: str) -> list[Unit]:
        return [u for u in self._state.units if u.org_id == org_id]


class InMemoryTeams:
    def __init__(self, state: _State) -> None:
        self._state = state

    def get(self, org_id: str, team_id: str) -> Team | None:
        return self._state.teams.get((org_id, team_id))

    def save(self, team: Team) -> None:
        self._state.teams[(team.org_id, team.id)] = team

    def get_many(self, org_id: str, team_ids: Collection[str]) -> dict[str, Team]:
        found = {team_id: self.get(org_id, team_id) for team_id in team_ids}
        return {team_id: team for team_id, team in found.items() if team is not None}

    def save_many(self, teams: Sequence[Team]) -> None:
        for team in teams:
            self.save(team)

    def find(self, org_id: str, where: TeamFilter) -> Iterator[Team]:
        ours = sorted(
            (t for (org, _), t in self._state.teams.items() if org == org_id), key=lambda t: t.id
        )
        return (team for team in ours if matches(team, where))

    def ordered(self, org_id: str, where: TeamFilter, *, sort: Sort) -> Iterator[Team]:
        return iter(ordered(self.find(org_id, where), sort))

    def page(
        self, org_id: str, where: TeamFilter, *, sort: Sort, offset: int, limit: int
    ) -> list[Team]:
        return page_of(self.find(org_id, where), sort, offset, limit)

    def count(self, org_id: str, where: TeamFilter) -> int:
        return sum(1 for _ in self.find(org_id, where))

    def count_by_unit(self, org_id: str, where: TeamFilter) -> dict[str | None, int]:
        return counted_by_unit(self.find(org_id, where))

    def first_by_unit(
        self, org_id: str, where: TeamFilter, limit: int
    ) -> dict[str | None, list[Team]]:
        return first_of_each_unit(self.find(org_id, where), limit)

    def tally(self, org_id: str, where: TeamFilter, due_by: datetime) -> Tally:
        return Tally.of(self.find(org_id, where), due_by)

    def first_due(self, org_id: str, where: TeamFilter, limit: int) -> list[Team]:
        return first_due(self.find(org_id, where), limit)


class InMemoryWaves:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, wave: Wave) -> None:
        self._state.waves.append(wave)

    def of(self, org_id: str) -> list[Wave]:
        ours = [w for w in self._state.waves if w.org_id == org_id]
        return sorted(ours, key=lambda w: w.created_at, reverse=True)


class InMemoryUsers:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, user: User) -> None:
        if user.id in self._state.users or self.by_email(user.email) is not None:
            raise ValueError(f"a user with the email {user.email.lower()} exists")
        self._state.users[user.id] = dataclasses.replace(user, email=user.email.lower())

    def get(self, user_id: str) -> User | None:
        return self._state.users.get(user_id)

    def by_email(self, email: str) -> User | None:
        email = email.lower()
        return next((u for u in self._state.users.values() if u.email == email), None)

    def all(self) -> list[User]:
        return sorted(self._state.users.values(), key=lambda u: u.email)

    def save(self, user: User) -> None:
        if user.id not in self._state.users:
            raise NotFoundError(f"no user with id {user.id}")
        taken = self.by_email(user.email)
        if taken is not None and taken.id != user.id:
            raise ValueError(f"a user with the email {user.email.lower()} exists")
        self._state.users[user.id] = dataclasses.replace(user, email=user.email.lower())

    def count(self) -> int:
        return len(self._state.users)


class InMemoryTokens:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, token: ApiToken) -> None:
        if token.id in self._state.tokens:
            raise ValueError(f"a token with id {token.id} exists")
        self._state.tokens[token.id] = token

    def get(self, token_id: str) -> ApiToken | None:
        return self._state.tokens.get(token_id)

    def with_user(self, token_id: str) -> tuple[ApiToken, User | None] | None:
        token = self._state.tokens.get(token_id)
        return None if token is None else (token, self._state.users.get(token.user_id))

    def of_user(self, user_id: str) -> list[ApiToken]:
        return [t for t in self.all() if t.user_id == user_id]

    def all(self) -> list[ApiToken]:
        return sorted(self._state.tokens.values(), key=lambda t: (t.created_at, t.id))

    def revoke(self, token_id: str, at: datetime) -> bool:
        token = self._state.tokens.get(token_id)
        if token is None or token.revoked_at is not None:
            return False
        self._state.tokens[token_id] = dataclasses.replace(token, revoked_at=at)
        return True


class InMemoryTeamManagers:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, org_id: str, team_id: str, user_id: str) -> None:
        self._state.team_managers.add((org_id, team_id, user_id))

    def remove(self, org_id: str, team_id: str, user_id: str) -> None:
        self._state.team_managers.discard((org_id, team_id, user_id))

    def of_team(self, org_id: str, team_id: str) -> frozenset[str]:
        return frozenset(
            user
            for org, team, user in self._state.team_managers
            if (org, team) == (org_id, team_id)
        )

    def teams_of(self, user_id: str) -> list[tuple[str, str]]:
        return sorted(
            (org, team) for org, team, user in self._state.team_managers if user == user_id
        )


class InMemorySignIns:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add_failure(self, key: str, at: datetime) -> None:
        self._state.failures.append((key, at))

    def failures_since(self, key: str, since: datetime) -> int:
        return sum(1 for k, at in self._state.failures if k == key and at >= since)

    def clear(self, key: str) -> None:
        self._state.failures[:] = [(k, at) for k, at in self._state.failures if k != key]

    def prune(self, before: datetime) -> int:
        kept = [(k, at) for k, at in self._state.failures if at >= before]
        pruned = len(self._state.failures) - len(kept)
        self._state.failures[:] = kept
        return pruned


class InMemorySecrets:
    def __init__(self, state: _State) -> None:
        self._state = state

    def get_or_add(self, name: str, value: str) -> str:
        return self._state.secrets.setdefault(name, value)


class InMemoryRounds:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, survey: SurveyRound) -> None:
        if survey.id in self._state.rounds:
            raise ValueError(f"a round with id {survey.id} exists")
        self._state.rounds[survey.id] = survey
        self._state.answers[survey.id] = {}

    def get(self, round_id: str) -> SurveyRound | None:
        return self._state.rounds.get(round_id)

    def of_team(self, org_id: str, team_id: str) -> list[SurveyRound]:
        ours = [
            r for r in self._state.rounds.values() if (r.org_id, r.team_id) == (org_id, team_id)
        ]
        return sorted(ours, key=lambda r: r.opened_at, reverse=True)

    def open_due(self, now: datetime) -> list[SurveyRound]:
        return [r for r in self._state.rounds.values() if r.due(now)]

    def add_answer(self, round_id: str, answers: dict[str, int | None]) -> None:
        survey = self._state.rounds.get(round_id)
        if survey is None or not survey.is_open:
            raise NotFoundError(f"no open round with id {round_id}")
        self._state.answers[round_id][str(uuid4())] = dict(answers)

    def answer_count(self, round_id: str) -> int:
        return len(self._state.answers.get(round_id, {}))

    def answers(self, round_id: str) -> list[dict[str, int | None]]:
        # A dict keeps the order its keys went in: sorted by the random ids, that order is gone.
        kept = self._state.answers.get(round_id, {})
        return [dict(kept[answer_id]) for answer_id in sorted(kept)]

    def close(self, round_id: str, aggregate: MemberAggregate, at: datetime) -> bool:
        survey = self._state.rounds.get(round_id)
        if survey is None or not survey.is_open:
            return False
        self._state.rounds[round_id] = dataclasses.replace(
            survey, closed_at=at, aggregate=aggregate
        )
        self._state.answers[round_id] = {}
        return True

    def teams_with_rounds(self, org_id: str, team_ids: Collection[str]) -> set[str]:
        wanted = set(team_ids)
        return {r.team_id for r in self._state.rounds.values() if r.org_id == org_id} & wanted

    def unused_closed(self, org_id: str, team_id: str) -> SurveyRound | None:
        closed = [
            r
            for r in self.of_team(org_id, team_id)
            if not r.is_open and r.used_by is None and r.aggregate is not None
        ]
        return max(closed, key=lambda r: r.closed_at or r.opened_at, default=None)

    def mark_used(self, round_id: str, assessment_id: str) -> None:
        survey = self._state.rounds.get(round_id)
        if survey is None:
            raise NotFoundError(f"no round with id {round_id}")
        self._state.rounds[round_id] = dataclasses.replace(survey, used_by=assessment_id)

    def delete_closed_before(self, cutoff: datetime) -> int:
        gone = [
            r.id
            for r in self._state.rounds.values()
            if r.closed_at is not None and r.closed_at < cutoff
        ]
        for round_id in gone:
            del self._state.rounds[round_id]
            self._state.answers.pop(round_id, None)
        return len(gone)


def ordered(teams: Iterable[Team], sort: Sort) -> list[Team]:
    """`teams` in the order of `TEAM_ORDER[sort]` (TeamRepository.ordered)."""
    order = TEAM_ORDER[sort]
    return sorted(teams, key=lambda team: order(TeamKey.of(team)))


def page_of(teams: Iterable[Team], sort: Sort, offset: int, limit: int) -> list[Team]:
    """The `teams` from place `offset` in the order of `TEAM_ORDER[sort]`, at most `limit`
    (TeamRepository.page)."""
    return ordered(teams, sort)[offset : offset + limit]


def counted_by_unit(teams: Iterable[Team]) -> dict[str | None, int]:
    """How many of `teams` each unit holds (TeamRepository.count_by_unit)."""
    return {unit: len(teams) for unit, teams in _by_unit(teams).items()}


def first_of_each_unit(teams: Iterable[Team], limit: int) -> dict[str | None, list[Team]]:
    """Each unit's first `limit` of `teams` by name (TeamRepository.first_by_unit)."""
    return {unit: page_of(teams, "name", 0, limit) for unit, teams in _by_unit(teams).items()}


def _by_unit(teams: Iterable[Team]) -> dict[str | None, list[Team]]:
    """`teams` by their unit (None: in no unit)."""
    found: dict[str | None, list[Team]] = {}
    for team in teams:
        found.setdefault(team.unit_id, []).append(team)
    return found


def first_due(teams: Iterable[Team], limit: int) -> list[Team]:
    """The assessed among `teams`, the earliest reassessment date first, then by id; at most
    `limit` (TeamRepository.first_due)."""
    assessed = [(t.status.reassess_by, t.id, t) for t in teams if t.status is not None]
    return [team for *_, team in heapq.nsmallest(limit, assessed, key=lambda e: e[:2])]


def matches(team: Team, where: TeamFilter) -> bool:
    """Whether `team` is one of the teams `where` describes (the SQL adapter says the same in SQL)."""
    status = team.status
    if where.unit_ids is not None and team.unit_id not in where.unit_ids:
        return False
    if (where.assessed_only or where.mode or where.stage or where.due_by or where.ahead) and (
        status is None
    ):
        return False
    if where.ahead and not team.ahead:
        return False
    if status is None:
        return True
    return (
        (where.mode is None or status.mode == where.mode)
        and (where.stage is None or status.rollout_stage == where.stage)
        and (where.due_by is None or status.reassess_by <= where.due_by)
    )


class InMemoryUnitOfWork:
    """A store that lives as long as this object; each `with` block is one transaction."""

    def __init__(self) -> None:
        self._committed = _State()
        # Like a migrated database: the default organisation is there from the start.
        default = Organisation(DEFAULT_ORG, "Standard", datetime.now(UTC))
        self._committed.organisations[DEFAULT_ORG] = default
        self._bind(self._committed.copy())
        self.commits = 0

    def _bind(self, state: _State) -> None:
        self._working = state
        self.assessments = InMemoryAssessments(state)
        self.organisations = InMemoryOrganisations(state)
        self.teams = InMemoryTeams(state)
        self.waves = InMemoryWaves(state)
        self.users = InMemoryUsers(state)
        self.tokens = InMemoryTokens(state)
        self.team_managers = InMemoryTeamManagers(state)
        self.sign_ins = InMemorySignIns(state)
        self.secrets = InMemorySecrets(state)
        self.rounds = InMemoryRounds(state)

    def __enter__(self) -> Self:
        self._bind(self._committed.copy())
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self._committed = self._working.copy()
        self.commits += 1

    def rollback(self) -> None:
        self._bind(self._committed.copy())
