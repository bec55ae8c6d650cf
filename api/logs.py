"""The service's logs: one line per request on stderr, as readable text or as JSON lines.

Loggers live under ``readiness`` (``readiness.request`` for the request line, ``readiness.error``
for failures, see api.errors). `configure_logging` sets them up in the process it runs in;
`uvicorn_log_config` is the same set-up as a dictConfig dict for ``uvicorn.run(log_config=...)``,
so every worker process logs alike from its first line. uvicorn's own messages get the same
format and its access log is silenced: `RequestLog` writes the request line instead.

What a request carries is never logged: no query string, no headers, no body. A body holds a
team's answers, and a query string may hold a token.

The member survey (paths under ``/s/``) is not logged at all: its path holds the round's link
token, and a line with a time would tell when a member answered. An error logged there names the
path as ``/s/…`` (`redacted_path`).
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any, Literal, TextIO

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Format = Literal["text", "json"]

REQUEST_LOGGER = "readiness.request"
SERVICE_LOGGER = "readiness"
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error")
UVICORN_ACCESS_LOGGER = "uvicorn.access"

SURVEY_PREFIX = "/s/"

request_logger = logging.getLogger(REQUEST_LOGGER)


def is_survey_path(path: str, root_path: str = "") -> bool:
    """Whether `path` is a member survey page, whose requests are never logged."""
    if root_path and path.startswith(root_path):
        path = path[len(root_path) :]
    return path.startswith(SURVEY_PREFIX)


def redacted_path(path: str, root_path: str = "") -> str:
    """`path` as a log may show it: a survey page's link token left out."""
    if is_survey_path(path, root_path):
        return f"{root_path}{SURVEY_PREFIX}…"
    return path


class TextFormatter(logging.Formatter):
    """``2025-06-01T10:15:02.345Z INFO readiness.request: GET /api/v1/health 200 1.2 ms 15 B``."""

    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        # UTC, so that lines from several hosts or workers sort and compare without a zone.
        self.converter = time.gmtime


class JsonLineFormatter(JsonFormatter):
    """One JSON object per line: timestamp, level, logger, message and the record's extra fields."""

    def __init__(self) -> None:
        super().__init__(
            "%(levelname)s %(name)s %(message)s",
            rename_fields={"levelname": "level", "name": "logger"},
            # uvicorn attaches an ANSI-coloured copy of each message; one copy is enough.
            reserved_attrs=[*RESERVED_ATTRS, "color_message"],
            timestamp=True,
            json_ensure_ascii=False,
        )


class ServiceHandler(logging.StreamHandler[TextIO]):
    """The service's one handler on the root logger; its class is how it is found again."""


def configure_logging(format: Format = "text", level: str = "INFO") -> None:
    """Log to stderr in `format` from `level` up, uvicorn's messages included; safe to repeat.

    The handler sits on the root logger so that everything propagating there (``readiness.*``,
    uvicorn, warnings of the libraries) comes out in one format. Calling this again replaces the
    format and level rather than adding a second handler. Other handlers on the root logger are
    left alone.
    """
    threshold = _level(level)
    formatter = _formatter(format)
    root = logging.getLogger()
    ours = [handler for handler in root.handlers if isinstance(handler, ServiceHandler)]
    for extra in ours[1:]:
        root.removeHandler(extra)
    if ours:
        handler = ours[0]
        handler.setStream(sys.stderr)
    else:
        handler = ServiceHandler(sys.stderr)
        root.addHandler(handler)
    handler.setFormatter(formatter)
    # Other libraries speak at WARNING and up; only our own loggers go down to `level`.
    root.setLevel(max(threshold, logging.WARNING))
    service = logging.getLogger(SERVICE_LOGGER)
    service.setLevel(threshold)
    service.propagate = True
    for name in UVICORN_LOGGERS:
        # uvicorn's default config gives "uvicorn" a handler of its own that does not propagate.
        uvicorn_logger = logging.getLogger(name)
        for own in uvicorn_logger.handlers[:]:
            uvicorn_logger.removeHandler(own)
        uvicorn_logger.propagate = True
    logging.getLogger("uvicorn").setLevel(threshold)
    logging.getLogger("uvicorn.error").setLevel(logging.NOTSET)
    access = logging.getLogger(UVICORN_ACCESS_LOGGER)
    for own in access.handlers[:]:
        access.removeHandler(own)
    # Without handlers and propagation uvicorn sees hasHandlers() False and skips the line.
    access.propagate = False
    access.setLevel(logging.WARNING)


def uvicorn_log_config(format: Format = "text", level: str = "INFO") -> dict[str, Any]:
    """`configure_logging` as a `logging.config.dictConfig` dict, for ``uvicorn.run(log_config=)``.

    uvicorn applies it in every worker process before the app is created, so the lines before
    `configure_logging` runs (the server starting, the workers booting) already have the format.
    """
    threshold = logging.getLevelName(_level(level))
    return {
        "version": 1,
        # The loggers of modules already imported (readiness.*) must keep logging.
        "disable_existing_loggers": False,
        "formatters": {
            "text": {"()": f"{__name__}.TextFormatter"},
            "json": {"()": f"{__name__}.JsonLineFormatter"},
        },
        "handlers": {
            "service": {
                "class": f"{__name__}.ServiceHandler",
                "formatter": _check_format(format),
                "stream": "ext://sys.stderr",
            }
        },
        "root": {
            "handlers": ["service"],
            "level": logging.getLevelName(max(_level(level), logging.WARNING)),
        },
        "loggers": {
            SERVICE_LOGGER: {"level": threshold, "propagate": True},
            "uvicorn": {"handlers": [], "level": threshold, "propagate": True},
            "uvicorn.error": {"handlers": [], "level": "NOTSET", "propagate": True},
            UVICORN_ACCESS_LOGGER: {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }


class RequestLog:
    """One INFO line on ``readiness.request`` per HTTP request: method, path, status, ms, bytes.

    A pure ASGI middleware, so streaming responses pass through untouched. A request that raises
    before its response started is logged as 500, which is what the client is then sent.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or is_survey_path(
            str(scope.get("path", "")), str(scope.get("root_path", ""))
        ):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: int | None = None
        size: int | None = None

        async def sending(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = int(message["status"])
                size = 0
            elif message["type"] == "http.response.body" and size is not None:
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:
            if status is None:
                status = 500
            raise
        finally:
            # A cancelled request (the client went away) is logged too, with no status.
            _log_request(scope, status, size, time.perf_counter() - started)


def _log_request(scope: Scope, status: int | None, size: int | None, seconds: float) -> None:
    method = str(scope.get("method", ""))
    path = _printable(str(scope.get("path", "")))
    duration_ms = round(seconds * 1000, 1)
    shown_size = "" if size is None else f" {size} B"
    request_logger.info(
        "%s %s %s %.1f ms%s",
        method,
        path,
        "-" if status is None else status,
        duration_ms,
        shown_size,
        extra={
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": duration_ms,
            "bytes": size,
        },
    )


def _printable(path: str) -> str:
    # A percent-encoded newline in the path would otherwise start a forged log line.
    return path if path.isprintable() else path.encode("unicode_escape").decode("ascii")


def _level(level: str) -> int:
    levels = logging.getLevelNamesMapping()
    name = level.strip().upper()
    if name not in levels:
        known = ", ".join(sorted(choice for choice in levels if choice != "NOTSET"))
        raise ValueError(f"unknown log level {level!r}; use one of {known}")
    return levels[name]


def _check_format(format: str) -> Format:
    if format == "text":
        return "text"
    if format == "json":
        return "json"
    raise ValueError(f"unknown log format {format!r}; use text or json")


def _formatter(format: str) -> logging.Formatter:
    return JsonLineFormatter() if _check_format(format) == "json" else TextFormatter()
