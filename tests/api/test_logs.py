"""The request line and the error log: what an operator sees, and what is never written down."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError, OperationalError

from api.errors import SERVER_ERRORS, install
from api.logs import RequestLog, ServiceHandler, configure_logging, uvicorn_log_config
from api.storage.database import StorageError
from readiness import EngineError

ROOT = Path(__file__).resolve().parents[2]
SECRET_BODY = {"answers": {"fl_x": 4}, "team_id": "secret-team-xyz"}
SECRETS = ("secret-team-xyz", "fl_x", "token", "hunter2")
ERROR_ID = re.compile(r"\(id ([0-9a-f]{8})\)$")
LOGGERS = (
    *("readiness", "readiness.request", "readiness.error"),
    *("uvicorn", "uvicorn.error", "uvicorn.access"),
)


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Undo configure_logging: no handler, level or propagation leaks into other tests."""
    root = logging.getLogger()
    root_level = root.level
    saved = {
        name: (logger.handlers[:], logger.level, logger.propagate, logger.disabled)
        for name in LOGGERS
        for logger in [logging.getLogger(name)]
    }
    yield
    for handler in root.handlers[:]:
        if isinstance(handler, ServiceHandler):
            root.removeHandler(handler)
    root.setLevel(root_level)
    for name, (handlers, level, propagate, disabled) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate
        logger.disabled = disabled


def make_app() -> FastAPI:
    app = FastAPI()
    install(app)
    app.add_middleware(RequestLog)

    @app.get("/ok")
    async def ok() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/echo")
    async def echo(body: dict[str, Any]) -> dict[str, Any]:
        return {"received": body}

    @app.get("/stream")
    async def stream() -> StreamingResponse:
        async def chunks() -> AsyncIterator[bytes]:
            for chunk in (b"abc", b"defg"):
                yield chunk

        return StreamingResponse(chunks(), media_type="text/plain")

    @app.get("/engine", responses=SERVER_ERRORS)
    async def engine() -> None:
        raise EngineError("no rule took the facts {'fl_trust': 3}")

    @app.get("/storage")
    async def storage() -> None:
        raise StorageError("cannot use postgresql://db.example/readiness: refused")

    @app.post("/locked")
    async def locked() -> None:
        raise OperationalError(
            "INSERT INTO assessments (team_id, profile) VALUES (?, ?)",
            ("secret-team-xyz", '{"fl_x": 4}'),
            sqlite3.OperationalError("database is locked"),
        )

    @app.get("/integrity")
    async def integrity() -> None:
        raise IntegrityError("INSERT INTO teams (id) VALUES (?)", None, Exception("duplicate id"))

    @app.get("/bug")
    async def bug() -> None:
        raise RuntimeError("a bug: the unexpected happened")

    return app


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(make_app(), raise_server_exceptions=False) as client:
        yield client


def request_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "readiness.request"]


def error_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "readiness.error"]


def ours(caplog: pytest.LogCaptureFixture) -> str:
    """What our loggers wrote, tracebacks included (the test's HTTP client logs the URL)."""
    handler = caplog.handler
    return "\n".join(handler.format(r) for r in caplog.records if r.name.startswith("readiness"))


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


# --- the request line -------------------------------------------------------------------------


def test_one_line_per_request_with_method_path_status_duration_and_size(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="readiness"):
        first = client.get("/ok")
        client.get("/nowhere")

    records = request_records(caplog)
    assert len(records) == 2
    line = records[0]
    assert line.levelno == logging.INFO
    assert (line.method, line.path, line.status) == ("GET", "/ok", 200)
    assert line.bytes == len(first.content)
    assert line.duration_ms >= 0
    assert round(line.duration_ms, 1) == line.duration_ms
    assert line.getMessage() == f"GET /ok 200 {line.duration_ms:.1f} ms {len(first.content)} B"
    assert (records[1].path, records[1].status) == ("/nowhere", 404)


def test_a_streamed_response_is_counted_as_it_is_sent(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="readiness"):
        client.get("/stream")

    assert request_records(caplog)[0].bytes == len(b"abcdefg")


def test_the_query_string_headers_and_body_appear_nowhere(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        answer = client.post(
            "/echo?token=abc", json=SECRET_BODY, headers={"Authorization": "Bearer hunter2"}
        )

    assert answer.status_code == 200
    assert answer.json() == {"received": SECRET_BODY}
    (line,) = request_records(caplog)
    assert line.path == "/echo"
    assert line.getMessage().startswith("POST /echo 200 ")
    records = [r for r in caplog.records if r.name.startswith("readiness")]
    logged = ours(caplog) + "".join(json.dumps(r.__dict__, default=str) for r in records)
    for secret in SECRETS:
        assert secret not in logged


def test_a_request_that_raises_is_logged_as_500(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="readiness"):
        client.get("/bug")

    (line,) = request_records(caplog)
    assert (line.path, line.status) == ("/bug", 500)


def test_lifespan_is_not_a_request(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="readiness"), TestClient(make_app()):
        pass

    assert request_records(caplog) == []


def test_a_control_character_in_the_path_cannot_forge_a_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="readiness"):
        client.get("/ok%0AINFO readiness.request: GET /admin 200")

    (line,) = request_records(caplog)
    assert "\n" not in line.getMessage()


# --- failures: an id in the answer, the same id and the cause in the log ----------------------


@pytest.mark.parametrize(
    ("path", "status", "cause"),
    [
        ("/engine", 500, "no rule took the facts"),
        ("/storage", 503, "cannot use postgresql://db.example/readiness"),
        ("/integrity", 503, "duplicate id"),
        ("/bug", 500, "a bug: the unexpected happened"),
    ],
)
def test_a_failure_answers_with_an_error_id_that_the_log_line_carries(
    client: TestClient, caplog: pytest.LogCaptureFixture, path: str, status: int, cause: str
) -> None:
    with caplog.at_level(logging.INFO, logger="readiness"):
        answer = client.get(path)

    assert answer.status_code == status
    detail = answer.json()["detail"]
    match = ERROR_ID.search(detail)
    assert match, detail
    error_id = match.group(1)
    (record,) = error_records(caplog)
    assert record.levelno == logging.ERROR
    assert record.error_id == error_id
    assert error_id in record.getMessage()
    assert cause in record.getMessage()
    assert record.exc_info is not None
    assert record.path == path
    assert "Traceback" in caplog.text


def test_the_engine_failing_is_500(client: TestClient) -> None:
    answer = client.get("/engine")

    assert answer.status_code == 500
    assert answer.json()["detail"].startswith("the rule engine failed; the error is logged (id ")


def test_the_database_locked_is_503_with_retry_after_and_no_parameters_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="readiness"):
        answer = client.post("/locked", json=SECRET_BODY)

    assert answer.status_code == 503
    assert answer.headers["Retry-After"].isdigit()
    assert answer.json()["detail"].startswith("the database is unavailable; try again shortly")
    (record,) = error_records(caplog)
    assert "database is locked" in record.getMessage()
    assert "INSERT INTO assessments" in ours(caplog)
    for secret in SECRETS:
        assert secret not in ours(caplog)


def test_an_unexpected_error_is_a_json_500(client: TestClient) -> None:
    answer = client.get("/bug")

    assert answer.status_code == 500
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["detail"].startswith("the server failed unexpectedly")


def test_a_client_error_is_not_logged_as_an_error(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="readiness"):
        answer = client.get("/nowhere")

    assert answer.status_code == 404
    assert error_records(caplog) == []


def test_each_failure_gets_its_own_id(client: TestClient) -> None:
    ids = {ERROR_ID.search(client.get("/engine").json()["detail"]) for _ in range(3)}

    assert len({m.group(1) for m in ids if m}) == 3


def test_server_errors_are_documented_for_a_route_that_uses_them() -> None:
    responses = make_app().openapi()["paths"]["/engine"]["get"]["responses"]

    assert {"500", "503"} <= responses.keys()
    assert "Retry-After" in responses["503"]["headers"]
    schema = responses["500"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/ErrorResponse"}


# --- the formats ------------------------------------------------------------------------------


def test_json_lines_parse_with_timestamp_level_logger_and_the_fields(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("json")
    capsys.readouterr()

    client.post("/echo?token=abc", json=SECRET_BODY)
    client.get("/engine")

    err = capsys.readouterr().err
    for secret in SECRETS:
        assert secret not in err
    lines = json_lines(err)
    request = next(line for line in lines if line["logger"] == "readiness.request")
    assert {"timestamp", "level", "logger", "message"} <= request.keys()
    assert request["level"] == "INFO"
    assert (request["method"], request["path"], request["status"]) == ("POST", "/echo", 200)
    assert isinstance(request["duration_ms"], float)
    assert isinstance(request["bytes"], int)
    error = next(line for line in lines if line["logger"] == "readiness.error")
    assert error["level"] == "ERROR"
    assert error["error_id"] in error["message"]
    assert "EngineError" in error["exc_info"]
    assert all(line.startswith("{") for line in err.splitlines() if line)


def test_text_lines_are_one_readable_line(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("text")
    capsys.readouterr()

    client.get("/ok")

    (line,) = capsys.readouterr().err.splitlines()
    pattern = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO readiness\.request: GET /ok 200 "
    assert re.fullmatch(pattern + r"\d+\.\d ms \d+ B", line), line


def test_configuring_twice_does_not_double_the_lines(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("text")
    configure_logging("json", level="debug")
    capsys.readouterr()

    logging.getLogger("readiness.request").debug("once")

    handlers = [h for h in logging.getLogger().handlers if isinstance(h, ServiceHandler)]
    assert len(handlers) == 1
    (line,) = json_lines(capsys.readouterr().err)
    assert (line["message"], line["level"]) == ("once", "DEBUG")


def test_uvicorn_speaks_in_the_same_format_and_its_access_log_is_silent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # As uvicorn's default config leaves them: handlers of their own, not propagating.
    for name in ("uvicorn", "uvicorn.access"):
        logging.getLogger(name).addHandler(logging.StreamHandler(sys.stderr))
        logging.getLogger(name).propagate = False
    configure_logging("json")
    capsys.readouterr()

    logging.getLogger("uvicorn.error").info(
        "Started server process [%d]", 42, extra={"color_message": "\x1b[1m42\x1b[0m"}
    )
    logging.getLogger("uvicorn.access").info('127.0.0.1 - "GET /echo?token=abc" 200')

    (line,) = json_lines(capsys.readouterr().err)
    assert (line["logger"], line["message"]) == ("uvicorn.error", "Started server process [42]")
    assert "color_message" not in line
    assert not logging.getLogger("uvicorn.access").hasHandlers()


def test_unknown_format_or_level_is_refused() -> None:
    with pytest.raises(ValueError, match="log format"):
        configure_logging("xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="log level"):
        configure_logging(level="LOUD")


@pytest.mark.parametrize("format", ["text", "json"])
def test_uvicorn_log_config_is_accepted_by_dictconfig(format: Literal["text", "json"]) -> None:
    # In a process of its own: dictConfig replaces the root handlers, pytest's among them.
    script = (
        "import logging, logging.config, sys\n"
        "from api.logs import uvicorn_log_config\n"
        "logging.config.dictConfig(uvicorn_log_config(sys.argv[1], 'INFO'))\n"
        "logging.getLogger('uvicorn.error').info('Started server process [1]')\n"
        "logging.getLogger('uvicorn.access').info('GET /?token=abc 200')\n"
        "logging.getLogger('readiness.request').info('GET /ok 200 1.0 ms 2 B')\n"
        "logging.getLogger('sqlalchemy.engine').info('below WARNING: not shown')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, format],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert "token" not in done.stderr
    if format == "json":
        parsed = [json.loads(line) for line in lines]
        assert [p["logger"] for p in parsed] == ["uvicorn.error", "readiness.request"]
        assert all({"timestamp", "level", "message"} <= p.keys() for p in parsed)
    else:
        assert lines[0].endswith("INFO uvicorn.error: Started server process [1]")
        assert lines[1].endswith("INFO readiness.request: GET /ok 200 1.0 ms 2 B")


def test_uvicorn_log_config_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="log format"):
        uvicorn_log_config("xml")  # type: ignore[arg-type]
