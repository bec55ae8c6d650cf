"""Security headers on every answer: pages, API, static files, /docs, and the errors of each.

A strict Content-Security-Policy (no inline script or style anywhere, nothing from another
host), no MIME sniffing, no framing by any page (the questionnaire cannot be overlaid by another
site), the address never sent to another site, no camera, microphone or position. Whatever shows
stored data (every answer outside the static files) is marked ``Cache-Control: no-store``, so
that a shared computer's browser or a proxy keeps no copy of a team's report.

`SecurityHeaders` is a pure ASGI middleware. `install_security_headers(app)` puts it outside the
whole middleware stack, Starlette's ServerErrorMiddleware included, so that a 500 carries the
headers too; added with ``app.add_middleware`` it would sit inside that one and miss them.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        # Swagger UI draws some of its icons from data: URLs.
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    # A report's address is its only key: no other site learns it from a link followed.
    # Not no-referrer: that makes a browser send `Origin: null` with the page's own form posts.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

NO_STORE = "no-store"
# As an ASGI answer holds them: lower-case names, Latin-1 bytes.
_RAW_HEADERS = tuple(
    (name.lower().encode("latin-1"), value.encode("latin-1"))
    for name, value in SECURITY_HEADERS.items()
)
_CACHE_CONTROL = (b"cache-control", NO_STORE.encode("latin-1"))
# The files served as they are (stylesheets, Swagger UI, its start-up script): the same for
# everyone, so a browser may keep them. Every other answer may carry a team's data.
STATIC_PREFIXES = ("/static/", "/docs/assets/", "/docs/static/")


def carries_stored_data(path: str) -> bool:
    """Whether the answer for `path` (without the root path) may hold stored data: all but the
    static files. Deciding by exclusion means a page added later is covered without a list."""
    return not path.startswith(STATIC_PREFIXES)


class SecurityHeaders:
    """Add `SECURITY_HEADERS` to every HTTP answer, and ``Cache-Control: no-store`` to every
    answer but the static files'. A header the answer sets itself is left as it is."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        no_store = carries_stored_data(_route_path(scope))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message["headers"] = list(message.get("headers", ()))
                # MutableHeaders.setdefault for each, in one look at the names already there.
                present = {name for name, _ in headers}
                headers += (pair for pair in _RAW_HEADERS if pair[0] not in present)
                if no_store and _CACHE_CONTROL[0] not in present:
                    headers.append(_CACHE_CONTROL)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install_security_headers(app: Starlette) -> None:
    """Wrap `app`'s whole middleware stack in `SecurityHeaders`, before it first answers.

    Starlette puts its ServerErrorMiddleware (which sends the 500 of an unexpected error) outside
    every middleware given to ``add_middleware``; wrapping the stack it builds is the only place
    that sees that answer too. Calling this again changes nothing.
    """
    if isinstance(app.build_middleware_stack, _WithSecurityHeaders):
        return
    if app.middleware_stack is not None:
        raise RuntimeError("install the security headers before the app first answers")
    app.build_middleware_stack = _WithSecurityHeaders(app.build_middleware_stack)  # type: ignore[method-assign]


class _WithSecurityHeaders:
    """The app's own `build_middleware_stack`, with `SecurityHeaders` around what it builds."""

    def __init__(self, build: Callable[[], ASGIApp]) -> None:
        self.build = build

    def __call__(self) -> ASGIApp:
        return SecurityHeaders(self.build())


def _route_path(scope: Scope) -> str:
    # Behind a proxy that strips a prefix, `path` includes `root_path`; the mounts do not.
    path = str(scope.get("path", ""))
    root = str(scope.get("root_path", ""))
    return path[len(root) :] if root and path.startswith(root) else path
