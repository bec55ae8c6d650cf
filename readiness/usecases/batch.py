"""Assess many teams at once, from the rows of a spreadsheet or a JSON Lines file.

Each team is assessed and stored on its own, so one rejected team never loses the others; the
same team with the same answers under the same policy finds the assessment it already has, so a
file run twice stores nothing twice. Teams stream through: only one team's rows and one chunk of
unsaved work are held at a time.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from readiness.access import Principal
from readiness.models import TeamProfile
from readiness.organisation import Team
from readiness.policy import Policy
from readiness.tabular import CellProblem, TeamRows
from readiness.teams import team_slug
from readiness.usecases import access
from readiness.usecases.assessments import (
    Clock,
    current_stage,
    decide,
    store,
    utc_now,
    with_outcome,
)
from readiness.usecases.ports import DEFAULT_ORG, StoredAssessment, UnitOfWork
from readiness.vocabulary import Lang, Mode, Stage

COMMIT_EVERY = 500  # teams per transaction: fewer commits, and a crash loses at most this many

Status = Literal["stored", "existing", "rejected"]


@dataclass(frozen=True)
class BatchOutcome:
    """What became of one team's rows."""

    rows: tuple[int, ...]
    team_id: str | None
    status: Status
    assessment_id: str | None = None
    mode: Mode | None = None
    rollout_stage: Stage | None = None
    readiness: int | None = None
    problems: tuple[CellProblem, ...] = ()


def profile_hash(profile: TeamProfile) -> str:
    """The same answers, context and members give the same hash, whatever the key order."""
    canonical = json.dumps(profile.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def assess_batch(
    uow: UnitOfWork,
    teams: Iterable[TeamRows],
    lang: Lang,
    policy: Policy,
    *,
    org_id: str = DEFAULT_ORG,
    clock: Clock = utc_now,
    principal: Principal | None = None,
) -> Iterator[BatchOutcome]:
    """Assess and store each team, yielding its outcome as soon as it is decided.

    Outcomes of stored teams are yielded once their transaction has committed, so an outcome
    that says `stored` is stored. Raises NotFoundError for an unknown organisation, and for a
    `principal` who is not an admin or an HR partner of it; one limited to units has every team
    outside them rejected, as if it did not exist, and makes no new team.
    """
    with uow:
        visible = access.require_follow(uow, principal, org_id)
        units = {u.slug: u.id for u in uow.organisations.units(org_id)}
        run = _Run(uow, units, visible, lang, policy, org_id, clock, access.user_id(principal))
        teams = iter(teams)
        # A transaction's worth of teams is read and validated before its first write, so that
        # on SQLite another process's transaction need not wait for it (readiness batch --workers).
        while chunk := list(itertools.islice(teams, COMMIT_EVERY)):
            yield from run.chunk(chunk)


@dataclass
class _Run:
    """One batch inside its unit of work: a chunk of teams at a time, read in three queries,
    decided in memory and written in two statements, then committed.

    The teams as known are kept for the chunk and updated as its rows are decided, so a team
    that comes twice is assessed the second time as the first left it, as one at a time would.
    A team with survey rounds goes through `store` on its own, which joins its closed round.
    """

    uow: UnitOfWork
    units: dict[str, str]
    visible: access.Visible
    lang: Lang
    policy: Policy
    org_id: str
    clock: Clock
    created_by: str | None
    _new: list[tuple[StoredAssessment, str]] = field(default_factory=list)
    _changed: dict[str, Team] = field(default_factory=dict)

    def chunk(self, chunk: list[TeamRows]) -> Iterator[BatchOutcome]:
        ids = {t.profile.team_id for t in chunk if t.profile and t.profile.team_id}
        known = self.uow.teams.get_many(self.org_id, ids)
        with_rounds = self.uow.rounds.teams_with_rounds(self.org_id, ids)
        hashes = [profile_hash(t.profile) if t.profile and not t.problems else "" for t in chunk]
        pairs = {
            (t.profile.team_id, hashed)
            for t, hashed in zip(chunk, hashes, strict=True)
            if hashed and t.profile and t.profile.team_id
        }
        same = self.uow.assessments.find_same_many(self.org_id, self.policy.version, pairs)
        pending: list[BatchOutcome] = []
        for team, hashed in zip(chunk, hashes, strict=True):
            outcome = _unseen(known, team, self.units, self.visible) or self._one(
                team, hashed, known, with_rounds, same
            )
            if outcome.status == "rejected":
                yield outcome
            else:
                pending.append(outcome)
        self._write()
        self.uow.commit()
        yield from pending

    def _one(
        self,
        team: TeamRows,
        hashed: str,
        known: dict[str, Team],
        with_rounds: set[str],
        same: dict[tuple[str, str], StoredAssessment],
    ) -> BatchOutcome:
        rejected = BatchOutcome(team.rows, team.team_id, "rejected", problems=team.problems)
        if team.profile is None or team.problems:
            return rejected
        unit_id = None
        if team.unit:
            unit_id = self.units.get(_slug_or_none(team.unit) or "")
            if unit_id is None:
                why = (
                    f"no unit {team.unit!r} in {self.org_id}; make it first (readiness unit create)"
                )
                problem = CellProblem(team.rows[0], "unit", team.unit, why)
                return replace(rejected, problems=(problem,))
        profile = team.profile
        team_id = profile.team_id
        assert team_id is not None
        before = known.get(team_id)
        stored = same.get((team_id, hashed))
        status: Status = "existing"
        if stored is None and team_id in with_rounds:
            self._write()  # what `store` reads must be written first
            stored = store(
                self.uow,
                profile,
                self.lang,
                self.policy,
                org_id=self.org_id,
                clock=self.clock,
                profile_hash=hashed,
                created_by=self.created_by,
            )
            status, before = "stored", self.uow.teams.get(self.org_id, team_id)
        elif stored is None:
            stored = decide(
                profile,
                before,
                None,
                self.lang,
                self.policy,
                org_id=self.org_id,
                now=self.clock(),
                created_by=self.created_by,
            )
            self._new.append((stored, hashed))
            status = "stored"
            self._changed[team_id] = before = with_outcome(
                before, stored, current_stage(profile, before)
            )
        same[(team_id, hashed)] = stored
        if before is not None:
            named = replace(
                before, name=team.name or before.name, unit_id=unit_id or before.unit_id
            )
            if named != before:
                self._changed[team_id] = before = named
            known[team_id] = before
        assessment = stored.assessment
        return BatchOutcome(
            team.rows,
            team_id,
            status,
            stored.id,
            assessment.mode,
            assessment.rollout_stage,
            assessment.readiness,
        )

    def _write(self) -> None:
        """The chunk's new assessments, then its teams, each in one statement."""
        self.uow.assessments.add_many(self._new)
        self.uow.teams.save_many(list(self._changed.values()))
        self._new.clear()
        self._changed.clear()


def _unseen(
    known: dict[str, Team], team: TeamRows, units: dict[str, str], visible: access.Visible
) -> BatchOutcome | None:
    """The rejection of a team, or of a unit, outside what the caller sees; None when in sight."""
    if visible.everything or team.profile is None or team.profile.team_id is None:
        return None
    before = known.get(team.profile.team_id)
    unit_id = units.get(_slug_or_none(team.unit or "") or "")
    value: str | None
    if before is None or not visible.includes(before):
        column, value = "team_id", team.written_id
        why = f"no team {team.profile.team_id} in {visible.org_id} that you may assess"
    elif unit_id is not None and not visible.includes(replace(before, unit_id=unit_id)):
        column, value = "unit", team.unit
        why = f"unit {team.unit!r} is outside the units you follow"
    else:
        return None
    problem = CellProblem(team.rows[0], column, value, why)
    return BatchOutcome(team.rows, team.team_id, "rejected", problems=(problem,))


def _slug_or_none(text: str) -> str | None:
    try:
        return team_slug(text)
    except ValueError:
        return None
