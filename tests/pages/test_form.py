"""Reading the posted form: values as given, 'don't know' as not answered, problems by place."""

from __future__ import annotations

import pytest

from api.pages.form import DONT_KNOW, field_names, form_items, read_form
from readiness.questionnaire import load_questionnaire
from tests.pages.conftest import form_for

SOURCE = load_questionnaire()
MEMBERS_ONLY = [i.id for d in SOURCE.dimensions for i in d.items if i.answered_by == "members"]


def test_dont_know_is_an_answer_the_profile_counts_as_not_given() -> None:
    result = read_form({**form_for(), "fl_goals_described_alike": DONT_KNOW})

    assert result.profile is not None
    assert "fl_goals_described_alike" not in result.profile.answers
    assert result.values["fl_goals_described_alike"] == DONT_KNOW


def test_fields_the_form_does_not_have_are_ignored() -> None:
    result = read_form({**form_for(), "lang": "en", "csrf": "x", "fl_unknown": "3"})

    assert result.problems == ()
    assert "fl_unknown" not in result.values


def test_the_form_has_the_items_the_manager_answers_and_none_only_members_answer() -> None:
    manager = [i.id for d in SOURCE.dimensions for i in d.items_of("manager")]

    assert MEMBERS_ONLY  # manager_readiness asks the members about their manager
    assert list(form_items()) == manager
    assert not set(MEMBERS_ONLY) & set(field_names())
    assert set(form_for()) >= set(manager)


def test_a_complete_form_needs_no_answer_only_members_give_and_ignores_one_posted() -> None:
    result = read_form({**form_for(), MEMBERS_ONLY[0]: "1"})

    assert result.problems == ()
    assert result.profile is not None
    assert MEMBERS_ONLY[0] not in result.profile.answers
    assert MEMBERS_ONLY[0] not in result.values


def test_forgotten_items_are_named_and_their_part_is_not_blamed_twice() -> None:
    form = form_for()
    for item in ("pd_waits_for_manager", "pd_holds_back_views", "pd_unclear_roles"):
        del form[item]

    result = read_form(form)

    assert result.profile is None
    assert [p.loc for p in result.problems] == [
        ("answers", "pd_waits_for_manager"),
        ("answers", "pd_holds_back_views"),
        ("answers", "pd_unclear_roles"),
    ]


def test_the_context_is_read_in_its_own_types() -> None:
    form = {**form_for(), "team_size": " 7 ", "reorganization": "yes", "new_members_share": "0,25"}

    result = read_form(form)

    assert result.profile is not None
    context = result.profile.context
    assert (context.team_size, context.reorganization, context.new_members_share) == (7, True, 0.25)


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("team_size", "1_0"),
        ("team_size", "٣"),
        ("new_members_share", "nan"),
        ("fl_safe_to_err", "٣"),
    ],
)
def test_only_plain_digits_count_as_a_number(field: str, typed: str) -> None:
    result = read_form({**form_for(), field: typed})

    assert result.profile is None
    assert [p.loc[-1] for p in result.problems] == [field]
