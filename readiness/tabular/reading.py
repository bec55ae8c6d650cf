"""Reading a team file row by row, whatever it is: CSV (`;` or `,`), XLSX or JSON Lines.

Rows stream: the file is never held whole. Whatever is wrong with the file itself (not UTF-8, no
header, an unknown column, a corrupt workbook) raises TableError before the first row.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path, PurePath
from typing import BinaryIO, Literal

from readiness.tabular.base import KeepTeam, Row, RowError, TableError
from readiness.tabular.text import EMPTY, NOT_UTF8, read_csv, read_jsonl

Format = Literal["auto", "csv", "xlsx", "jsonl"]

_BOM = codecs.BOM_UTF8
_HEAD = 512
_CHUNK = 1 << 16
_SUFFIXES: dict[str, Format] = {
    ".csv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}


def read_table(
    source: Path | BinaryIO,
    format: Format = "auto",
    name: str | None = None,
    *,
    keep: KeepTeam | None = None,
) -> Iterator[Row | RowError]:
    """The rows of a team file that hold something, each with its number as the user sees it.

    `source` is a path or a binary stream (left open); `name`, or the path's name, is what
    messages call the file and whose suffix tells the format when `format` is "auto" (an xlsx
    workbook is recognised by its first bytes whatever its name). Raises TableError when the file
    cannot be read as a table of teams; a JSON Lines line that is not a JSON object is a RowError
    and the file goes on. With `keep`, only the rows whose team_id cell (as read, None when
    empty) it says yes to, and every row that could not be read; the others' cells are not read.
    """
    filename = name or (source.name if isinstance(source, Path) else getattr(source, "name", None))
    label = str(filename) if filename else "the file"
    with ExitStack() as stack:
        if isinstance(source, Path):
            try:
                stream: BinaryIO = stack.enter_context(source.open("rb"))
            except OSError as error:
                raise TableError(label, f"cannot be opened: {error.strerror}") from error
        else:
            stream = source
        head, stream = _peek(stream)
        kind = format if format != "auto" else _detect(head, str(filename or ""), label)
        if kind == "xlsx":
            from readiness.tabular.xlsx import read_xlsx  # openpyxl only when a workbook comes

            yield from read_xlsx(stream, label, keep)
            return
        _check_utf8(stream, label)
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        try:
            if kind == "jsonl":
                yield from read_jsonl(text, label, keep)
            else:
                yield from read_csv(text, label, keep)
        except UnicodeDecodeError as error:
            raise TableError(label, NOT_UTF8) from error
        finally:
            text.detach()  # leave the caller's stream open


def _detect(head: bytes, filename: str, label: str) -> Format:
    if not head.strip():
        raise TableError(label, EMPTY)
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError(label, "is an old Excel workbook (.xls); save it as .xlsx or as CSV UTF-8")
    by_name = _SUFFIXES.get(PurePath(filename).suffix.lower())
    if by_name == "xlsx":
        raise TableError(label, "is not an xlsx workbook (it is not a zip file)")
    if by_name:
        return by_name
    return "jsonl" if head.removeprefix(_BOM).lstrip().startswith(b"{") else "csv"


def _peek(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first bytes of `stream`, and a stream that still starts with them."""
    if stream.seekable():
        start = stream.tell()
        head = stream.read(_HEAD)
        stream.seek(start)
        return head, stream
    buffered = io.BufferedReader(_Raw(stream), buffer_size=_CHUNK)
    return buffered.peek(_HEAD)[:_HEAD], buffered


class _Raw(io.RawIOBase):
    """Any binary stream as a raw one, so that a BufferedReader can peek into it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _check_utf8(stream: BinaryIO, label: str) -> None:
    """Decode the whole file once, in chunks, when it can be read again: a file that is not UTF-8
    fails before its first row. A stream that cannot seek fails where the bad bytes are."""
    if not stream.seekable():
        return
    start = stream.tell()
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 1
    chunk = b""
    try:
        while chunk := stream.read(_CHUNK):
            decoder.decode(chunk)
            lines += chunk.count(b"\n")
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        lines += chunk[: max(error.start, 0)].count(b"\n")
        where = f" (a byte that is not UTF-8 on line {lines})"
        raise TableError(label, NOT_UTF8 + where) from error
    stream.seek(start)
