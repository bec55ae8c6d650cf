"""The portfolio page: counts that equal the stored teams, groups by name, never a league table.

The data goes in as an HR partner's systems put it: assessments through POST /api/v1/assessments,
units through the organisation API, a team's unit through PUT /api/v1/teams/{id}. The helpers
here serve the team list and the waves tests as well.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import readiness
from api.pages.i18n import long_date
from api.storage import Database
from readiness import usecases
from readiness.vocabulary import MODES, STAGES, Lang
from tests.conftest import make_profile, with_members
from tests.pages.conftest import page
from tests.pages.html import Element

LANGS: list[Lang] = ["sv", "en"]
POLICY = readiness.default_policy()
SETTINGS = POLICY.settings
SVG = "{http://www.w3.org/2000/svg}"

# Teams of each mode: (team id, profile); readiness 30, 42, 60, 70 and 75.
WEAK = make_profile({"functional_level": 30})  # structuring, prepare; limited by functional level
ON_THE_WAY = make_profile({"manager_readiness": 41.7})  # coaching, pilot; manager readiness
READY = with_members(3)  # co-leadership, expand; organisational support


def add_unit(client: TestClient, unit_id: str, name: str, parent: str | None = None) -> None:
    body = {"id": unit_id, "name": name, **({"parent": parent} if parent else {})}
    answer = client.post("/api/v1/organisations/default/units", json=body)
    assert answer.status_code == 201, answer.text


def assess(
    client: TestClient,
    team_id: str,
    profile: dict[str, Any],
    *,
    unit: str | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """Store an assessment of the team, then place the team in `unit` and name it."""
    answer = client.post("/api/v1/assessments", json={"team_id": team_id, **profile})
    assert answer.status_code == 201, answer.text
    if unit or name:
        body = {key: value for key, value in (("unit", unit), ("name", name)) if value}
        placed = client.put(f"/api/v1/teams/{team_id}", json=body)
        assert placed.status_code == 200, placed.text
    stored: dict[str, Any] = answer.json()
    return stored


def stored_teams(client: TestClient, **filters: str) -> list[dict[str, Any]]:
    """The teams as the API lists them: what a page about them must add up to."""
    answer = client.get("/api/v1/teams", params={"limit": "1000", **filters})
    assert answer.status_code == 200, answer.text
    teams: list[dict[str, Any]] = answer.json()["teams"]
    return teams


def database(app: FastAPI) -> Database:
    found: Database = app.state.database
    return found


def counts(table: Element) -> dict[str, int]:
    """A table of counts by its rows' `data-key`."""
    return {
        row.attrs["data-key"]: int(row.find(class_="count").text())
        for row in table.find_all("tr")
        if "data-key" in row.attrs
    }


def group_order(doc: Element) -> list[list[str]]:
    """The team ids of each group on the page, in page order."""
    return [
        [item.attrs["data-team"] for item in group.find_all("li") if "data-team" in item.attrs]
        for group in doc.find_all("section", class_="group")
    ]


@pytest.fixture
def organisation(client: TestClient) -> TestClient:
    """Vård with Öst below it, Skola beside it; teams in each, and one without a unit."""
    add_unit(client, "vard", "Vård")
    add_unit(client, "ost", "Öst", parent="vard")
    add_unit(client, "skola", "Skola")
    assess(client, "akuten", READY, unit="vard", name="Akuten")
    assess(client, "bvc", ON_THE_WAY, unit="ost", name="BVC")
    assess(client, "cyto", WEAK, unit="ost", name="Cytologen")
    assess(client, "dagis", ON_THE_WAY, unit="skola", name="Dagis")
    assess(client, "elevhalsan", READY, name="Elevhälsan")
    return client


@pytest.mark.parametrize("lang", LANGS)
def test_the_counts_per_mode_stage_and_band_equal_the_stored_teams(
    organisation: TestClient, lang: Lang
) -> None:
    teams = stored_teams(organisation)

    doc = page(organisation.get(f"/portfolio?lang={lang}"))

    assert counts(doc.by_id("by-mode")) == {m: sum(t["mode"] == m for t in teams) for m in MODES}
    assert counts(doc.by_id("by-stage")) == {
        s: sum(t["rollout_stage"] == s for t in teams) for s in STAGES
    }
    bands = Counter(min(t["readiness"] // 10, 9) for t in teams)
    assert list(counts(doc.by_id("bands")).values()) == [bands[n] for n in range(10)]
    assert sum(len(ids) for ids in group_order(doc)) == len(teams) == 5
    assert doc.find("html").attrs["lang"] == lang
    for mode in MODES:
        assert SETTINGS.modes[mode].title(lang) in doc.by_id("by-mode").text()


def test_shares_are_written_the_readers_way(organisation: TestClient) -> None:
    sv = page(organisation.get("/portfolio?lang=sv")).by_id("by-mode").text()
    en = page(organisation.get("/portfolio?lang=en")).by_id("by-mode").text()

    assert "40" in sv  # two of five teams coach, two co-lead
    assert "20" in sv  # one of five structures
    assert "33,3" in page(organisation.get("/portfolio?unit=vard&lang=sv")).by_id("by-mode").text()
    assert "33.3" in page(organisation.get("/portfolio?unit=vard&lang=en")).by_id("by-mode").text()
    assert "Share in per cent" in en


@pytest.mark.parametrize("lang", LANGS)
def test_a_unit_covers_itself_and_every_unit_below_it(organisation: TestClient, lang: Lang) -> None:
    doc = page(organisation.get(f"/portfolio?unit=vard&lang={lang}"))

    assert sorted(i for ids in group_order(doc) for i in ids) == ["akuten", "bvc", "cyto"]
    assert doc.find("h1").text() == "Vård"
    assert sum(counts(doc.by_id("by-mode")).values()) == len(
        stored_teams(organisation, unit="vard")
    )
    chosen = doc.find("select", name="unit").find("option", selected="")
    assert chosen.attrs["value"] == "vard"
    links = [a.attrs["href"] for a in doc.find_all("a")]
    assert f"/teams?unit=vard&lang={lang}" in links


def test_the_unit_picker_offers_the_tree_and_keeps_the_language(organisation: TestClient) -> None:
    doc = page(organisation.get("/portfolio?lang=en"))

    form = doc.find("form", class_="picker")
    options = [(o.attrs["value"], o.text()) for o in form.find_all("option")]
    assert form.attrs["method"] == "get"
    assert form.find("input", name="lang").attrs["value"] == "en"
    assert options == [
        ("", "The whole organisation"),
        ("skola", "Skola"),
        ("vard", "Vård"),
        ("ost", "Öst"),
    ]
    assert "\u00a0Öst" in str(doc.find("option", value="ost").children[0])  # indented below Vård


def test_the_teams_are_grouped_by_name_never_ranked_by_readiness(client: TestClient) -> None:
    # One group (co-leadership, expand) whose names run against its readiness: by name the page
    # reads Alfa, Beta, Gamma; by readiness it would be Beta (75), Gamma (70), Alfa (60).
    assess(client, "gamma", READY)
    assess(client, "alfa", with_members(3, {"org_support": 62}))
    assess(client, "beta", with_members(3, {"org_support": 74}))
    teams = {t["id"]: t for t in stored_teams(client)}
    assert {(t["mode"], t["rollout_stage"]) for t in teams.values()} == {
        ("co_leadership", "expand")
    }
    by_readiness = sorted(teams, key=lambda t: -teams[t]["readiness"])
    assert by_readiness == ["beta", "gamma", "alfa"]

    for lang in LANGS:
        doc = page(client.get(f"/portfolio?lang={lang}"))

        assert group_order(doc) == [["alfa", "beta", "gamma"]]
        why = doc.by_id("no-ranking").text()
        assert ("rangordning" in why) if lang == "sv" else ("ranking turns" in why)


def test_the_groups_run_from_the_most_trusting_leadership_and_each_links_its_teams(
    organisation: TestClient,
) -> None:
    later = assess(organisation, "bvc", ON_THE_WAY)  # a second assessment: the report is this one

    doc = page(organisation.get("/portfolio"))

    groups = doc.find_all("section", class_="group")
    assert [g.attrs["id"] for g in groups] == [
        "group-co_leadership-expand",
        "group-coaching-pilot",
        "group-structuring-prepare",
    ]
    assert group_order(doc) == [["akuten", "elevhalsan"], ["bvc", "dagis"], ["cyto"]]
    bvc = doc.find("li", **{"data-team": "bvc"})
    report = bvc.find("a", class_="team-report").attrs["href"]
    assert report == f"/assessments/{later['id']}?lang=sv"
    assert bvc.find("a", class_="team-history").attrs["href"] == "/teams/bvc?lang=sv"
    assert organisation.get(report).status_code == 200
    assert "BVC" in bvc.text()


def test_the_readiness_chart_is_drawn_on_the_server_with_a_table_beside_it(
    organisation: TestClient,
) -> None:
    answer = organisation.get("/portfolio?lang=en")
    doc = page(answer)

    svg = ET.fromstring(re.search(r'<svg class="bars".*?</svg>', answer.text, re.S)[0])  # type: ignore[index]
    bars = svg.findall(f"{SVG}g/{SVG}rect")
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "bars-label"]
    values = [int(t.text or "") for t in svg.iter(f"{SVG}text") if t.get("class") == "bars-value"]
    assert len(bars) == 10
    assert (labels[0], labels[-1]) == ("0–9", "90–100")
    assert values == list(counts(doc.by_id("bands")).values())
    tallest = max(range(10), key=lambda n: values[n])
    assert float(bars[tallest].get("height", "0")) == max(float(b.get("height", "0")) for b in bars)
    assert svg.get("role") == "img"
    assert "70–79: 2 teams" in (svg.findtext(f"{SVG}desc") or "")
    assert "<script" not in answer.text


@pytest.mark.parametrize("lang", LANGS)
def test_limiting_conditions_and_caveats_are_named_in_the_readers_language(
    organisation: TestClient, lang: Lang
) -> None:
    titles = {d.id: d.title for d in readiness.questionnaire(lang).dimensions}

    doc = page(organisation.get(f"/portfolio?lang={lang}"))

    limiting = {
        li.find(class_="tally-title").text(): li.find(class_="tally-count").text()
        for li in doc.by_id("limiting").find_all("li")
    }
    teams = "grupper" if lang == "sv" else "teams"
    assert limiting == {
        titles["manager_readiness"]: f"2 {teams}",  # BVC and Dagis
        titles["org_support"]: f"2 {teams}",  # Akuten and Elevhälsan
        titles["functional_level"]: "1 grupp" if lang == "sv" else "1 team",  # Cytologen
    }
    first = doc.by_id("caveats").find("li").text()  # stepwise (C3): BVC, Dagis and Cytologen
    assert (
        first
        == f"C3 {SETTINGS.caveats['C3'].title(lang)} 3 {'grupper' if lang == 'sv' else 'teams'}"
    )


def test_what_changed_and_who_is_due(client: TestClient, app: FastAPI) -> None:
    assess(client, "nord", WEAK)
    assess(client, "nord", READY)  # further on in leadership, and a later stage
    assess(client, "syd", READY)
    long_ago = usecases.assessments.utc_now() - timedelta(days=400)
    usecases.assess_and_store(
        database(app).unit_of_work(),
        {"team_id": "vast", **WEAK},
        "sv",
        POLICY,
        clock=lambda: long_ago,
    )

    for lang in LANGS:
        doc = page(client.get(f"/portfolio?lang={lang}"))

        change = counts(doc.by_id("change"))
        assert change == {
            "mode_up": 1,
            "mode_down": 0,
            "stage_up": 1,
            "stage_down": 0,
            "unchanged": 0,
            "first": 2,
        }
        due = doc.by_id("due")
        assert [a.text() for a in due.find_all("a")] == [
            "vast",
            "historik" if lang == "sv" else "history",
        ]
        assert long_date((long_ago + timedelta(days=90)).date(), lang) in due.text()


def test_long_lists_show_their_first_teams_and_lead_to_the_team_list(
    organisation: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A region's page lists the first teams of each list (LISTED, 50; here 1) and counts all,
    and the link shows every one of them in the team list."""
    monkeypatch.setattr("api.pages.portfolio.LISTED", 1)
    long_ago = usecases.assessments.utc_now() - timedelta(days=400)
    for team_id in ("norr", "syd"):
        usecases.assess_and_store(
            database(app).unit_of_work(),
            {"team_id": team_id, **WEAK},
            "sv",
            POLICY,
            clock=lambda: long_ago,
        )

    for lang in LANGS:
        doc = page(organisation.get(f"/portfolio?lang={lang}&unit=vard"))

        assert group_order(doc) == [["akuten"], ["bvc"], ["cyto"]]
        headings = [g.find("h3").text() for g in doc.find_all("section", class_="group")]
        assert ["(1 " in h for h in headings] == [True, True, True]
        assert doc.find_all("p", class_="more") == []
    whole = page(organisation.get("/portfolio?lang=en"))
    first = whole.find("section", class_="group")
    assert "(2 teams)" in first.find("h3").text()
    more = first.find("p", class_="more").find("a")
    assert more.text() == "All 2 teams with this leadership and stage, in the team list"
    assert more.attrs["href"] == "/teams?mode=co_leadership&stage=expand&lang=en"
    listed = page(organisation.get(more.attrs["href"]))
    assert {"akuten", "elevhalsan"} <= {
        row.attrs["data-team"] for row in listed.find_all("tr") if "data-team" in row.attrs
    }
    assert [a.text() for a in whole.by_id("due").find_all("a")] == ["norr", "history"]
    due_more = whole.by_id("due-more").find("a")
    assert due_more.text() == "All 2 teams due, in the team list"
    assert due_more.attrs["href"] == "/teams?due=1&lang=en"
    sv = page(organisation.get("/portfolio?lang=sv")).by_id("due-more").text()
    assert "Alla 2 grupper som ska bedömas igen" in sv


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", "Här finns inga grupper ännu"), ("en", "There are no teams here yet")],
)
def test_an_empty_organisation_says_so_kindly(client: TestClient, lang: Lang, words: str) -> None:
    answer = client.get(f"/portfolio?lang={lang}")

    assert answer.status_code == 200
    doc = page(answer)
    assert words in doc.find(class_="empty").text()
    assert not doc.find_all("section", class_="group")
    assert not doc.find_all("svg")


def test_an_empty_unit_says_so_too(client: TestClient) -> None:
    add_unit(client, "tom", "Tom enhet")

    doc = page(client.get("/portfolio?unit=tom&lang=en"))

    assert "No team belongs to this unit" in doc.find(class_="empty").text()


def test_another_organisation_is_chosen_by_org_and_kept_by_the_picker(client: TestClient) -> None:
    made = client.post("/api/v1/organisations", json={"id": "Region", "name": "Region Norr"})
    assert made.status_code == 201, made.text

    doc = page(client.get("/portfolio?org=region"))

    assert "Region Norr" in doc.find(class_="eyebrow").text()
    assert doc.find("form", class_="picker").find("input", name="org").attrs["value"] == "region"
    assert "/teams?org=region&lang=sv" in [a.attrs["href"] for a in doc.find_all("a")]


@pytest.mark.parametrize("address", ["/portfolio?unit=finns-inte", "/portfolio?org=finns-inte"])
def test_an_unknown_unit_or_organisation_is_not_found(client: TestClient, address: str) -> None:
    answer = client.get(address)

    assert answer.status_code == 404
    assert "Här finns ingenting" in page(answer).find("h1").text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_header_links_to_the_portfolio_the_team_list_and_the_waves(
    client: TestClient, lang: Lang
) -> None:
    nav = page(client.get(f"/?lang={lang}")).find("nav", class_="site-nav")

    links = {a.attrs["href"]: a.text() for a in nav.find_all("a")}
    expected = {
        "sv": ["Portfölj", "Grupplista", "Införandevågor"],
        "en": ["Portfolio", "Team list", "Rollout waves"],
    }[lang]
    assert [links[f"/{p}?lang={lang}"] for p in ("portfolio", "teams", "waves")] == expected
