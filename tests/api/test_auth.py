"""Signing in to the pages, the session cookie, CSRF, and API tokens, through the real app.

The clients here speak HTTPS to the test server, as a browser would to a deployed service, so
that the Secure session cookie comes back to the server the way it does in a browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.auth.sessions import COOKIE, SECRET_NAME, Session, cookie_value
from api.main import create_app
from api.settings import Settings
from readiness.access import User
from readiness.usecases import accounts
from tests.conftest import make_profile
from tests.pages.conftest import form_for
from tests.support.accounts import cheap_hashing, make_user, token_for

pytestmark = pytest.mark.usefixtures(cheap_hashing.__name__)

PASSWORD = "correct horse battery"
HTTPS = "https://testserver"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    """A browser that has not signed in (the app runs while it is open)."""
    with TestClient(app, base_url=HTTPS) as client:
        yield client


@pytest.fixture
def anna(browser: TestClient, app: FastAPI) -> User:
    """An admin with a password."""
    return make_user(app.state.database, "admin", email="anna@example.se", password=PASSWORD)


def csrf_of(answer: httpx.Response) -> str:
    found = CSRF.search(answer.text)
    assert found, answer.text[:500]
    return found[1]


def sign_in(
    client: TestClient, email: str, password: str, next_path: str = "/", lang: str = "sv"
) -> httpx.Response:
    """Fill in and send the sign-in form as a person would."""
    form = client.get(f"/sign-in?lang={lang}")
    fields = {"csrf": csrf_of(form), "email": email, "password": password, "next": next_path}
    answer: httpx.Response = client.post(
        f"/sign-in?lang={lang}", data=fields, follow_redirects=False
    )
    return answer


def set_cookie(answer: httpx.Response) -> str:
    cookies = [v for k, v in answer.headers.multi_items() if k == "set-cookie"]
    assert len(cookies) == 1, cookies
    return cookies[0]


def is_signed_in(client: TestClient) -> bool:
    return client.get("/portfolio", follow_redirects=False).status_code == 200


# The sign-in page


def test_the_sign_in_page_is_swedish_first_and_english_on_request(browser: TestClient) -> None:
    swedish = browser.get("/sign-in")
    english = browser.get("/sign-in?lang=en")

    assert swedish.status_code == english.status_code == 200
    assert '<html lang="sv">' in swedish.text
    assert "Lösenord" in swedish.text
    assert "Password" in english.text
    assert 'autocomplete="current-password"' in english.text


def test_a_form_page_gives_a_visitor_a_session_cookie_that_scripts_cannot_read(
    browser: TestClient,
) -> None:
    answer = browser.get("/sign-in")

    cookie = set_cookie(answer)
    assert cookie.startswith(f"{COOKIE}=")
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "secure", "samesite=lax", "path=/", "max-age=43200"} <= flags
    assert csrf_of(answer)


def test_without_cookie_secure_the_cookie_may_travel_over_plain_http(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'h.db'}", cookie_secure=False))
    with TestClient(app) as client:
        cookie = set_cookie(client.get("/sign-in"))

    assert "secure" not in cookie.lower()
    assert "httponly" in cookie.lower()


def test_the_right_password_signs_in_and_goes_where_the_visitor_was_going(
    browser: TestClient, anna: User
) -> None:
    assert not is_signed_in(browser)

    answer = sign_in(browser, "Anna@Example.se", PASSWORD, next_path="/portfolio?unit=vard")

    assert answer.status_code == 303
    assert answer.headers["location"] == "/portfolio?unit=vard&lang=sv"
    assert "max-age=43200" in set_cookie(answer).lower()
    assert is_signed_in(browser)
    header = browser.get("/?lang=en").text
    assert anna.name in header
    assert 'action="/sign-out?lang=en"' in header
    again = browser.get("/sign-in?lang=en").text
    assert f"You are signed in as {anna.name} (anna@example.se)." in again


def test_signing_in_gives_a_new_csrf_token(browser: TestClient, anna: User) -> None:
    before = csrf_of(browser.get("/sign-in"))

    sign_in(browser, anna.email, PASSWORD)

    assert csrf_of(browser.get("/")) != before


@pytest.mark.parametrize(
    "next_path",
    [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/\tevil",
    ],
)
def test_after_signing_in_no_link_can_send_anyone_to_another_site(
    browser: TestClient, anna: User, next_path: str
) -> None:
    answer = sign_in(browser, anna.email, PASSWORD, next_path=next_path)

    assert answer.status_code == 303
    assert answer.headers["location"] == "/?lang=sv"


@pytest.mark.parametrize("email", ["anna@example.se", "nobody@example.se"])
def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(
    browser: TestClient, anna: User, email: str
) -> None:
    answer = sign_in(browser, email, "not the password", lang="en")

    assert answer.status_code == 200
    assert "The email or the password is wrong." in answer.text
    assert f'value="{email}"' in answer.text  # kept, so that only the password is typed again
    assert "not the password" not in answer.text
    assert not is_signed_in(browser)


def test_an_empty_form_is_refused_without_counting_as_a_failure(
    browser: TestClient, anna: User
) -> None:
    for _ in range(10):
        answer = sign_in(browser, anna.email, "", lang="en")
        assert answer.status_code == 422
        assert "Fill in both your email and your password." in answer.text

    assert sign_in(browser, anna.email, PASSWORD).status_code == 303


def test_too_many_failures_answer_429_with_retry_after_across_two_servers(
    tmp_path: Path, anna: User
) -> None:
    """Two apps on one SQLite file, as two workers: the failures of both count together."""
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'api.db'}", sign_in_max_failures=3)
    one, two = create_app(settings), create_app(settings)
    with TestClient(one, base_url=HTTPS) as first, TestClient(two, base_url=HTTPS) as second:
        make_user(one.state.database, "admin", email="bo@example.se", password=PASSWORD)
        answers = [
            sign_in(client, "bo@example.se", "not the password", lang="en").status_code
            for client in (first, second, first)
        ]
        refused = sign_in(second, "bo@example.se", PASSWORD, lang="en")
        other_user = sign_in(first, anna.email, PASSWORD)

    assert answers == [200, 200, 200]
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 15 * 60
    assert "Too many failed attempts. Wait 15 minutes and try again." in refused.text
    assert other_user.status_code == 303


# Sessions that end


def test_signing_out_ends_the_session(browser: TestClient, anna: User) -> None:
    sign_in(browser, anna.email, PASSWORD)
    page = browser.get("/")

    answer = browser.post("/sign-out", data={"csrf": csrf_of(page)}, follow_redirects=False)

    assert answer.status_code == 303
    assert "max-age=0" in set_cookie(answer).lower()
    assert not is_signed_in(browser)


def copy_of(client: TestClient) -> TestClient:
    """Another browser that holds the same session cookie (e.g. one copied by an intruder)."""
    other = TestClient(client.app, base_url=HTTPS)
    other.cookies.set(COOKIE, client.cookies[COOKIE])
    return other


@pytest.mark.parametrize(
    "ended_by",
    [
        lambda uow, user, browser: accounts.sign_out_everywhere(uow, user.id),
        lambda uow, user, browser: accounts.disable(uow, user.id),
        lambda uow, user, browser: accounts.set_password(uow, user.id, "a new long password"),
        lambda uow, user, browser: browser.post(
            "/sign-out",
            data={"csrf": csrf_of(browser.get("/")), "everywhere": "1"},
            follow_redirects=False,
        ),
    ],
    ids=["signed out everywhere", "disabled", "new password", "sign out on every device"],
)
def test_a_session_ends_everywhere_when_its_user_is_signed_out_disabled_or_given_a_password(
    browser: TestClient, app: FastAPI, anna: User, ended_by: Any
) -> None:
    sign_in(browser, anna.email, PASSWORD)
    elsewhere = copy_of(browser)
    assert is_signed_in(elsewhere)

    ended_by(app.state.database.unit_of_work(), anna, browser)

    assert not is_signed_in(elsewhere)
    assert not is_signed_in(browser)


def test_a_session_older_than_session_hours_is_no_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'api.db'}", session_hours=1)
    app = create_app(settings)
    with TestClient(app, base_url=HTTPS) as client:
        bo = make_user(app.state.database, "admin", email="bo@example.se")
        session = Session.signed_in(bo.id, bo.session_epoch)
        an_hour_ago = datetime.now(UTC).timestamp() - 3601
        monkeypatch.setattr("itsdangerous.timed.time.time", lambda: an_hour_ago)
        old = cookie_value(app, session)
        monkeypatch.undo()

        client.cookies.set(COOKIE, old)
        assert not is_signed_in(client)
        client.cookies.set(COOKIE, cookie_value(app, session))
        assert is_signed_in(client)


@pytest.mark.parametrize(
    "cookie",
    ["", "garbage", "eyJ1IjoiYWRtaW4ifQ.AAAAAA.forged", "a" * 4000, "%00%ff"],
)
def test_a_forged_or_damaged_cookie_is_no_session_and_no_error(
    browser: TestClient, cookie: str
) -> None:
    browser.cookies.set(COOKIE, cookie)

    assert browser.get("/portfolio", follow_redirects=False).status_code == 303
    assert browser.get("/sign-in").status_code == 200


def test_the_signing_key_is_made_once_and_shared_by_every_worker(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'api.db'}")
    one, two = create_app(settings), create_app(settings)
    with TestClient(one, base_url=HTTPS) as first, TestClient(two, base_url=HTTPS) as second:
        make_user(one.state.database, "admin", email="bo@example.se", password=PASSWORD)
        sign_in(first, "bo@example.se", PASSWORD)
        second.cookies.set(COOKIE, first.cookies[COOKIE])

        assert is_signed_in(second)
        with one.state.database.session() as session:
            keys = session.execute(text("SELECT name FROM secrets")).scalars().all()
    assert keys == [SECRET_NAME]


def test_a_configured_secret_key_signs_and_a_cookie_signed_with_another_is_no_session(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'api.db'}"
    one = create_app(Settings(database_url=url, secret_key="k" * 40))
    two = create_app(Settings(database_url=url, secret_key="another key, just as long as it must"))
    with TestClient(one, base_url=HTTPS) as first, TestClient(two, base_url=HTTPS) as second:
        make_user(one.state.database, "admin", email="bo@example.se", password=PASSWORD)
        sign_in(first, "bo@example.se", PASSWORD)
        second.cookies.set(COOKIE, first.cookies[COOKIE])

        assert is_signed_in(first)
        assert not is_signed_in(second)
        with one.state.database.session() as session:
            assert session.execute(text("SELECT count(*) FROM secrets")).scalar() == 0


# Pages and API know one kind of credential each


def test_a_page_that_needs_sign_in_sends_the_visitor_there_and_back(browser: TestClient) -> None:
    answer = browser.get("/portfolio?unit=vard&lang=en", follow_redirects=False)

    assert answer.status_code == 303
    location = urlsplit(answer.headers["location"])
    assert location.path == "/sign-in"
    assert parse_qs(location.query) == {"next": ["/portfolio?unit=vard&lang=en"], "lang": ["en"]}
    form = browser.get(answer.headers["location"])
    assert 'name="next" value="/portfolio?unit=vard&amp;lang=en"' in form.text


def test_the_pages_do_not_take_an_api_token(browser: TestClient, app: FastAPI, anna: User) -> None:
    token = token_for(app.state.database, anna)

    answer = browser.get(
        "/portfolio", headers={"Authorization": f"Bearer {token}"}, follow_redirects=False
    )

    assert answer.status_code == 303


def test_the_api_does_not_take_a_session_cookie(browser: TestClient, anna: User) -> None:
    sign_in(browser, anna.email, PASSWORD)

    answer = browser.get("/api/v1/organisations")

    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert list(answer.json()) == ["detail"]
    assert "readiness token create" in answer.json()["detail"]


def test_a_valid_token_speaks_for_its_user(browser: TestClient, app: FastAPI, anna: User) -> None:
    token = token_for(app.state.database, anna)

    answer = browser.get("/api/v1/organisations", headers={"Authorization": f"Bearer {token}"})

    assert answer.status_code == 200
    assert "default" in {organisation["id"] for organisation in answer.json()}


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer",
        "Bearer ",
        "Bearer rdy_",
        "Bearer rdy_0123456789ab_" + "a" * 43,
        "Bearer not-a-token-at-all",
        "Basic YWRtaW46YWRtaW4=",
        "bearer " + "x" * 8000,
        "Bearer rdy_0123456789ab_" + "a" * 42 + "é",
    ],
)
def test_a_malformed_or_unknown_token_is_a_401_never_a_server_error(
    browser: TestClient, authorization: str
) -> None:
    answer = browser.get("/api/v1/organisations", headers={"Authorization": authorization.encode()})

    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert "malformed, unknown or revoked" in answer.json()["detail"]


def test_a_revoked_token_is_a_401(browser: TestClient, app: FastAPI, anna: User) -> None:
    token = token_for(app.state.database, anna)
    token_id = token.split("_")[1]
    headers = {"Authorization": f"Bearer {token}"}
    assert browser.get("/api/v1/organisations", headers=headers).status_code == 200

    accounts.revoke_token(app.state.database.unit_of_work(), token_id, datetime.now(UTC))

    answer = browser.get("/api/v1/organisations", headers=headers)
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == 'Bearer error="invalid_token"'


def test_an_open_route_answers_a_revoked_token_as_it_answers_anyone(
    browser: TestClient, app: FastAPI, anna: User
) -> None:
    token = token_for(app.state.database, anna)
    accounts.revoke_token(app.state.database.unit_of_work(), token.split("_")[1], datetime.now(UTC))

    answer = browser.post(
        "/api/v1/evaluate", json=make_profile(), headers={"Authorization": f"Bearer {token}"}
    )

    assert answer.status_code == 200


def test_a_token_is_stored_as_a_hash_only(browser: TestClient, app: FastAPI, anna: User) -> None:
    token = token_for(app.state.database, anna)
    secret = token.split("_", 2)[2]

    with app.state.database.session() as session:
        rows = session.execute(text("SELECT * FROM api_tokens")).all()

    assert len(rows) == 1
    assert not any(secret in str(value) for value in rows[0])
    assert token.split("_")[1] in rows[0]


def test_the_openapi_document_offers_bearer_tokens_on_protected_routes(
    browser: TestClient,
) -> None:
    document = browser.get("/openapi.json").json()

    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert document["paths"]["/api/v1/organisations"]["get"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in document["paths"]["/api/v1/evaluate"]["post"]


# CSRF


def count_assessments(app: FastAPI) -> int:
    with app.state.database.session() as session:
        return int(session.execute(text("SELECT count(*) FROM assessments")).scalar() or 0)


@pytest.mark.parametrize("csrf", [None, "", "wrong", "x" * 5000])
def test_a_form_without_its_csrf_token_is_refused_and_nothing_is_stored(
    browser: TestClient, app: FastAPI, anna: User, csrf: str | None
) -> None:
    sign_in(browser, anna.email, PASSWORD)
    form = {**form_for(), "team_id": "nord"}
    if csrf is not None:
        form["csrf"] = csrf

    answer = browser.post("/?lang=en", data=form, follow_redirects=False)

    assert answer.status_code == 403
    assert "The form has expired" in answer.text
    assert 'href="/?lang=en"' in answer.text  # back to the form, to reload it
    assert count_assessments(app) == 0


def test_a_token_from_another_session_is_refused(
    browser: TestClient, app: FastAPI, anna: User
) -> None:
    sign_in(browser, anna.email, PASSWORD)
    with TestClient(app, base_url=HTTPS) as intruder:
        theirs = csrf_of(intruder.get("/"))

    answer = browser.post(
        "/", data={**form_for(), "team_id": "nord", "csrf": theirs}, follow_redirects=False
    )

    assert answer.status_code == 403
    assert count_assessments(app) == 0


def test_the_form_with_its_csrf_token_is_accepted(
    browser: TestClient, app: FastAPI, anna: User
) -> None:
    sign_in(browser, anna.email, PASSWORD)
    token = csrf_of(browser.get("/"))

    answer = browser.post(
        "/", data={**form_for(), "team_id": "nord", "csrf": token}, follow_redirects=False
    )

    assert answer.status_code == 303
    assert count_assessments(app) == 1


def test_signing_out_without_the_csrf_token_signs_no_one_out(
    browser: TestClient, anna: User
) -> None:
    sign_in(browser, anna.email, PASSWORD)

    answer = browser.post("/sign-out", data={}, follow_redirects=False)

    assert answer.status_code == 403
    assert 'href="/?lang=sv"' in answer.text
    assert is_signed_in(browser)


def test_a_sign_in_without_the_csrf_token_is_refused(browser: TestClient, anna: User) -> None:
    answer = browser.post(
        "/sign-in", data={"email": anna.email, "password": PASSWORD}, follow_redirects=False
    )

    assert answer.status_code == 403
    assert not is_signed_in(browser)
