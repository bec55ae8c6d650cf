"""A team from one JSON Lines line that holds a whole team profile, and its problems at their paths."""

from __future__ import annotations

from typing import Any

from readiness.errors import Loc, Problem
from readiness.models import TeamProfile
from readiness.questionnaire import Respondent, load_questionnaire
from readiness.service import parse_profile
from readiness.tabular.base import PROFILE_KEY, CellProblem, Row, as_text
from readiness.tabular.located import plain, too_few


class ProfileLine:
    """A team from one JSON Lines line that holds a whole team profile."""

    def __init__(self, row: Row) -> None:
        self.row = row
        whole = row.cells[PROFILE_KEY]
        assert isinstance(whole, dict)
        self.whole = whole
        self.data = {k: v for k, v in whole.items() if k not in ("team_id", "name", "unit")}
        self.problems: list[CellProblem] = []

    def parse(self, team_id: str) -> TeamProfile:
        return parse_profile({**self.data, "team_id": team_id})

    def locate(self, problem: Problem) -> CellProblem:
        """The problem at its line, the column a dotted path into the profile."""
        loc = plain(problem.loc)
        value, parent = self._at(loc), self._at(loc[:-1])
        dimensions = load_questionnaire().by_id
        why = problem.message
        if problem.type == "too_few_answers" and loc and loc[-1] in dimensions:
            respondent: Respondent = "manager" if loc[0] == "answers" else "members"
            why, value = too_few(str(loc[-1]), respondent, parent), None
        shown = None if isinstance(value, dict | list) else as_text(value)
        column = ".".join(str(part) for part in loc) or "(profile)"
        return CellProblem(self.row.number, column, shown, why)

    def _at(self, loc: Loc) -> Any:
        """The value at `loc` in the line's object, None when there is none."""
        value: Any = self.whole
        for part in loc:
            if isinstance(value, dict):
                value = value.get(part)
            elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
                value = value[part]
            else:
                return None
        return value
