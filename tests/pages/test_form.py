"""Reading the posted form: values as given, 'don't know' as not answered, problems by place."""

from __future__ import annotations

import pytest

from api.pages.form import DONT_KNOW, read_form
from tests.pages.conftest import form_for


def test_dont_know_is_an_answer_the_profile_counts_as_not_given() -> None:
    result = read_form({**form_for(), "fl_shared_goals": DONT_KNOW})

    assert result.profile is not None
    assert "fl_shared_goals" not in result.profile.answers
    assert result.values["fl_shared_goals"] == DONT_KNOW


def test_fields_the_form_does_not_have_are_ignored() -> None:
    result = read_form({**form_for(), "lang": "en", "csrf": "x", "fl_unknown": "3"})

    assert result.problems == ()
    assert "fl_unknown" not in result.values


def test_forgotten_items_are_named_and_their_part_is_not_blamed_twice() -> None:
    form = form_for()
    for item in ("pd_waits_for_manager", "pd_too_polite", "pd_unclear_roles"):
        del form[item]

    result = read_form(form)

    assert result.profile is None
    assert [p.loc for p in result.problems] == [
        ("answers", "pd_waits_for_manager"),
        ("answers", "pd_too_polite"),
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
