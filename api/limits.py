"""Refuse an oversized request body with a 413 that says the limit, in JSON like every other error.

FastAPI has a `max_body_size` of its own, but it answers in plain text; this one answers a
declared Content-Length before reading anything, and counts a body sent without one as it arrives.
"""

from __future__ import annotations

from fastapi import HTTPException
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ContentLengthLimit:
    """413 for any request whose body is larger than `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # Paths that take files (a batch of teams) get a limit of their own.
        self.larger = larger or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.larger.get(scope.get("path", ""), self.max_bytes)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            detail = f"the request body is {int(declared):,} bytes; at most {limit:,} are accepted"
            await JSONResponse({"detail": detail}, status_code=413)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                # Raised inside the route's body parsing: FastAPI's handlers answer it in JSON.
                raise HTTPException(413, f"the request body is larger than {limit:,} bytes")
            return message

        await self.app(scope, counted, send)
