"""Excel workbooks through openpyxl: reading the first sheet row by row, writing a styled sheet.

Reading is read-only and writing write-only, so neither holds a large sheet in memory.
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import IO, Any, BinaryIO

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from readiness.tabular.base import Column, KeepTeam, Row, TableError
from readiness.tabular.header import read_header

_SPOOL = 32 << 20  # a workbook from a stream that cannot seek is copied to disk past this size
_BOLD = Font(bold=True)
_ITALIC = Font(italic=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def read_xlsx(stream: BinaryIO, label: str, keep: KeepTeam | None = None) -> Iterator[Row]:
    """The rows of the workbook's first sheet; its first row with something in it is the header;
    with `keep`, only the rows whose team_id cell it says yes to."""
    with ExitStack() as stack:
        if not stream.seekable():  # a zip file is read from its end
            spool: IO[bytes] = stack.enter_context(tempfile.SpooledTemporaryFile(_SPOOL))
            shutil.copyfileobj(stream, spool)
            spool.seek(0)
            stream = spool  # type: ignore[assignment]
        try:
            with warnings.catch_warnings():  # "no default style" and the like: not the reader's
                warnings.simplefilter("ignore", UserWarning)
                book: Any = openpyxl.load_workbook(stream, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises a zoo: BadZipFile, KeyError, XML errors, …
            raise TableError(
                label, f"is not a readable xlsx workbook ({_reason(error)})"
            ) from error
        stack.callback(book.close)
        if not book.worksheets:
            raise TableError(label, "has no worksheet")
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # some programs record the used range wrongly; read every row
        try:
            numbered = enumerate(sheet.iter_rows(values_only=True), start=1)
            header = None
            for number, values in numbered:
                if any(value is not None and str(value).strip() for value in values):
                    header = read_header(label, number, values)
                    break
            if header is None:
                message = "has an empty first sheet; its first row must name the columns"
                raise TableError(label, message)
            for number, values in numbered:
                if keep is not None and not keep(header.team_id(values)):
                    continue
                row = header.row(number, values)
                if row is not None:
                    yield row
        except (zipfile.BadZipFile, KeyError, OSError, SyntaxError, ValueError) as error:
            raise TableError(
                label, f"is not a readable xlsx workbook ({_reason(error)})"
            ) from error


def _reason(error: Exception) -> str:
    return str(error).strip("'\"") or type(error).__name__


def write_sheet(
    target: BinaryIO, title: str, columns: Sequence[Column], rows: Iterable[Sequence[object]]
) -> None:
    """A one-sheet workbook: bold header, the first row and column frozen, then `rows` streamed."""
    book: Any = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "B2"
    _validate(sheet, columns)
    sheet.append([_cell(sheet, column.header, _BOLD) for column in columns])
    if any(column.note for column in columns):
        sheet.append([_cell(sheet, column.note, _ITALIC, _WRAP) for column in columns])
    for row in rows:
        sheet.append([_plain(sheet, value) for value in row])
    book.save(target)


def _plain(sheet: Any, value: object) -> Any:
    """A data cell: the value itself, which openpyxl writes through one cell it reuses, unless
    Excel would read the text as something else (a formula, an error), which `_cell` keeps
    text. A third less time than a cell of its own for each value (100,000 rows of 10: 14 s)."""
    plain = _value(value)
    if isinstance(plain, str) and (plain[:1] == "=" or plain in ERROR_CODES):
        return _cell(sheet, plain)
    return plain


def _cell(sheet: Any, value: object, font: Any = None, alignment: Any = None) -> Any:
    cell = WriteOnlyCell(sheet, value=_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # text that starts with "=" stays text, never a formula
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def _value(value: object) -> Any:  # the cell value types openpyxl takes
    """A value as a workbook holds it: numbers and dates as they are, everything else as text."""
    if value is None or isinstance(value, bool | int | float | date | time | timedelta):
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None) - (value.utcoffset() or timedelta())  # UTC
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple | set | frozenset):
        value = ", ".join(str(part) for part in value)
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _validate(sheet: Any, columns: Sequence[Column]) -> None:
    """Excel's own checks on a template's columns: answers 1..5, whole numbers, lists of choices."""
    for index, column in enumerate(columns, start=1):
        if column.allowed is None:
            continue
        if column.allowed == "answer":
            rule = DataValidation(type="whole", operator="between", formula1="1", formula2="5")
        elif column.allowed == "integer":
            rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        elif column.allowed == "share":
            rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="1")
        else:
            rule = DataValidation(type="list", formula1=column.allowed)
        rule.allow_blank = True
        rule.showErrorMessage = True
        # A warning the person may overrule: the reader has the last word, and says why.
        rule.errorStyle = "warning"
        rule.error = column.hint
        letter = get_column_letter(index)
        rule.add(f"{letter}3:{letter}1048576")
        sheet.data_validations.append(rule)
