"""The questionnaire form as a team profile: what was given, and every problem with it.

The manager fills the form in, so it has the items the manager answers (`answered_by` manager or
team); the items only members answer are not on it, and a posted value for one is ignored.
Form fields carry the contract's names: an item's id, a context field's id, `team_id`. Each item
must be answered on the form, if only with "don't know", so that a forgotten item is caught at the
item; "don't know" is an answer the library counts as not given, and its rule (half of a
dimension's items at least) still holds. Values that do not convert are passed on unchanged, so
the library rejects them at the field they came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from readiness import Problem, ProfileError, TeamProfile, parse_profile
from readiness.questionnaire import CONTEXT_FIELDS, load_questionnaire

DONT_KNOW = "dont_know"
# Digits as people type them; Python's int() and float() would also take "1_0", "٣" and "nan".
INTEGER = re.compile(r"[+-]?[0-9]+")
DECIMAL = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
BOOLEAN_VALUES = {"yes": True, "no": False}


@dataclass(frozen=True)
class FormResult:
    """The form's values as given (to show them again) and either a profile or its problems."""

    values: dict[str, str]
    profile: TeamProfile | None
    problems: tuple[Problem, ...]


def form_items() -> tuple[str, ...]:
    """The items on the form: those the manager answers, in questionnaire order."""
    return tuple(
        item.id
        for dimension in load_questionnaire().dimensions
        for item in dimension.items_of("manager")
    )


def field_names() -> tuple[str, ...]:
    """Every field the form has: the manager's items in order, the context, the team id."""
    return (*form_items(), *CONTEXT_FIELDS, "team_id")


def read_form(form: Mapping[str, Any]) -> FormResult:
    """Turn the posted form into a TeamProfile, or name every problem where it belongs."""
    values = {
        name: str(form[name]).strip() for name in field_names() if isinstance(form.get(name), str)
    }
    unanswered = [item for item in form_items() if not values.get(item)]
    try:
        profile: TeamProfile | None = parse_profile(_profile_data(values))
        problems: list[Problem] = []
    except ProfileError as error:
        profile, problems = None, list(error.problems)
    if unanswered:
        profile = None
        problems = _missing(unanswered) + _without_dimensions_of(unanswered, problems)
    return FormResult(values, profile, tuple(problems))


def _profile_data(values: Mapping[str, str]) -> dict[str, Any]:
    source = load_questionnaire()
    answers = {
        item: None if values[item] == DONT_KNOW else _integer(values[item])
        for item in form_items()
        if values.get(item)
    }
    kinds = {field.id: field.type for field in source.context_fields}
    context = {
        name: _converted(kinds[name], values[name]) for name in CONTEXT_FIELDS if values.get(name)
    }
    data: dict[str, Any] = {"answers": answers, "context": context}
    if values.get("team_id"):
        data["team_id"] = values["team_id"]
    return data


def _converted(kind: str, value: str) -> Any:
    if kind == "integer":
        return _integer(value)
    if kind == "number" and DECIMAL.fullmatch(value):
        return float(value.replace(",", "."))  # Swedish writes 0,5
    if kind == "boolean":
        return BOOLEAN_VALUES.get(value, value)
    return value


def _integer(value: str) -> int | str:
    return int(value) if INTEGER.fullmatch(value) else value


def _missing(items: list[str]) -> list[Problem]:
    return [Problem(("answers", item), "no answer chosen", "answer_missing") for item in items]


def _without_dimensions_of(items: list[str], problems: list[Problem]) -> list[Problem]:
    # A dimension with a forgotten item is short of answers because of it; the item says so.
    source = load_questionnaire()
    short = {source.items[item][1].id for item in items}
    return [p for p in problems if not (p.type == "too_few_answers" and p.loc[-1] in short)]
