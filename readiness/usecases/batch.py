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
from dataclasses import dataclass, replace
from typing import Literal

from readiness.access import Principal
from readiness.models import TeamProfile
from readiness.policy import Policy
from readiness.tabular import CellProblem, TeamRows
from readiness.teams import team_slug
from readiness.usecases import access
from readiness.usecases.assessments import Clock, store, utc_now
from readiness.usecases.ports import DEFAULT_ORG, UnitOfWork
from readiness.vocabulary import Lang, Mode, Stage

COMMIT_EVERY = 250  # teams per transaction: fewer commits, and a crash loses at most this many

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
        by = access.user_id(principal)
        teams = iter(teams)
        # A transaction's worth of teams is read and validated before its first write, so that
        # on SQLite another process's transaction need not wait for it (readiness batch --workers).
        while chunk := list(itertools.islice(teams, COMMIT_EVERY)):
            pending: list[BatchOutcome] = []
            for team in chunk:
                outcome = _unseen(uow, team, units, visible) or _one(
                    uow, team, units, lang, policy, org_id, clock, created_by=by
                )
                if outcome.status == "rejected":
                    yield outcome
                else:
                    pending.append(outcome)
            uow.commit()
            yield from pending


def _one(
    uow: UnitOfWork,
    team: TeamRows,
    units: dict[str, str],
    lang: Lang,
    policy: Policy,
    org_id: str,
    clock: Clock,
    created_by: str | None = None,
) -> BatchOutcome:
    rejected = BatchOutcome(team.rows, team.team_id, "rejected", problems=team.problems)
    if team.profile is None or team.problems:
        return rejected
    unit_id = None
    if team.unit:
        unit_id = units.get(_slug_or_none(team.unit) or "")
        if unit_id is None:
            why = f"no unit {team.unit!r} in {org_id}; make it first (readiness unit create)"
            problem = CellProblem(team.rows[0], "unit", team.unit, why)
            return replace(rejected, problems=(problem,))
    profile = team.profile
    assert profile.team_id is not None
    hashed = profile_hash(profile)
    existing = uow.assessments.find_same(org_id, profile.team_id, hashed, policy.version)
    if existing is not None:
        stored, status = existing, "existing"
    else:
        stored = store(
            uow,
            profile,
            lang,
            policy,
            org_id=org_id,
            clock=clock,
            profile_hash=hashed,
            created_by=created_by,
        )
        status = "stored"
    known = uow.teams.get(org_id, profile.team_id) if team.name or unit_id else None
    if known is not None and (team.name, unit_id) != (known.name, known.unit_id):
        uow.teams.save(
            replace(known, name=team.name or known.name, unit_id=unit_id or known.unit_id)
        )
    assessment = stored.assessment
    return BatchOutcome(
        team.rows,
        profile.team_id,
        status,  # type: ignore[arg-type]  # one of the two literals above
        stored.id,
        assessment.mode,
        assessment.rollout_stage,
        assessment.readiness,
    )


def _unseen(
    uow: UnitOfWork, team: TeamRows, units: dict[str, str], visible: access.Visible
) -> BatchOutcome | None:
    """The rejection of a team, or of a unit, outside what the caller sees; None when in sight."""
    if visible.everything or team.profile is None or team.profile.team_id is None:
        return None
    known = uow.teams.get(visible.org_id, team.profile.team_id)
    unit_id = units.get(_slug_or_none(team.unit or "") or "")
    value: str | None
    if known is None or not visible.includes(known):
        column, value = "team_id", team.written_id
        why = f"no team {team.profile.team_id} in {visible.org_id} that you may assess"
    elif unit_id is not None and not visible.includes(replace(known, unit_id=unit_id)):
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
