"""The questionnaire as data: every dimension, both languages, reverse items, context fields."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from readiness import Context, questionnaire
from readiness.questionnaire import CONTEXT_FIELDS, load_questionnaire
from readiness.vocabulary import DIMENSIONS


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_dimension_has_at_least_three_items_in_each_language(lang: str) -> None:
    view = questionnaire(lang)  # type: ignore[arg-type]

    assert [d.id for d in view.dimensions] == list(DIMENSIONS)
    for dimension in view.dimensions:
        texts = [i.text for i in view.items if i.dimension == dimension.id]
        assert len(texts) >= 3, dimension.id
        assert all(texts), dimension.id


def test_swedish_comes_first_and_english_is_a_real_translation() -> None:
    sv, en = questionnaire(), questionnaire("en")

    assert sv.lang == "sv"
    assert all(a.text != b.text for a, b in zip(sv.items, en.items, strict=True))
    assert sv.scale.labels[1] == "Stämmer inte alls"
    assert en.scale.labels[5] == "Agrees completely"


def test_the_scale_labels_mean_the_same_in_both_languages() -> None:
    sv, en = questionnaire().scale.labels, questionnaire("en").scale.labels

    assert list(sv.values()) == [
        "Stämmer inte alls",
        "Stämmer ganska dåligt",
        "Stämmer delvis",
        "Stämmer ganska bra",
        "Stämmer helt",
    ]
    assert list(en.values()) == [
        "Does not agree at all",
        "Agrees rather poorly",  # "ganska dåligt", not "a little"
        "Agrees partly",
        "Agrees fairly well",
        "Agrees completely",
    ]


def test_this_is_questionnaire_2027_1() -> None:
    assert questionnaire().version == questionnaire("en").version == "2027.1"


def test_some_items_are_reverse_scored_but_at_most_two_in_a_dimension() -> None:
    for dimension in load_questionnaire().dimensions:
        reverse = sum(item.reverse for item in dimension.items)
        assert reverse <= min(2, len(dimension.items) // 2), dimension.id
    assert sum(i.reverse for i in questionnaire().items) >= 5


def test_each_dimension_has_three_to_six_items_and_the_manager_answers_three_at_least() -> None:
    for dimension in load_questionnaire().dimensions:
        assert 3 <= len(dimension.items) <= 6, dimension.id
        assert len(dimension.items_of("manager")) >= 3, dimension.id


def test_item_ids_carry_their_dimension_prefix() -> None:
    prefixes = {
        "functional_level": "fl_",
        "competence": "co_",
        "interdependence": "in_",
        "manager_readiness": "mr_",
        "org_support": "os_",
        "phase_dependency": "pd_",
        "phase_conflict": "pc_",
        "phase_trust": "pt_",
        "phase_work": "pw_",
    }
    for item in questionnaire().items:
        assert item.id.startswith(prefixes[item.dimension]), item.id


ABSOLUTES = {
    "sv": r"\b(alla|allt|alltid|aldrig|ingen|inget|inga|ingenting|varje|var och en|hela tiden)\b",
    "en": r"\b(all|always|never|every|everyone|everybody|each(?! other)|nobody|nothing|none)\b",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_item_speaks_in_absolutes(lang: str) -> None:
    for item in questionnaire(lang).items:  # type: ignore[arg-type]
        assert not re.search(ABSOLUTES[lang], item.text, re.IGNORECASE), (item.id, item.text)


def test_items_the_review_found_weak_are_gone() -> None:
    ids = {item.id for item in questionnaire().items}

    assert not ids & {
        "fl_shared_goals",  # "alla i gruppen"
        "fl_joint_decisions",  # two questions in one
        "mr_hand_over_mandates",  # an intention, not behaviour
        "pd_acts_without_waiting",  # the same as co_take_initiative
        "in_depends_on_other_units",  # other units are C9's, not C4's
    }


def test_english_says_phase_for_the_groups_phases() -> None:
    for dimension in questionnaire("en").dimensions:
        for text in (dimension.title, dimension.description, dimension.phase_title or ""):
            assert "stage" not in text.lower(), dimension.id


def test_the_context_fields_match_the_profile_model_and_its_cautious_defaults() -> None:
    fields = {f.id: f for f in questionnaire().context_fields}

    assert tuple(fields) == CONTEXT_FIELDS == tuple(Context.model_fields)
    for name, field in fields.items():
        assert field.default == getattr(Context(), name), name
    assert [c.value for c in fields["rollout_plan"].choices] == [
        "stepwise",
        "big_launch",
        "undecided",
    ]


def test_every_item_says_who_answers_it() -> None:
    for lang in ("sv", "en"):
        for item in questionnaire(lang).items:  # type: ignore[arg-type]
            assert item.answered_by in ("manager", "members", "team"), item.id


def test_members_answer_the_group_items_and_a_few_about_their_manager() -> None:
    source = load_questionnaire()
    group = set(DIMENSIONS) - {"manager_readiness", "org_support"}

    for dimension in source.dimensions:
        who = {item.answered_by for item in dimension.items}
        if dimension.id in group:
            assert who == {"team"}, dimension.id
    assert {i.answered_by for i in source.by_id["org_support"].items} == {"manager"}
    manager_readiness = source.by_id["manager_readiness"]
    assert {i.answered_by for i in manager_readiness.items} == {"manager", "members"}
    assert 3 <= len(manager_readiness.items_of("members")) <= 5
    assert len(manager_readiness.items_of("manager")) >= 3
    answered_by_members = {d.id for d in source.dimensions if d.items_of("members")}
    assert answered_by_members == group | {"manager_readiness"}


def test_the_manager_speaks_of_themself_and_members_of_the_manager() -> None:
    texts = {lang: {i.id: i for i in questionnaire(lang).items} for lang in ("sv", "en")}  # type: ignore[arg-type]
    dimension = load_questionnaire().by_id["manager_readiness"]

    for item in dimension.items_of("manager"):
        assert re.search(r"\bjag\b", texts["sv"][item.id].text, re.IGNORECASE), item.id
        assert re.search(r"\bI\b", texts["en"][item.id].text), item.id
    for item in dimension.items:
        if item.answered_by == "members":
            assert "chefen" in texts["sv"][item.id].text.lower(), item.id
            assert "the manager" in texts["en"][item.id].text.lower(), item.id


def test_the_manager_answers_their_own_items_first_so_the_form_numbers_them_alike() -> None:
    for dimension in load_questionnaire().dimensions:
        theirs = dimension.items_of("manager")
        assert dimension.items[: len(theirs)] == theirs, dimension.id


def test_a_caller_cannot_change_what_the_next_caller_sees() -> None:
    first = questionnaire()

    with pytest.raises(ValidationError):
        first.version = "edited"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        first.items.clear()  # type: ignore[attr-defined]
    assert questionnaire().version != "edited"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'"):
        questionnaire("de")  # type: ignore[arg-type]
