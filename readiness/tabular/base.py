"""What the tabular modules hand each other and their callers: rows, problems, teams, the columns."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from readiness.errors import ReadinessError
from readiness.models import TeamProfile
from readiness.questionnaire import CONTEXT_FIELDS, load_questionnaire

# A cell as read: text (trimmed, never empty), a number, a boolean, or None for an empty cell.
# Only under PROFILE_KEY, a JSON Lines row holds a whole team profile (a dict) instead.
Cell = str | int | float | bool | None | dict[str, Any]
PROFILE_KEY = "__profile__"
# Which rows a reader yields, by their team_id cell as read (None when empty): `readiness batch`
# gives each process its share of the teams without reading the other teams' cells.
KeepTeam = Callable[[Cell], bool]
TEAM_COLUMNS: tuple[str, ...] = ("team_id", "name", "unit", "respondent")


class TableError(ReadinessError):
    """A file that cannot be read as a table of teams at all; names the file and what is wrong."""

    def __init__(self, file: str, message: str, row: int | None = None) -> None:
        self.file = file
        self.row = row
        self.detail = message
        where = f"{file}, row {row}" if row is not None else file
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Row:
    """One row with something in it; `number` as the spreadsheet shows it (the header is row 1)."""

    number: int
    cells: dict[str, Cell]


@dataclass(frozen=True)
class RowError:
    """A row that could not be read (a JSON Lines line that is not a JSON object); the file goes on."""

    number: int
    message: str
    text: str | None = None


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong in a team's rows: the row, the column (or dimension id), the cell as written, why."""

    row: int
    column: str
    value: str | None
    why: str


@dataclass(frozen=True)
class TeamRows:
    """One team's consecutive rows: a valid `profile`, or the `problems` that keep it from being one.

    `team_id` is the normalised id (readiness.teams.team_slug) or, when the id is not valid, the
    text as written; `written_id` is always as written. A row that belongs to no team (an empty
    team_id, a line that is not JSON) comes as a TeamRows with `team_id == ""`.
    """

    team_id: str
    written_id: str
    name: str | None
    unit: str | None
    rows: tuple[int, ...]
    profile: TeamProfile | None = None
    problems: tuple[CellProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.profile is not None


@dataclass(frozen=True)
class Column:
    """A column of a sheet to write: its header, width and, for a template, what may go in it."""

    header: str
    width: float
    note: str | None = None  # the template's second, italic row
    allowed: str | None = None  # "answer", "integer", "share" or a list formula like '"ja,nej"'
    hint: str | None = None  # Excel's warning when a cell breaks `allowed`


@cache
def known_columns() -> frozenset[str]:
    """Every column a team file may have: the team's, the context fields and every item id."""
    return frozenset((*TEAM_COLUMNS, *CONTEXT_FIELDS, *load_questionnaire().items))


def did_you_mean(column: str) -> str:
    """ " (did you mean 'x'?)" for a near miss among the known columns, else nothing."""
    close = difflib.get_close_matches(column, sorted(known_columns()), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def column_letter(index: int) -> str:
    """The spreadsheet's name of the column at 0-based `index`: A, B, …, Z, AA, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def as_text(value: Cell) -> str | None:
    """A cell as a problem quotes it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
