"""Dependencies as `Annotated` aliases, so that route signatures read like sentences.

Each is an `async def`: none waits for anything (they read the app's state, a header or the query
string), and FastAPI runs a plain `def` dependency in the thread pool, a round trip to another
thread per dependency and request. A dependency that does blocking I/O stays a plain `def`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Query, Request

from api.settings import Settings
from api.storage import Database, SqlUnitOfWork
from readiness import InputError, Policy, Problem
from readiness.rules_listing import Coverage
from readiness.teams import team_slug
from readiness.usecases import DEFAULT_ORG
from readiness.vocabulary import DEFAULT_LANG, LANGS, Lang


async def get_settings_of_app(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_policy(request: Request) -> Policy:
    policy: Policy = request.app.state.policy
    return policy


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


async def get_unit_of_work(database: Annotated[Database, Depends(get_database)]) -> SqlUnitOfWork:
    """A unit of work for the use cases; each use case opens, commits and closes it itself."""
    return database.unit_of_work()


async def get_coverage(request: Request) -> Coverage:
    """Which scenarios document which rule, read once when the app was made."""
    coverage: Coverage = request.app.state.coverage
    return coverage


def preferred_lang(accept_language: str | None) -> Lang:
    """The first of our languages in an Accept-Language header, by its weights; else Swedish."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        weighted.append((-weight, position, tag.split("-")[0].strip().lower()))
    for negative_weight, _, primary in sorted(weighted):
        for lang in LANGS:
            if primary == lang and negative_weight < 0:
                return lang
    return DEFAULT_LANG


async def get_lang(
    lang: Annotated[
        Lang | None,
        Query(description="language of the texts: sv (default) or en; else Accept-Language"),
    ] = None,
    accept_language: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Lang:
    """`?lang=` when given (anything but sv or en is a 422), else Accept-Language, else sv."""
    return lang or preferred_lang(accept_language)


async def get_asked_lang(
    lang: Annotated[
        Lang | None,
        Query(description="language of the texts: sv or en; else Accept-Language; else as made"),
    ] = None,
    accept_language: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Lang | None:
    """The language a reader asked for, by `?lang=` or Accept-Language; None when they did not."""
    if lang is not None:
        return lang
    return preferred_lang(accept_language) if accept_language else None


async def require_json(
    content_type: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> None:
    """415 unless the body is declared as JSON; a form or plain text is not a team profile."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise HTTPException(
            status_code=415,
            detail=f"send the body as JSON with Content-Type: application/json "
            f"(got {media_type or 'no Content-Type'})",
        )


async def get_org(
    org: Annotated[
        str,
        Query(
            min_length=1,
            max_length=64,
            description="the organisation (default: the one every installation starts with)",
        ),
    ] = DEFAULT_ORG,
) -> str:
    """The organisation a request is about, case-insensitive like every id."""
    return id_in("query", "org", org)


def id_in(source: str, name: str, text: str) -> str:
    """An organisation, unit or team id from the request, as stored; 422 naming it otherwise
    (a NUL byte or a space never reaches the database)."""
    try:
        return team_slug(text.strip())
    except ValueError as error:
        raise InputError([Problem((name,), str(error), "invalid_id")], source) from None


SettingsDep = Annotated[Settings, Depends(get_settings_of_app)]
OrgDep = Annotated[str, Depends(get_org)]
PolicyDep = Annotated[Policy, Depends(get_policy)]
DatabaseDep = Annotated[Database, Depends(get_database)]
UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(get_unit_of_work)]
CoverageDep = Annotated[Coverage, Depends(get_coverage)]
LangDep = Annotated[Lang, Depends(get_lang)]
AskedLangDep = Annotated[Lang | None, Depends(get_asked_lang)]
JSON_BODY = Depends(require_json)
