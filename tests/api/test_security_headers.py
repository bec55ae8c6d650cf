"""Security headers on every answer, and HEAD wherever GET is.

Every answer (page, API, static file, /docs, and each kind of error, an unexpected 500 included)
carries a strict Content-Security-Policy, nosniff, no framing, a referrer policy and the rest;
every answer but the static files' is ``Cache-Control: no-store``. Every address that answers GET
answers HEAD alike, without a body, and the OpenAPI document lists no HEAD operations.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from starlette.responses import PlainTextResponse

from api.head import install_head
from api.main import create_app
from api.security import SECURITY_HEADERS, install_security_headers
from api.settings import Settings
from tests.conftest import make_profile, with_members
from tests.support.accounts import as_user

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
EXPECTED = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
HTML = {"accept": "text/html"}
STATIC = ("/static/pages.css", "/docs/assets/swagger-ui.css", "/docs/static/swagger-init.js")
FAILURE = "/test-failure"  # a route of the tests' own, that fails unexpectedly
# A header that differs between two answers to the same question.
VARYING = {"date"}


def wired(app: FastAPI) -> FastAPI:
    """`app` with the security headers and HEAD; both calls do nothing once api.main makes them."""
    install_head(app)
    install_security_headers(app)
    return app


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    app = wired(create_app(settings))

    @app.get(FAILURE, include_in_schema=False)
    def fail() -> None:
        raise RuntimeError("a bug")

    return app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    # The unexpected 500 is answered, not raised into the test.
    with TestClient(app, raise_server_exceptions=False) as client:
        as_user(client, "admin")
        yield client


@pytest.fixture
def ids(client: TestClient) -> dict[str, str]:
    """A value for each path parameter: a stored assessment (with members), its team, an org,
    and the link token of a member survey round of the team."""
    answer = client.post("/api/v1/assessments", json={"team_id": "nord", **with_members(4)})
    assert answer.status_code == 201, answer.text
    survey = client.post("/api/v1/teams/nord/rounds", json={})
    assert survey.status_code == 201, survey.text
    return {
        "assessment_id": answer.json()["id"],
        "team_id": "nord",
        "org_id": "default",
        "token": survey.json()["link"].rsplit("/", 1)[1],
    }


def get_addresses(app: FastAPI, ids: dict[str, str]) -> list[str]:
    """Every address of the app that answers GET, its path parameters filled in."""
    addresses = []
    for route in iter_route_contexts(app.routes):
        if route.methods and "GET" in route.methods and route.path not in (None, FAILURE):
            addresses.append(route.path.format(**ids))
    return [*addresses, *STATIC]


def security_headers(headers: Mapping[str, str]) -> dict[str, str | None]:
    """The headers of `EXPECTED` as an answer has them (None where it has not)."""
    return {name: headers.get(name) for name in EXPECTED}


def test_the_policy_is_the_one_documented() -> None:
    assert SECURITY_HEADERS["Content-Security-Policy"] == CSP
    assert {name.lower(): value for name, value in SECURITY_HEADERS.items()} == EXPECTED


def test_every_address_that_answers_get_is_secured(
    app: FastAPI, client: TestClient, ids: dict[str, str]
) -> None:
    for address in get_addresses(app, ids):
        answer = client.get(address, headers=HTML)
        assert answer.status_code == 200, f"{address}: {answer.status_code}"
        assert security_headers(answer.headers) == EXPECTED, address


@pytest.mark.parametrize(
    ("method", "address", "headers", "body", "status"),
    [
        ("GET", "/nowhere", HTML, None, 404),  # the 404 page
        ("GET", "/assessments/%00", HTML, None, 404),
        ("GET", "/api/v1/nowhere", {}, None, 404),
        ("GET", "/api/v1/assessments/not-a-uuid", {}, None, 422),
        ("GET", "/api/v1/questionnaire?lang=fr", {}, None, 422),
        ("DELETE", "/api/v1/healthz", {}, None, 405),
        ("POST", "/api/v1/evaluate", {"content-length": str(10**9)}, b"", 413),
        ("POST", "/api/v1/evaluate", {"content-type": "text/plain"}, b"{}", 415),
        ("POST", "/", HTML, b"", 403),  # a form without its CSRF token: it has expired
        ("GET", "/static/nothing.css", {}, None, 404),
        ("GET", FAILURE, HTML, None, 500),
    ],
)
def test_every_error_is_secured_too(
    client: TestClient,
    method: str,
    address: str,
    headers: dict[str, str],
    body: bytes | None,
    status: int,
) -> None:
    answer = client.request(method, address, headers=headers, content=body)

    assert answer.status_code == status, answer.text[:300]
    assert security_headers(answer.headers) == EXPECTED
    kept = address.startswith("/static/")
    assert answer.headers.get("cache-control") == (None if kept else "no-store")


def test_whatever_may_carry_stored_data_is_not_stored(
    app: FastAPI, client: TestClient, ids: dict[str, str]
) -> None:
    for address in get_addresses(app, ids):
        answer = client.get(address, headers=HTML)
        kept = address in STATIC
        assert answer.headers.get("cache-control") == (None if kept else "no-store"), address


def test_the_page_cannot_be_framed(client: TestClient) -> None:
    answer = client.get("/", headers=HTML)

    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"


def test_a_header_the_answer_sets_itself_is_kept(app: FastAPI, client: TestClient) -> None:
    @app.get("/test-own-cache", include_in_schema=False)
    def own() -> PlainTextResponse:
        return PlainTextResponse("x", headers={"cache-control": "max-age=60"})

    answer = client.get("/test-own-cache")

    assert answer.headers["cache-control"] == "max-age=60"
    assert security_headers(answer.headers) == EXPECTED


def test_the_installation_may_be_repeated(app: FastAPI, client: TestClient) -> None:
    wired(app)  # before the first answer, as api.main and the tests may both do

    answer = client.get("/api/v1/healthz")

    assert answer.headers.get_list("content-security-policy") == [CSP]


def test_head_answers_wherever_get_does_with_its_headers_and_no_body(
    app: FastAPI, client: TestClient, ids: dict[str, str]
) -> None:
    for address in get_addresses(app, ids):
        got = client.get(address, headers=HTML)
        head = client.head(address, headers=HTML)

        assert head.status_code == got.status_code == 200, address
        assert head.content == b"", address
        same = {name: value for name, value in got.headers.items() if name not in VARYING}
        assert {n: v for n, v in head.headers.items() if n not in VARYING} == same, address


@pytest.mark.parametrize("address", ["/nowhere", "/assessments/%00", "/teams/a%00b"])
def test_head_of_an_unknown_page_is_the_404_page_without_its_body(
    client: TestClient, address: str
) -> None:
    answer = client.head(address, headers=HTML)

    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert int(answer.headers["content-length"]) > 0
    assert answer.content == b""


def test_head_where_there_is_no_get_is_405(client: TestClient) -> None:
    answer = client.head("/api/v1/evaluate")

    assert answer.status_code == 405
    assert answer.headers["allow"] == "POST"
    assert answer.content == b""


def test_head_is_logged_as_head(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="readiness.request"):
        client.head("/api/v1/healthz")

    (line,) = [r for r in caplog.records if r.name == "readiness.request"]
    assert re.fullmatch(r"HEAD /api/v1/healthz 200 [\d.]+ ms 0 B", line.getMessage())


def test_the_openapi_document_lists_no_head_operations(client: TestClient) -> None:
    document = client.get("/openapi.json").json()

    assert not [path for path, item in document["paths"].items() if "head" in item]


def test_a_post_is_not_changed(client: TestClient) -> None:
    answer = client.post("/api/v1/evaluate", json=make_profile())

    assert answer.status_code == 200
    assert answer.json()["mode"]
    assert security_headers(answer.headers) == EXPECTED
