"""Rollout waves: proposed spread over units, confirmed one stage at a time, never twice."""

from dataclasses import replace
from itertools import zip_longest

import pytest

from readiness import InputError, default_policy, usecases
from readiness.usecases import organisations as org
from readiness.usecases import portfolio, rollout
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


def _spread_of_every_team(uow: UnitOfWork, size: int, unit: str | None = None) -> list[str]:
    """The proposal as it was made from every team read whole: the teams ahead, by name in
    each unit, the units by name (teams in no unit first), one from each unit in turn."""
    with uow:
        names = {u.id: u.name for u in uow.organisations.units("default")}
    queues: dict[str | None, list[str]] = {}
    for summary in portfolio.team_list(uow, unit=unit):  # by name
        if summary.team.ahead:
            queues.setdefault(summary.team.unit_id, []).append(summary.team.id)
    order = sorted(queues, key=lambda u: (names[u].casefold(), u) if u else ("", ""))
    turns = zip_longest(*(queues[u] for u in order))
    return [team for turn in turns for team in turn if team is not None][:size]


def test_a_proposal_is_the_spread_of_every_team_ahead_read_whole(uow: UnitOfWork) -> None:
    """The store counts the teams ahead in each unit and reads only those proposed; the same
    teams, in the same order, as reading every team and taking turns: for every size, units of
    few and of many teams, teams in no unit, two units of one name, and names in any case."""
    for slug, name, parent in (
        ("nord", "Nord", None),
        ("ost", "öst", "nord"),
        ("syd", "Syd", None),
        ("syd-2", "SYD", None),
        ("vast", "Väst", None),
    ):
        org.create_unit(uow, "default", slug, name, parent=parent)
    names = ["Åre", "alfa", "Beta", "gamma", None, "Örebro", "delta", "Straße", "epsilon"]
    places = ["nord"] * 4 + ["ost"] * 2 + ["syd", "syd-2", "syd-2", None, None] + ["vast"]
    for number, place in enumerate(places):
        team_id = f"lag-{number:02d}"
        weak = {"functional_level": 30} if number % 5 == 4 else {}  # structuring: not ahead
        _team(uow, team_id, place or "nord", **weak)
        org.save_team(uow, "default", team_id, name=names[number % len(names)], unit=place)
    with uow:  # teams in no unit (stored so by a batch without units)
        for number, place in enumerate(places):
            team = uow.teams.get("default", f"lag-{number:02d}")
            if place is None and team is not None:
                uow.teams.save(replace(team, unit_id=None))
        uow.commit()
    everything = _spread_of_every_team(uow, 100)
    assert len(everything) >= 8, "most of the teams are ahead"

    for size in range(1, len(places) + 2):
        for unit in (None, "nord", "syd-2"):
            proposal = [s.team.id for s in rollout.propose_wave(uow, size=size, unit=unit)]
            assert proposal == _spread_of_every_team(uow, size, unit), (size, unit)


@pytest.mark.parametrize(
    ("counts", "size", "taken"),
    [
        ([3, 1, 2], 4, [2, 1, 1]),
        ([3, 1, 2], 6, [3, 1, 2]),
        ([3, 1, 2], 10, [3, 1, 2]),
        ([5, 5], 1, [1, 0]),
        ([0, 2, 0], 2, [0, 2, 0]),
        ([], 3, []),
    ],
)
def test_the_turns_take_one_from_each_queue_in_order(
    counts: list[int], size: int, taken: list[int]
) -> None:
    assert rollout.turns_taken(counts, size) == taken
