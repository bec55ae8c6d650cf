"""Read a JSON request body safely: within limits, and a large one in a worker thread.

FastAPI parses a JSON body with `json.loads` and validates it on the event loop, so one large or
hostile body holds up every other request, and what `json.loads` cannot take (nesting a thousand
deep, a number of 5,000 digits, bytes that are not text) becomes a bare 400. The routers of the
JSON API use `JsonBodyRoute` instead; their signatures stay as they are (`profile: TeamProfile`),
and so does the OpenAPI document. For each request it:

1. checks the raw text, cheaply and without recursion: nesting depth, the length of every number
   and (roughly) every string, before anything is parsed (a look at the bytes first: a body that
   plainly keeps every limit, as a team's profile does, is parsed at once);
2. parses it, rejecting a key given twice in one object (JSON would silently keep the last);
3. validates the route's body model (a `TeamProfile` is a `ProfileError` as everywhere else);

on the event loop for a body of up to `INLINE_BODY_BYTES`, in a worker thread for a larger one.
A small body takes a few milliseconds at most, about the interpreter's switch interval (a thread
holds the GIL as long, so it would not let other requests in sooner), while the round trip to a
thread costs every request; a large body could hold the loop for much longer.

A rejection is a 422 naming each problem: where it is (a path into the body or, for text that is
not JSON, a character position), `msg` and a `type` (docs/contract.md §9.1). The limits are
settings (`api/settings.py`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, TypeVar

from fastapi import HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError

from api.settings import Settings
from readiness import InputError, ProfileError, TeamProfile, parse_profile
from readiness.errors import Loc, Problem

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
M = TypeVar("M", bound=BaseModel)

# A JSON string as the text holds it: from a quote to the next unescaped quote. An unterminated
# one runs to the end (the parser rejects it afterwards): every match ends, so the scan is linear.
_STRING = re.compile(r'("(?:[^"\\]++|\\.)*+(?:"|\\?\Z))', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]++")
_BRACKET = re.compile(r"[\[\]{}]")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
# The bytes numbers are made of, each as "0", every other byte as a space; and every byte but a
# quote as "-": a run of either, found with `in`, is a number or a string that may be too long.
_NUMBER_BYTES, _PLAIN = b"0", b"-"
_NUMBER_RUNS = bytes(
    ord("0") if chr(byte) in "-+0123456789.eE" else ord(" ") for byte in range(256)
)
_STRING_RUNS = bytes(byte if byte == ord('"') else ord("-") for byte in range(256))

INLINE_BODY_BYTES = 16_384
"""The largest body read on the event loop (a team's profile with answers from some fifty
members); a larger one is read in a worker thread."""


@dataclass(frozen=True)
class JsonLimits:
    """How deep, how long a number (in digits) and how long a string (keys too) a body may hold."""

    max_depth: int
    max_digits: int
    max_string: int

    @classmethod
    def of(cls, settings: Settings) -> JsonLimits:
        return cls(settings.max_json_depth, settings.max_json_digits, settings.max_json_string)


class BodyRejected(HTTPException):
    """A 422 for a body that is not acceptable JSON or not a valid model; `error` names why.

    An HTTPException, because FastAPI turns any other exception raised while it reads a body into
    a bare 400; api.errors answers it in the shape of every other 422.
    """

    def __init__(self, error: ProfileError | InputError) -> None:
        super().__init__(status_code=422, detail="the request body was rejected")
        self.error = error


class JsonBodyRoute(APIRoute):
    """A route whose JSON body is checked, parsed and validated within the limits of the
    settings (a large body in a worker thread): give it to an APIRouter as its `route_class`."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()
        model = _body_model(self)
        if model is None:
            return handler

        async def read_safely(request: Request) -> Response:
            return await handler(json_request(request, model))

        return read_safely


def json_request(request: Request, model: type[BaseModel]) -> Request:
    """`request`, whose `json()` is `model` read within the limits (itself when it is so)."""
    if isinstance(request, _SafeJsonRequest) and request._model is model:
        return request
    return _SafeJsonRequest(request.scope, request.receive, model)


class _SafeJsonRequest(Request):
    """A request whose `json()` is the route's body model (made in a worker thread when the body
    is larger than `INLINE_BODY_BYTES`).

    FastAPI calls `json()` for a body declared as JSON, then validates what it gets on the event
    loop: an instance of the model passes as it is, so no work is left for the loop.
    """

    def __init__(self, scope: Any, receive: Any, model: type[BaseModel]) -> None:
        super().__init__(scope, receive)
        self._model = model

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            raw = await self.body()
            limits = JsonLimits.of(self.app.state.settings)
            try:
                if len(raw) <= INLINE_BODY_BYTES:
                    self._json = read_body(raw, self._model, limits)
                else:
                    self._json = await run_in_threadpool(read_body, raw, self._model, limits)
            except (ProfileError, InputError) as error:
                raise BodyRejected(error) from error
        return self._json


def _body_model(route: APIRoute) -> type[BaseModel] | None:
    field = route.body_field
    annotation = getattr(getattr(field, "field_info", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def read_body(raw: bytes, model: type[M], limits: JsonLimits) -> M:
    """`raw` as an instance of `model`, or ProfileError (a TeamProfile) or InputError naming
    every problem. CPU-bound: a large body belongs in a worker thread."""
    data = parse_json(raw, limits)
    if not isinstance(data, dict):
        raise InputError([Problem((), _not_an_object(data), "model_attributes_type")])
    if issubclass(model, TeamProfile):
        profile = parse_profile(data)  # ProfileError, located in the profile
        assert isinstance(profile, model)
        return profile
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InputError(
            [
                Problem(tuple(e["loc"]), e["msg"], e["type"])
                for e in error.errors(include_url=False, include_context=False, include_input=False)
            ]
        ) from None


def parse_json(raw: bytes, limits: JsonLimits) -> Any:
    """The JSON value in `raw`, or InputError: not JSON (with the position), nested deeper than
    the limit, a number or string longer than the limit, or a key twice in one object."""
    text = _decode(raw)
    if _plainly_within(raw, limits):
        duplicated: list[bool] = []
        try:
            data = json.loads(text, object_pairs_hook=lambda pairs: _object(pairs, duplicated))
        except (ValueError, RecursionError):  # said as the full check says it, below
            pass
        else:
            if duplicated:  # nothing else can be wrong: the keys given twice, as below
                raise InputError(list(_problems(data, limits)))
            return data
    return _parse_checked(text, limits)


def _plainly_within(raw: bytes, limits: JsonLimits) -> bool:
    """Whether UTF-8 `raw` plainly keeps every limit, by looking at its bytes in C (a few
    microseconds for a team's profile): no more brackets than the depth allowed, no run of the
    characters numbers are made of longer than a number may be, and no run without a quote longer
    than a string may be (with no escaped quote, a string is the run between two quotes). Each
    test only errs towards False, which sends the body through the full check."""
    if json.detect_encoding(raw) != "utf-8":
        return False
    deep = raw.count(b"[") + raw.count(b"{") > limits.max_depth
    long_number = _NUMBER_BYTES * (limits.max_digits + 1) in raw.translate(_NUMBER_RUNS)
    long_string = len(raw) - 2 > limits.max_string and (
        (b"\\" in raw and b'\\"' in raw)  # one byte is found faster than two
        or _PLAIN * (limits.max_string + 1) in raw.translate(_STRING_RUNS)
    )
    return not (deep or long_number or long_string)


def _parse_checked(text: str, limits: JsonLimits) -> Any:
    """`parse_json` for a body that is not plainly within the limits: each limit checked on the
    text before it is parsed, and every problem found named at its place."""
    # The text outside strings, and the strings, in one pass of a regular expression (in C).
    parts = _STRING.split(text)
    outside, strings = "".join(parts[0::2]), parts[1::2]
    _check_depth(text, outside, limits.max_depth)
    long_numbers = _has_long_runs(outside, limits.max_digits)
    long_strings = max(map(len, strings), default=0) - 2 > limits.max_string
    duplicated: list[bool] = []
    try:
        data = json.loads(
            text,
            object_pairs_hook=lambda pairs: _object(pairs, duplicated),
            parse_int=_number_hook(int, limits.max_digits) if long_numbers else None,
            parse_float=_number_hook(float, limits.max_digits) if long_numbers else None,
        )
    except json.JSONDecodeError as error:
        raise _invalid(f"{error.msg} (at character {error.pos})", error.pos) from None
    except RecursionError:  # not reached within the depth limit; never a 500 all the same
        raise _too_deep(limits.max_depth, None) from None
    except ValueError as error:  # an integer past Python's own limit of digits
        raise InputError(
            [Problem((), f"a number too long to read: {error}", "json_number_too_long")]
        ) from None
    if duplicated or long_numbers or long_strings:
        problems = list(_problems(data, limits))
        if problems:
            raise InputError(problems)
    return data


def _decode(raw: bytes) -> str:
    if not raw.strip():
        raise InputError([Problem((), "the body is empty; send a JSON object", "missing")])
    try:
        return raw.decode(json.detect_encoding(raw))
    except UnicodeDecodeError as error:
        raise _invalid(f"the text is not UTF-8 (at byte {error.start})", error.start) from None


def _invalid(reason: str, position: int) -> InputError:
    return InputError([Problem((position,), f"not valid JSON: {reason}", "json_invalid")])


def _check_depth(text: str, outside: str, limit: int) -> None:
    brackets = _NOT_BRACKETS.sub("", outside)
    if len(brackets) <= limit:  # fewer brackets than it takes to nest too deep
        return
    depths = accumulate(map(_DEPTH_STEP.__getitem__, brackets))
    if max(depths, default=0) > limit:
        raise _too_deep(limit, _too_deep_at(text, limit))


def _too_deep_at(text: str, limit: int) -> int | None:
    """The character where the nesting first goes past `limit` (only when it does: slower)."""
    blanked = _STRING.sub(lambda string: " " * len(string[0]), text)
    depth = 0
    for bracket in _BRACKET.finditer(blanked):
        depth += _DEPTH_STEP[bracket[0]]
        if depth > limit:
            return bracket.start()
    return None


def _too_deep(limit: int, position: int | None) -> InputError:
    where = f" (at character {position})" if position is not None else ""
    return InputError(
        [
            Problem(
                () if position is None else (position,),
                f"arrays and objects nested too deep{where}: at most {limit} levels are accepted",
                "json_too_deep",
            )
        ]
    )


def _has_long_runs(outside: str, limit: int) -> bool:
    """Whether some number may have more than `limit` digits: a run of characters numbers are
    made of that is longer (so never a miss; a false alarm only costs a closer look)."""
    return re.search(f"[-+0-9.eE]{{{limit + 1},}}", outside) is not None


@dataclass(frozen=True)
class _LongNumber:
    """A number with too many digits, left unconverted and reported with its place."""

    digits: int


def _number_hook(convert: Callable[[str], Any], limit: int) -> Callable[[str], Any]:
    def number(text: str) -> Any:
        digits = sum(map(str.isdigit, text))
        return _LongNumber(digits) if digits > limit else convert(text)

    return number


class _Duplicated(dict[str, Any]):
    """An object in which some key was given more than once."""

    keys_twice: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]], duplicated: list[bool]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    duplicated.append(True)
    flagged = _Duplicated(obj)
    flagged.keys_twice = tuple(
        key for key, count in Counter(k for k, _ in pairs).items() if count > 1
    )
    return flagged


def _problems(data: Any, limits: JsonLimits) -> Iterator[Problem]:
    """Every key given twice, too-long string and too-long number, in the order of the text,
    each at its path: walked with a stack of its own, never by recursion."""
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value, _Duplicated):
                for key in value.keys_twice:
                    yield Problem(
                        (*loc, _step(key, limits)),
                        f"the key {_step(key, limits)!r} is given more than once in this object; "
                        "give each key once",
                        "json_duplicate_key",
                    )
            for key in value:
                if len(key) > limits.max_string:
                    yield _long_string((*loc, "[key]"), len(key), limits.max_string, "a key")
            stack.extend(
                ((*loc, _step(key, limits)), item) for key, item in reversed(value.items())
            )
        elif isinstance(value, list):
            stack.extend(((*loc, index), item) for index, item in reversed(list(enumerate(value))))
        elif isinstance(value, str) and len(value) > limits.max_string:
            yield _long_string(loc, len(value), limits.max_string, "a string")
        elif isinstance(value, _LongNumber):
            yield Problem(
                loc,
                f"a number of {value.digits:,} digits; at most {limits.max_digits} are accepted",
                "json_number_too_long",
            )


def _step(key: str, limits: JsonLimits) -> str:
    """A key as a step of a path: a key over the limit is reported itself, and not repeated."""
    return key if len(key) <= limits.max_string else key[:40] + "…"


def _long_string(loc: Loc, length: int, limit: int, what: str) -> Problem:
    return Problem(
        loc,
        f"{what} of {length:,} characters; at most {limit:,} are accepted",
        "json_string_too_long",
    )


def _not_an_object(data: Any) -> str:
    kind = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}.get(
        type(data), "a number"
    )
    return f"the body is {kind}; send a JSON object"
