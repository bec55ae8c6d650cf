"""The text formats, from a decoded stream: CSV with `;` or `,`, and JSON Lines."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterator

from readiness.tabular.base import PROFILE_KEY, KeepTeam, Row, RowError, TableError
from readiness.tabular.header import Header, clean, read_header

NOT_UTF8 = (
    "is not UTF-8 text; in Excel, save it as 'CSV UTF-8 (kommaavgränsad)' "
    "rather than plain CSV, or save it as an .xlsx workbook"
)
# A JSON Lines object with one of these keys is a whole team profile rather than a flat row.
_PROFILE_KEYS = frozenset({"answers", "context", "member_answers"})
_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true/false",
    type(None): "null",
}
EMPTY = "is empty; the first row must name the columns, starting with team_id"


def _delimiter(line: str) -> str:
    """The delimiter that separates the header line's cells most often outside quotes: `;` or `,`."""
    counts = dict.fromkeys(";,\t", 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv(text: io.TextIOWrapper, label: str, keep: KeepTeam | None = None) -> Iterator[Row]:
    lines = iter(text)
    skipped = 0
    for first in lines:
        if first.strip(" \t;,\r\n"):  # a line of empty cells before the header is blank too
            break
        skipped += 1
    else:
        raise TableError(label, EMPTY)
    reader = csv.reader(itertools.chain([first], lines), delimiter=_delimiter(first), strict=False)
    try:
        numbered = enumerate(reader, start=skipped + 1)
        number, values = next(numbered)
        header = read_header(label, number, values)
        for number, values in numbered:
            if keep is not None and not keep(header.team_id(values)):
                continue
            row = header.text_row(number, values)
            if row is not None:
                yield row
    except csv.Error as error:
        raise TableError(label, f"is not a readable CSV file ({error})", reader.line_num) from error


def read_jsonl(
    text: io.TextIOWrapper, label: str, keep: KeepTeam | None = None
) -> Iterator[Row | RowError]:
    for number, line in enumerate(text, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as error:
            yield RowError(
                number, f"not valid JSON: {error.msg} at column {error.colno}", _cut(line)
            )
            continue
        if not isinstance(data, dict):
            what = _JSON_TYPES.get(type(data), "something else")
            yield RowError(number, f"a line holds one JSON object, not {what}", _cut(line))
            continue
        row = _json_row(number, data, line)
        if row is None:
            continue
        if keep is None or isinstance(row, RowError) or keep(row.cells.get("team_id")):
            yield row


def _json_row(number: int, data: dict[str, object], line: str) -> Row | RowError | None:
    if _PROFILE_KEYS & data.keys():
        cells = {key: clean(_scalar(data.get(key))) for key in ("team_id", "name", "unit")}
        team_id = cells["team_id"]
        if isinstance(team_id, str) and team_id.startswith("#"):
            return None
        return Row(number, {**cells, PROFILE_KEY: data})
    row: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, dict | list):
            what = _JSON_TYPES[type(value)]
            message = (
                f"{key!r} holds {what}; a flat row's cells are text, numbers, true/false or null"
            )
            return RowError(number, message, _cut(line))
        row[key.strip().lower()] = value
    return Header(tuple(row)).row(number, list(row.values()))


def _scalar(value: object) -> object:
    return value if value is None or isinstance(value, str | int | float) else str(value)


def _cut(line: str) -> str:
    line = line.rstrip("\r\n")
    return line if len(line) <= 200 else line[:200] + "…"
