"""The portfolio and the team list: counts that add up, groups by name, never a league table."""

from datetime import timedelta

from benchmarks.profiles import profiles as seeded_profiles
from readiness import default_policy, usecases
from readiness.organisation import TEAM_ORDER, TeamKey
from readiness.usecases import organisations as org
from readiness.usecases import portfolio
from readiness.usecases.assessments import utc_now
from readiness.usecases.ports import UnitOfWork
from tests.conftest import make_profile, with_members

POLICY = default_policy()


def _assess(uow: UnitOfWork, team_id: str, profile: dict, unit: str | None = None) -> None:  # type: ignore[type-arg]
    usecases.assess_and_store(uow, {"team_id": team_id, **profile}, "sv", POLICY)
    if unit:
        org.save_team(uow, "default", team_id, unit=unit)


def test_the_portfolio_counts_modes_stages_limits_and_changes(uow: UnitOfWork) -> None:
    org.create_unit(uow, "default", "vard", "Vård")
    org.create_unit(uow, "default", "ost", "Öst", parent="vard")
    _assess(uow, "a", with_members(3), "ost")
    _assess(uow, "b", with_members(3, {"functional_level": 30}), "ost")
    _assess(uow, "b", with_members(3), "ost")  # improved since its first assessment
    _assess(uow, "c", make_profile({"manager_readiness": 41.7}), "vard")
    _assess(uow, "d", with_members(3))  # no unit: in the organisation, not in "vard"

    whole = portfolio.portfolio(uow)
    vard = portfolio.portfolio(uow, unit="vard")

    assert (whole.teams, vard.teams) == (4, 3)
    assert vard.by_mode == {"structuring": 0, "coaching": 1, "co_leadership": 2}
    assert sum(vard.by_stage.values()) == vard.assessed == 3
    assert sum(n for _, _, n in vard.readiness) == 3
    assert ("manager_readiness", 1) in vard.limiting
    assert vard.change.mode_up == 1
    assert vard.change.first == 2
    assert [(m, s, [t.team.id for t in ts]) for m, s, ts in vard.groups] == [
        ("co_leadership", "expand", ["a", "b"]),
        ("coaching", "pilot", ["c"]),
    ]


def test_the_team_list_filters_and_sorts_by_name_or_date_never_by_score(uow: UnitOfWork) -> None:
    _assess(uow, "beta", with_members(3))
    _assess(uow, "alfa", with_members(3, {"competence": 30}))
    _assess(uow, "gamma", make_profile())

    by_name = [s.team.id for s in portfolio.team_list(uow)]
    by_date = [s.team.id for s in portfolio.team_list(uow, sort="date")]
    coaching = [s.team.id for s in portfolio.team_list(uow, mode="coaching")]

    assert by_name == ["alfa", "beta", "gamma"]
    assert by_date == ["gamma", "alfa", "beta"]
    assert coaching == ["alfa", "gamma"]


def test_teams_past_their_reassessment_date_are_due(uow: UnitOfWork) -> None:
    _assess(uow, "nord", with_members(3, {"functional_level": 30}))  # reassess within 90 days
    _assess(uow, "syd", with_members(3))

    later = utc_now() + timedelta(days=100)
    due = [s.team.id for s in portfolio.team_list(uow, due=True, now=later)]
    report = portfolio.portfolio(uow, now=later)

    assert due == ["nord"]
    assert [s.team.id for s in report.due] == ["nord"]
    assert list(portfolio.team_list(uow, due=True)) == []


def test_a_page_of_the_team_list_is_that_stretch_of_the_whole_list(uow: UnitOfWork) -> None:
    """`team_page` orders every team by its key alone and reads only the page whole: the same
    teams as `team_list` in the same order, names in any case or script, unnamed and never
    assessed teams, names shared, filters and pages past the end."""
    org.create_unit(uow, "default", "vard", "Vård")
    names = ["Åre", "alfa", "Alfa", "örebro", "Zeta", None, "beta", "Straße", "BETA", "strasse"]
    for number, name in enumerate(names):
        team_id = f"t{number:02d}"
        if number % 3:  # a third are never assessed
            weak = {"competence": 30} if number % 2 else None
            _assess(uow, team_id, make_profile(weak) if number % 4 else with_members(3))
        org.save_team(uow, "default", team_id, name=name, unit="vard" if number % 2 else None)

    by_name = [s.team.id for s in portfolio.team_list(uow)]
    expected = sorted(
        (f"t{n:02d}" for n in range(len(names))),
        key=lambda i: ((names[int(i[1:])] or i).casefold(), i),
    )
    assert by_name == expected
    for sort in ("name", "date"):
        for filters in ({}, {"unit": "vard"}, {"mode": "coaching"}, {"stage": "pilot"}):
            whole = list(portfolio.team_list(uow, sort=sort, **filters))  # type: ignore[arg-type]
            assert whole or filters, "the filters leave something to page"
            # The store orders the whole list too: as Python orders it.
            in_python = sorted(whole, key=lambda s: TEAM_ORDER[sort](TeamKey.of(s.team)))  # type: ignore[index]
            assert whole == in_python, (sort, filters)
            for offset, limit in ((0, 100), (0, 3), (3, 3), (7, 5), (len(whole), 2), (50, 10)):
                page = portfolio.team_page(
                    uow,
                    offset=offset,
                    limit=limit,
                    sort=sort,  # type: ignore[arg-type]
                    **filters,  # type: ignore[arg-type]
                )
                assert page.total == len(whole), (sort, filters)
                assert page.teams == whole[offset : offset + limit], (sort, filters, offset)


def test_a_portfolio_with_a_limit_has_the_same_figures_and_the_first_of_each_list(
    uow: UnitOfWork,
) -> None:
    """With a `limit` the store counts (TeamRepository.tally) and only the teams listed are
    read whole: the same figures as reading every team, and each list its first `limit` teams,
    for the organisation and for a unit; the sizes say how many each list holds."""
    org.create_unit(uow, "default", "vard", "Vård")
    org.create_unit(uow, "default", "ost", "Öst", parent="vard")
    names = ["Åre", "alfa", "Alfa", "örebro", "Zeta", None, "beta", "Straße", "BETA", "strasse"]
    for number, data in enumerate(seeded_profiles(30, seed=5)):
        team_id = f"t{number:02d}"
        if number % 7 == 3:  # never assessed
            org.save_team(uow, "default", team_id, name=names[number % len(names)])
            continue
        if number % 3 == 0:  # assessed before: the change counts it
            _assess(uow, team_id, make_profile({"competence": 30, "functional_level": 40}))
        del data["team_id"]
        _assess(uow, team_id, data, ("vard", "ost", None)[number % 3])
        org.save_team(uow, "default", team_id, name=names[number % len(names)])

    for when in (utc_now(), utc_now() + timedelta(days=100), utc_now() + timedelta(days=400)):
        for unit in (None, "vard", "ost"):
            whole = portfolio.portfolio(uow, unit=unit, now=when)
            assert whole.due_count == len(whole.due)
            assert whole.group_sizes == {(m, s): len(ts) for m, s, ts in whole.groups}
            assert sum(whole.group_sizes.values()) == whole.assessed
            for limit in (0, 1, 2, 100):
                cut = portfolio.portfolio(uow, unit=unit, now=when, limit=limit)
                figures = ("teams", "assessed", "by_mode", "by_stage", "readiness")
                for name in (*figures, "limiting", "caveats", "change", "due_count"):
                    assert getattr(cut, name) == getattr(whole, name), (name, unit, limit)
                assert cut.group_sizes == whole.group_sizes
                assert cut.due == whole.due[:limit]
                assert [(m, s, ts) for m, s, ts in cut.groups] == [
                    (m, s, ts[:limit]) for m, s, ts in whole.groups
                ]
    everything = portfolio.portfolio(uow, now=utc_now() + timedelta(days=400))
    assert len(everything.groups) >= 3, "the seeded teams fall in several groups"
    assert everything.change.first
    assert everything.change.mode_up + everything.change.mode_down
    assert everything.limiting
    assert everything.caveats
    assert everything.due_count
    assert everything.teams > everything.assessed


def test_the_figures_tie_in_a_fixed_order_most_first(uow: UnitOfWork) -> None:
    """Conditions that limit as many teams come in the questionnaire's order, caveats by id:
    the same order from every store, whatever order it counts in."""
    _assess(uow, "a", make_profile({"org_support": 30}))
    _assess(uow, "b", make_profile({"competence": 30}))

    found = portfolio.portfolio(uow)

    assert found.limiting == [("competence", 1), ("org_support", 1)]
    assert [n for _, n in found.caveats] == sorted((n for _, n in found.caveats), reverse=True)
