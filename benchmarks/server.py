"""`readiness serve` as it runs, plus one route that does nothing: the framework floor of the app.

    python -m benchmarks.server HOST PORT WORKERS

`GET /api/v1/bench-trivial` answers a constant through the same middleware (request log, body
limit, security headers) as every other route, and asks nothing of the database, unlike
`/api/v1/healthz`. Everything else is `api.server.serve`, so the workers, the migration and the
logging are those of `readiness serve`; the route exists only in this process.

FastAPI tries an app's routes in order, each at a cost (a few microseconds), so the route sits
right after `POST /api/v1/evaluate`'s: the two differ by what evaluating does, not by where
they stand. Added last, as it was until 2026-11-28, it was tried after every other route of the
app, some 120 µs a request more, and the floor looked that much higher than it is.
"""

from __future__ import annotations

import sys
from typing import Any

from fastapi import FastAPI
from starlette.routing import Match

import api.server
from api.main import create_app
from api.settings import Settings, load_settings

TRIVIAL = "/api/v1/bench-trivial"


def bench_app(settings: Settings) -> FastAPI:
    """The service's app with the trivial route added."""
    app = create_app(settings)

    @app.get(TRIVIAL, include_in_schema=False)
    async def trivial() -> dict[str, str]:
        return {"status": "ok"}

    routes = app.router.routes
    added = routes.pop()
    evaluating = next(
        place for place, route in enumerate(routes) if route.matches(_EVALUATE)[0] == Match.FULL
    )
    routes.insert(evaluating + 1, added)
    return app


# What FastAPI's routes are matched against: POST /api/v1/evaluate.
_EVALUATE: dict[str, Any] = {
    "type": "http",
    "method": "POST",
    "path": "/api/v1/evaluate",
    "root_path": "",
    "headers": [],
}


def main() -> int:
    host, port, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    # serve() builds each worker's app with api.server.create_app: ours, by its module path.
    api.server.create_app = bench_app  # type: ignore[assignment]
    return api.server.serve(load_settings(host=host, port=port, workers=workers))


if __name__ == "__main__":
    sys.exit(main())
