"""From rows to team profiles: a team's consecutive rows become one TeamProfile, or the cells at fault.

    >>> for team in profiles_from_rows(read_table(Path("teams.csv"))):
    ...     team.profile or team.problems

A team's rows follow one another (same team_id, in any case). The row with an empty `respondent`
is the manager's: the manager's answers and the context. Every other row is one member's answers.
Only the rows of the team at hand are held; of earlier teams only their ids, to catch a team whose
rows are split.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from readiness.errors import ProfileError
from readiness.tabular.base import PROFILE_KEY, CellProblem, Row, RowError, TeamRows, as_text
from readiness.tabular.flat import FlatTeam
from readiness.tabular.whole import ProfileLine
from readiness.teams import team_slug


def profiles_from_rows(rows: Iterable[Row | RowError]) -> Iterator[TeamRows]:
    """One TeamRows per team, in the order of the file, each as soon as its last row is read.

    A row that belongs to no team (an empty team_id, a line that could not be read) comes at once
    as a TeamRows of its own, with `team_id == ""` and its problem; it does not end the team
    whose rows surround it, which therefore comes after it.
    """
    seen: dict[str, int] = {}
    group: list[Row] = []
    group_key = ""
    for row in rows:
        if isinstance(row, RowError):
            problem = CellProblem(row.number, "", row.text, row.message)
            yield TeamRows("", "", None, None, (row.number,), problems=(problem,))
            continue
        written = as_text(row.cells.get("team_id"))
        if written is None:
            why = "team_id is empty; every row needs the id of the team it belongs to"
            problem = CellProblem(row.number, "team_id", None, why)
            yield TeamRows("", "", None, None, (row.number,), problems=(problem,))
            continue
        key = _key(written)
        whole = PROFILE_KEY in row.cells  # a JSON Lines profile: a whole team on one line
        if group and (key != group_key or whole):
            yield _team(group, seen)
            group = []
        if whole:
            yield _team([row], seen)
            continue
        group.append(row)
        group_key = key
    if group:
        yield _team(group, seen)


def _key(team_id: str) -> str:
    """What makes two rows one team's, even when the id itself is not valid."""
    return unicodedata.normalize("NFC", team_id.strip()).casefold()


def _team(group: Sequence[Row], seen: dict[str, int]) -> TeamRows:
    first = group[0]
    written = as_text(first.cells.get("team_id")) or ""
    problems: list[CellProblem] = []
    slug: str | None = None
    try:
        slug = team_slug(written)
    except ValueError as error:
        problems.append(CellProblem(first.number, "team_id", written, str(error)))
    earlier = seen.setdefault(_key(written), first.number)
    if earlier != first.number:
        why = (
            f"team {written!r} already had rows from row {earlier}; "
            "a team's rows must follow one another (sort the file by team_id)"
        )
        problems.append(CellProblem(first.number, "team_id", written, why))
    name, name_problems = _same_on_every_row(group, "name")
    unit, unit_problems = _same_on_every_row(group, "unit")
    problems += name_problems + unit_problems
    team = ProfileLine(first) if PROFILE_KEY in first.cells else FlatTeam(group)
    problems += team.problems
    profile = None
    if team.data is not None:
        try:
            profile = team.parse(slug or "invalid")  # a bad id is reported above, at its cell
        except ProfileError as error:
            problems += [team.locate(problem) for problem in error.problems]
    rows = tuple(row.number for row in group)
    if problems or profile is None or slug is None:
        problems.sort(key=lambda problem: problem.row)
        return TeamRows(slug or written, written, name, unit, rows, problems=tuple(problems))
    return TeamRows(slug, written, name, unit, rows, profile)


def _same_on_every_row(group: Sequence[Row], column: str) -> tuple[str | None, list[CellProblem]]:
    """The team's name or unit: written once, or the same on every row that has it."""
    value: str | None = None
    where = 0
    problems = []
    for row in group:
        text = _text(row.cells.get(column))
        if text is None:
            continue
        if value is None:
            value, where = text, row.number
        elif text != value:
            why = f"{column} differs from row {where} ({value!r}); write it once, on the manager's row"
            problems.append(CellProblem(row.number, column, text, why))
    return value, problems


def _text(value: Any) -> str | None:
    return as_text(value) if not isinstance(value, dict) else None
