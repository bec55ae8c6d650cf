"""Organisations, their tree of units, and teams with a stable, case-insensitive id."""

import pytest

from readiness import ConflictError, InputError, NotFoundError, default_policy, usecases
from readiness.usecases import organisations as org
from readiness.usecases.ports import UnitOfWork
from tests.conftest import with_members

POLICY = default_policy()


def test_an_organisation_gets_units_in_a_tree_listed_by_name(uow: UnitOfWork) -> None:
    org.create_organisation(uow, "Region-Skåne", "Region Skåne")
    org.create_unit(uow, "region-skåne", "vard", "Vård och omsorg", kind="forvaltning")
    org.create_unit(uow, "region-skåne", "ost", "Öst", kind="avdelning", parent="vard")
    org.create_unit(uow, "region-skåne", "ane", "Äldreboende Ängen", parent="ost")
    org.create_unit(uow, "region-skåne", "bibliotek", "Bibliotek", kind="forvaltning")

    tree = org.unit_tree(uow, "region-skåne")

    assert [n.unit.slug for n in tree] == ["bibliotek", "vard"]
    assert [n.unit.slug for n in tree[1].children] == ["ost"]
    assert [n.unit.slug for n in tree[1].children[0].children] == ["ane"]
    assert [o.id for o in org.organisations(uow)] == ["default", "region-skåne"]


def test_a_second_unit_with_the_same_id_and_an_unknown_parent_are_refused(uow: UnitOfWork) -> None:
    org.create_unit(uow, "default", "nord", "Nord")

    with pytest.raises(ConflictError, match="nord"):
        org.create_unit(uow, "default", "NORD", "Nord igen")
    with pytest.raises(InputError, match="did you mean 'nord'"):
        org.create_unit(uow, "default", "nord-1", "Nord 1", parent="nrd")
    with pytest.raises(NotFoundError):
        org.create_unit(uow, "ingen", "x", "X")


def test_a_team_id_is_one_team_whatever_its_case(uow: UnitOfWork) -> None:
    usecases.assess_and_store(uow, {"team_id": "Kundtjänst-Nord", **with_members(3)}, "sv", POLICY)
    usecases.assess_and_store(uow, {"team_id": "kundtjänst-nord", **with_members(3)}, "sv", POLICY)

    history = usecases.team_history(uow, "KUNDTJÄNST-NORD")

    assert history.team_id == "kundtjänst-nord"
    assert len(history.entries) == 2


def test_a_team_is_named_in_any_script_and_placed_in_a_unit(uow: UnitOfWork) -> None:
    org.create_unit(uow, "default", "nord", "Nord")

    team = org.save_team(uow, "default", "kundtjanst-nord", name="Kundtjänst Nord", unit="nord")

    assert (team.id, team.display_name) == ("kundtjanst-nord", "Kundtjänst Nord")
    with uow:
        stored = uow.teams.get("default", "kundtjanst-nord")
    assert stored is not None
    assert stored.unit_id == team.unit_id


def test_storing_an_assessment_keeps_the_teams_latest_outcome_beside_it(uow: UnitOfWork) -> None:
    first = usecases.assess_and_store(
        uow, {"team_id": "nord", **with_members(3, {"functional_level": 30})}, "sv", POLICY
    )
    second = usecases.assess_and_store(uow, {"team_id": "nord", **with_members(3)}, "sv", POLICY)

    with uow:
        team = uow.teams.get("default", "nord")

    assert team is not None
    assert team.status is not None
    assert team.status.assessment_id == second.id
    assert (team.status.previous_mode, team.status.mode) == ("structuring", "co_leadership")
    assert team.status.previous_readiness == first.assessment.readiness
    assert team.status.reassess_by > team.status.assessed_at
    assert team.current_stage == "pilot"


def test_a_profile_that_does_not_say_where_the_team_stands_is_assessed_where_it_stands(
    uow: UnitOfWork,
) -> None:
    usecases.assess_and_store(uow, {"team_id": "nord", **with_members(3)}, "sv", POLICY)
    silent = with_members(3)
    del silent["context"]["current_stage"]

    again = usecases.assess_and_store(uow, {"team_id": "nord", **silent}, "sv", POLICY)

    assert again.assessment.current_stage == "pilot"
    assert again.assessment.rollout_stage == "expand"
