"""Teams in spreadsheets: CSV, XLSX and JSON Lines read row by row into team profiles or cell problems."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from readiness.builder import answers_for, member_answers_for
from readiness.questionnaire import CONTEXT_FIELDS, load_questionnaire
from readiness.tabular import (
    PROFILE_KEY,
    CellProblem,
    Row,
    RowError,
    TableError,
    TeamRows,
    profiles_from_rows,
    read_table,
    write_table,
    write_template,
)

ITEMS = list(load_questionnaire().items)
HEADER = ["team_id", "name", "unit", "respondent", *CONTEXT_FIELDS, *ITEMS]
MANAGER = answers_for({})
MEMBER = member_answers_for({})


def row(team_id: str, respondent: str = "", /, **cells: object) -> dict[str, object]:
    """A spreadsheet row: the manager's answers (or a member's, with a respondent), then `cells`."""
    answers = MEMBER if respondent else MANAGER
    return {"team_id": team_id, "respondent": respondent, **answers, **cells}


def csv_bytes(
    rows: Iterable[Mapping[str, object]],
    *,
    delimiter: str = ";",
    newline: str = "\r\n",
    bom: bool = True,
    header: Sequence[str] = HEADER,
) -> bytes:
    lines = [delimiter.join(header)]
    for cells in rows:
        lines.append(delimiter.join(_text(cells.get(column.strip())) for column in header))
    text = newline.join(lines) + newline
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def _text(value: object) -> str:
    return "" if value is None else str(value)


def read(data: bytes, name: str = "teams.csv") -> list[Row | RowError]:
    return list(read_table(io.BytesIO(data), name=name))


def teams(data: bytes, name: str = "teams.csv") -> list[TeamRows]:
    return list(profiles_from_rows(read_table(io.BytesIO(data), name=name)))


def only(found: Sequence[TeamRows]) -> TeamRows:
    assert len(found) == 1, found
    return found[0]


def problems(team: TeamRows) -> list[tuple[int, str, str | None]]:
    return [(p.row, p.column, p.value) for p in team.problems]


def rows_only(found: Iterable[Row | RowError]) -> list[Row]:
    return [r for r in found if isinstance(r, Row)]


# Reading rows ------------------------------------------------------------------------------


def test_a_swedish_excel_csv_is_read_semicolons_bom_and_crlf() -> None:
    data = csv_bytes(
        [{"team_id": "nord", "name": "Kundtjänst Nord", "team_size": "8", "fl_safe_to_err": "4"}],
        header=[" team_id ", "name", "team_size", "fl_safe_to_err", "unit"],
    )

    (found,) = read(data)

    assert found == Row(
        2,
        {
            "team_id": "nord",
            "name": "Kundtjänst Nord",
            "team_size": "8",
            "fl_safe_to_err": "4",
            "unit": None,
        },
    )


def test_a_csv_with_commas_and_lf_is_read_too() -> None:
    data = csv_bytes(
        [{"team_id": "nord", "name": "Nord; the north"}, {"team_id": "syd", "name": "Syd"}],
        delimiter=",",
        newline="\n",
        bom=False,
        header=["team_id", "name"],
    )

    found = rows_only(read(data))

    assert [(r.number, r.cells["name"]) for r in found] == [(2, "Nord; the north"), (3, "Syd")]


def test_the_delimiter_is_the_one_outside_quotes_in_the_header() -> None:
    data = b'"team_id";"name";"unit"\r\n"a,b";"x,y";"z"\r\n'

    (found,) = read(data)

    assert isinstance(found, Row)
    assert found.cells == {"team_id": "a,b", "name": "x,y", "unit": "z"}


def test_comment_and_empty_rows_are_skipped_and_rows_keep_the_numbers_excel_shows() -> None:
    data = (
        "team_id;name;respondent\r\n"
        "# påståenden;Gruppens namn;Tom för chefen\r\n"
        "nord;Nord;\r\n"
        ";;\r\n"
        "\r\n"
        'syd;"Syd\r\nmed radbrytning";\r\n'
        "syd;;m1\r\n"
    ).encode()

    found = rows_only(read(data))

    assert [(r.number, r.cells["team_id"]) for r in found] == [(3, "nord"), (6, "syd"), (7, "syd")]
    assert found[1].cells["name"] == "Syd\r\nmed radbrytning"


def test_an_xlsx_written_by_write_table_is_read_back_with_real_numbers() -> None:
    buffer = io.BytesIO()
    write_table(
        buffer,
        [
            ("team_id", "team_id"),
            ("team_size", "team_size"),
            ("new_members_share", "new_members_share"),
        ],
        iter([("nord", 8, 0.25), ("syd", None, 0.5)]),
        "xlsx",
        "sv",
    )
    buffer.seek(0)

    found = rows_only(read_table(buffer, name="export.xlsx"))

    assert [(r.number, r.cells) for r in found] == [
        (2, {"team_id": "nord", "team_size": 8, "new_members_share": 0.25}),
        (3, {"team_id": "syd", "team_size": None, "new_members_share": 0.5}),
    ]
    assert isinstance(found[0].cells["team_size"], int)


def test_an_xlsx_made_in_a_spreadsheet_program_skips_blank_and_comment_rows() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["team_id", "name", "fl_safe_to_err", "months_together"])
    sheet.append(["# statements", "The group's name", "Safe to err", None])
    sheet.append(["nord", "  Nord  ", 4, 12.0])
    sheet.append([])
    sheet.append(["syd", datetime(2027, 3, 1, 9, 30), 5.0, None])
    found = rows_only(read_table(_saved(book), format="xlsx"))

    assert [(r.number, r.cells) for r in found] == [
        (3, {"team_id": "nord", "name": "Nord", "fl_safe_to_err": 4, "months_together": 12}),
        (
            5,
            {
                "team_id": "syd",
                "name": "2027-03-01T09:30:00",
                "fl_safe_to_err": 5,
                "months_together": None,
            },
        ),
    ]


def _saved(book: Any) -> io.BytesIO:
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_json_lines_hold_flat_rows_whole_profiles_and_lines_that_are_broken() -> None:
    whole = {"team_id": "syd", "name": "Syd", "answers": MANAGER, "context": {"team_size": 6}}
    data = "\n".join(
        [
            json.dumps({"team_id": "nord", "respondent": None, "team_size": 8, **MANAGER}),
            json.dumps(whole),
            '{"team_id": "väst", "answers": ',
            "",
            "[1, 2]",
        ]
    ).encode()

    found = read(data, name="teams.jsonl")

    assert isinstance(found[0], Row)
    assert found[0].number == 1
    assert found[0].cells["team_size"] == 8
    assert isinstance(found[1], Row)
    assert found[1].cells[PROFILE_KEY] == whole
    assert found[1].cells["name"] == "Syd"
    assert found[2] == RowError(
        3, "not valid JSON: Expecting value at column 32", '{"team_id": "väst", "answers": '
    )
    assert len(found) == 4
    assert found[3] == RowError(5, "a line holds one JSON object, not an array", "[1, 2]")


def test_json_lines_become_teams_and_a_broken_line_a_problem_of_its_own() -> None:
    member = {"team_id": "nord", "respondent": "m1", **MEMBER}
    lines = [
        {"team_id": "nord", "team_size": 8, **MANAGER},
        member,
        {"team_id": "Syd", "name": "Syd", "answers": MANAGER, "member_answers": [MEMBER]},
    ]
    data = ("\n".join(json.dumps(line) for line in lines) + "\nnot json\n").encode()

    nord, syd, broken = teams(data, name="teams.jsonl")

    assert nord.profile is not None
    assert nord.rows == (1, 2)
    assert nord.profile.context.team_size == 8
    assert len(nord.profile.member_answers) == 1
    assert syd.profile is not None
    assert (syd.team_id, syd.written_id, syd.name) == ("syd", "Syd", "Syd")
    assert syd.profile.team_id == "syd"
    assert broken.team_id == ""
    assert broken.problems == (
        CellProblem(4, "", "not json", "not valid JSON: Expecting value at column 1"),
    )


def test_a_whole_profile_line_with_a_bad_answer_names_its_path() -> None:
    answers = {**MANAGER, "fl_safe_to_err": 9}
    members = [
        {
            **MEMBER,
            "co_take_initiative": None,
            "co_knowledge_to_decide": None,
            "co_suggests_how_to_work": None,
        }
    ]
    data = json.dumps({"team_id": "syd", "answers": answers, "member_answers": members}).encode()

    team = only(teams(data, name="teams.jsonl"))

    assert problems(team) == [
        (1, "answers.fl_safe_to_err", "9"),
        (1, "member_answers.0.competence", None),
    ]
    assert team.problems[0].why == "9 is outside the scale; answer a whole number from 1 to 5"
    assert team.problems[1].why.startswith(
        "only 2 of 5 answered; answer at least 3 of these 5 items: co_take_initiative, "
    )


# Unreadable files -----------------------------------------------------------------------------


def test_an_unknown_column_is_refused_with_a_suggestion() -> None:
    data = csv_bytes([row("nord")], header=["team_id", "fl_safe_to_er", "colour"])

    with pytest.raises(TableError) as error:
        read(data, name="teams.csv")

    assert str(error.value) == (
        "teams.csv, row 1: unknown columns 'fl_safe_to_er' (did you mean 'fl_safe_to_err'?), "
        "'colour'; the columns are team_id, name, unit, respondent, the context fields and the "
        "item ids (see the template)"
    )


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "teams.csv: is empty"),
        ("team_id;name\r\nnord;Kundtjänst\r\n".encode("cp1252"), "teams.csv: is not UTF-8 text"),
        (b"name;unit\r\nNord;Kund\r\n", "teams.csv, row 1: no team_id column"),
        (
            b"team_id;name;Name\r\n",
            "teams.csv, row 1: column 'name' appears twice in the header (columns B and C)",
        ),
        (b"team_id;;name\r\n", "teams.csv, row 1: column B of the header has no name"),
        (b"PK\x03\x04 this is not a workbook", "teams.csv: is not a readable xlsx workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "teams.csv: is an old Excel workbook (.xls)"),
        (
            b"team_id\r\n" + b"x" * 200_000 + b"\r\n",
            "teams.csv, row 2: is not a readable CSV file (field larger than field limit",
        ),
    ],
)
def test_a_file_that_cannot_be_read_raises_a_table_error_naming_it(data: bytes, says: str) -> None:
    with pytest.raises(TableError) as error:
        read(data, name="teams.csv")

    assert str(error.value).startswith(says)


def test_a_file_that_is_not_utf8_fails_before_its_first_row() -> None:
    data = b"team_id;name\r\n" + b"nord;Nord\r\n" * 10_000 + "syd;Kundtjänst\r\n".encode("cp1252")
    rows = read_table(io.BytesIO(data), name="teams.csv")

    with pytest.raises(TableError, match="on line 10002"):
        next(rows)


def test_a_workbook_named_xlsx_that_is_not_one_is_refused() -> None:
    with pytest.raises(TableError, match="not an xlsx workbook"):
        read(b"team_id;name\r\n", name="teams.xlsx")


def test_a_stream_that_cannot_seek_is_read_too() -> None:
    data = csv_bytes([row("nord")])
    book = openpyxl.Workbook()
    book.active.append(["team_id", "fl_safe_to_err"])
    book.active.append(["nord", 4])

    for content, name in ((data, "t.csv"), (_saved(book).getvalue(), "t.xlsx")):
        found = rows_only(read_table(io.BufferedReader(_Unseekable(content)), name=name))
        assert [r.cells["team_id"] for r in found] == ["nord"]


class _Unseekable(io.RawIOBase):
    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(min(len(buffer), 7))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_a_path_is_read_and_named_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "lag.csv"
    path.write_bytes(b"team_id;colour\r\n")

    with pytest.raises(TableError, match=r"^lag\.csv, row 1: unknown column 'colour'"):
        list(read_table(path))


# From rows to team profiles -------------------------------------------------------------------


def test_a_team_with_three_member_rows_has_their_answers_in_order() -> None:
    rows = [
        row("nord", name="Kundtjänst Nord", unit="Kundtjänst", team_size="8", goal_type="Gruppmål"),
        row("nord", "m1", co_take_initiative="1"),
        row("NORD", "m2", co_take_initiative="2", name="Kundtjänst Nord"),
        row("nord ", "m3", co_take_initiative="3"),
    ]

    team = only(teams(csv_bytes(rows)))

    assert team.problems == ()
    assert (team.team_id, team.written_id, team.name, team.unit) == (
        "nord",
        "nord",
        "Kundtjänst Nord",
        "Kundtjänst",
    )
    assert team.rows == (2, 3, 4, 5)
    assert team.profile is not None
    assert team.profile.team_id == "nord"
    assert team.profile.answers == MANAGER
    assert [m["co_take_initiative"] for m in team.profile.member_answers] == [1, 2, 3]
    assert team.profile.context.team_size == 8
    assert team.profile.context.goal_type == "group"


def test_team_ids_are_compared_ignoring_case_and_stored_as_slugs() -> None:
    rows = [row("Kundtjänst-Nord"), row("kundtjänst-nord", "m1"), row("Syd")]

    nord, syd = teams(csv_bytes(rows))

    assert nord.profile is not None
    assert (nord.team_id, nord.written_id, nord.profile.team_id) == (
        "kundtjänst-nord",
        "Kundtjänst-Nord",
        "kundtjänst-nord",
    )
    assert len(nord.profile.member_answers) == 1
    assert syd.profile is not None
    assert syd.profile.team_id == "syd"


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"new_members_share": "0,5"}, 0.5),
        ({"new_members_share": "0.25"}, 0.25),
        ({"new_members_share": "50 %"}, 0.5),
        ({"new_members_share": "50\u00a0%"}, 0.5),
        ({"new_members_share": "12,5%"}, 0.125),
        ({"new_members_share": ""}, 0.0),
    ],
)
def test_the_share_of_new_members_takes_a_decimal_comma_or_a_percentage(
    cells: dict[str, object], expected: float
) -> None:
    team = only(teams(csv_bytes([row("nord", **cells)])))

    assert team.profile is not None
    assert team.profile.context.new_members_share == pytest.approx(expected)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ja", True),
        ("Nej", False),
        ("YES", True),
        ("false", False),
        ("1", True),
        ("0", False),
        ("x", True),
        ("SANT", True),
        ("", False),
    ],
)
def test_reorganisation_is_yes_or_no_in_swedish_english_or_excel(
    written: str, expected: bool
) -> None:
    team = only(teams(csv_bytes([row("nord", reorganization=written)])))

    assert team.profile is not None
    assert team.profile.context.reorganization is expected


@pytest.mark.parametrize("written", ["4", "4.0", "4,0", " 4 "])
def test_an_answer_may_be_written_as_a_whole_number_in_several_ways(written: str) -> None:
    team = only(teams(csv_bytes([row("nord", fl_safe_to_err=written)])))

    assert team.profile is not None
    assert team.profile.answers["fl_safe_to_err"] == 4


@pytest.mark.parametrize(
    ("cells", "column", "value", "why"),
    [
        (
            {"fl_safe_to_err": "7"},
            "fl_safe_to_err",
            "7",
            "7 is outside the scale; answer a whole number from 1 to 5",
        ),
        (
            {"fl_safe_to_err": "six"},
            "fl_safe_to_err",
            "six",
            "'six' is not a number; answer a whole number from 1 to 5 or leave it empty",
        ),
        (
            {"fl_safe_to_err": "4,5"},
            "fl_safe_to_err",
            "4,5",
            "4,5 is not a whole number; answer a whole number from 1 to 5 or leave it empty",
        ),
        (
            {"fl_safe_to_err": "4.5"},
            "fl_safe_to_err",
            "4.5",
            "4.5 is not a whole number; answer a whole number from 1 to 5 or leave it empty",
        ),
        ({"team_size": "1"}, "team_size", "1", "Input should be greater than or equal to 2"),
        (
            {"team_size": "many"},
            "team_size",
            "many",
            "'many' is not a number; write a whole number or leave it empty",
        ),
        (
            {"new_members_share": "150 %"},
            "new_members_share",
            "150 %",
            "Input should be less than or equal to 1; write a share from 0 to 1 (0,5) or a percentage (50 %)",
        ),
        (
            {"reorganization": "kanske"},
            "reorganization",
            "kanske",
            "'kanske' is not yes or no; write ja or nej (or yes/no, true/false, 1/0, or x for yes)",
        ),
        (
            {"goal_type": "team"},
            "goal_type",
            "team",
            "'team' is not one of: individual, group, mixed",
        ),
        (
            {"mr_manager_asks_views": "3"},
            "mr_manager_asks_views",
            "3",
            "mr_manager_asks_views is answered by the members only; leave it empty on the manager's row",
        ),
    ],
)
def test_a_bad_cell_on_the_managers_row_is_named_by_row_and_column(
    cells: dict[str, object], column: str, value: str, why: str
) -> None:
    data = csv_bytes([{"team_id": "# statements"}, row("nord", **cells)])

    team = only(teams(data))

    assert team.profile is None
    assert team.problems == (CellProblem(3, column, value, why),)


def test_a_managers_item_on_a_members_row_is_a_problem_at_that_row() -> None:
    rows = [row("nord"), row("nord", "m1"), row("nord", "m2", os_silos="2", team_size="5")]

    team = only(teams(csv_bytes(rows)))

    assert team.problems == (
        CellProblem(
            4,
            "team_size",
            "5",
            "team_size is about the team and belongs on the manager's row; leave it empty on members' rows",
        ),
        CellProblem(
            4,
            "os_silos",
            "2",
            "os_silos is answered by the manager only; leave it empty on members' rows",
        ),
    )


def test_an_answer_out_of_scale_on_a_members_row_is_at_that_row() -> None:
    rows = [row("nord"), row("nord", "m1"), row("nord", "m2", co_take_initiative="0")]

    team = only(teams(csv_bytes(rows)))

    assert problems(team) == [(4, "co_take_initiative", "0")]


def test_too_few_answers_in_a_dimension_names_the_dimension_and_its_items() -> None:
    empty = dict.fromkeys(["pd_waits_for_manager", "pd_holds_back_views", "pd_unclear_roles"], "")
    member_gap = dict.fromkeys(
        ["co_take_initiative", "co_knowledge_to_decide", "co_suggests_how_to_work"], ""
    )
    rows = [row("nord", **empty), row("nord", "m1"), row("nord", "m2", **member_gap)]

    team = only(teams(csv_bytes(rows)))

    assert team.problems == (
        CellProblem(
            2,
            "phase_dependency",
            None,
            "only 2 of 5 answered; answer at least 3 of these 5 items: pd_waits_for_manager, "
            "pd_holds_back_views, pd_unclear_roles, pd_quiet_in_meetings, pd_seeks_approval",
        ),
        CellProblem(
            4,
            "competence",
            None,
            "only 2 of 5 answered; answer at least 3 of these 5 items: co_take_initiative, "
            "co_knowledge_to_decide, co_suggests_how_to_work, co_combined_competence, "
            "co_hands_back_when_hard (or none of them)",
        ),
    )


def test_a_bad_answer_is_not_also_counted_as_a_missing_one() -> None:
    cells = {"pd_waits_for_manager": "", "pd_holds_back_views": "", "pd_unclear_roles": "x"}

    team = only(teams(csv_bytes([row("nord", **cells)])))

    assert problems(team) == [(2, "pd_unclear_roles", "x")]


def test_every_problem_of_a_team_is_reported_at_once() -> None:
    rows = [row("nord", fl_safe_to_err="six", goal_type="alla"), row("nord", "m1", os_silos="3")]

    team = only(teams(csv_bytes(rows)))

    assert problems(team) == [
        (2, "goal_type", "alla"),
        (2, "fl_safe_to_err", "six"),
        (3, "os_silos", "3"),
    ]


def test_a_bad_team_id_is_a_problem_at_its_cell() -> None:
    team = only(teams(csv_bytes([row("kund tjänst")])))

    assert team.profile is None
    assert (team.team_id, team.written_id) == ("kund tjänst", "kund tjänst")
    assert team.problems == (
        CellProblem(
            2,
            "team_id",
            "kund tjänst",
            "team id 'kund tjänst' contains ' ' (space); use letters, digits, '.', '_' and '-' only",
        ),
    )


def test_a_row_without_a_team_id_is_a_problem_of_its_own_and_does_not_split_its_team() -> None:
    found = teams(csv_bytes([row("nord"), row(""), row("nord", "m1")]))

    assert [(team.team_id, team.rows) for team in found] == [("", (3,)), ("nord", (2, 4))]
    assert problems(found[0]) == [(3, "team_id", None)]
    assert found[1].profile is not None


def test_rows_of_one_team_must_follow_one_another() -> None:
    rows = [row("nord"), row("syd"), row("Nord", "m1")]

    nord, syd, nord_again = teams(csv_bytes(rows))

    assert nord.profile is not None
    assert syd.profile is not None
    assert nord_again.profile is None
    assert nord_again.problems[0] == CellProblem(
        4,
        "team_id",
        "Nord",
        "team 'Nord' already had rows from row 2; a team's rows must follow one another (sort the file by team_id)",
    )


def test_members_without_a_managers_row_is_a_problem_at_the_first_row() -> None:
    team = only(teams(csv_bytes([row("nord", "m1"), row("nord", "m2")])))

    assert team.profile is None
    assert team.problems == (
        CellProblem(
            2,
            "respondent",
            "m1",
            "the team has no manager's row: add a row with an empty respondent for the manager's answers and the context",
        ),
    )


def test_two_managers_rows_or_one_respondent_twice_are_problems() -> None:
    rows = [row("nord"), row("nord", "m1"), row("nord"), row("nord", "M1")]

    team = only(teams(csv_bytes(rows)))

    assert problems(team) == [(4, "respondent", None), (5, "respondent", "M1")]


def test_a_name_written_differently_on_a_members_row_is_a_problem() -> None:
    rows = [row("nord", name="Nord"), row("nord", "m1", name="Norr")]

    team = only(teams(csv_bytes(rows)))

    assert team.problems == (
        CellProblem(
            3,
            "name",
            "Norr",
            "name differs from row 2 ('Nord'); write it once, on the manager's row",
        ),
    )


def test_a_value_in_a_column_without_a_name_is_not_dropped() -> None:
    data = b"team_id;fl_safe_to_err\r\nnord;4;oops\r\n"

    team = only(teams(data))

    assert team.problems[0] == CellProblem(
        2,
        "column C",
        "oops",
        "a value in column C, which has no name in the header; name the column or clear it",
    )


def test_an_unknown_key_in_a_flat_json_line_is_a_problem_with_a_suggestion() -> None:
    data = json.dumps({**row("nord"), "team_sise": 8}).encode()

    team = only(teams(data, name="teams.jsonl"))

    assert team.problems == (
        CellProblem(1, "team_sise", "8", "unknown column (did you mean 'team_size'?)"),
    )


# The template ---------------------------------------------------------------------------------


def filled_rows() -> list[dict[str, object]]:
    """Two teams as an HR partner would fill in the template: one with two members, one without."""
    return [
        row(
            "Kundtjänst-Nord",
            name="Kundtjänst Nord",
            unit="Kundtjänst",
            team_size=8,
            new_members_share="25 %",
            reorganization="nej",
            goal_type="group",
            rollout_plan="stepwise",
            current_stage="none",
        ),
        row("Kundtjänst-Nord", "m1"),
        row("Kundtjänst-Nord", "m2"),
        row("lager-syd", name="Lager Syd", team_size=12, reorganization="ja"),
    ]


def _check_filled(found: list[TeamRows]) -> None:
    nord, syd = found
    assert nord.problems == ()
    assert syd.problems == ()
    assert nord.profile is not None
    assert syd.profile is not None
    assert nord.profile.team_id == "kundtjänst-nord"
    assert nord.profile.context.new_members_share == 0.25
    assert len(nord.profile.member_answers) == 2
    assert syd.profile.context.reorganization is True
    assert syd.profile.answers == MANAGER


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_csv_template_round_trips(lang: Any) -> None:
    template = io.BytesIO()
    write_template(template, "csv", lang)
    data = template.getvalue()

    assert data.startswith(b"\xef\xbb\xbf")
    header, statements = csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
    assert header == HEADER
    assert statements[0] == ("# påståenden" if lang == "sv" else "# statements")
    assert data.count(b"\r\n") == 2
    filled = data + csv_bytes(filled_rows(), bom=False, header=HEADER).split(b"\r\n", 1)[1]
    _check_filled(teams(filled))


def test_the_templates_statements_say_what_each_column_means() -> None:
    template = io.BytesIO()
    write_template(template, "csv", "sv")
    header, statements = csv.reader(
        io.StringIO(template.getvalue().decode("utf-8-sig")), delimiter=";"
    )
    notes = dict(zip(header, statements, strict=True))

    assert (
        notes["fl_safe_to_err"]
        == "I gruppen är det tryggt att pröva nya sätt att arbeta, även om det kan bli fel."
    )
    assert notes["os_silos"].startswith("(chefen) ")
    assert notes["mr_manager_asks_views"].startswith("(medarbetarna) ")
    assert notes["goal_type"] == "(chefen) Typ av mål (individual/group/mixed)"
    assert notes["reorganization"] == "(chefen) Omorganisation (ja/nej)"


def test_the_xlsx_template_is_styled_and_round_trips() -> None:
    template = io.BytesIO()
    write_template(template, "xlsx", "sv")
    template.seek(0)
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]

    assert [cell.value for cell in sheet[1]] == HEADER
    assert sheet["A2"].value == "# påståenden"
    assert sheet["A1"].font.bold
    assert sheet["L2"].font.italic
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["L"].width == 30
    rules = {str(rule.sqref): rule for rule in sheet.data_validations.dataValidation}
    assert (rules["L3:L1048576"].type, rules["L3:L1048576"].formula1) == ("whole", "1")
    assert rules["I3:I1048576"].formula1 == '"individual,group,mixed"'
    for cells in filled_rows():
        sheet.append([cells.get(column) for column in HEADER])
    _check_filled(list(profiles_from_rows(read_table(_saved(book), name="mallen.xlsx"))))


# Exports --------------------------------------------------------------------------------------

COLUMNS = [
    ("team_id", "Grupp"),
    ("readiness", "Beredskap"),
    ("score", "Poäng"),
    ("at", "Bedömd"),
    ("ok", "Klar"),
]
ROWS = [
    ("nord", 52, 52.5, datetime(2027, 3, 1, 9, 30, tzinfo=UTC), True),
    ("=HYPERLINK()", None, 0.1, date(2027, 3, 2), False),
    ("#N/A", 7, "=1+1", "#REF!", "3"),
]


def test_a_csv_export_is_in_swedish_excels_dialect() -> None:
    buffer = io.BytesIO()
    write_table(buffer, COLUMNS, iter(ROWS), "csv", "sv")

    assert (
        buffer.getvalue()
        == (
            "\ufeffGrupp;Beredskap;Poäng;Bedömd;Klar\r\n"
            "nord;52;52,5;2027-03-01T09:30:00+00:00;ja\r\n"
            "'=HYPERLINK();;0,1;2027-03-02;nej\r\n"
            "#N/A;7;'=1+1;#REF!;3\r\n"
        ).encode()
    )
    assert not buffer.closed


def test_an_english_csv_export_keeps_the_decimal_point() -> None:
    buffer = io.BytesIO()
    write_table(buffer, COLUMNS, ROWS[:1], "csv", "en")

    assert (
        buffer.getvalue().decode().split("\r\n")[1] == "nord;52;52.5;2027-03-01T09:30:00+00:00;yes"
    )


def test_an_xlsx_export_has_real_numbers_and_dates_and_a_frozen_bold_header() -> None:
    buffer = io.BytesIO()
    write_table(buffer, COLUMNS, iter(ROWS), "xlsx", "sv")
    buffer.seek(0)
    sheet = openpyxl.load_workbook(buffer).worksheets[0]

    assert [c.value for c in sheet[1]] == ["Grupp", "Beredskap", "Poäng", "Bedömd", "Klar"]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "B2"
    assert [c.value for c in sheet[2]] == ["nord", 52, 52.5, datetime(2027, 3, 1, 9, 30), True]
    assert sheet["A3"].value == "=HYPERLINK()"
    assert sheet["A3"].data_type == "s"  # text, not a formula
    assert sheet["D3"].value == datetime(2027, 3, 2)
    # Text Excel would read as a formula or an error stays text; text of digits stays text.
    assert [c.value for c in sheet[4]] == ["#N/A", 7, "=1+1", "#REF!", "3"]
    assert [c.data_type for c in sheet[4]] == ["s", "n", "s", "s", "s"]


# Streaming ------------------------------------------------------------------------------------

TEAM_ROWS = 5  # the manager and four members


def _generated(teams: int) -> Iterator[bytes]:
    yield "\ufeff".encode() + ";".join(HEADER).encode() + b"\r\n"
    manager = [MANAGER.get(item, "") for item in ITEMS]
    member = [MEMBER.get(item, "") for item in ITEMS]
    context = ["8", "12", "0,25", "nej", "group", "stepwise", "none"]
    for number in range(teams):
        team = f"team-{number:06d}"
        cells = [team, f"Grupp {number}", "", "", *context, *manager]
        yield ";".join(map(str, cells)).encode() + b"\r\n"
        for who in range(1, TEAM_ROWS):
            cells = [team, "", "", f"m{who}", *[""] * len(context), *member]
            yield ";".join(map(str, cells)).encode() + b"\r\n"


def test_a_hundred_thousand_rows_stream_through_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "large.csv"
    with path.open("wb") as handle:
        handle.writelines(_generated(100_000 // TEAM_ROWS))
    size = path.stat().st_size

    tracemalloc.start()
    try:
        count = sum(1 for _row in read_table(path))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 100_000
    assert size > 10_000_000
    assert peak < size / 10, f"peak {peak:,} bytes for a file of {size:,}"


def test_a_team_is_yielded_as_soon_as_the_next_team_starts() -> None:
    """Only the team at hand is held: each comes out when the first row of the next is read."""
    read: list[int] = []

    def rows() -> Iterator[Row]:
        for number in range(2, 2_000_002):  # more rows than could be held, were they all kept
            read.append(number)
            team, who = divmod(number - 2, TEAM_ROWS)
            cells = MEMBER if who else MANAGER
            yield Row(
                number, {"team_id": f"t{team}", "respondent": f"m{who}" if who else None, **cells}
            )
            if number > 2 + 3 * TEAM_ROWS:
                return

    teams = profiles_from_rows(rows())
    for index in range(3):
        team = next(teams)
        assert team.profile is not None
        assert team.rows == tuple(range(2 + index * TEAM_ROWS, 2 + (index + 1) * TEAM_ROWS))
        assert read[-1] == team.rows[-1] + 1  # the next team's first row, and no further
