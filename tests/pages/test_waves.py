"""The waves page: a proposal to tick, a wave confirmed by a POST that moves each team one stage,
and a wave that may not be made coming back 422 with every problem named and nothing moved."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from readiness.vocabulary import Lang
from tests.conftest import make_profile, with_members
from tests.pages.conftest import page
from tests.pages.html import Element
from tests.pages.test_portfolio import LANGS, SETTINGS, add_unit, assess, stored_teams

NOT_STARTED = with_members(3, current_stage="none")  # recommended the pilot: ahead of today
NOT_READY = make_profile({"functional_level": 30}, current_stage="none")  # stays at prepare


@pytest.fixture
def teams(client: TestClient) -> TestClient:
    add_unit(client, "nord", "Nord")
    add_unit(client, "syd", "Syd")
    for n in range(2):
        assess(client, f"nord-{n}", NOT_STARTED, unit="nord", name=f"Nord {n}")
        assess(client, f"syd-{n}", NOT_STARTED, unit="syd", name=f"Syd {n}")
    assess(client, "nord-svag", NOT_READY, unit="nord", name="Nord svag")
    return client


def stages(client: TestClient) -> dict[str, str]:
    return {t["id"]: t["current_stage"] for t in stored_teams(client)}


def proposed(doc: Element) -> list[str]:
    return [box.attrs["value"] for box in doc.find_all("input", type="checkbox", name="teams")]


def confirm(client: TestClient, data: dict[str, Any], lang: Lang = "sv") -> Any:
    return client.post(f"/waves?lang={lang}", data=data, follow_redirects=False)


@pytest.mark.parametrize("lang", LANGS)
def test_a_proposal_offers_the_teams_ahead_of_their_stage_ticked(
    teams: TestClient, lang: Lang
) -> None:
    doc = page(teams.get(f"/waves?size=10&lang={lang}"))

    assert proposed(doc) == ["nord-0", "syd-0", "nord-1", "syd-1"]  # in turn from each unit
    assert all("checked" in box.attrs for box in doc.find_all("input", type="checkbox"))
    row = doc.find("tr", **{"data-team": "nord-0"}).text()
    assert SETTINGS.stages["prepare"].title(lang) in row
    assert SETTINGS.stages["pilot"].title(lang) in row
    form = doc.find("main").find("form", method="post")
    assert form.attrs["action"] == f"/waves?lang={lang}"
    assert form.find("input", name="name").attrs["value"] == ""


def test_a_proposal_keeps_to_its_size_and_unit(teams: TestClient) -> None:
    assert proposed(page(teams.get("/waves?size=3"))) == ["nord-0", "syd-0", "nord-1"]
    doc = page(teams.get("/waves?size=10&unit=syd&lang=en"))
    assert proposed(doc) == ["syd-0", "syd-1"]
    assert (
        doc.find("main").find("form", method="post").find("input", name="unit").attrs["value"]
        == "syd"
    )


def test_no_team_ready_is_said_plainly(client: TestClient) -> None:
    assess(client, "svag", NOT_READY)

    doc = page(client.get("/waves?size=10&lang=en"))

    assert proposed(doc) == []
    assert "No team is ready to move on" in doc.by_id("proposal").text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_wave_confirmed_from_the_page_moves_its_teams_one_stage_and_shows_on_the_page(
    teams: TestClient, lang: Lang
) -> None:
    answer = confirm(teams, {"name": "Pilot våren 2027", "teams": ["nord-0", "syd-0"]}, lang)

    assert answer.status_code == 303
    location = answer.headers["location"]
    assert location.startswith("/waves?wave=")
    assert location.endswith(f"&lang={lang}")
    doc = page(teams.get(location))
    assert stages(teams) == {
        "nord-0": "pilot",
        "syd-0": "pilot",
        "nord-1": "none",
        "syd-1": "none",
        "nord-svag": "none",
    }
    notice = doc.by_id("confirmed").text()
    assert "Pilot våren 2027" in notice
    assert ("2 grupper har flyttats" in notice) if lang == "sv" else ("2 teams moved" in notice)
    wave = doc.find("ol", class_="waves").find("li")
    assert wave.find(class_="wave-name").text() == "Pilot våren 2027"
    moves = [li.text().replace(" :", ":") for li in wave.find("ul").find_all("li")]
    prepare, pilot = (SETTINGS.stages[s].title(lang) for s in ("prepare", "pilot"))
    assert moves == [f"Nord 0: {prepare} → {pilot}", f"Syd 0: {prepare} → {pilot}"]
    api = teams.get("/api/v1/rollout/waves").json()
    assert [(w["name"], len(w["moves"])) for w in api] == [("Pilot våren 2027", 2)]
    assert proposed(page(teams.get("/waves?size=10"))) == ["nord-1", "syd-1"]  # none moves twice


def test_the_waves_are_listed_newest_first(teams: TestClient) -> None:
    assert confirm(teams, {"name": "Första", "teams": ["nord-0"]}).status_code == 303
    assert confirm(teams, {"name": "Andra", "teams": ["syd-0"]}).status_code == 303

    doc = page(teams.get("/waves"))

    names = [n.text() for n in doc.find("ol", class_="waves").find_all(class_="wave-name")]
    assert names == ["Andra", "Första"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_wave_comes_back_422_with_each_problem_and_nothing_moved(
    teams: TestClient, lang: Lang
) -> None:
    before = stages(teams)
    data = {"name": "Pilot", "teams": ["nord-0", "nord-svag", "finns-inte"], "size": "10"}

    answer = confirm(teams, data, lang)

    assert answer.status_code == 422
    doc = page(answer)
    problems = [a.text() for a in doc.by_id("error-summary").find_all("a")]
    prepare = SETTINGS.stages["prepare"].title(lang)
    assert problems == (
        [
            f"Nord svag står vid {prepare} och dess senaste bedömning rekommenderar {prepare}: "
            "det finns inget steg att flytta den till.",
            "Det finns ingen grupp finns-inte.",
        ]
        if lang == "sv"
        else [
            f"Nord svag stands at {prepare} and its latest assessment recommends {prepare}: "
            "there is nothing to move it to.",
            "There is no team finns-inte.",
        ]
    )
    assert stages(teams) == before
    assert teams.get("/api/v1/rollout/waves").json() == []
    assert proposed(doc) == ["nord-0", "syd-0", "nord-1", "syd-1"]  # the proposal again
    ticked = [
        b.attrs["value"] for b in doc.find_all("input", type="checkbox") if "checked" in b.attrs
    ]
    assert ticked == ["nord-0"]
    assert doc.find("input", name="name").attrs["value"] == "Pilot"
    assert doc.find("title").text().startswith("Fel" if lang == "sv" else "Error")


def test_a_wave_needs_a_team_and_a_name(teams: TestClient) -> None:
    answer = confirm(teams, {"name": " ", "size": "10"}, "en")

    assert answer.status_code == 422
    doc = page(answer)
    problems = {a.attrs["href"]: a.text() for a in doc.by_id("error-summary").find_all("a")}
    assert problems == {
        "#proposal": "Choose at least one team for the wave.",
        "#wave-name": "Give the wave a name of 1 to 200 characters.",
    }
    assert doc.find(class_="error-message").text() == (
        "Error: Give the wave a name of 1 to 200 characters."
    )
    assert teams.get("/api/v1/rollout/waves").json() == []


def test_a_team_listed_twice_is_named_once_as_chosen_twice(teams: TestClient) -> None:
    answer = confirm(teams, {"name": "Dubbel", "teams": ["syd-1", "SYD-1"]}, "sv")

    assert answer.status_code == 422
    problems = [a.text() for a in page(answer).by_id("error-summary").find_all("a")]
    assert problems == ["Syd 1 är vald två gånger."]
    assert stages(teams)["syd-1"] == "none"


@pytest.mark.parametrize("size", ["0", "501", "tio"])
def test_a_proposal_of_an_impossible_size_is_told_at_the_field(
    teams: TestClient, size: str
) -> None:
    answer = teams.get(f"/waves?size={size}")

    assert answer.status_code == 422
    doc = page(answer)
    assert "Ange ett antal grupper från 1 till 500." in doc.by_id("size-error").text()
    assert proposed(doc) == []


def test_an_unknown_unit_is_not_found(teams: TestClient) -> None:
    assert teams.get("/waves?size=10&unit=finns-inte").status_code == 404


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", "Ingen våg har bekräftats ännu."), ("en", "No wave has been confirmed yet.")],
)
def test_no_wave_yet_is_said_so(client: TestClient, lang: Lang, words: str) -> None:
    doc = page(client.get(f"/waves?lang={lang}"))

    assert words in doc.text()
    assert doc.find("input", name="size").attrs["value"] == "10"
