"""POST /evaluate: assess a profile and store nothing.

An `async def`, so the decision is made on the event loop: FastAPI runs a plain `def` endpoint in
the thread pool, and then validates its answer there too, two round trips to another thread that
cost more than the decision itself (a fraction of a millisecond: the engine's cache, under a lock
that is never held long). Its dependencies are `async def` as well, and the body of a profile is
read on the loop (api.json_body; a large one in a worker thread), so a request to this route
never waits for a thread.

An ordinary request (a body declared as `application/json`, no query string but `lang=sv` or
`lang=en`) goes the direct way of `EvaluateRoute`: what FastAPI would do for it, without working
out every parameter again from the signatures and their annotations (0.66 of the 3.07 million
instructions a request cost through FastAPI, measured with callgrind). Every other request goes
through FastAPI as declared, so each refusal is FastAPI's own; the route as declared is also what
the OpenAPI document shows.
"""

from __future__ import annotations

from typing import Any

import fastapi.routing
from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.datastructures import DefaultPlaceholder
from fastapi.routing import APIRoute, serialize_response
from starlette.middleware.body_limit import MAX_BODY_SIZE_SCOPE_KEY

from api.deps import JSON_BODY, LangDep, PolicyDep, get_lang, get_policy, require_json
from api.errors import BODY, VALIDATION
from api.json_body import Handler, JsonBodyRoute, json_request
from readiness import Assessment, TeamProfile, usecases
from readiness.vocabulary import Lang

_ORDINARY_QUERIES: dict[bytes, Lang | None] = {b"": None, b"lang=sv": "sv", b"lang=en": "en"}
_DEPENDENCIES = [require_json, get_lang, get_policy]


class EvaluateRoute(JsonBodyRoute):
    """The route of `evaluate`: an ordinary request the direct way, any other through FastAPI.

    The direct way is what FastAPI's handler does for such a request, in its order: read the body
    (a failure to read it is FastAPI's 400, a body refused by api.json_body its 422), take the
    language and the policy from the same dependencies, call the endpoint, and serialise its
    answer with the route's response field into the same bytes. An empty body, a dependency
    override, FastAPI's telemetry or its own body limit each send the request through FastAPI,
    and so does every request when the route has other dependencies than those the direct way
    knows (one added to the route or to the router that includes it turns the direct way off).
    `tests/api/test_evaluate_direct.py` holds both ways to the same answers.
    """

    def get_route_handler(self) -> Handler:
        through_fastapi = super().get_route_handler()
        # FastAPI builds a handler for each place the router is included, and says for which.
        route = _as_included(self)
        if route is None or not _direct_way_fits(route):
            return through_fastapi

        async def evaluate_directly(request: Request) -> Response:
            if not _ordinary(request, route):
                return await through_fastapi(request)
            request = json_request(request, TeamProfile)
            try:
                profile = await request.json() if await request.body() else None
            except HTTPException:
                raise
            except Exception as error:  # as FastAPI answers a body it cannot read
                raise HTTPException(400, "There was an error parsing the body") from error
            if profile is None:  # no body: FastAPI says what is missing
                return await through_fastapi(request)
            lang = await get_lang(
                lang=_ORDINARY_QUERIES[request.scope.get("query_string", b"")],
                accept_language=request.headers.get("accept-language"),
            )
            assessment = await evaluate(profile, lang, await get_policy(request))
            content = await serialize_response(
                field=route.response_field,
                response_content=assessment,
                include=route.response_model_include,
                exclude=route.response_model_exclude,
                by_alias=route.response_model_by_alias,
                exclude_unset=route.response_model_exclude_unset,
                exclude_defaults=route.response_model_exclude_defaults,
                exclude_none=route.response_model_exclude_none,
                dump_json=True,
            )
            if route.status_code is None:
                return Response(content, media_type="application/json")
            return Response(content, status_code=route.status_code, media_type="application/json")

        return evaluate_directly


def _as_included(route: APIRoute) -> Any:
    """The route as FastAPI sees it where it is included (its prefix, the includer's
    dependencies and overrides), or `route` itself outside any router; None when this FastAPI
    does not say (then the direct way is not taken)."""
    current = getattr(fastapi.routing, "_effective_route_context_var", None)
    if current is None:
        return None
    context = current.get()
    return context if getattr(context, "original_route", None) is route else route


def _direct_way_fits(route: Any) -> bool:
    """Whether the route is still as the direct way knows it: the dependencies it calls, a body
    and no other parameter, and FastAPI's default JSON answer."""
    dependant = route.dependant
    return (
        [dependency.call for dependency in dependant.dependencies] == _DEPENDENCIES
        and not any(dependency.dependencies for dependency in dependant.dependencies)
        and len(dependant.body_params) == 1
        and not (dependant.query_params or dependant.header_params or dependant.path_params)
        and not (dependant.cookie_params or dependant.response_param_name)
        and dependant.background_tasks_param_name is None
        and route.response_field is not None
        and isinstance(route.response_class, DefaultPlaceholder)
    )


def _ordinary(request: Request, route: Any) -> bool:
    """Whether `request` may go the direct way: its body declared as JSON, no query string but
    the language, and nothing that FastAPI's own handler would do differently."""
    scope = request.scope
    if scope.get("query_string", b"") not in _ORDINARY_QUERIES:
        return False
    content_type = request.headers.get("content-type") or ""
    if content_type.split(";", 1)[0].strip().lower() != "application/json":
        return False
    overrides = getattr(route.dependency_overrides_provider, "dependency_overrides", None)
    return not (
        overrides or scope.get("fastapi.telemetry") is not None or MAX_BODY_SIZE_SCOPE_KEY in scope
    )


router = APIRouter(tags=["assessments"], route_class=EvaluateRoute)


@router.post(
    "/evaluate",
    response_model=Assessment,
    responses={**VALIDATION, **BODY},
    dependencies=[JSON_BODY],
)
async def evaluate(profile: TeamProfile, lang: LangDep, policy: PolicyDep) -> Assessment:
    """The assessment of a team profile; nothing is stored (use POST /assessments for that)."""
    return usecases.evaluate(profile, lang, policy)
