"""The questionnaire as data: every dimension, both languages, reverse items, context fields."""

from __future__ import annotations

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


def test_some_items_are_reverse_scored_but_never_most_of_a_dimension() -> None:
    for dimension in load_questionnaire().dimensions:
        reverse = sum(item.reverse for item in dimension.items)
        assert reverse <= len(dimension.items) // 2, dimension.id
    assert sum(i.reverse for i in questionnaire().items) >= 5


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


def test_only_group_dimensions_are_answered_by_members() -> None:
    by = {d.id: d.answered_by for d in questionnaire().dimensions}

    assert {d for d, who in by.items() if who == "manager"} == {"manager_readiness", "org_support"}


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
