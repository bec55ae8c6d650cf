"""The quick ways of reading a team file (issue 12) read what the plain way reads.

`readiness batch` cleans a CSV row's cells in one pass (`Header.text_row`) and skips the other
processes' rows by their team_id cell alone (`read_table(keep=...)`). Each is held here to the
plain way on messy files: answers as words, decimals, with spaces, out of the scale, on the
wrong row; context values to convert; duplicate and missing respondents; comment and empty
rows; cells beyond the named columns; teams whose rows are split; the columns in any order;
CSV, XLSX and JSON Lines.
"""

from __future__ import annotations

import io
import json
import random
from typing import Any

import pytest

from readiness.questionnaire import CONTEXT_FIELDS, load_questionnaire
from readiness.tabular import Row, RowError, TeamRows, profiles_from_rows, read_table
from readiness.tabular.base import Column
from readiness.tabular.header import Header
from readiness.tabular.xlsx import write_sheet
from readiness_cli.batch_workers import Share, shard_of

SOURCE = load_questionnaire()
ITEMS = [item for item, _dimension in SOURCE.items.values()]
HEADER = ["team_id", "name", "unit", "respondent", *CONTEXT_FIELDS, *(i.id for i in ITEMS)]
ODD_ANSWERS = [" 4 ", "4,0", "4.5", "six", "0", "7", "x", "-1", "3 ", "1e0"]
CONTEXT_VALUES: dict[str, list[object]] = {
    "team_size": ["8", "12", "tolv", "3,5", ""],
    "months_together": ["6", "24", "0", "halvår", ""],
    "new_members_share": ["0,25", "50 %", "0.1", "mycket", "2", ""],
    "reorganization": ["ja", "nej", "x", "kanske", ""],
    "goal_type": ["group", "Mixed", "Individuella", "båda", ""],
    "rollout_plan": ["stepwise", "big_launch", "vet ej", ""],
    "current_stage": ["none", "pilot", "expand", "later", ""],
}


def messy_rows(rng: random.Random, teams: int) -> list[list[str]]:
    """Rows of a team file as text; most teams fine, many with something to say about a cell."""
    header = list(HEADER)
    if rng.random() < 0.5:
        rng.shuffle(header)  # team_id anywhere, the columns in any order
    rows: list[list[str]] = [header]
    for number in range(teams):
        team_id = rng.choice([f"team-{number}", f" Team-{number} ", f"TEAM-{number}"])
        if rng.random() < 0.03:
            team_id = rng.choice(["", "#note", "-bad id", f"team-{max(0, number - 2)}"])
        odd = rng.random() < 0.3
        labels = ["", *(f"m{k}" for k in range(rng.choice([0, 0, 2, 5])))]
        if odd and rng.random() < 0.2:
            labels.append(rng.choice(["", "m1"]))  # a second manager, a label twice
        for label in labels:
            cells = [team_id, f"Lag {number}" if not label else "", "", label]
            for field in CONTEXT_FIELDS:
                choices = CONTEXT_VALUES[field] if odd else CONTEXT_VALUES[field][:2]
                value = rng.choice(choices) if not label else ""
                if label and odd and rng.random() < 0.05:
                    value = "8"  # the team's context on a member's row
                cells.append(str(value))
            for item in ITEMS:
                theirs = item.answered_by_("members" if label else "manager")
                value = str(rng.randint(1, 5)) if theirs and rng.random() > 0.05 else ""
                if odd and rng.random() < 0.04:
                    value = rng.choice(ODD_ANSWERS)
                cells.append(value)
            written = dict(zip(HEADER, cells, strict=True))
            row = [written[column] for column in header]
            if odd and rng.random() < 0.05:
                row.append("stray")  # a cell beyond the named columns
            if odd and rng.random() < 0.05:
                row = row[: rng.randint(1, len(row))]  # a short row
            rows.append(row)
        if rng.random() < 0.02:
            rows.append([""] * len(HEADER))  # an empty row
    return rows


def csv_bytes(rows: list[list[str]]) -> bytes:
    return "\n".join(";".join(row) for row in rows).encode() + b"\n"


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    """The same rows in a workbook, digits as numbers (as Excel keeps them)."""

    def cell(text: str) -> object:
        return int(text) if text.isdigit() else text or None

    target = io.BytesIO()
    columns = [Column(name, 10) for name in rows[0]]
    write_sheet(target, "teams", columns, [[cell(text) for text in row] for row in rows[1:]])
    return target.getvalue()


def jsonl_bytes(rows: list[list[str]], rng: random.Random) -> bytes:
    """Flat JSON rows (an unknown key now and then), a whole profile, and lines that are not
    objects."""
    lines = []
    for row in rows[1:]:
        data: dict[str, Any] = {k: v for k, v in zip(rows[0], row, strict=False) if v}
        if rng.random() < 0.02:
            data["colour"] = "blue"
        lines.append(json.dumps(data))
        if rng.random() < 0.01:
            lines.append(rng.choice(["[1, 2]", "{not json", '"text"']))
    lines.append(json.dumps({"team_id": "whole-1", "answers": {ITEMS[0].id: 3}}))
    return "\n".join(lines).encode() + b"\n"


def read_plainly(monkeypatch: pytest.MonkeyPatch, data: bytes, name: str) -> list[TeamRows]:
    """The teams as the reading of any row (`Header.row`, a cell at a time) gives them."""
    with monkeypatch.context() as patch:
        patch.setattr(Header, "text_row", Header.row)
        return list(profiles_from_rows(read_table(io.BytesIO(data), name=name)))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("kind", ["csv", "xlsx", "jsonl"])
def test_the_quick_reading_gives_the_teams_the_plain_reading_gives(
    monkeypatch: pytest.MonkeyPatch, kind: str, seed: int
) -> None:
    rng = random.Random(seed)
    rows = messy_rows(rng, 150)
    data = {"csv": csv_bytes, "xlsx": xlsx_bytes}.get(kind, lambda r: jsonl_bytes(r, rng))(rows)
    name = f"teams.{kind}"

    quick = list(profiles_from_rows(read_table(io.BytesIO(data), name=name)))
    plain = read_plainly(monkeypatch, data, name)

    assert quick == plain
    assert sum(team.profile is not None for team in quick) > 40
    assert sum(bool(team.problems) for team in quick) > 20


def test_a_csv_row_is_cleaned_as_any_row_is() -> None:
    header = Header(("team_id", "name", "respondent"))
    for values in (
        ["team-1", " Lag ", ""],
        [" ", "\t", "\u00a0m1\u00a0"],
        ["#comment", "x", ""],
        ["", "", ""],
        ["team-2"],
        ["team-3", "", "", "stray", " ", "more"],
        [],
    ):
        row = header.row(7, values)
        assert header.text_row(7, values) == row
        if row is not None:
            assert header.team_id(values) == row.cells["team_id"]


@pytest.mark.parametrize("workers", [2, 3])
@pytest.mark.parametrize("kind", ["csv", "xlsx", "jsonl"])
def test_each_process_reads_its_share_and_only_its_share(kind: str, workers: int) -> None:
    rng = random.Random(workers)
    rows = messy_rows(rng, 120)
    data = {"csv": csv_bytes, "xlsx": xlsx_bytes}.get(kind, lambda r: jsonl_bytes(r, rng))(rows)
    name = f"teams.{kind}"
    every = list(read_table(io.BytesIO(data), name=name))

    for worker in range(workers):
        kept = list(read_table(io.BytesIO(data), name=name, keep=Share(worker, workers)))
        mine = [row for row in every if shard_of(row, workers) == worker]
        unread = [row for row in every if isinstance(row, RowError)]
        assert [row for row in kept if isinstance(row, Row)] == [
            row for row in mine if isinstance(row, Row)
        ]
        assert [row for row in kept if isinstance(row, RowError)] == unread
    assert kind != "jsonl" or any(isinstance(row, RowError) for row in every)


def test_a_team_id_written_as_a_number_goes_where_shard_of_sends_it() -> None:
    share = Share(1, 2)
    for cell in (17, 17.0, True, "17", None, "17", 3, "3"):
        assert share(cell) == (shard_of(Row(2, {"team_id": cell}), 2) == 1)
