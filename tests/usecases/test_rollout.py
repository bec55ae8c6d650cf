"""Rollout waves: proposed spread over units, confirmed one stage at a time, never twice."""

import pytest

from readiness import InputError, default_policy, usecases
from readiness.usecases import organisations as org
from readiness.usecases import rollout
from readiness.usecases.ports import UnitOfWork
from readiness.vocabulary import STAGES, stage_of_current
from tests.conftest import with_members

POLICY = default_policy()


def _team(uow: UnitOfWork, team_id: str, unit: str, **scores: float) -> None:
    profile = {"team_id": team_id, **with_members(3, scores, current_stage="none")}
    usecases.assess_and_store(uow, profile, "sv", POLICY)
    org.save_team(uow, "default", team_id, unit=unit)


@pytest.fixture
def teams(uow: UnitOfWork) -> UnitOfWork:
    for unit in ("nord", "syd"):
        org.create_unit(uow, "default", unit, unit.title())
    for n in range(3):
        _team(uow, f"nord-{n}", "nord")
        _team(uow, f"syd-{n}", "syd")
    _team(uow, "nord-svag", "nord", functional_level=30)  # structuring: stays at prepare
    return uow


def test_a_proposal_takes_teams_ahead_of_their_stage_in_turn_from_each_unit(
    teams: UnitOfWork,
) -> None:
    proposal = rollout.propose_wave(teams, size=4)

    assert [s.team.id for s in proposal] == ["nord-0", "syd-0", "nord-1", "syd-1"]
    assert all(s.team.status and s.team.status.rollout_stage == "pilot" for s in proposal)


def test_a_proposal_for_a_unit_keeps_to_it_and_below(teams: UnitOfWork) -> None:
    proposal = rollout.propose_wave(teams, size=10, unit="syd")

    assert [s.team.id for s in proposal] == ["syd-0", "syd-1", "syd-2"]


def test_confirming_moves_every_team_one_stage_and_none_twice(teams: UnitOfWork) -> None:
    chosen = [s.team.id for s in rollout.propose_wave(teams, size=4)]

    wave = rollout.confirm_wave(teams, chosen, name="Pilot våren 2027")
    again = rollout.propose_wave(teams, size=10)

    assert [(m.team_id, m.from_stage, m.to_stage) for m in wave.moves] == [
        (team_id, "none", "pilot") for team_id in chosen
    ]
    with teams:
        moved = [teams.teams.get("default", t) for t in chosen]
    for team in moved:
        assert team is not None
        assert team.status is not None
        assert STAGES.index(stage_of_current(team.current_stage)) == STAGES.index("prepare") + 1
        assert team.status.rollout_stage == stage_of_current(team.current_stage)
    assert not set(chosen) & {s.team.id for s in again}
    with pytest.raises(InputError, match="nothing to move"):
        rollout.confirm_wave(teams, chosen[:1], name="Igen")
    assert [w.name for w in rollout.waves(teams)] == ["Pilot våren 2027"]


def test_a_wave_with_one_bad_team_moves_nothing_and_names_each_problem(teams: UnitOfWork) -> None:
    with pytest.raises(InputError) as raised:
        rollout.confirm_wave(teams, ["nord-0", "nord-0", "nord-svag", "okänd"], name="Fel")

    assert [p.type for p in raised.value.problems] == ["duplicate", "not_ahead", "unknown_team"]
    assert rollout.waves(teams) == []
    assert [s.team.id for s in rollout.propose_wave(teams, size=1)] == ["nord-0"]
