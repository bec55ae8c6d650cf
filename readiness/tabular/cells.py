"""From a cell as written to the value a team profile holds: answers, whole numbers, shares, yes/no, choices.

Each converter returns None for an empty cell and raises CellIssue with the reason, phrased for the
person who filled in the spreadsheet, when the cell cannot be read. Ranges (1..5, team sizes, a
share from 0 to 1) are left to the profile's own validation, so they are said in one place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from readiness.questionnaire import ContextField
from readiness.tabular.base import Cell, as_text

_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")  # Swedish Excel writes "50 %" with a no-break space
_YES = frozenset({"ja", "j", "yes", "y", "true", "sant", "1", "x"})
_NO = frozenset({"nej", "n", "no", "false", "falskt", "0"})


_ANSWER = "answer a whole number from 1 to 5 or leave it empty"  # the scale is 1..5 (contract §3)


class CellIssue(ValueError):
    """Why a cell cannot be read; the message is the CellProblem's `why`."""


def _number(value: Cell) -> float | None:
    """A number from a number or from text with a decimal point or comma; None when it is not one."""
    if isinstance(value, bool) or value is None or isinstance(value, dict):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = _SPACES.sub("", value)
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


def _whole(value: Cell, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)  # the common case, first
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    number = _number(value)
    if number is None:
        raise CellIssue(f"{as_text(value)!r} is not a number; {what}")
    if not number.is_integer():
        raise CellIssue(f"{as_text(value)} is not a whole number; {what}")
    return int(number)


def to_answer(value: Cell) -> int | None:
    """An answer on the 1..5 scale: 4, 4.0 and "4" are 4; "4,5", "4.5" and "six" are not answers."""
    return _whole(value, _ANSWER)


def to_integer(value: Cell) -> int | None:
    return _whole(value, "write a whole number or leave it empty")


def to_share(value: Cell) -> float | None:
    """A share from 0 to 1: 0.5, "0,5", "50 %" and "50%" are all a half."""
    if value is None:
        return None
    hint = "write a share from 0 to 1 (0,5) or a percentage (50 %)"
    text = _SPACES.sub("", value) if isinstance(value, str) else None
    if text is not None and text.endswith("%"):
        number = _number(text.removesuffix("%"))
        if number is None:
            raise CellIssue(f"{value!r} is not a percentage; {hint}")
        return number / 100
    number = _number(value)
    if number is None or not math.isfinite(number):
        raise CellIssue(f"{as_text(value)!r} is not a number; {hint}")
    return number


def to_boolean(value: Cell) -> bool | None:
    """Yes or no: ja/nej, yes/no, true/false, sant/falskt, 1/0, or x for yes (any case)."""
    if value is None or isinstance(value, bool):
        return value
    text = as_text(value)
    word = (text or "").strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellIssue(
        f"{text!r} is not yes or no; write ja or nej (or yes/no, true/false, 1/0, or x for yes)"
    )


def choice_converter(field: ContextField) -> Callable[[Cell], str | None]:
    """A choice's value from the value itself or its label in either language, in any case."""
    words: dict[str, str] = {}
    for choice in field.choices:
        for word in (choice.value, choice.label.sv, choice.label.en):
            words[word.casefold()] = choice.value

    def convert(value: Cell) -> str | None:
        if value is None:
            return None
        text = as_text(value) or ""
        found = words.get(text.strip().casefold())
        if found is None:
            allowed = ", ".join(choice.value for choice in field.choices)
            raise CellIssue(f"{text!r} is not one of: {allowed}")
        return found

    return convert


def context_converter(field: ContextField) -> Callable[[Cell], object]:
    """How to read the context field `field` from a cell."""
    converters: dict[str, Callable[[Cell], object]] = {
        "integer": to_integer,
        "number": to_share,  # the one number field is a share (new_members_share)
        "boolean": to_boolean,
    }
    return converters.get(field.type) or choice_converter(field)
