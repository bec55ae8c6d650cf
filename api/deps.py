"""Dependencies as `Annotated` aliases, so that route signatures read like sentences."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Query, Request

from api.settings import Settings
from api.storage import Database, Repository
from readiness import Policy
from readiness.vocabulary import DEFAULT_LANG, LANGS, Lang


def get_settings_of_app(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_policy(request: Request) -> Policy:
    policy: Policy = request.app.state.policy
    return policy


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def get_repository(database: Annotated[Database, Depends(get_database)]) -> Iterator[Repository]:
    """One transaction per request: committed when the route returns, rolled back if it raises."""
    with database.transaction() as repository:
        yield repository


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


def get_lang(
    lang: Annotated[
        Lang | None,
        Query(description="language of the texts: sv (default) or en; else Accept-Language"),
    ] = None,
    accept_language: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Lang:
    """`?lang=` when given (anything but sv or en is a 422), else Accept-Language, else sv."""
    return lang or preferred_lang(accept_language)


def require_json(
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


SettingsDep = Annotated[Settings, Depends(get_settings_of_app)]
PolicyDep = Annotated[Policy, Depends(get_policy)]
DatabaseDep = Annotated[Database, Depends(get_database)]
# scope="function": the commit happens before the response is sent, so a 201 means stored.
RepositoryDep = Annotated[Repository, Depends(get_repository, scope="function")]
LangDep = Annotated[Lang, Depends(get_lang)]
JSON_BODY = Depends(require_json)
