"""A rejected form's problems in the reader's words, each placed at the item, part or field it is about.

The library names a problem by its location (`answers.<item>`, `answers.<dimension>`,
`context.<field>`, `team_id`) and a stable type; the page turns that into a sentence a manager can
act on and an anchor the error summary links to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from api.pages.i18n import gettext_for
from readiness import Problem
from readiness.limits import TEAM_ID_MAX_LENGTH
from readiness.questionnaire import load_questionnaire
from readiness.vocabulary import Lang

FORM = "form"


@dataclass(frozen=True)
class PlacedProblem:
    name: str  # the item, dimension or field the problem belongs to; FORM when none
    anchor: str  # the id of that place on the page
    label: str  # the place in words, for the error summary
    message: str


def place(problems: Sequence[Problem], lang: Lang) -> list[PlacedProblem]:
    """Every problem, in the order of the form, worded in `lang`."""
    placed = [_place(problem, lang) for problem in problems]
    order = {name: n for n, name in enumerate(_form_order())}
    return sorted(placed, key=lambda p: order.get(p.name, -1))


def _form_order() -> list[str]:
    source = load_questionnaire()
    names = []
    for dimension in source.dimensions:
        names += [dimension.id, *(item.id for item in dimension.items)]
    return [*names, *(field.id for field in source.context_fields), "team_id"]


def _place(problem: Problem, lang: Lang) -> PlacedProblem:
    _ = gettext_for(lang)
    source = load_questionnaire()
    where = problem.loc[-1] if problem.loc else None
    if problem.loc[:1] == ("answers",) and where in source.items:
        item, dimension = source.items[str(where)]
        number = dimension.items.index(item) + 1
        label = _("%(dimension)s, statement %(number)s") % {
            "dimension": dimension.title(lang),
            "number": number,
        }
        if problem.type == "answer_missing":
            message = _("Choose an answer, or “Don't know”.")
        else:
            message = _("Choose one of the answers 1 to 5, or “Don't know”.")
        return PlacedProblem(item.id, f"item-{item.id}", label, message)
    if problem.loc[:1] == ("answers",) and where in source.by_id:
        dimension = source.by_id[str(where)]
        message = _(
            "Answer at least %(needed)s of the %(total)s statements in this part; "
            "“Don't know” does not count as an answer."
        ) % {"needed": dimension.min_answers, "total": len(dimension.items_of("manager"))}
        return PlacedProblem(
            dimension.id, f"dimension-{dimension.id}", dimension.title(lang), message
        )
    fields = {field.id: field for field in source.context_fields}
    if problem.loc[:1] == ("context",) and where in fields:
        field = fields[str(where)]
        if field.type == "integer":
            message = _("Give a whole number from %(min)s to %(max)s, or leave it empty.") % {
                "min": f"{field.bounds[0]:g}",
                "max": f"{field.bounds[1]:g}",
            }
        elif field.type == "number":
            message = _("Give a number from 0 to 1, for example 0.5 for half of the group.")
        else:
            message = _("Choose one of the options.")
        return PlacedProblem(field.id, f"field-{field.id}", field.title(lang), message)
    if problem.loc == ("team_id",):
        message = _(
            "Use at most %(max)s letters (a–z without å, ä, ö), digits, “.”, “_” and “-”, "
            "starting with a letter or a digit."
        ) % {"max": TEAM_ID_MAX_LENGTH}
        return PlacedProblem("team_id", "field-team_id", _("Team id"), message)
    return PlacedProblem(FORM, "form", _("The form"), problem.message)
