"""A team from spreadsheet rows as the plain data of a TeamProfile, and its problems back at their cells.

Cells are converted here (readiness.tabular.cells); everything else (the scale, the bounds, enough
answers per dimension) is the profile's own validation, whose problems `locate` puts back at the
row and column they came from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from readiness.errors import Loc, Problem
from readiness.models import TeamProfile
from readiness.questionnaire import CONTEXT_FIELDS, Respondent, load_questionnaire
from readiness.service import parse_profile
from readiness.tabular.base import (
    TEAM_COLUMNS,
    Cell,
    CellProblem,
    Row,
    as_text,
    did_you_mean,
)
from readiness.tabular.cells import CellIssue, context_converter, to_answer
from readiness.tabular.located import plain, too_few

_DIGITS = {str(digit): digit for digit in range(10)}  # "4" is 4; anything else, to_answer

# A bad answer is reported where it is and stands in as a valid one, so that it does not also
# show up as "too few answers" in its dimension.
_STAND_IN = 3
_SHARE_HINT = "; write a share from 0 to 1 (0,5) or a percentage (50 %)"
_NOT_THEIRS = {
    "manager": "{column} is answered by the members only; leave it empty on the manager's row",
    "members": "{column} is answered by the manager only; leave it empty on members' rows",
}


@cache
def _kinds(respondent: Respondent) -> dict[str, str]:
    """What each known column is on `respondent`'s row: theirs to answer, or not, or the team's."""
    kinds = dict.fromkeys(TEAM_COLUMNS, "team")
    on_member = "context" if respondent == "manager" else "context_on_member"
    kinds.update(dict.fromkeys(CONTEXT_FIELDS, on_member))
    for item, _dimension in load_questionnaire().items.values():
        kinds[item.id] = "answer" if item.answered_by_(respondent) else "not_theirs"
    return kinds


@cache
def _converters() -> dict[str, Callable[[Cell], object]]:
    return {field.id: context_converter(field) for field in load_questionnaire().context_fields}


class FlatTeam:
    """A team from spreadsheet rows: the manager's row and one row per member."""

    def __init__(self, group: Sequence[Row]) -> None:
        self.problems: list[CellProblem] = []
        self.manager: Row | None = None
        self.members: list[Row] = []
        labels: dict[str, int] = {}
        for row in group:
            label = as_text(row.cells.get("respondent"))
            if label is None and self.manager is None:
                self.manager = row
            elif label is None:
                assert self.manager is not None
                why = f"a second manager's row (the first is row {self.manager.number}); give each member's row a respondent"
                self._problem(row, "respondent", None, why)
            elif label.casefold() in labels:
                why = f"respondent {label!r} already answered in row {labels[label.casefold()]}; give each member a label of their own"
                self._problem(row, "respondent", label, why)
            else:
                labels[label.casefold()] = row.number
                self.members.append(row)
        self.answers: dict[str, int] = {}
        self.context: dict[str, object] = {}
        if self.manager is not None:
            self.answers = self._read(self.manager, "manager")
        else:
            first = group[0]
            why = "the team has no manager's row: add a row with an empty respondent for the manager's answers and the context"
            self._problem(first, "respondent", first.cells.get("respondent"), why)
        self.member_answers = [self._read(row, "members") for row in self.members]
        self.data = (
            None
            if self.manager is None
            else {
                "answers": self.answers,
                "context": self.context,
                "member_answers": self.member_answers,
            }
        )

    def _problem(self, row: Row, column: str, value: Cell, why: str) -> None:
        self.problems.append(CellProblem(row.number, column, as_text(value), why))

    def _read(self, row: Row, respondent: Respondent) -> dict[str, int]:
        """The row's answers to `respondent`'s items; the context too, from the manager's row."""
        kinds = _kinds(respondent)
        answers: dict[str, int] = {}
        for column, value in row.cells.items():
            kind = kinds.get(column)
            if kind == "answer":
                if value is None:
                    continue
                answer = _DIGITS.get(value) if type(value) is str else None  # the common case
                if answer is None:
                    try:
                        answer = to_answer(value)
                    except CellIssue as issue:
                        self._problem(row, column, value, str(issue))
                        answer = _STAND_IN
                if answer is not None:
                    answers[column] = answer
            elif kind == "team" or (value is None and kind is not None):
                continue
            elif kind == "context":
                self._convert_context(row, column, value, _converters()[column])
            elif kind == "not_theirs":
                self._problem(row, column, value, _NOT_THEIRS[respondent].format(column=column))
            elif kind == "context_on_member":
                why = f"{column} is about the team and belongs on the manager's row; leave it empty on members' rows"
                self._problem(row, column, value, why)
            elif column.startswith("column "):
                why = f"a value in {column}, which has no name in the header; name the column or clear it"
                self._problem(row, column, value, why)
            else:
                self._problem(row, column, value, f"unknown column{did_you_mean(column)}")
        return answers

    def _convert_context(
        self, row: Row, column: str, value: Cell, convert: Callable[[Cell], object]
    ) -> None:
        try:
            self.context[column] = convert(value)
        except CellIssue as issue:
            self._problem(row, column, value, str(issue))

    def parse(self, team_id: str) -> TeamProfile:
        return parse_profile({**(self.data or {}), "team_id": team_id})

    def _source(self, loc: Loc) -> tuple[int, str, Cell] | None:
        """The row, column and value of the cell a profile's answer or context value came from."""
        if len(loc) == 2 and loc[0] in ("answers", "context") and self.manager is not None:
            row, column = self.manager, loc[1]
        elif (
            len(loc) == 3
            and loc[0] == "member_answers"
            and isinstance(loc[1], int)
            and loc[1] < len(self.members)
        ):
            row, column = self.members[loc[1]], loc[2]
        else:
            return None
        value = row.cells.get(column) if isinstance(column, str) else None
        return None if value is None else (row.number, str(column), value)

    def locate(self, problem: Problem) -> CellProblem:
        """The profile's problem at the row and column it came from."""
        loc = plain(problem.loc)
        manager = self.manager.number if self.manager else 0
        dimensions = load_questionnaire().by_id
        source = self._source(loc)
        if source is not None:
            number, column, value = source
            hint = _SHARE_HINT if column == "new_members_share" else ""
            return CellProblem(number, column, as_text(value), problem.message + hint)
        if len(loc) == 2 and loc[0] == "answers" and loc[1] in dimensions:
            return CellProblem(
                manager, str(loc[1]), None, too_few(str(loc[1]), "manager", self.answers)
            )
        if len(loc) >= 2 and loc[0] == "member_answers" and isinstance(loc[1], int):
            member = self.members[loc[1]] if loc[1] < len(self.members) else self.members[-1]
            column = str(loc[2]) if len(loc) > 2 else "respondent"
            if column in dimensions:
                answers = self.member_answers[loc[1]]
                return CellProblem(member.number, column, None, too_few(column, "members", answers))
            return CellProblem(member.number, column, None, problem.message)
        if len(loc) >= 2 and loc[0] == "context":
            return CellProblem(manager, str(loc[1]), None, problem.message)
        return CellProblem(manager, problem.where(), None, problem.message)
