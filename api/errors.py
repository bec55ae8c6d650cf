"""The library's errors as HTTP answers: a rejected profile is 422, an unknown id 404.

Every 422 has the shape FastAPI uses for its own validation errors, reduced to what a client
needs: ``{"detail": [{"loc": ["body", "answers", "fl_trust"], "msg": "...", "type": "..."}]}``.
The input is never echoed back: it may be large, and member answers are not to be repeated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from api.schemas import ErrorResponse, ValidationErrorResponse
from readiness import NotFoundError, ProfileError

Responses = dict[int | str, dict[str, Any]]

VALIDATION: Responses = {
    422: {
        "model": ValidationErrorResponse,
        "description": "Rejected: each problem names the parameter, item or field at fault",
    }
}
NOT_FOUND: Responses = {404: {"model": ErrorResponse, "description": "No such assessment or team"}}
BODY: Responses = {
    413: {"model": ErrorResponse, "description": "The request body is larger than allowed"},
    415: {"model": ErrorResponse, "description": "The request body is not JSON"},
}


def install(app: FastAPI) -> None:
    """Register the handlers that turn the library's errors into answers."""
    app.add_exception_handler(ProfileError, _profile_rejected)
    app.add_exception_handler(RequestValidationError, _request_rejected)
    app.add_exception_handler(NotFoundError, _not_found)


def _profile_rejected(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ProfileError)
    return _unprocessable(
        {"loc": ["body", *problem.loc], "msg": problem.message, "type": problem.type}
        for problem in error.problems
    )


def _request_rejected(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return _unprocessable(_detail(e) for e in error.errors())


def _not_found(_request: Request, error: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(error)}, status_code=404)


def _detail(error: Mapping[str, Any]) -> dict[str, Any]:
    message = str(error.get("msg", ""))
    if error.get("type") == "json_invalid":
        # FastAPI says only "JSON decode error"; the decoder's reason and position help more.
        reason = (error.get("ctx") or {}).get("error") or "cannot be read"
        message = f"not valid JSON: {reason} (at character {error['loc'][-1]})"
    return {"loc": list(error.get("loc", ())), "msg": message, "type": str(error.get("type"))}


def _unprocessable(details: Iterable[dict[str, Any]]) -> JSONResponse:
    return JSONResponse({"detail": list(details)}, status_code=422)
