"""Who may see what, in the use cases: a manager their own teams, an HR partner their organisation
(or their units), an admin everything; anyone else is told nothing more than "not found"."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, replace

import pytest

from readiness import NotFoundError, default_policy, usecases
from readiness.access import Principal, User
from readiness.errors import InputError
from readiness.tabular import profiles_from_rows, read_table
from readiness.usecases import access, accounts, portfolio, rollout
from readiness.usecases import organisations as orgs
from readiness.usecases.batch import assess_batch
from readiness.usecases.ports import UnitOfWork
from tests.conftest import make_profile

POLICY = default_policy()


@dataclass(frozen=True)
class People:
    admin: Principal
    manager: Principal  # manages "nord" (in unit "ost")
    other_manager: Principal  # manages "syd" (in unit "vast")
    hr: Principal  # the whole of "default"
    hr_ost: Principal  # only unit "vard" and below ("ost")
    hr_elsewhere: Principal  # HR of "annan"


def _as(user: User) -> Principal:
    return Principal(user=user, via="token")


@pytest.fixture
def people(uow: UnitOfWork) -> People:
    """Two teams in two units of "default", assessed by their managers, and one of each role."""
    orgs.create_organisation(uow, "annan", "Annan")
    orgs.create_unit(uow, "default", "vard", "Vård")
    orgs.create_unit(uow, "default", "ost", "Öst", parent="vard")
    orgs.create_unit(uow, "default", "vast", "Väst")
    made = People(
        admin=_as(accounts.create_user(uow, "admin@x.se", "Admin", "admin")),
        manager=_as(accounts.create_user(uow, "m1@x.se", "M1", "manager", "default")),
        other_manager=_as(accounts.create_user(uow, "m2@x.se", "M2", "manager", "default")),
        hr=_as(accounts.create_user(uow, "hr@x.se", "HR", "hr", "default")),
        hr_ost=_as(accounts.create_user(uow, "ho@x.se", "HR Öst", "hr", "default", ["vard"])),
        hr_elsewhere=_as(accounts.create_user(uow, "ha@x.se", "HR Annan", "hr", "annan")),
    )
    _assess(uow, made.manager, "nord")
    _assess(uow, made.other_manager, "syd")
    orgs.save_team(uow, "default", "nord", unit="ost")
    orgs.save_team(uow, "default", "syd", unit="vast")
    return made


def _assess(
    uow: UnitOfWork, who: Principal, team_id: str | None, org_id: str = "default", **context: str
) -> usecases.StoredAssessment:
    profile = {**make_profile(**context), **({"team_id": team_id} if team_id else {})}
    return usecases.assess_and_store(uow, profile, "sv", POLICY, org_id=org_id, principal=who)


def _refusal(call: object) -> str:
    assert callable(call)
    with pytest.raises(NotFoundError) as refused:
        call()
    return str(refused.value)


def test_a_manager_who_assesses_a_new_team_becomes_its_manager(
    uow: UnitOfWork, people: People
) -> None:
    with uow:
        managers = uow.team_managers.of_team("default", "nord")
        stored = uow.assessments.get(uow.assessments.team_history("nord", org_id="default")[0].id)

    assert managers == {people.manager.user_id}
    assert stored.created_by == people.manager.user_id


def test_a_manager_sees_their_own_teams_history_and_no_one_elses(
    uow: UnitOfWork, people: People
) -> None:
    own = usecases.team_history(uow, "nord", principal=people.manager)
    theirs = _refusal(lambda: usecases.team_history(uow, "syd", principal=people.manager))
    nobodys = _refusal(lambda: usecases.team_history(uow, "ingen", principal=people.manager))

    assert [e.stored.team_id for e in own.entries] == ["nord"]
    assert theirs == nobodys.replace("ingen", "syd")  # a team of another: as if there were none


def test_a_manager_cannot_assess_or_read_another_managers_team(
    uow: UnitOfWork, people: People
) -> None:
    syd = usecases.team_history(uow, "syd").entries[0].stored

    stored_for = _refusal(lambda: _assess(uow, people.manager, "syd"))
    read = _refusal(
        lambda: usecases.read_assessment(uow, syd.id, None, POLICY, principal=people.manager)
    )
    unknown = _refusal(
        lambda: usecases.read_assessment(
            uow, "00000000-0000-0000-0000-000000000000", None, POLICY, principal=people.manager
        )
    )

    assert "syd" in stored_for
    assert read == unknown.replace("00000000-0000-0000-0000-000000000000", syd.id)
    assert len(usecases.team_history(uow, "syd").entries) == 1  # nothing was stored


def test_an_hr_partner_limited_to_units_sees_the_teams_below_them_and_makes_no_new_team(
    uow: UnitOfWork, people: People
) -> None:
    nord = usecases.team_history(uow, "nord", principal=people.hr_ost)
    _assess(uow, people.hr_ost, "nord")

    outside = _refusal(lambda: _assess(uow, people.hr_ost, "syd"))
    new = _refusal(lambda: _assess(uow, people.hr_ost, "ny"))

    assert nord.team_id == "nord"  # "ost" lies below "vard"
    assert new == outside.replace("syd", "ny")  # a new team tells no more than a hidden one
    assert len(usecases.team_history(uow, "nord").entries) == 2
    with uow:
        assert uow.teams.get("default", "ny") is None


def test_an_hr_partner_of_the_whole_organisation_and_an_admin_make_new_teams(
    uow: UnitOfWork, people: People
) -> None:
    _assess(uow, people.hr, "ny-hr")
    _assess(uow, people.admin, "ny-admin")

    with uow:
        assert uow.teams.get("default", "ny-hr") is not None
        assert uow.team_managers.of_team("default", "ny-hr") == frozenset()  # not a manager
    assert usecases.team_history(uow, "ny-admin", principal=people.hr).team_id == "ny-admin"


def test_nobody_outside_the_organisation_stores_or_reads_there(
    uow: UnitOfWork, people: People
) -> None:
    stored = _refusal(lambda: _assess(uow, people.hr_elsewhere, "nord"))
    teamless = _refusal(lambda: _assess(uow, people.hr_elsewhere, None))
    read = _refusal(lambda: usecases.team_history(uow, "nord", principal=people.hr_elsewhere))

    assert "default" in stored
    assert "default" in teamless
    assert "nord" in read
    _assess(uow, people.hr_elsewhere, "i-annan", org_id="annan")  # their own organisation works


def test_a_profile_without_a_team_is_read_by_its_maker_an_admin_and_whole_organisation_hr(
    uow: UnitOfWork, people: People
) -> None:
    stored = _assess(uow, people.manager, None)

    def reads(who: Principal) -> bool:
        try:
            usecases.read_assessment(uow, stored.id, None, POLICY, principal=who)
        except NotFoundError:
            return False
        return True

    assert [reads(p) for p in (people.manager, people.admin, people.hr)] == [True] * 3
    others = (people.other_manager, people.hr_ost, people.hr_elsewhere)
    assert [reads(p) for p in others] == [False] * 3


def test_a_disabled_user_sees_nothing_even_of_their_own(uow: UnitOfWork, people: People) -> None:
    assert people.manager.user is not None
    disabled = Principal(user=replace(people.manager.user, disabled=True), via="token")

    refused = _refusal(lambda: usecases.team_history(uow, "nord", principal=disabled))

    assert "nord" in refused


def test_the_team_list_holds_only_the_teams_one_sees(uow: UnitOfWork, people: People) -> None:
    def listed(who: Principal, unit: str | None = None) -> list[str]:
        whole = [s.team.id for s in portfolio.team_list(uow, unit=unit, principal=who)]
        page = portfolio.team_page(uow, offset=0, limit=10, unit=unit, principal=who)
        assert [s.team.id for s in page.teams] == whole  # a page sees what the list sees
        assert page.total == len(whole)
        if unit is None:  # the teams named by id are those seen, too
            named = portfolio.teams_by_id(uow, "default", {"nord", "syd", "none"}, principal=who)
            assert sorted(named) == whole
        return whole

    assert listed(people.admin) == listed(people.hr) == ["nord", "syd"]
    assert listed(people.manager) == ["nord"]
    assert listed(people.other_manager) == ["syd"]
    assert listed(people.hr_ost) == ["nord"]
    assert listed(people.hr_ost, unit="vast") == []  # a unit outside their own adds nothing
    assert listed(people.manager, unit="vast") == []
    _refusal(lambda: listed(people.hr_elsewhere))


def test_the_portfolio_counts_only_an_hr_partners_units_and_is_no_managers(
    uow: UnitOfWork, people: People
) -> None:
    whole = portfolio.portfolio(uow, principal=people.hr)
    scoped = portfolio.portfolio(uow, principal=people.hr_ost)

    assert (whole.teams, scoped.teams) == (2, 1)
    counted = portfolio.portfolio(uow, principal=people.hr_ost, limit=1)  # counted by the store
    assert (counted.teams, counted.assessed) == (scoped.teams, scoped.assessed)
    _refusal(lambda: portfolio.portfolio(uow, principal=people.manager))
    _refusal(lambda: portfolio.portfolio(uow, principal=people.hr_elsewhere))
    _refusal(lambda: orgs.unit_tree(uow, "default", people.manager))


def test_an_hr_partner_changes_teams_only_within_their_units(
    uow: UnitOfWork, people: People
) -> None:
    orgs.save_team(uow, "default", "nord", name="Nord", principal=people.hr_ost)
    orgs.save_team(uow, "default", "ny", unit="ost", principal=people.hr_ost)

    moved_out = _refusal(
        lambda: orgs.save_team(uow, "default", "nord", unit="vast", principal=people.hr_ost)
    )
    theirs = _refusal(
        lambda: orgs.save_team(uow, "default", "syd", name="S", principal=people.hr_ost)
    )
    by_manager = _refusal(
        lambda: orgs.save_team(uow, "default", "nord", name="N", principal=people.manager)
    )

    assert moved_out == theirs.replace("syd", "nord") == by_manager.replace("N", "N")
    with uow:
        nord = uow.teams.get("default", "nord")
        assert nord is not None
        assert nord.name == "Nord"
        assert [u.slug for u in uow.organisations.units("default") if u.id == nord.unit_id] == [
            "ost"
        ]


def test_organisations_are_made_by_admins_and_listed_to_those_who_work_in_them(
    uow: UnitOfWork, people: People
) -> None:
    orgs.create_organisation(uow, "tredje", "Tredje", principal=people.admin)
    orgs.create_unit(uow, "default", "ny-enhet", "Ny", principal=people.hr)

    _refusal(lambda: orgs.create_organisation(uow, "fjarde", "F", principal=people.hr))
    _refusal(lambda: orgs.create_unit(uow, "default", "x", "X", principal=people.hr_ost))
    _refusal(lambda: orgs.create_unit(uow, "default", "y", "Y", principal=people.manager))

    assert [o.id for o in orgs.organisations(uow, people.admin)] == ["annan", "default", "tredje"]
    assert [o.id for o in orgs.organisations(uow, people.manager)] == ["default"]
    assert [o.id for o in orgs.organisations(uow, people.hr_elsewhere)] == ["annan"]


def test_waves_of_an_hr_partner_limited_to_units_show_and_move_only_their_teams(
    uow: UnitOfWork, people: People
) -> None:
    for team in ("nord", "syd"):  # both not started, and recommended to pilot
        _assess(uow, people.admin, team, current_stage="none")
    rollout.confirm_wave(uow, ["syd"], name="Väst först", principal=people.hr)

    proposed = rollout.propose_wave(uow, size=10, principal=people.hr_ost)
    with pytest.raises(InputError) as refused:
        rollout.confirm_wave(uow, ["syd"], name="Inte min", principal=people.hr_ost)
    seen = rollout.waves(uow, principal=people.hr_ost)

    assert [s.team.id for s in proposed] == ["nord"]
    assert [p.type for p in refused.value.problems] == ["unknown_team"]
    assert seen == []  # the only wave moved a team outside their units
    assert [w.name for w in rollout.waves(uow, principal=people.hr)] == ["Väst först"]
    _refusal(lambda: rollout.waves(uow, principal=people.manager))


def test_a_batch_of_an_hr_partner_limited_to_units_rejects_the_teams_outside_them(
    uow: UnitOfWork, people: People
) -> None:
    lines = "".join(
        json.dumps({"team_id": t, **make_profile()}) + "\n" for t in ("nord", "syd", "ny")
    )
    teams = profiles_from_rows(read_table(io.BytesIO(lines.encode()), "jsonl"))

    outcomes = list(assess_batch(uow, teams, "sv", POLICY, principal=people.hr_ost))

    by_team = {o.team_id: o for o in outcomes}
    assert {team: o.status for team, o in by_team.items()} == {
        "nord": "stored",
        "syd": "rejected",
        "ny": "rejected",
    }
    assert by_team["syd"].problems[0].why == by_team["ny"].problems[0].why.replace("ny", "syd")
    with uow:
        newest = uow.assessments.get(uow.assessments.team_history("nord", org_id="default")[0].id)
    assert newest.created_by == people.hr_ost.user_id
    with pytest.raises(NotFoundError):
        list(assess_batch(uow, iter([]), "sv", POLICY, principal=people.manager))


def test_a_caller_without_a_principal_is_the_trusted_command_line(
    uow: UnitOfWork, people: People
) -> None:
    with uow:
        seen = access.visible_team_filter(uow, None, "default")

    assert seen.everything
    assert usecases.team_history(uow, "syd").team_id == "syd"
