"""Writing tables for people: the empty template to fill in, and exports, as Swedish Excel opens them.

CSV is written the way Swedish Excel reads it when the file is double-clicked: `;` between cells,
UTF-8 with a BOM (or Excel guesses Windows-1252), CRLF, and in Swedish a decimal comma.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, BinaryIO, Literal

from readiness.questionnaire import load_questionnaire
from readiness.tabular.base import TEAM_COLUMNS, Column
from readiness.vocabulary import Lang

OutputFormat = Literal["csv", "xlsx"]

_STATEMENTS = {"sv": "# påståenden", "en": "# statements"}
_TEAM_NOTES: dict[str, dict[Lang, str]] = {
    "name": {"sv": "Gruppens namn", "en": "The group's name"},
    "unit": {"sv": "Enhet eller förvaltning", "en": "Unit or department"},
    "respondent": {
        "sv": "Tom på chefens rad; en egen beteckning på varje medarbetares rad (m1, m2 …)",
        "en": "Empty on the manager's row; a label of its own on each member's row (m1, m2 …)",
    },
}
_ONLY = {
    "manager": {"sv": "(chefen) ", "en": "(manager) "},
    "members": {"sv": "(medarbetarna) ", "en": "(members) "},
}
_YES_NO = {"sv": ("ja", "nej"), "en": ("yes", "no")}
_HINTS = {
    "answer": {
        "sv": "Svara med en siffra från 1 till 5.",
        "en": "Answer with a number from 1 to 5.",
    },
    "integer": {"sv": "Skriv ett heltal.", "en": "Write a whole number."},
    "share": {
        "sv": "En andel från 0 till 1, t.ex. 0,5 eller 50 %.",
        "en": "A share from 0 to 1, e.g. 0.5 or 50 %.",
    },
    "choice": {
        "sv": "Välj ett av alternativen i listan.",
        "en": "Choose one of the values in the list.",
    },
}


def write_template(target: BinaryIO, format: OutputFormat, lang: Lang) -> None:
    """The empty team file: the header, then a comment row saying what each column means."""
    columns = list(_template_columns(lang))
    if format == "csv":
        with _csv_writer(target) as writer:
            writer.writerow([column.header for column in columns])
            writer.writerow([column.note for column in columns])
        return
    from readiness.tabular.xlsx import write_sheet  # openpyxl only when a workbook is asked for

    write_sheet(target, "grupper" if lang == "sv" else "teams", columns, ())


def _template_columns(lang: Lang) -> Iterator[Column]:
    source = load_questionnaire()
    for column in TEAM_COLUMNS:
        note = _STATEMENTS[lang] if column == "team_id" else _TEAM_NOTES[column][lang]
        yield Column(column, 24 if column == "name" else 16, note)
    for field in source.context_fields:
        if field.type == "choice":
            allowed, values = "choice", "/".join(choice.value for choice in field.choices)
            formula = '"' + ",".join(choice.value for choice in field.choices) + '"'
        elif field.type == "boolean":
            allowed, values = "choice", "/".join(_YES_NO[lang])
            formula = '"' + ",".join(_YES_NO[lang]) + '"'
        else:
            low, high = field.bounds
            allowed = formula = "share" if field.type == "number" else "integer"
            values = f"{low:g}–{high:g}" + (" %" if field.type == "number" else "")
        note = f"{_ONLY['manager'][lang]}{field.title(lang)} ({values})"
        yield Column(field.id, 20, note, formula, _HINTS[allowed][lang])
    for item, _dimension in source.items.values():
        only = _ONLY[item.answered_by][lang] if item.answered_by != "team" else ""
        yield Column(item.id, 30, only + item.text(lang), "answer", _HINTS["answer"][lang])


def write_table(
    target: BinaryIO,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Sequence[object]],
    format: OutputFormat,
    lang: Lang,
) -> None:
    """An export: `columns` are (key, header label); `rows` are streamed, one value per column.

    CSV: numbers in `lang`'s way (52,5 in Swedish), dates ISO, yes/no in words, lists joined by
    commas, and text that Excel would run as a formula (=, +, -, @) prefixed with a quote.
    XLSX: real numbers and dates (times with a zone in UTC), the header bold and frozen.
    """
    if format == "csv":
        with _csv_writer(target) as writer:
            writer.writerow([label for _key, label in columns])
            for row in rows:
                writer.writerow([_csv_value(value, lang) for value in row])
        return
    from readiness.tabular.xlsx import write_sheet

    sheet_columns = [Column(label, min(50, max(10, len(label) + 2))) for _key, label in columns]
    write_sheet(target, "export", sheet_columns, rows)


@contextmanager
def _csv_writer(target: BinaryIO) -> Iterator[Any]:
    text = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=True)
    try:
        yield csv.writer(text, delimiter=";", lineterminator="\r\n")
    finally:
        text.flush()
        text.detach()  # leave the caller's stream open


def _csv_value(value: object, lang: Lang) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _YES_NO[lang][0 if value else 1]
    if isinstance(value, float | Decimal):
        text = repr(value) if isinstance(value, float) else str(value)
        return text.replace(".", ",") if lang == "sv" else text
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(_csv_value(part, lang) for part in value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
