"""The team list page: each team's latest outcome, filtered by a GET form, paged, and exported with
the same filters; by name or by date, never by readiness."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

import readiness
from api.pages.i18n import long_date
from readiness.vocabulary import Lang
from tests.conftest import with_members
from tests.pages.conftest import page
from tests.pages.html import Element
from tests.pages.test_portfolio import (
    LANGS,
    ON_THE_WAY,
    READY,
    SETTINGS,
    WEAK,
    add_unit,
    assess,
    stored_teams,
)


def rows(doc: Element) -> list[str]:
    """The team ids of the list, in page order."""
    if not doc.find_all("table", id="team-list"):
        return []
    return [
        tr.attrs["data-team"]
        for tr in doc.by_id("team-list").find_all("tr")
        if "data-team" in tr.attrs
    ]


def query(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


@pytest.fixture
def listed(client: TestClient) -> TestClient:
    """Five teams in two units and none; their names run against their readiness."""
    add_unit(client, "vard", "Vård")
    add_unit(client, "ost", "Öst", parent="vard")
    add_unit(client, "skola", "Skola")
    assess(client, "t1", WEAK, unit="ost", name="Ängen")  # readiness 30; Swedish Ä sorts late
    assess(client, "t2", READY, unit="vard", name="Björken")  # 70
    assess(client, "t3", ON_THE_WAY, unit="skola", name="Almen")  # 42
    assess(client, "t4", with_members(3, {"org_support": 62}), unit="skola", name="Eken")  # 60
    assess(client, "t5", ON_THE_WAY, name="Cedern")  # 42, no unit
    return client


@pytest.mark.parametrize("lang", LANGS)
def test_each_team_shows_its_latest_outcome_in_the_readers_language(
    listed: TestClient, lang: Lang
) -> None:
    stored = assess(listed, "t1", WEAK)  # the latest of two: the list links this one
    titles = {d.id: d.title for d in readiness.questionnaire(lang).dimensions}

    doc = page(listed.get(f"/teams?lang={lang}"))

    row = doc.find("tr", **{"data-team": "t1"})
    cells = [cell.text() for cell in row.elements()]
    made = datetime.fromisoformat(stored["created_at"])
    assert cells == [
        "Ängen",
        "Öst",
        SETTINGS.modes["structuring"].title(lang),
        SETTINGS.stages["prepare"].title(lang),
        SETTINGS.stages["pilot"].title(lang),  # where the profile says it stands today
        "30",
        titles["functional_level"],
        long_date(made.date(), lang),
        long_date((made + timedelta(days=stored["assessment"]["reassess_in_days"])).date(), lang),
    ]
    assert row.find("a").attrs["href"] == f"/assessments/{stored['id']}?lang={lang}"
    assert listed.get(row.find("a").attrs["href"]).status_code == 200
    header = doc.by_id("team-list").find("thead").text()
    assert ("Senast bedömd" in header) if lang == "sv" else ("Last assessed" in header)


def test_the_list_is_by_name_or_by_date_never_by_readiness(listed: TestClient) -> None:
    by_readiness = [t["id"] for t in sorted(stored_teams(listed), key=lambda t: -t["readiness"])]

    by_name = rows(page(listed.get("/teams")))
    by_date = rows(page(listed.get("/teams?sort=date")))
    ignored = rows(page(listed.get("/teams?sort=readiness")))

    assert by_name == ["t3", "t2", "t5", "t4", "t1"]  # Almen, Björken, Cedern, Eken, Ängen
    assert by_date == ["t5", "t4", "t3", "t2", "t1"]  # latest assessed first
    assert ignored == by_name
    assert by_readiness != by_name


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"unit": "vard"}, ["t2", "t1"]),  # Vård and Öst below it
        ({"unit": "skola"}, ["t3", "t4"]),
        ({"mode": "coaching"}, ["t3", "t5"]),
        ({"stage": "expand"}, ["t2", "t4"]),
        ({"unit": "skola", "mode": "coaching"}, ["t3"]),
        ({"due": "1"}, []),
    ],
)
def test_filters_narrow_the_list_as_the_api_does(
    listed: TestClient, filters: dict[str, str], expected: list[str]
) -> None:
    api = {**filters, **({"due": "true"} if "due" in filters else {})}

    doc = page(listed.get("/teams", params={**filters, "lang": "en"}))

    assert rows(doc) == expected
    assert sorted(rows(doc)) == sorted(t["id"] for t in stored_teams(listed, **api))
    form = doc.find("form", class_="filters")
    assert form.attrs["method"] == "get"
    assert form.find("input", name="lang").attrs["value"] == "en"
    for name, value in filters.items():
        if name == "due":
            assert "checked" in form.find("input", name="due").attrs
        else:
            assert (
                form.find("select", name=name).find("option", selected="").attrs["value"] == value
            )


def test_a_filter_that_matches_nothing_says_so_and_offers_to_clear_it(listed: TestClient) -> None:
    doc = page(listed.get("/teams?due=1"))

    summary = doc.by_id("list-summary")
    assert "Ingen grupp passar de här filtren." in summary.text()
    assert summary.find("a").attrs["href"] == "/teams?lang=sv"


@pytest.mark.parametrize("lang", LANGS)
def test_the_export_links_carry_the_filters_and_download_the_rows_on_the_page(
    listed: TestClient, lang: Lang
) -> None:
    doc = page(listed.get(f"/teams?unit=vard&sort=date&lang={lang}"))
    on_page = rows(doc)

    href = doc.by_id("export-csv").attrs["href"]
    answer = listed.get(href)

    assert urlsplit(href).path == "/teams"
    assert query(href) == {
        "format": ["csv"],
        "unit": ["vard"],
        "sort": ["date"],
        "lang": [lang],
    }
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.content.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    table = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:2] == (["Grupp-id", "Grupp"] if lang == "sv" else ["Team id", "Team"])
    assert [line[0] for line in table[1:]] == on_page == ["t2", "t1"]
    assert [line[1] for line in table[1:]] == ["Björken", "Ängen"]
    xlsx = listed.get(doc.by_id("export-xlsx").attrs["href"])
    assert xlsx.status_code == 200
    assert xlsx.content.startswith(b"PK")  # a zip: the workbook


def test_the_export_carries_mode_stage_and_due_as_the_api_spells_them(listed: TestClient) -> None:
    doc = page(listed.get("/teams?mode=coaching&stage=pilot&due=1"))

    href = doc.by_id("export-csv").attrs["href"]

    assert query(href) == {
        "format": ["csv"],
        "mode": ["coaching"],
        "stage": ["pilot"],
        "due": ["true"],
        "sort": ["name"],
        "lang": ["sv"],
    }
    assert listed.get(href).status_code == 200


def test_the_list_is_paged_a_hundred_at_a_time_keeping_the_filters(client: TestClient) -> None:
    add_unit(client, "stor", "Stor enhet")
    for n in range(103):
        answer = client.put(f"/api/v1/teams/lag-{n:03}", json={"unit": "stor"})
        assert answer.status_code == 200, answer.text

    first = page(client.get("/teams?unit=stor&lang=en"))
    second_href = first.find("a", rel="next").attrs["href"]
    second = page(client.get(second_href))

    assert len(rows(first)) == 100
    assert rows(second) == ["lag-100", "lag-101", "lag-102"]
    assert query(second_href) == {"unit": ["stor"], "page": ["2"], "lang": ["en"]}
    assert "Page 2 of 2" in second.find("nav", class_="pager").text()
    assert "103 teams; showing 101–103" in second.by_id("list-summary").text()
    assert second.find("a", rel="prev").attrs["href"] == "/teams?unit=stor&page=1&lang=en"
    not_assessed = second.find("tr", **{"data-team": "lag-100"})
    assert "Not assessed" in not_assessed.text()


def test_an_unknown_unit_is_not_found_and_a_team_history_still_answers(
    listed: TestClient,
) -> None:
    assert listed.get("/teams?unit=finns-inte").status_code == 404
    assert listed.get("/teams/t1").status_code == 200  # /teams/{id} is still the history
