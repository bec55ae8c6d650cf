import pytest

from api.deps import preferred_lang


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "sv"),
        ("", "sv"),
        ("en", "en"),
        ("en-GB,en;q=0.9", "en"),
        ("sv-SE,sv;q=0.9,en;q=0.8", "sv"),
        ("de-DE,en;q=0.5", "en"),
        ("fr, de", "sv"),
        ("sv;q=0.3, en;q=0.7", "en"),
        ("en;q=0", "sv"),
        ("en;q=banana, sv", "sv"),
        ("*", "sv"),
    ],
)
def test_the_language_is_the_readers_first_choice_among_ours(
    header: str | None, expected: str
) -> None:
    assert preferred_lang(header) == expected
