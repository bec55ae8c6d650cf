"""Hostile or broken bodies are refused cheaply, with a short 422, and never hold up the server.

Each limit is checked before any per-key work: the size of the body, then (in a worker thread
for a body over 16 KiB, as most of these are) the nesting, the numbers, the strings and duplicate
keys of the JSON, then the number of answers, members and unknown item ids, and only then each
item. A 422 lists at most `max_problems`.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from readiness.builder import member_answers_for
from readiness.questionnaire import load_questionnaire
from tests.conftest import STRONG, make_profile
from tests.support.live_server import live_server

JSON = {"content-type": "application/json"}
UNKNOWN_IDS = 40_000


def _profile_with_unknown_ids(count: int = UNKNOWN_IDS) -> str:
    """A profile of about 800 kB (under the 1 MB limit) with `count` unknown item ids, each
    close to a real one, so that each would be worth a "did you mean"."""
    profile = make_profile()
    items = list(profile["answers"])
    for index in range(count):
        profile["answers"][f"{items[index % len(items)][:8]}{index}"] = 3
    return json.dumps(profile)


def _post(client: TestClient, body: str | bytes, path: str = "/api/v1/evaluate") -> Any:
    return client.post(path, content=body, headers=JSON)


def _problems(answer: httpx.Response) -> list[dict[str, Any]]:
    assert answer.status_code == 422, answer.text
    detail: list[dict[str, Any]] = answer.json()["detail"]
    return detail


def test_forty_thousand_unknown_item_ids_are_one_short_problem_naming_the_count(
    client: TestClient,
) -> None:
    body = _profile_with_unknown_ids()
    assert len(body) < 1_000_000

    answer = _post(client, body)

    assert len(answer.content) < 10_000
    [problem] = _problems(answer)
    assert problem["type"] == "too_many_answers"
    assert problem["loc"] == ["body", "answers"]
    given = len(json.loads(body)["answers"])
    assert f"{given:,} answers given" in problem["msg"]
    assert f"at most {2 * len(load_questionnaire().items)}" in problem["msg"]


def test_too_many_unknown_ids_across_the_members_are_one_problem(client: TestClient) -> None:
    profile = make_profile()
    profile["member_answers"] = [{f"no_such_item_{i}": 3 for i in range(90)} for _ in range(50)]

    [problem] = _problems(_post(client, json.dumps(profile)))

    assert problem["type"] == "too_many_unknown_items"
    assert problem["loc"] == ["body"]
    assert "4,500 unknown item ids" in problem["msg"]
    assert "'no_such_item_0'" in problem["msg"]


@pytest.mark.parametrize(
    "body",
    [
        "[" * 1_000 + "]" * 1_000,
        '{"a": ' * 1_000 + "1" + "}" * 1_000,
        '{"answers": ' + "[" * 100_000,  # and not even closed
    ],
    ids=["arrays", "objects", "unclosed"],
)
def test_json_nested_a_thousand_deep_is_422_too_deep(client: TestClient, body: str) -> None:
    [problem] = _problems(_post(client, body))

    assert problem["type"] == "json_too_deep"
    assert "at most 32 levels" in problem["msg"]
    assert problem["loc"][0] == "body"


def test_nesting_up_to_the_limit_is_read(client: TestClient) -> None:
    body = json.dumps({**make_profile(), "x": json.loads("[" * 31 + "]" * 31)})

    [problem] = _problems(_post(client, body))

    assert problem["type"] == "extra_forbidden"  # parsed, then refused by the model


@pytest.mark.parametrize("digits", [21, 4_300, 5_000])
def test_a_number_of_too_many_digits_is_422_at_its_place(client: TestClient, digits: int) -> None:
    body = json.dumps(make_profile()).replace('"answers": {', f'"answers": {{"x": {"7" * digits}, ')

    [problem] = _problems(_post(client, body))

    assert problem["type"] == "json_number_too_long"
    assert problem["loc"] == ["body", "answers", "x"]
    assert f"{digits:,} digits" in problem["msg"]


def test_a_long_float_is_422_too(client: TestClient) -> None:
    body = '{"answers": {}, "context": {"new_members_share": 0.' + "3" * 30 + "}}"

    [problem] = _problems(_post(client, body))

    assert problem["type"] == "json_number_too_long"
    assert problem["loc"] == ["body", "context", "new_members_share"]


def test_a_key_given_twice_is_422_naming_the_key_and_where(client: TestClient) -> None:
    body = json.dumps(make_profile()).replace(
        '"context": {', '"context": {"goal_type": "individual", '
    )

    [problem] = _problems(_post(client, body))

    assert problem["type"] == "json_duplicate_key"
    assert problem["loc"] == ["body", "context", "goal_type"]
    assert "'goal_type'" in problem["msg"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/organisations", '{"id": "a", "id": "b", "name": "A"}'),
        ("/api/v1/rollout/waves", '{"name": "w", "teams": [], "name": "v"}'),
    ],
)
def test_every_json_route_refuses_a_key_given_twice(
    client: TestClient, path: str, body: str
) -> None:
    [problem] = _problems(_post(client, body, path))

    assert problem["type"] == "json_duplicate_key"


def test_a_string_over_the_limit_is_422_at_its_place(client: TestClient) -> None:
    profile = {**make_profile(), "team_id": "x" * 1_001}

    [problem] = _problems(_post(client, json.dumps(profile)))

    assert problem == {
        "loc": ["body", "team_id"],
        "msg": "a string of 1,001 characters; at most 1,000 are accepted",
        "type": "json_string_too_long",
    }


def test_a_key_over_the_limit_is_422_without_repeating_it(client: TestClient) -> None:
    profile = make_profile()
    profile["answers"]["k" * 5_000] = 3

    answer = _post(client, json.dumps(profile))

    [problem] = _problems(answer)
    assert problem["loc"] == ["body", "answers", "[key]"]
    assert problem["type"] == "json_string_too_long"
    assert len(answer.content) < 1_000


def test_bytes_that_are_not_utf8_are_422_with_the_byte(client: TestClient) -> None:
    [problem] = _problems(_post(client, b'{"answers": "\xff"}'))

    assert problem["type"] == "json_invalid"
    assert problem["loc"] == ["body", 13]


def test_a_body_of_only_spaces_is_422(client: TestClient) -> None:
    [problem] = _problems(_post(client, "   "))

    assert problem["loc"] == ["body"]
    assert problem["type"] == "missing"


def test_empty_answers_are_422(client: TestClient) -> None:
    [problem] = _problems(_post(client, json.dumps({**make_profile(), "answers": {}})))

    assert problem["loc"] == ["body", "answers"]
    assert problem["type"] == "too_short"
    assert "answer at least the items of each dimension" in problem["msg"]


def test_the_schema_says_answers_may_not_be_empty(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()["components"]["schemas"]["TeamProfile"]

    assert schema["properties"]["answers"]["minProperties"] == 1


def _two_hundred_problems() -> str:
    """A profile with exactly 200 answers outside the scale: members' and then the manager's."""
    profile = make_profile()
    member_items = [
        item.id for d in load_questionnaire().dimensions for item in d.items_of("members")
    ]
    members, rest = divmod(200, len(member_items))
    profile["member_answers"] = [dict.fromkeys(member_items, 9) for _ in range(members)]
    for item in list(profile["answers"])[:rest]:
        profile["answers"][item] = 9
    return json.dumps(profile)


@pytest.mark.parametrize(
    "body",
    [
        _two_hundred_problems(),
        '{"answers": {"x": 1}, "x": [' + ", ".join(['{"a": 1, "a": 2}'] * 200) + "]}",
    ],
    ids=["profile", "json"],
)
def test_a_422_lists_fifty_problems_then_how_many_more(client: TestClient, body: str) -> None:
    problems = _problems(_post(client, body))

    assert len(problems) == 51
    assert problems[-1] == {
        "loc": ["body"],
        "msg": "and 150 more problems",
        "type": "too_many_problems",
    }
    assert all(p["type"] != "too_many_problems" for p in problems[:-1])


def test_the_limits_come_from_the_settings(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path}/x.db",
        max_json_depth=4,
        max_json_digits=8,
        max_json_string=64,
        max_problems=3,
    )
    deep = {**make_profile(), "x": [[[["too deep"]]]]}
    digits = json.dumps(make_profile()).replace('"answers": {', '"answers": {"x": 123456789, ')
    long = {**make_profile(), "team_id": "t" * 65}
    many = {**make_profile(), "x": 1, "y": 2, "z": 3, "w": 4, "v": 5}

    with TestClient(create_app(settings)) as client:
        assert _problems(_post(client, json.dumps(deep)))[0]["type"] == "json_too_deep"
        assert _problems(_post(client, digits))[0]["type"] == "json_number_too_long"
        assert _problems(_post(client, json.dumps(long)))[0]["type"] == "json_string_too_long"
        problems = _problems(_post(client, json.dumps(many)))
        assert [p["type"] for p in problems][-1] == "too_many_problems"
        assert problems[-1]["msg"] == "and 2 more problems"
        assert _post(client, json.dumps(make_profile())).status_code == 200


def test_a_good_profile_with_many_members_is_still_accepted(client: TestClient) -> None:
    profile = {**make_profile(), "member_answers": [member_answers_for(STRONG)] * 500}

    answer = _post(client, json.dumps(profile))

    assert answer.status_code == 200, answer.text[:500]
    assert answer.json()["members"]["respondents"] == 500


HEALTH_BOUND_SECONDS = 2.0  # generous: the point is that no request freezes the server


def test_heavy_bad_requests_never_delay_the_health_check(database_url: str, tmp_path: Path) -> None:
    """Four clients send 800 kB profiles of 40,000 unknown ids at once, again and again, and
    meanwhile ten health checks (which ask the database): each answers within a small bound,
    because no body is parsed or validated on the event loop (before, one such request held it
    for seconds). On SQLite and on PostgreSQL."""
    body = _profile_with_unknown_ids()
    done = threading.Event()

    with live_server(database_url, log_dir=tmp_path) as server:

        def heavy() -> list[int]:
            statuses: list[int] = []
            with httpx.Client(base_url=server.url, timeout=60) as http:
                while not done.is_set() or not statuses:
                    answer = http.post("/api/v1/evaluate", content=body, headers=JSON)
                    statuses.append(answer.status_code)
            return statuses

        with ThreadPoolExecutor(max_workers=4) as pool:
            senders = [pool.submit(heavy) for _ in range(4)]
            durations = []
            with httpx.Client(base_url=server.url, timeout=60) as http:
                time.sleep(0.2)  # the heavy requests are on their way
                for _ in range(10):
                    started = time.perf_counter()
                    assert http.get("/api/v1/healthz").status_code == 200
                    durations.append(time.perf_counter() - started)
                    time.sleep(0.05)
            done.set()
            statuses = [status for sender in senders for status in sender.result()]

    assert set(statuses) == {422}
    assert max(durations) < HEALTH_BOUND_SECONDS, durations
