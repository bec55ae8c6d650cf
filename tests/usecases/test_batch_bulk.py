"""A batch reads and writes a chunk of teams at a time (issue 12), and stores exactly what storing
its teams one at a time stores.

The reference is the batch as it was before: for each team, look for the same profile under the
same policy, else `store` it (which reads the team, joins its closed survey round and saves the
team), then give the team its name and unit. Both run on the same seeded teams: new and known
ones, some of them twice with a stage stated and then not, with names and units, with members'
answers or a closed round waiting, and the same profile again. On memory, SQLite and PostgreSQL
(the reference always in memory), the outcomes, the teams and every stored assessment agree.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from readiness import default_policy
from readiness.organisation import Team, TeamFilter
from readiness.service import parse_profile
from readiness.tabular import TeamRows
from readiness.usecases import UnitOfWork, assessments, batch, organisations, rounds
from readiness.usecases.batch import BatchOutcome, assess_batch, profile_hash
from readiness.usecases.memory import InMemoryUnitOfWork
from readiness.usecases.ports import StoredAssessment
from tests.test_differential import random_profile

POLICY = default_policy()
ORG = "default"
UNITS = ("enhet-nord", "enhet-syd")
WITH_ROUNDS = ("team-3", "team-4", "team-5")
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def ticking() -> Callable[[], datetime]:
    """A clock that moves a second a call: both runs see the same times in the same order."""
    ticks = iter(range(10**6))
    return lambda: START + timedelta(days=1, seconds=next(ticks))


def prepare(uow: UnitOfWork) -> None:
    """Units, ten known teams (assessed once, some at a stage of their own), and a closed
    round of three members' answers waiting for three of them."""
    for unit in UNITS:
        organisations.create_unit(uow, ORG, unit, unit.title(), clock=lambda: START)
    rng = random.Random(5)
    for number in range(10):
        profile = random_profile(rng, number) | {"team_id": f"team-{number}"}
        profile.pop("member_answers", None)
        assessments.assess_and_store(uow, profile, "sv", POLICY, clock=lambda: START)
    member_rng = random.Random(9)
    for team_id in WITH_ROUNDS:
        survey, token = rounds.open_round(uow, None, ORG, team_id, now=START, policy=POLICY)
        for _ in range(3):
            members = random_profile(member_rng, 0)["member_answers"][0]
            rounds.answer(uow, token, members, now=START, policy=POLICY)
        rounds.close_round(uow, None, survey.id, now=START, policy=POLICY)


def teams_to_send(seed: int) -> list[TeamRows]:
    """Sixty teams: known and new, a few twice (stated stage first, none the second time), the
    same profile again, names and units now and then."""
    rng = random.Random(seed)
    sent: list[TeamRows] = []
    for number in range(60):
        team_id = f"team-{number % 25}"
        profile = random_profile(rng, number) | {"team_id": team_id}
        if number >= 25 and rng.random() < 0.5:
            profile["context"] = {
                k: v for k, v in profile["context"].items() if k != "current_stage"
            }
        if number in (30, 31) and sent:
            profile = sent[number - 30].profile.model_dump(mode="json")  # the same profile again
            team_id = profile["team_id"]
        name = f"Lag {number}" if rng.random() < 0.4 else None
        unit = rng.choice(UNITS) if rng.random() < 0.4 else None
        valid = parse_profile(profile)
        sent.append(TeamRows(team_id, team_id, name, unit, (number + 2,), valid))
    return sent


def one_at_a_time(
    uow: UnitOfWork, teams: list[TeamRows], clock: Callable[[], datetime]
) -> Iterator[BatchOutcome]:
    """The batch as it was before it read and wrote a chunk at a time."""
    with uow:
        units = {u.slug: u.id for u in uow.organisations.units(ORG)}
        for team in teams:
            profile = team.profile
            assert profile is not None
            assert profile.team_id is not None
            hashed = profile_hash(profile)
            found = uow.assessments.find_same(ORG, profile.team_id, hashed, POLICY.version)
            stored, status = found, "existing"
            if found is None:
                stored = assessments.store(
                    uow, profile, "sv", POLICY, org_id=ORG, clock=clock, profile_hash=hashed
                )
                status = "stored"
            assert stored is not None
            unit_id = units.get(team.unit) if team.unit else None
            known = uow.teams.get(ORG, profile.team_id)
            if known is not None and (team.name or unit_id):
                uow.teams.save(
                    dataclasses.replace(
                        known, name=team.name or known.name, unit_id=unit_id or known.unit_id
                    )
                )
            uow.commit()
            yield BatchOutcome(
                team.rows,
                profile.team_id,
                status,  # type: ignore[arg-type]
                stored.id,
                stored.assessment.mode,
                stored.assessment.rollout_stage,
                stored.assessment.readiness,
            )


def without_ids(outcome: BatchOutcome) -> BatchOutcome:
    return dataclasses.replace(outcome, assessment_id=None)


def team_without_ids(team: Team, slugs: dict[str, str]) -> Team:
    """The team with its unit named by slug (each store makes its own unit ids)."""
    assert team.status is not None
    status = dataclasses.replace(team.status, assessment_id="")
    return dataclasses.replace(team, unit_id=slugs.get(team.unit_id or ""), status=status)


def stored_without_ids(stored: StoredAssessment) -> tuple[Any, ...]:
    return (stored.team_id, stored.created_at, stored.profile, stored.assessment)


def history(uow: UnitOfWork) -> list[tuple[Any, ...]]:
    with uow:
        teams = sorted(t.id for t in uow.teams.find(ORG, TeamFilter()))
        records = [
            uow.assessments.get(record.id)
            for team_id in teams
            for record in uow.assessments.team_history(team_id, org_id=ORG)
        ]
    return [stored_without_ids(stored) for stored in records]


def all_teams(uow: UnitOfWork) -> list[Team]:
    with uow:
        slugs = {unit.id: unit.slug for unit in uow.organisations.units(ORG)}
        return [team_without_ids(t, slugs) for t in uow.teams.find(ORG, TeamFilter())]


@pytest.mark.parametrize("commit_every", [7, 1_000])
def test_a_chunked_batch_stores_what_one_team_at_a_time_stores(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch, commit_every: int
) -> None:
    monkeypatch.setattr(batch, "COMMIT_EVERY", commit_every)
    reference = InMemoryUnitOfWork()
    prepare(uow)
    prepare(reference)
    sent = teams_to_send(seed=11)

    chunked = list(assess_batch(uow, sent, "sv", POLICY, org_id=ORG, clock=ticking()))
    expected = list(one_at_a_time(reference, sent, ticking()))

    assert [without_ids(o) for o in chunked] == [without_ids(o) for o in expected]
    statuses = [o.status for o in chunked]
    assert statuses.count("existing") >= 1
    assert statuses.count("stored") >= 50
    assert all_teams(uow) == all_teams(reference)
    assert history(uow) == history(reference)
    # Each waiting round was joined once, by an assessment without members' answers of its own.
    with uow:
        for team_id in WITH_ROUNDS:
            (survey,) = uow.rounds.of_team(ORG, team_id)
            assert survey.used_by is not None
            joined = uow.assessments.get(survey.used_by)
            assert joined.profile.members == survey.aggregate


def test_the_same_batch_again_stores_nothing(uow: UnitOfWork) -> None:
    prepare(uow)
    sent = [t for t in teams_to_send(seed=12) if t.rows[0] < 27]  # each team once
    first = list(assess_batch(uow, sent, "sv", POLICY, org_id=ORG, clock=ticking()))
    again = list(assess_batch(uow, sent, "sv", POLICY, org_id=ORG, clock=ticking()))

    assert {o.status for o in first} == {"stored"}
    assert {o.status for o in again} == {"existing"}
    assert [o.assessment_id for o in again] == [o.assessment_id for o in first]
