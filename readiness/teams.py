"""Team ids: case-insensitive slugs in any script, so "Kundtjänst-Nord" and "kundtjänst-nord" are one team.

    >>> team_slug("Kundtjänst-Nord")
    'kundtjänst-nord'

A slug starts with a letter or a digit and goes on with letters, digits, ``.``, ``_`` and ``-``
(``^[^\\W_][\\w.-]*$`` with Unicode word characters), at most 64 characters. Combining marks are
allowed after the first character, so that scripts written with them (Devanagari, Arabic
vowel signs) and case folding that produces them (Turkish "İ" → "i̇") are not rejected.
"""

from __future__ import annotations

import unicodedata

from readiness.limits import TEAM_ID_MAX_LENGTH

_PUNCTUATION = frozenset("._-")


def team_slug(text: str) -> str:
    """`text` as a team id: NFC-normalised and case-folded; ValueError saying what is wrong."""
    slug = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    if not slug:
        raise ValueError("a team id cannot be empty")
    if len(slug) > TEAM_ID_MAX_LENGTH:
        raise ValueError(
            f"team id {text[:20]!r}… is {len(slug)} characters long; at most {TEAM_ID_MAX_LENGTH}"
        )
    if not slug[0].isalnum():
        raise ValueError(f"team id {text!r} must start with a letter or a digit")
    for char in slug[1:]:
        if not (char.isalnum() or char in _PUNCTUATION or unicodedata.category(char)[0] == "M"):
            raise ValueError(
                f"team id {text!r} contains {_shown(char)}; "
                "use letters, digits, '.', '_' and '-' only"
            )
    return slug


def _shown(char: str) -> str:
    """A character as a message names it: a space or an invisible one with its Unicode name too."""
    name = unicodedata.name(char, "").lower()
    if name and (char.isspace() or not char.isprintable()):
        return f"{char!r} ({name})"
    return repr(char)
