"""POST /api/v1/evaluate decides on the event loop, and says exactly what it said before.

The route, its dependencies and the reading of a small body never wait for the thread pool
(api.json_body, api.deps; issue 12); a body over `INLINE_BODY_BYTES` is still read in a worker
thread. The answers are the plain path's, byte for byte, and the refusals (415, 413, 422 naming
the field) are those of every other JSON route, whichever way the body was read.
"""

from __future__ import annotations

import inspect
import json
import random
from collections.abc import Callable
from typing import Any

import anyio.to_thread
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import api.deps
from api.json_body import INLINE_BODY_BYTES
from readiness import default_policy
from readiness.engine import RuleEngine, _QuietHost
from readiness.service import assess_plainly
from tests.conftest import make_profile, with_members
from tests.test_differential import random_profile

JSON = {"content-type": "application/json"}
ADDRESS = "/api/v1/evaluate"


@pytest.fixture
def thread_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every function sent to the thread pool while the test runs."""
    calls: list[str] = []
    run_sync = anyio.to_thread.run_sync

    async def counted(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        calls.append(getattr(getattr(function, "func", function), "__name__", repr(function)))
        return await run_sync(function, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    return calls


def _large_profile() -> dict[str, Any]:
    profile = with_members(200)
    assert len(json.dumps(profile)) > INLINE_BODY_BYTES
    return profile


def test_the_answers_are_the_plain_paths_byte_for_byte(anonymous_client: TestClient) -> None:
    engine = RuleEngine(default_policy(), _QuietHost())
    rng = random.Random(12)
    profiles = [random_profile(rng, number) for number in range(60)] + [_large_profile()]

    for number, profile in enumerate(profiles):
        lang = ("sv", "en")[number % 2]
        answer = anonymous_client.post(
            f"{ADDRESS}?lang={lang}", content=json.dumps(profile), headers=JSON
        )

        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        plain = assess_plainly(profile, lang, default_policy(), engine)
        assert answer.content == plain.model_dump_json().encode()


def test_accept_language_still_chooses_the_language(anonymous_client: TestClient) -> None:
    body = json.dumps(make_profile())
    english = anonymous_client.post(
        ADDRESS, content=body, headers={**JSON, "accept-language": "en"}
    )
    swedish = anonymous_client.post(ADDRESS, content=body, headers=JSON)

    assert english.json() == assess_plainly(
        make_profile(), "en", default_policy(), RuleEngine(default_policy(), _QuietHost())
    ).model_dump(mode="json")
    assert english.json()["summary"] != swedish.json()["summary"]


def test_a_profile_is_evaluated_without_the_thread_pool(
    anonymous_client: TestClient, thread_calls: list[str]
) -> None:
    answer = anonymous_client.post(ADDRESS, content=json.dumps(make_profile()), headers=JSON)

    assert answer.status_code == 200, answer.text
    assert thread_calls == []


def test_a_large_body_is_still_read_in_a_worker_thread(
    anonymous_client: TestClient, thread_calls: list[str]
) -> None:
    answer = anonymous_client.post(ADDRESS, content=json.dumps(_large_profile()), headers=JSON)

    assert answer.status_code == 200, answer.text
    assert answer.json()["members"]["respondents"] == 200
    assert thread_calls == ["read_body"]


@pytest.mark.parametrize("large", [False, True], ids=["on the loop", "in a thread"])
def test_a_bad_answer_is_422_naming_its_field_either_way(
    anonymous_client: TestClient, large: bool
) -> None:
    profile = _large_profile() if large else make_profile()
    item = next(iter(profile["answers"]))
    profile["answers"][item] = 9

    answer = anonymous_client.post(ADDRESS, content=json.dumps(profile), headers=JSON)

    assert answer.status_code == 422
    assert [problem["loc"] for problem in answer.json()["detail"]] == [["body", "answers", item]]


def test_not_json_is_422_with_the_position(anonymous_client: TestClient) -> None:
    answer = anonymous_client.post(ADDRESS, content=b'{"answers": }', headers=JSON)

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", 12]
    assert answer.json()["detail"][0]["type"] == "json_invalid"


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_declared_json_is_415(
    anonymous_client: TestClient, content_type: str | None
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    answer = anonymous_client.post(ADDRESS, content=json.dumps(make_profile()), headers=headers)

    assert answer.status_code == 415
    assert answer.json()["detail"].startswith("send the body as JSON with Content-Type")


def test_a_body_over_the_limit_is_413(anonymous_client: TestClient, app: FastAPI) -> None:
    limit = app.state.settings.max_body_bytes
    answer = anonymous_client.post(ADDRESS, content=b" " * (limit + 1), headers=JSON)

    assert answer.status_code == 413
    assert f"at most {limit:,} are accepted" in answer.json()["detail"]


def test_an_unknown_language_is_422_naming_the_parameter(anonymous_client: TestClient) -> None:
    answer = anonymous_client.post(
        f"{ADDRESS}?lang=de", content=json.dumps(make_profile()), headers=JSON
    )

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "lang"]


def test_the_openapi_document_still_names_both_models(anonymous_client: TestClient) -> None:
    operation = anonymous_client.get("/openapi.json").json()["paths"][ADDRESS]["post"]

    body = operation["requestBody"]["content"]["application/json"]["schema"]
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/TeamProfile"}
    assert answer == {"$ref": "#/components/schemas/Assessment"}
    assert [parameter["name"] for parameter in operation["parameters"]] == ["lang"]


@pytest.mark.parametrize(
    "dependency",
    [
        api.deps.get_settings_of_app,
        api.deps.get_policy,
        api.deps.get_database,
        api.deps.get_unit_of_work,
        api.deps.get_coverage,
        api.deps.get_lang,
        api.deps.get_asked_lang,
        api.deps.require_json,
        api.deps.get_org,
    ],
)
def test_the_cheap_dependencies_run_on_the_event_loop(dependency: Callable[..., Any]) -> None:
    """FastAPI sends a plain `def` dependency to the thread pool, one round trip per request."""
    assert inspect.iscoroutinefunction(dependency)
