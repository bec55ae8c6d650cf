"""Every route of the app × every kind of caller, with the status each must get, on SQLite and
PostgreSQL. The routes come from the app's own route table: a route added without an entry here
fails `test_every_route_of_the_app_has_an_entry_in_the_matrix`.

The callers are real: API tokens made by `accounts.create_token`, signed session cookies of real
users, and the CSRF token of their session in every form. A caller who may not see something
gets 404, never 403; nobody (or a revoked token, a voided session, a disabled user) gets 401 on
the API and a redirect to sign in on the pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.routing import Mount

from api.auth.sessions import Session
from api.main import create_app
from api.settings import Settings
from readiness.access import User
from readiness.builder import member_answers_for
from readiness.usecases import accounts
from tests.conftest import STRONG, make_profile
from tests.support.accounts import anonymous, make_user, token_for, with_session

# The callers, in the order of the columns below.
WHO = (
    "nobody",  # no token, no session (a visitor's anonymous session, for its forms)
    "manager",  # manages the team "nord", in unit "vard" of "default"
    "other_manager",  # manages "syd" of "default"
    "hr",  # HR partner of the whole of "default"
    "hr_elsewhere",  # HR partner of "annan"
    "admin",
    "revoked",  # an admin's revoked token; on pages, a session voided by sign-out-everywhere
    "disabled",  # a manager of "nord" disabled since their token and session were made
)
IN = "sign-in"  # a redirect (303) to /sign-in?next=…


@dataclass(frozen=True)
class Entry:
    """How to call one route, and the status each caller must get (in the order of WHO)."""

    expect: tuple[int | str, ...]
    query: str = ""
    body: Callable[[World, str], dict[str, Any]] | None = None  # the request's keyword arguments

    def __post_init__(self) -> None:
        assert len(self.expect) == len(WHO), self


def row(*expect: int | str, query: str = "", body: Any = None) -> Entry:
    return Entry(tuple(expect), query, body)


OPEN = (200,) * len(WHO)


def _json(value: Callable[[World, str], Any]) -> Callable[[World, str], dict[str, Any]]:
    return lambda world, who: {"json": value(world, who)}


def _form(value: Callable[[World, str], Any]) -> Callable[[World, str], dict[str, Any]]:
    return lambda world, who: {"data": value(world, who)}


def _questionnaire_form(world: World, who: str) -> dict[str, str]:
    profile = make_profile()
    form = {item: str(answer) for item, answer in profile["answers"].items()}
    return {**form, **{k: str(v) for k, v in profile["context"].items()}, "team_id": "nord"}


def _batch(world: World, who: str) -> dict[str, Any]:
    line = json.dumps({"team_id": "nord", **make_profile()}) + "\n"
    return {"content": line.encode(), "headers": {"Content-Type": "application/x-ndjson"}}


PROFILE = _json(lambda world, who: {"team_id": "nord", **make_profile()})
# Each caller allowed to confirm a wave moves a team of its own, so the order of calls is free.
WAVE = _json(lambda world, who: {"name": "Våg", "teams": [f"vag-{who}"]})
WAVE_FORM = _form(lambda world, who: {"name": "Våg", "teams": f"vag-{who}-sida"})
MEMBER_ANSWERS = {item: str(answer) for item, answer in member_answers_for(STRONG).items()}

#   nobody  manager  other_manager  hr  hr_elsewhere  admin  revoked  disabled
EXPECTED: dict[tuple[str, str], Entry] = {
    # Open: they store nothing.
    ("GET", "/api/v1/questionnaire"): row(*OPEN),
    ("POST", "/api/v1/evaluate"): row(*OPEN, body=_json(lambda w, who: make_profile())),
    ("GET", "/api/v1/policy"): row(*OPEN),
    ("GET", "/api/v1/healthz"): row(*OPEN),
    ("GET", "/openapi.json"): row(*OPEN),
    ("GET", "/docs"): row(*OPEN),
    ("MOUNT", "/docs/assets"): row(*OPEN),
    ("MOUNT", "/docs/static"): row(*OPEN),
    ("MOUNT", "/static"): row(*OPEN),
    ("GET", "/"): row(*OPEN),
    ("GET", "/policy"): row(*OPEN),
    ("GET", "/sign-in"): row(*OPEN),
    # Stored assessments and teams.
    ("POST", "/api/v1/assessments"): row(
        401, 201, 404, 201, 404, 201, 401, 401, query="org=default", body=PROFILE
    ),
    ("GET", "/api/v1/assessments/{assessment_id}"): row(401, 200, 404, 200, 404, 200, 401, 401),
    ("GET", "/api/v1/teams/{team_id}/assessments"): row(401, 200, 404, 200, 404, 200, 401, 401),
    ("PUT", "/api/v1/teams/{team_id}"): row(
        401, 404, 404, 200, 404, 200, 401, 401, body=_json(lambda w, who: {"name": "Nord"})
    ),
    ("GET", "/api/v1/teams"): row(401, 200, 200, 200, 404, 200, 401, 401, query="org=default"),
    ("GET", "/api/v1/teams/export"): row(
        401, 200, 200, 200, 404, 200, 401, 401, query="org=default"
    ),
    # Organisations and units.
    ("POST", "/api/v1/organisations"): row(
        401, 404, 404, 404, 404, 201, 401, 401,
        body=_json(lambda w, who: {"id": f"org-{who}", "name": who}),
    ),
    ("GET", "/api/v1/organisations"): row(401, 200, 200, 200, 200, 200, 401, 401),
    ("POST", "/api/v1/organisations/{org_id}/units"): row(
        401, 404, 404, 201, 404, 201, 401, 401,
        body=_json(lambda w, who: {"id": f"enhet-{who}", "name": who}),
    ),
    ("GET", "/api/v1/organisations/{org_id}/units"): row(401, 404, 404, 200, 404, 200, 401, 401),
    # Following an organisation: HR partners and admins.
    ("GET", "/api/v1/portfolio"): row(401, 404, 404, 200, 404, 200, 401, 401, query="org=default"),
    ("GET", "/api/v1/rollout/proposal"): row(
        401, 404, 404, 200, 404, 200, 401, 401, query="org=default"
    ),
    ("GET", "/api/v1/rollout/waves"): row(
        401, 404, 404, 200, 404, 200, 401, 401, query="org=default"
    ),
    ("POST", "/api/v1/rollout/waves"): row(
        401, 404, 404, 201, 404, 201, 401, 401, query="org=default", body=WAVE
    ),
    ("POST", "/api/v1/batches"): row(
        401, 404, 404, 200, 404, 200, 401, 401, query="org=default", body=_batch
    ),
    # Pages. The form stores for the signed in (303 to the report), shows it to anyone else.
    ("POST", "/"): row(
        200, 303, 404, 303, 404, 303, 200, 200,
        query="org=default", body=_form(_questionnaire_form),
    ),
    ("GET", "/assessments/{assessment_id}"): row(IN, 200, 404, 200, 404, 200, IN, IN),
    ("GET", "/teams/{team_id}"): row(IN, 200, 404, 200, 404, 200, IN, IN, query="org=default"),
    ("GET", "/teams"): row(IN, 200, 200, 200, 404, 200, IN, IN, query="org=default"),
    ("GET", "/portfolio"): row(IN, 404, 404, 200, 404, 200, IN, IN, query="org=default"),
    ("GET", "/waves"): row(IN, 404, 404, 200, 404, 200, IN, IN, query="org=default"),
    ("POST", "/waves"): row(
        IN, 404, 404, 303, 404, 303, IN, IN, query="org=default", body=WAVE_FORM
    ),
    ("POST", "/sign-in"): row(
        200, 200, 200, 200, 200, 200, 200, 200,
        body=_form(lambda w, who: {"email": f"{who}@example.test", "password": "wrong"}),
    ),
    ("POST", "/sign-out"): row(303, 303, 303, 303, 303, 303, 303, 303, body=_form(lambda w, who: {})),
    # Member survey rounds. The world has a round of "nord" open: opening another is a conflict
    # (409) or, on the page, a redirect back to the team page saying so; members answer behind the
    # link, without signing in, each caller from a device of its own. Closing comes last.
    ("POST", "/api/v1/teams/{team_id}/rounds"): row(
        401, 409, 404, 409, 404, 409, 401, 401, body=_json(lambda w, who: {})
    ),
    ("GET", "/api/v1/teams/{team_id}/rounds"): row(401, 200, 404, 200, 404, 200, 401, 401),
    ("POST", "/teams/{team_id}/rounds"): row(
        IN, 303, 404, 303, 404, 303, IN, IN, body=_form(lambda w, who: {"days": "14"})
    ),
    ("GET", "/s/{token}"): row(*OPEN),
    ("POST", "/s/{token}"): row(*OPEN, body=_form(lambda w, who: MEMBER_ANSWERS)),
    ("POST", "/rounds/{round_id}/close"): row(
        IN, 303, 404, 303, 404, 303, IN, IN, body=_form(lambda w, who: {})
    ),
    ("POST", "/api/v1/rounds/{round_id}/close"): row(401, 200, 404, 200, 404, 200, 401, 401),
}  # fmt: skip

# A sample address under each mounted directory.
MOUNTED = {
    "/docs/assets": "/docs/assets/swagger-ui.css",
    "/docs/static": "/docs/static/docs.css",
    "/static": "/static/pages.css",
}


def route_table(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route of the app, included routers walked; HEAD is GET's."""
    found: set[tuple[str, str]] = set()

    def walk(routes: list[Any], prefix: str) -> None:
        for route in routes:
            if hasattr(route, "original_router"):  # FastAPI 0.165's _IncludedRouter
                context = route.include_context
                walk(route.original_router.routes, prefix + (getattr(context, "prefix", "") or ""))
            elif isinstance(route, Mount):
                found.add(("MOUNT", prefix + route.path))
            else:
                for method in set(getattr(route, "methods", None) or ()) - {"HEAD"}:
                    found.add((method, prefix + route.path))

    walk(list(app.routes), "")
    return found


def test_every_route_of_the_app_has_an_entry_in_the_matrix(tmp_path: Any) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'routes.db'}"))

    routes = route_table(app)

    assert sorted(routes - EXPECTED.keys()) == [], "add these routes to EXPECTED"
    assert sorted(EXPECTED.keys() - routes) == [], "these routes are gone: remove them"


@dataclass
class World:
    """A started app with two organisations, teams, an assessment, and one client per caller."""

    app: FastAPI
    clients: dict[str, TestClient] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    assessment_id: str = ""
    round_id: str = ""  # a member survey round of "nord", open
    token: str = ""  # its link's token

    def path(self, template: str) -> str:
        return template.format(
            assessment_id=self.assessment_id,
            team_id="nord",
            org_id="default",
            round_id=self.round_id,
            token=self.token,
        )


def _client(app: FastAPI, user: User | None) -> TestClient:
    client = TestClient(app, follow_redirects=False)
    if user is None:
        anonymous(client)
        return client
    client.headers["Authorization"] = f"Bearer {token_for(app.state.database, user)}"
    with_session(client, Session.signed_in(user.id, user.session_epoch))
    return client


@pytest.fixture
def world(database_url: str) -> Iterator[World]:
    app = create_app(Settings(database_url=database_url))
    with TestClient(app) as started:
        database = app.state.database
        users = {
            "manager": make_user(database, "manager"),
            "other_manager": make_user(database, "manager"),
            "hr": make_user(database, "hr"),
            "admin": make_user(database, "admin"),
            "revoked": make_user(database, "admin"),
        }
        made = World(app, users=users)
        made.clients = {"nobody": _client(app, None)}
        made.clients |= {who: _client(app, user) for who, user in users.items()}
        admin = made.clients["admin"]
        assert admin.post("/api/v1/organisations", json={"id": "annan", "name": "A"}).is_success
        users["hr_elsewhere"] = make_user(database, "hr", org="annan")
        made.clients["hr_elsewhere"] = _client(app, users["hr_elsewhere"])
        # The manager's first assessment of "nord" makes them its manager.
        first = made.clients["manager"].post("/api/v1/assessments", json=PROFILE(made, "")["json"])
        assert first.status_code == 201, first.text
        made.assessment_id = first.json()["id"]
        survey = made.clients["manager"].post("/api/v1/teams/nord/rounds", json={})
        assert survey.status_code == 201, survey.text
        made.round_id, made.token = survey.json()["id"], survey.json()["link"].rsplit("/", 1)[1]
        users["disabled"] = make_user(database, "manager", teams=["nord"])  # a second manager
        made.clients["disabled"] = _client(app, users["disabled"])
        other = {"team_id": "syd", **make_profile()}
        assert made.clients["other_manager"].post("/api/v1/assessments", json=other).is_success
        unit = {"id": "vard", "name": "V"}
        assert admin.post("/api/v1/organisations/default/units", json=unit).is_success
        assert admin.put("/api/v1/teams/nord", json={"unit": "vard"}).is_success
        for who in WHO:  # a team ready to move, for each caller that may confirm a wave
            for team in (f"vag-{who}", f"vag-{who}-sida"):
                ahead = {"team_id": team, **make_profile(current_stage="none")}
                assert admin.post("/api/v1/assessments", json=ahead).status_code == 201
        revoked = made.clients["revoked"]
        token_id = revoked.headers["Authorization"].split("_")[1]
        accounts.revoke_token(database.unit_of_work(), token_id, datetime.now(UTC))
        accounts.sign_out_everywhere(database.unit_of_work(), users["revoked"].id)
        accounts.disable(database.unit_of_work(), users["disabled"].id)
        yield made
        for client in made.clients.values():
            client.close()
        del started


def _outcome(answer: httpx.Response) -> int | str:
    location = answer.headers.get("location", "")
    return (
        IN
        if answer.status_code == 303 and location.startswith("/sign-in?next=")
        else answer.status_code
    )


def _call(world: World, key: tuple[str, str], who: str) -> int | str:
    method, template = key
    entry = EXPECTED[key]
    client = world.clients[who]
    if method == "MOUNT":
        return _outcome(client.get(MOUNTED[template]))
    url = world.path(template) + (f"?{entry.query}" if entry.query else "")
    extra = entry.body(world, who) if entry.body else {}
    return _outcome(client.request(method, url, **extra))


def test_the_access_matrix_holds(world: World) -> None:
    wrong = []
    for key, entry in EXPECTED.items():
        for who, expected in zip(WHO, entry.expect, strict=True):
            got = _call(world, key, who)
            if got != expected:
                wrong.append(f"{key[0]} {key[1]} as {who}: expected {expected}, got {got}")

    assert wrong == []


# What the statuses alone do not show: whose teams a list holds, and what anonymous forms keep.


def _teams(world: World, who: str) -> list[str]:
    answer = world.clients[who].get("/api/v1/teams?org=default")
    assert answer.status_code == 200, answer.text
    return [team["id"] for team in answer.json()["teams"]]


def test_a_list_of_teams_holds_only_the_teams_the_caller_sees(world: World) -> None:
    database = world.app.state.database
    scoped = _client(world.app, make_user(database, "hr", units=["vard"]))
    world.clients["hr_vard"] = scoped
    everyone = _teams(world, "admin")

    assert _teams(world, "manager") == ["nord"]
    assert _teams(world, "other_manager") == ["syd"]
    assert _teams(world, "hr_vard") == ["nord"]
    assert _teams(world, "hr") == everyone
    assert {"nord", "syd"} < set(everyone)
    listed = world.clients["hr_elsewhere"].get("/api/v1/organisations").json()
    assert [o["id"] for o in listed] == ["annan"]


def _count(world: World) -> int:
    answer = world.clients["admin"].get("/api/v1/teams/nord/assessments?limit=100")
    return len(answer.json()["assessments"])


def test_the_form_of_someone_not_signed_in_is_shown_and_never_stored(world: World) -> None:
    before = _count(world)

    answer = world.clients["nobody"].post("/?org=default", data=_questionnaire_form(world, ""))

    assert answer.status_code == 200
    assert 'id="not-stored"' in answer.text
    assert _count(world) == before


@pytest.mark.parametrize("csrf", [None, "wrong"])
def test_a_form_without_its_csrf_token_is_refused_and_stores_nothing(
    world: World, csrf: str | None
) -> None:
    before = _count(world)
    form = _questionnaire_form(world, "")
    plain = world.clients["manager"]._plain_request  # type: ignore[attr-defined]

    answer = plain("POST", "/", data={**form, **({"csrf": csrf} if csrf else {})})

    assert answer.status_code == 403
    assert _count(world) == before


def test_a_new_team_is_made_by_its_manager_and_not_by_hr_limited_to_units(world: World) -> None:
    database = world.app.state.database
    scoped = _client(world.app, make_user(database, "hr", units=["vard"]))
    new = {"team_id": "alldeles-ny", **make_profile()}

    by_scoped = scoped.post("/api/v1/assessments", json=new)
    hidden = scoped.post("/api/v1/assessments", json={**new, "team_id": "syd"})
    by_manager = world.clients["other_manager"].post("/api/v1/assessments", json=new)
    read_by_first = world.clients["manager"].get("/api/v1/teams/alldeles-ny/assessments")

    assert (by_scoped.status_code, hidden.status_code) == (404, 404)
    assert by_scoped.json()["detail"] == hidden.json()["detail"].replace("syd", "alldeles-ny")
    assert by_manager.status_code == 201
    assert read_by_first.status_code == 404
    assert _teams(world, "other_manager") == ["alldeles-ny", "syd"]
