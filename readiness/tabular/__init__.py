"""Teams in spreadsheets: read an organisation's teams from CSV, XLSX or JSON Lines, write templates and exports.

    >>> from readiness.tabular import profiles_from_rows, read_table
    >>> for team in profiles_from_rows(read_table(Path("teams.xlsx"))):
    ...     print(team.team_id, team.profile or team.problems)

`read_table` streams the rows of a file (row numbers as the spreadsheet shows them);
`profiles_from_rows` turns each team's consecutive rows into a TeamProfile, or into the cells at
fault (`CellProblem`: row, column, value, why). `write_template` writes the empty file to fill in,
`write_table` an export, both as Swedish Excel opens them. Nothing here knows of HTTP or SQL.
"""

from readiness.tabular.base import (
    PROFILE_KEY,
    Cell,
    CellProblem,
    KeepTeam,
    Row,
    RowError,
    TableError,
    TeamRows,
)
from readiness.tabular.grouping import profiles_from_rows
from readiness.tabular.reading import Format, read_table
from readiness.tabular.writing import OutputFormat, write_table, write_template

__all__ = [
    "PROFILE_KEY",
    "Cell",
    "CellProblem",
    "Format",
    "KeepTeam",
    "OutputFormat",
    "Row",
    "RowError",
    "TableError",
    "TeamRows",
    "profiles_from_rows",
    "read_table",
    "write_table",
    "write_template",
]
