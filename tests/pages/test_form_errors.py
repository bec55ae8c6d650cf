"""A form with problems comes back with every answer kept and each problem at its place."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.pages.form import DONT_KNOW
from tests.pages.conftest import form_for, page, submit
from tests.pages.html import Element


def checked(document: Element) -> dict[str, str]:
    return {
        i.attrs["name"]: i.attrs["value"]
        for i in document.find_all("input", type="radio")
        if "checked" in i.attrs
    }


def test_a_missing_answer_is_marked_at_its_item_and_the_other_answers_are_kept(
    client: TestClient,
) -> None:
    form = form_for({"competence": 30}, goal_type="mixed")
    del form["fl_conflicts_talked_through"]

    answer = submit(client, form)

    document = page(answer)
    assert answer.status_code == 422
    item = document.by_id("item-fl_conflicts_talked_through")
    assert "has-error" in item.attrs["class"]
    assert item.find("p", class_="error-message").text() == "Fel: Välj ett svar, eller ”Vet inte”."
    assert "item-fl_conflicts_talked_through-error" in item.attrs["aria-describedby"]
    assert checked(document) == form  # the items and choices given, goal_type "mixed" among them


def test_the_error_summary_links_to_each_problem(client: TestClient) -> None:
    form = {**form_for(), "team_size": "tolv", "team_id": "nord väst"}
    del form["pw_results_focus"]

    document = page(submit(client, form, lang="en"))

    summary = document.by_id("error-summary")
    links = {a.attrs["href"]: a.text() for a in summary.find_all("a")}
    assert list(links) == ["#item-pw_results_focus", "#field-team_size", "#field-team_id"]
    assert "statement 1" in links["#item-pw_results_focus"]
    assert "Give a whole number from 2 to 500" in links["#field-team_size"]
    for anchor in links:
        assert document.by_id(anchor[1:])  # each link leads somewhere on the page


def test_text_typed_into_a_field_comes_back_as_it_was_typed(client: TestClient) -> None:
    form = {**form_for(), "team_size": "tolv", "team_id": "nord väst"}

    document = page(submit(client, form))

    assert document.by_id("input-team_size").attrs["value"] == "tolv"
    assert document.by_id("input-team_size").attrs["aria-invalid"] == "true"
    assert document.by_id("input-team_id").attrs["value"] == "nord väst"
    assert "bokstäver" in document.by_id("field-team_id").find("p", class_="error-message").text()


def test_too_many_dont_knows_in_a_part_are_marked_at_that_part(client: TestClient) -> None:
    form = form_for()
    for item in ("os_goals_mirror_mission", "os_mandates_delegable", "os_support_from_above"):
        form[item] = DONT_KNOW

    answer = submit(client, form, lang="en")

    dimension = page(answer).by_id("dimension-org_support")
    assert answer.status_code == 422
    assert "has-error" in dimension.attrs["class"]
    assert "Answer at least 3 of the 5 statements" in dimension.text()
    assert checked(page(answer))["os_silos"] == form["os_silos"]


def test_a_few_dont_knows_are_an_answer_the_assessment_accepts(client: TestClient) -> None:
    form = {
        **form_for(),
        "fl_goals_described_alike": DONT_KNOW,
        "co_suggests_how_to_work": DONT_KNOW,
    }

    answer = submit(client, form)

    assert answer.status_code == 303


def test_a_value_off_the_scale_is_marked_at_its_item(client: TestClient) -> None:
    form = {**form_for(), "co_take_initiative": "9"}

    document = page(submit(client, form, lang="en"))

    item = document.by_id("item-co_take_initiative")
    assert "Choose one of the answers 1 to 5" in item.text()


def test_an_unknown_choice_is_marked_at_its_field(client: TestClient) -> None:
    form = {**form_for(), "rollout_plan": "overnight"}

    document = page(submit(client, form, lang="en"))

    assert "Choose one of the options." in document.by_id("field-rollout_plan").text()


def test_a_rejected_form_stores_nothing(client: TestClient) -> None:
    form = {**form_for(), "team_id": "nord"}
    del form["fl_safe_to_err"]

    submit(client, form)

    assert client.get("/api/v1/teams/nord/assessments").status_code == 404
