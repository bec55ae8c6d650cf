"""Team ids are case-insensitive slugs in any script."""

from __future__ import annotations

import re

import pytest

from readiness.teams import team_slug


def test_a_team_id_is_folded_to_lower_case_in_any_script() -> None:
    assert team_slug("Kundtjänst-Nord") == "kundtjänst-nord"
    assert team_slug("Kundtjanst-Nord") == team_slug("kundtjanst-nord") == "kundtjanst-nord"
    assert team_slug("ÅÄÖ.team_2") == "åäö.team_2"
    assert team_slug("Straße") == "strasse"
    assert team_slug("Команда-1") == "команда-1"


def test_the_same_letters_composed_or_decomposed_are_the_same_team() -> None:
    composed, decomposed = "Kundtj\u00e4nst", "Kundtja\u0308nst"

    assert team_slug(composed) == team_slug(decomposed) == "kundtj\u00e4nst"


def test_combining_marks_are_letters_too() -> None:
    assert team_slug("नमस्ते") == "नमस्ते"  # Devanagari vowel signs and a virama
    assert team_slug("İzmir") == "i̇zmir"  # Turkish capital I with a dot folds to i + a mark


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "cannot be empty"),
        ("-nord", "must start with a letter or a digit"),
        ("_nord", "must start with a letter or a digit"),
        (".nord", "must start with a letter or a digit"),
        ("kund tjänst", "contains ' ' (space)"),
        ("kund/tjänst", "contains '/'"),
        ("nord\n", "contains '\\n'"),
        ("a\u00a0b", "no-break space"),
        (" nord", "must start with a letter or a digit"),
        ("a" * 65, "65 characters long; at most 64"),
    ],
)
def test_a_bad_team_id_is_rejected_saying_why(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        team_slug(text)


def test_the_longest_team_id_is_accepted() -> None:
    assert team_slug("A" * 64) == "a" * 64
