"""POST /api/v1/evaluate answers the same whether a request goes the direct way or through FastAPI.

`EvaluateRoute` (api/routes/evaluate.py) answers an ordinary request itself, and sends any other
one, or any request while a dependency is overridden, through FastAPI's own handler. Here each
request is sent twice to the same app: once as it is, once with `get_policy` overridden by a
function that gives the same policy, which sends every request through FastAPI. Status, headers
and bytes must be equal, for good profiles and for every kind of refusal.
"""

from __future__ import annotations

import json
import random
from typing import Any

import fastapi.routing
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.deps import get_policy
from api.json_body import INLINE_BODY_BYTES
from readiness import Policy, default_policy
from tests.conftest import make_profile, with_members
from tests.test_differential import random_profile

ADDRESS = "/api/v1/evaluate"
JSON = {"content-type": "application/json"}
GOOD = json.dumps(make_profile())

Request = tuple[str, bytes | str, dict[str, str]]


def _requests() -> list[tuple[str, Request]]:
    rng = random.Random(20261128)
    cases: list[tuple[str, Request]] = []
    for number in range(24):
        query = ("", "?lang=sv", "?lang=en")[number % 3]
        languages: tuple[dict[str, str], ...] = (
            {},
            {"accept-language": "en-GB,en;q=0.8"},
            {"accept-language": "sv"},
        )
        headers = {**JSON, **languages[number // 3 % 3]}
        cases.append(
            (f"profile {number}", (query, json.dumps(random_profile(rng, number)), headers))
        )
    large = json.dumps(with_members(200))
    assert len(large) > INLINE_BODY_BYTES
    cases += [
        ("members read in a thread", ("", large, JSON)),
        ("charset", ("", GOOD, {"content-type": "application/json; charset=utf-8"})),
        ("upper case type", ("", GOOD, {"content-type": "Application/JSON"})),
        ("+json type", ("", GOOD, {"content-type": "application/merge-patch+json"})),
        ("text type", ("", GOOD, {"content-type": "text/plain"})),
        ("no type", ("", GOOD, {})),
        ("unknown language", ("?lang=de", GOOD, JSON)),
        ("empty language", ("?lang=", GOOD, JSON)),
        ("language twice", ("?lang=en&lang=sv", GOOD, JSON)),
        ("another parameter", ("?lang=en&x=1", GOOD, JSON)),
        ("odd accept-language", ("", GOOD, {**JSON, "accept-language": "de;q=x, en;q=0.1"})),
        ("empty body", ("", b"", JSON)),
        ("spaces", ("", b"   ", JSON)),
        ("not json", ("", b'{"answers": }', JSON)),
        ("an array", ("", b"[1, 2]", JSON)),
        ("not utf-8", ("", b'{"team_id": "\xff"}', JSON)),
        ("utf-16", ("", GOOD.encode("utf-16"), JSON)),
        ("key twice", ("", GOOD[:-1] + ', "context": {"a": 1, "a": 2}}', JSON)),
        ("too deep", ("", "[" * 40 + "]" * 40, JSON)),
        ("long number", ("", '{"answers": {"x": ' + "7" * 30 + "}}", JSON)),
        ("long string", ("", '{"team_id": "' + "a" * 1_500 + '"}', JSON)),
        ("escaped quotes", ("", '{"team_id": "' + 'a\\"' * 600 + '"}', JSON)),
        ("bad answer", ("", _with_answer(9), JSON)),
        ("unknown field", ("", GOOD[:-1] + ', "zzz": 1}', JSON)),
        ("over the size limit", ("", b" " * 1_000_001, JSON)),
    ]
    return cases


def _with_answer(value: int) -> str:
    profile = make_profile()
    profile["answers"][next(iter(profile["answers"]))] = value
    return json.dumps(profile)


CASES = _requests()


def _answer(client: TestClient, request: Request) -> tuple[int, list[tuple[str, str]], bytes]:
    query, body, headers = request
    answer = client.post(ADDRESS + query, content=body, headers=headers)
    kept = [(name, value) for name, value in answer.headers.multi_items() if name != "date"]
    return answer.status_code, kept, answer.content


@pytest.fixture
def through_fastapi(app: FastAPI) -> dict[Any, Any]:
    """Overrides that change nothing but the way: the same policy, through FastAPI."""

    async def same_policy() -> Policy:
        policy: Policy = app.state.policy
        return policy

    return {get_policy: same_policy}


@pytest.mark.parametrize(("name", "request_"), CASES, ids=[name for name, _ in CASES])
def test_both_ways_give_the_same_answer(
    anonymous_client: TestClient,
    app: FastAPI,
    through_fastapi: dict[Any, Any],
    name: str,
    request_: Request,
) -> None:
    direct = _answer(anonymous_client, request_)
    app.dependency_overrides.update(through_fastapi)
    try:
        plain = _answer(anonymous_client, request_)
    finally:
        app.dependency_overrides.clear()

    assert direct == plain
    assert direct[0] != 500


@pytest.fixture
def fastapi_handled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of each request whose dependencies FastAPI worked out."""
    handled: list[str] = []
    solve = fastapi.routing.solve_dependencies  # type: ignore[attr-defined]

    async def counted(*args: Any, **kwargs: Any) -> Any:
        handled.append(kwargs["request"].url.path)
        return await solve(*args, **kwargs)

    monkeypatch.setattr(fastapi.routing, "solve_dependencies", counted)
    return handled


def test_an_ordinary_request_goes_the_direct_way(
    anonymous_client: TestClient, fastapi_handled: list[str]
) -> None:
    for query in ("", "?lang=sv", "?lang=en"):
        answer = anonymous_client.post(ADDRESS + query, content=GOOD, headers=JSON)
        assert answer.status_code == 200, answer.text

    assert fastapi_handled == []


@pytest.mark.parametrize(
    ("query", "headers"),
    [("?lang=de", JSON), ("?lang=en&x=1", JSON), ("", {"content-type": "text/plain"})],
)
def test_any_other_request_goes_through_fastapi(
    anonymous_client: TestClient,
    fastapi_handled: list[str],
    query: str,
    headers: dict[str, str],
) -> None:
    anonymous_client.post(ADDRESS + query, content=GOOD, headers=headers)

    assert fastapi_handled == [ADDRESS]


def test_an_override_is_honoured(anonymous_client: TestClient, app: FastAPI) -> None:
    """A test that overrides a dependency of the route gets its override, as from FastAPI."""
    asked: list[str] = []

    async def watched_policy() -> Policy:
        asked.append("policy")
        return default_policy()

    app.dependency_overrides[get_policy] = watched_policy
    try:
        answer = anonymous_client.post(ADDRESS, content=GOOD, headers=JSON)
    finally:
        app.dependency_overrides.clear()

    assert answer.status_code == 200
    assert asked == ["policy"]
