"""`/`: the questionnaire form, in both languages, and what happens when it is sent."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.pages.form import DONT_KNOW
from readiness import questionnaire
from tests.pages.conftest import form_for, page, submit


def test_the_questionnaire_is_in_swedish_by_default(client: TestClient) -> None:
    answer = client.get("/")

    document = page(answer)
    assert answer.status_code == 200
    assert document.find("html").attrs["lang"] == "sv"
    assert "Är gruppen redo för tillitsbaserat medledarskap?" in document.find("h1").text()
    assert questionnaire("sv").items[0].text in document.text()


@pytest.mark.parametrize(
    ("query", "header"), [("?lang=en", {}), ("", {"Accept-Language": "en-GB,en;q=0.9"})]
)
def test_the_questionnaire_is_in_english_when_asked_for(
    client: TestClient, query: str, header: dict[str, str]
) -> None:
    answer = client.get(f"/{query}", headers=header)

    document = page(answer)
    assert document.find("html").attrs["lang"] == "en"
    assert "Is the team ready for trust-based co-leadership?" in document.find("h1").text()
    assert questionnaire("en").items[0].text in document.text()


def test_an_unknown_language_gets_the_swedish_page_rather_than_an_error(client: TestClient) -> None:
    answer = client.get("/?lang=de")

    assert answer.status_code == 200
    assert page(answer).find("html").attrs["lang"] == "sv"


def test_the_language_switch_links_to_the_same_page_in_the_other_language(
    client: TestClient,
) -> None:
    document = page(client.get("/policy?lang=sv"))

    switch = document.find("nav", class_="language-switch")
    links = {a.attrs["hreflang"]: a for a in switch.find_all("a")}
    assert links["en"].attrs["href"] == "/policy?lang=en"
    assert links["en"].text() == "English"
    assert links["sv"].attrs.get("aria-current") == "true"


def test_every_item_is_a_labelled_radio_group_under_its_dimension(client: TestClient) -> None:
    source = questionnaire("sv")
    by_manager = {i.id for i in source.items if i.answered_by != "members"}

    document = page(client.get("/"))

    for dimension in source.dimensions:
        fieldset = document.by_id(f"dimension-{dimension.id}")
        assert dimension.title in fieldset.find("legend").text()
        for item_id in (i for i in dimension.items if i in by_manager):
            group = fieldset.by_id(f"item-{item_id}")
            radios = group.find_all("input", type="radio", name=item_id)
            assert [r.attrs["value"] for r in radios] == ["1", "2", "3", "4", "5", DONT_KNOW]
            assert all(label.find("input") for label in group.find_all("label"))


def test_the_manager_is_not_asked_the_items_only_members_answer(client: TestClient) -> None:
    source = questionnaire("sv")
    members_only = [i for i in source.items if i.answered_by == "members"]

    document = page(client.get("/"))

    assert members_only  # the members' view of their manager
    for item in members_only:
        assert not document.find_all("input", type="radio", name=item.id), item.id
        assert item.text not in document.text(), item.id
    names = {i.attrs["name"] for i in document.find_all("input", type="radio")}
    assert names >= {i.id for i in source.items if i.answered_by in ("manager", "team")}


def test_the_statements_of_a_part_are_numbered_from_one_without_gaps(client: TestClient) -> None:
    source = questionnaire("sv")

    document = page(client.get("/"))

    fieldset = document.by_id("dimension-manager_readiness")
    numbers = [n.text().strip() for n in fieldset.find_all("span", class_="item-number")]
    on_form = [i for i in source.items if i.dimension == "manager_readiness"]
    manager = [i for i in on_form if i.answered_by != "members"]
    assert numbers == [f"{n}." for n in range(1, len(manager) + 1)]


def test_every_input_has_a_label(client: TestClient) -> None:
    document = page(client.get("/"))

    labelled = {label.attrs.get("for") for label in document.find_all("label")}
    wrapped = {id(i) for label in document.find_all("label") for i in label.find_all("input")}
    for field in document.find_all("input"):
        if field.attrs.get("type") == "hidden":
            continue
        assert id(field) in wrapped or field.attrs.get("id") in labelled, field.attrs


def test_the_context_questions_start_with_their_cautious_defaults(client: TestClient) -> None:
    document = page(client.get("/"))

    checked = {
        i.attrs["name"]: i.attrs["value"]
        for i in document.find_all("input", type="radio")
        if "checked" in i.attrs
    }
    assert checked == {
        "reorganization": "no",
        "goal_type": "individual",
        "rollout_plan": "undecided",
        "current_stage": "none",
    }
    assert document.by_id("input-new_members_share").attrs["value"] == "0"


def test_a_complete_form_is_stored_and_answered_with_a_redirect_to_its_report(
    client: TestClient,
) -> None:
    answer = submit(client, {**form_for(), "team_id": "kundtjanst-nord"}, lang="en")

    assert answer.status_code == 303
    location = answer.headers["location"]
    assert location.startswith("/assessments/")
    assert location.endswith("?lang=en")
    stored = client.get("/api/v1/assessments/" + location.split("/")[-1].split("?")[0]).json()
    assert (stored["team_id"], stored["lang"]) == ("kundtjanst-nord", "en")
    decision = stored["assessment"]
    # The form is the manager's alone: co-leadership is decided with the group (policy 2, C3).
    assert (decision["mode"], decision["rollout_stage"]) == ("coaching", "pilot")
    assert "group-not-heard" in decision["fired_rules"]


def test_a_swedish_decimal_comma_is_read_as_a_number(client: TestClient) -> None:
    form = {**form_for(), "new_members_share": "0,5"}

    answer = submit(client, form)

    assert answer.status_code == 303
    report = page(client.get(answer.headers["location"]))
    assert "tillbaka till fas 1 genom många nya medlemmar" in report.text()
