"""A generated organisation in a spreadsheet: teams spread over units, some with members' rows,
and a few rows that must be rejected, each for a reason a person makes in Excel."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from readiness.builder import answers_for, member_answers_for
from readiness.questionnaire import load_questionnaire
from readiness.tabular import write_table

DIMENSIONS = [d.id for d in load_questionnaire().dimensions]
CONTEXT = ("goal_type", "rollout_plan", "current_stage", "team_size", "new_members_share")


@dataclass(frozen=True)
class Bad:
    """A row planted to be rejected: where, and what the report must name."""

    row: int
    column: str


@dataclass(frozen=True)
class OrgFile:
    columns: list[str]
    rows: list[list[object]]
    teams: int
    bad: list[Bad]

    def good_teams(self) -> int:
        return self.teams - len({b.row for b in self.bad})

    def write_csv(self, path: Path, delimiter: str = ";") -> None:
        """Swedish Excel: `;`, UTF-8 with BOM, CRLF, decimal comma."""
        with path.open("wb") as target:
            self.write_csv_to(target, delimiter)

    def write_csv_to(self, target: IO[bytes], delimiter: str = ";") -> None:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow(["" if v is None else str(v).replace(".", ",") for v in row])
        target.write(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))

    def write_xlsx(self, path: Path) -> None:
        with path.open("wb") as target:
            write_table(target, [(c, c) for c in self.columns], self.rows, "xlsx", "sv")


def generate(teams: int, units: list[str], *, seed: int = 1, bad: int = 5) -> OrgFile:
    chance = random.Random(seed)
    items = [i.id for d in load_questionnaire().dimensions for i in d.items]
    columns = ["team_id", "name", "unit", "respondent", *CONTEXT, *items]
    rows: list[list[object]] = []
    planted: list[Bad] = []
    spoil = set(chance.sample(range(teams), bad))
    for n in range(teams):
        scores = {d: chance.choice([20, 35, 45, 55, 65, 75, 85]) for d in DIMENSIONS}
        manager = answers_for(scores)
        context: dict[str, object] = {
            "goal_type": chance.choice(["individual", "group", "mixed"]),
            "rollout_plan": chance.choice(["stepwise", "stepwise", "undecided", "big_launch"]),
            "current_stage": chance.choice(["none", "none", "pilot", "expand"]),
            "team_size": chance.randint(3, 14),
            "new_members_share": chance.choice([0.0, 0.1, 0.25, 0.5]),
        }
        team_id = f"Team-{n:05d}"
        row_number = len(rows) + 2
        cells = {**context, **manager}
        if n in spoil:
            column, value = chance.choice(
                [("fl_safe_to_err", 7), ("goal_type", "lagmål"), ("team_size", "tolv")]
            )
            cells[column] = value
            planted.append(Bad(row_number, column))
        rows.append(
            _row(columns, team_id, f"Grupp {n} – Åkersberga", units[n % len(units)], "", cells)
        )
        if n % 10 == 0:  # one team in ten heard by three members
            for member in range(3):
                answers = member_answers_for({d: max(0, s - 10) for d, s in scores.items()})
                rows.append(_row(columns, team_id, None, None, f"m{member + 1}", answers))
    return OrgFile(columns, rows, teams, planted)


def _row(
    columns: list[str],
    team_id: str,
    name: str | None,
    unit: str | None,
    respondent: str,
    cells: dict[str, object],
) -> list[object]:
    fixed = {"team_id": team_id, "name": name, "unit": unit, "respondent": respondent or None}
    return [fixed[c] if c in fixed else cells.get(c) for c in columns]


def lines(path: Path) -> Iterator[str]:
    yield from path.read_text(encoding="utf-8-sig").splitlines()
