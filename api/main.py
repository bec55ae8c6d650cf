"""Assembles the service: JSON routers under /api/v1, the pages at /, static files, error handlers.

Nothing happens at import time. `create_app` loads the policy, so a bad rule stops the start with
the file and rule id; the lifespan opens the database, migrates it and compiles the rules.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import readiness
from api import errors
from api.auth.sessions import SessionCookies, load_signer
from api.docs import install_docs
from api.head import install_head
from api.limits import ContentLengthLimit
from api.logs import RequestLog
from api.pages import router as pages_router
from api.pages import sign_in
from api.pages.errors import page_or_json_error
from api.routes import ROUTERS
from api.security import install_security_headers
from api.settings import Settings, coverage_path, load_settings
from api.storage import Database
from api.storage.migrate import upgrade_engine
from readiness import load_policy
from readiness.engine import engine_for
from readiness.rules_listing import read_coverage

API_PREFIX = "/api/v1"
STATIC_DIR = Path(__file__).resolve().parent / "pages" / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service for `settings` (default: from the environment, see api.settings)."""
    settings = settings or load_settings()
    app = FastAPI(
        title="readiness",
        version=readiness.__version__,
        summary="Is this team ready for trust-based co-leadership now, and what comes first?",
        lifespan=_lifespan,
        # Served by api.docs from packaged assets instead of a CDN, so they work offline.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.policy = load_policy(settings.rules_dir)  # PolicyError names the file and rule
    app.state.coverage = read_coverage(coverage_path(settings))
    app.add_middleware(
        ContentLengthLimit,
        max_bytes=settings.max_body_bytes,
        larger={f"{API_PREFIX}/batches": settings.max_batch_bytes},
    )
    # Writes the session cookie a request asked for (api.auth.sessions).
    app.add_middleware(SessionCookies)
    # Outermost, so that the 413s of the limit are logged too.
    app.add_middleware(RequestLog)
    errors.install(app)
    # A page that needs sign-in redirects to it; a form without its CSRF token is refused.
    sign_in.install(app)
    # A person who mistypes an address gets the 404 page; programs keep FastAPI's JSON.
    app.add_exception_handler(StarletteHTTPException, page_or_json_error)
    for router in ROUTERS:
        # Any route may fail in the engine or the database: each says so in the OpenAPI document.
        app.include_router(router, prefix=API_PREFIX, responses=errors.SERVER_ERRORS)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_docs(app)
    # HEAD wherever GET is; innermost, so the request log still names HEAD (api.head).
    install_head(app)
    # Outside the whole middleware stack, so that even a 500 carries the headers (api.security).
    install_security_headers(app)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    database = Database(app.state.settings.database_url)
    try:
        upgrade_engine(database.engine)
        # The key that signs session cookies: configured, or made once and shared through the
        # database by every worker (api.auth.sessions).
        app.state.sessions = load_signer(app.state.settings, database)
        engine_for(app.state.policy)  # compile the ruleset now rather than in the first request
        app.state.database = database
        yield
    finally:
        database.dispose()
