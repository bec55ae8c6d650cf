"""The library's errors as HTTP answers: a rejected profile is 422, an unknown id 404.

Every 422 has the shape FastAPI uses for its own validation errors, reduced to what a client
needs: ``{"detail": [{"loc": ["body", "answers", "fl_trust"], "msg": "...", "type": "..."}]}``.
The input is never echoed back: it may be large, and member answers are not to be repeated.
A 422 lists at most `max_problems` problems (a setting), then one entry that says how many more.

A failure on our side (the rule engine, the database, a bug) is a 500 or 503 whose detail ends
with a short error id; the same id is in the ERROR line on ``readiness.error`` with the
traceback, so an operator told the id finds the cause. The request body is never logged.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError, StatementError

from api.json_body import BodyRejected
from api.logs import redacted_path
from api.schemas import ErrorResponse, ValidationErrorResponse
from api.storage.database import StorageError
from readiness import ConflictError, EngineError, InputError, NotFoundError, ProfileError
from readiness.tabular import TableError

logger = logging.getLogger("readiness.error")

RETRY_AFTER_SECONDS = 5
DEFAULT_MAX_PROBLEMS = 50  # when the app has no settings (they always have; see api.settings)

Responses = dict[int | str, dict[str, Any]]

VALIDATION: Responses = {
    422: {
        "model": ValidationErrorResponse,
        "description": "Rejected: each problem names the parameter, item or field at fault, "
        "or for a body that is not acceptable JSON (json_invalid, json_too_deep, "
        "json_number_too_long, json_string_too_long, json_duplicate_key) the place in it; "
        "at most 50 problems by default, then one too_many_problems entry "
        "(docs/contract.md §9.1)",
    }
}
NOT_FOUND: Responses = {
    404: {"model": ErrorResponse, "description": "No such assessment, team or organisation"}
}
CONFLICT: Responses = {409: {"model": ErrorResponse, "description": "It exists already"}}
BODY: Responses = {
    413: {"model": ErrorResponse, "description": "The request body is larger than allowed"},
    415: {"model": ErrorResponse, "description": "The request body is not JSON"},
}
SERVER_ERRORS: Responses = {
    500: {
        "model": ErrorResponse,
        "description": "The server failed (e.g. the rule engine); the detail ends with an error id",
    },
    503: {
        "model": ErrorResponse,
        "description": "The database is unavailable; try again after Retry-After seconds",
        "headers": {
            "Retry-After": {
                "description": "seconds to wait before trying again",
                "schema": {"type": "integer"},
            }
        },
    },
}


def install(app: FastAPI) -> None:
    """Register the handlers that turn the library's errors, and our own failures, into answers."""
    app.add_exception_handler(ProfileError, _profile_rejected)
    app.add_exception_handler(BodyRejected, _body_rejected)
    app.add_exception_handler(RequestValidationError, _request_rejected)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(InputError, _input_rejected)
    app.add_exception_handler(TableError, _table_rejected)
    app.add_exception_handler(ConflictError, _conflict)
    app.add_exception_handler(EngineError, _engine_failed)
    # A handler for a base class answers its subclasses too: IntegrityError, OperationalError, …
    app.add_exception_handler(StorageError, _storage_failed)
    app.add_exception_handler(SQLAlchemyError, _storage_failed)
    # Starlette gives this one to its ServerErrorMiddleware, outside every other middleware.
    app.add_exception_handler(Exception, _unexpected)


def _profile_rejected(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ProfileError)
    return _unprocessable(
        request,
        (
            {"loc": ["body", *problem.loc], "msg": problem.message, "type": problem.type}
            for problem in error.problems
        ),
    )


def _body_rejected(request: Request, error: Exception) -> JSONResponse:
    """A JSON body refused by api.json_body: not JSON, over a limit, or not a valid model."""
    assert isinstance(error, BodyRejected)
    if isinstance(error.error, ProfileError):
        return _profile_rejected(request, error.error)
    return _input_rejected(request, error.error)


def _request_rejected(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return _unprocessable(request, (_detail(e) for e in error.errors()))


def _not_found(_request: Request, error: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(error)}, status_code=404)


def _input_rejected(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, InputError)
    return _unprocessable(
        request,
        (
            {"loc": [error.source, *problem.loc], "msg": problem.message, "type": problem.type}
            for problem in error.problems
        ),
    )


def _table_rejected(request: Request, error: Exception) -> JSONResponse:
    return _unprocessable(request, [{"loc": ["body"], "msg": str(error), "type": "table_invalid"}])


def _conflict(_request: Request, error: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(error)}, status_code=409)


def _detail(error: Mapping[str, Any]) -> dict[str, Any]:
    message = str(error.get("msg", ""))
    if error.get("type") == "json_invalid" and (error.get("ctx") or {}).get("error"):
        # FastAPI says only "JSON decode error"; the decoder's reason and position help more.
        reason = error["ctx"]["error"]
        message = f"not valid JSON: {reason} (at character {error['loc'][-1]})"
    return {"loc": list(error.get("loc", ())), "msg": message, "type": str(error.get("type"))}


def _unprocessable(request: Request, details: Iterable[dict[str, Any]]) -> JSONResponse:
    """The 422: the first `max_problems` problems, then one entry saying how many more."""
    settings = getattr(request.app.state, "settings", None)
    limit = settings.max_problems if settings is not None else DEFAULT_MAX_PROBLEMS
    remaining = iter(details)
    shown = list(islice(remaining, limit))
    more = sum(1 for _ in remaining)
    if more:
        root = shown[0]["loc"][:1] if shown and shown[0]["loc"] else ["body"]
        noun = "problem" if more == 1 else "problems"
        shown.append({"loc": root, "msg": f"and {more:,} more {noun}", "type": "too_many_problems"})
    return JSONResponse({"detail": shown}, status_code=422)


async def _engine_failed(request: Request, error: Exception) -> JSONResponse:
    error_id = _log_failure(request, error, "the rule engine failed")
    return JSONResponse(
        {"detail": f"the rule engine failed; the error is logged (id {error_id})"}, status_code=500
    )


async def _storage_failed(request: Request, error: Exception) -> JSONResponse:
    error_id = _log_failure(request, error, "the database is unavailable")
    return JSONResponse(
        {"detail": f"the database is unavailable; try again shortly (id {error_id})"},
        status_code=503,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    error_id = _log_failure(request, error, "unexpected error")
    return JSONResponse(
        {"detail": f"the server failed unexpectedly; the error is logged (id {error_id})"},
        status_code=500,
    )


def _log_failure(request: Request, error: Exception, what: str) -> str:
    """Log `error` with its traceback under a new error id; the id, for the answer."""
    error_id = secrets.token_hex(4)
    _hide_sql_parameters(error)
    # The headline keeps to one line; the whole message (SQLAlchemy adds the statement) is
    # repeated at the end of the traceback anyway.
    headline = next(iter(str(error).splitlines()), "")
    path = redacted_path(request.url.path, request.scope.get("root_path", ""))
    logger.error(
        "%s [id %s] on %s %s: %s: %s",
        what,
        error_id,
        request.method,
        path,
        type(error).__name__,
        headline,
        exc_info=error,
        extra={
            "error_id": error_id,
            "error_type": type(error).__name__,
            "method": request.method,
            "path": path,
        },
    )
    return error_id


def _hide_sql_parameters(error: BaseException) -> None:
    # SQLAlchemy prints a statement's parameters in its message, and they are the stored
    # profile: a team's answers. The statement itself (placeholders only) stays, it is the clue.
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, StatementError):
            current.hide_parameters = True
        current = current.__cause__ or current.__context__
