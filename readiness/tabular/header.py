"""The header row and the rows under it, the same for CSV and XLSX: names checked, cells cleaned."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from readiness.tabular.base import Cell, Row, TableError, column_letter, did_you_mean, known_columns

_EMPTY_IS_NONE: dict[str, None] = {"": None}
COLUMNS_EXAMPLE = "team_id, name, unit, respondent, the context fields and the item ids"


@dataclass(frozen=True)
class Header:
    """The columns' names by position (every one named: read_header refuses gaps)."""

    names: tuple[str, ...]
    team_at: int | None = field(init=False, repr=False, compare=False)  # team_id's position

    def __post_init__(self) -> None:
        at = self.names.index("team_id") if "team_id" in self.names else None
        object.__setattr__(self, "team_at", at)

    def row(self, number: int, values: Sequence[Any]) -> Row | None:
        """The row's cells by column name, or None for an empty row or a comment row (team_id "#…").

        A value beyond the named columns is kept under "column H", so that it is reported rather
        than silently dropped.
        """
        cells: dict[str, Cell] = dict(zip(self.names, map(clean, values), strict=False))
        return self._row(number, values, cells)

    def text_row(self, number: int, values: Sequence[str]) -> Row | None:
        """`row` of a row whose every value is text (CSV): the same cells, cleaned in one pass."""
        stripped = list(map(str.strip, values))
        cleaned = map(_EMPTY_IS_NONE.get, stripped, stripped)  # "" is None, the rest as it is
        return self._row(number, values, dict(zip(self.names, cleaned, strict=False)))

    def team_id(self, values: Sequence[Any]) -> Cell:
        """The row's team_id cell as `row` reads it, without reading the other cells."""
        at = self.team_at
        return None if at is None or at >= len(values) else clean(values[at])

    def _row(self, number: int, values: Sequence[Any], cells: dict[str, Cell]) -> Row | None:
        names = self.names
        if len(values) < len(names):
            cells.update(dict.fromkeys(names[len(values) :]))
        elif len(values) > len(names):
            for index in range(len(names), len(values)):
                cell = clean(values[index])
                if cell is not None:
                    cells[f"column {column_letter(index)}"] = cell
        team_id = cells.get("team_id")
        if isinstance(team_id, str) and team_id.startswith("#"):
            return None
        if team_id is None and all(cell is None for cell in cells.values()):
            return None
        return Row(number, cells)


def clean(value: Any) -> Cell:
    """A cell's value: text trimmed (empty text is None), numbers and booleans as they are."""
    if isinstance(value, str):
        return value.strip() or None
    if value is None or isinstance(value, bool | int | float):
        return value
    if hasattr(value, "isoformat"):  # a date, time or datetime from a workbook
        return str(value.isoformat())
    return str(value).strip() or None


def read_header(file: str, number: int, values: Sequence[Any]) -> Header:
    """The header in row `number`, or TableError naming what is wrong with it."""
    names: list[str | None] = []
    for index, value in enumerate(values):
        text = clean(value)
        name = str(text).lower() if text is not None else None
        if name is not None and names and names[-1] is None:
            gap = column_letter(index - 1)
            message = f"column {gap} of the header has no name; name it or delete the column"
            raise TableError(file, message, number)
        names.append(name)
    while names and names[-1] is None:
        names.pop()
    named = [name for name in names if name is not None]  # all of them, after the check above
    where: dict[str, int] = {}
    for index, name in enumerate(named):
        if name in where:
            first, again = column_letter(where[name]), column_letter(index)
            message = f"column {name!r} appears twice in the header (columns {first} and {again})"
            raise TableError(file, message, number)
        where[name] = index
    if "team_id" not in where:
        raise TableError(
            file,
            f"no team_id column; the first row must name the columns: {COLUMNS_EXAMPLE} "
            "(download the template)",
            number,
        )
    unknown = [name for name in where if name not in known_columns()]
    if unknown:
        listed = ", ".join(f"{name!r}{did_you_mean(name)}" for name in unknown)
        raise TableError(
            file,
            f"unknown column{'s' if len(unknown) > 1 else ''} {listed}; "
            f"the columns are {COLUMNS_EXAMPLE} (see the template)",
            number,
        )
    return Header(tuple(named))
