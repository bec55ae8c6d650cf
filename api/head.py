"""HEAD wherever GET is: the GET answer's status and headers, without its body.

FastAPI's routes answer only the methods they are declared with, so a ``@router.get`` page
answered HEAD with 405. Rather than add HEAD to every route (and have the OpenAPI document list a
HEAD operation beside each GET), `HeadAsGet` asks the app for GET and sends the answer without
its body. Content-Length stays that of the GET answer, as HTTP wants. A path that has no GET
answers HEAD as it answers GET: 405 naming the methods it has, or 404.

`install_head(app)` adds it innermost, so that the log and the body limit see the method the
client sent.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """Answer an HTTP HEAD request with the GET answer's status and headers, and no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        # A copy: the server keeps its own scope, and with it the knowledge that this was HEAD.
        await self.app({**scope, "method": "GET"}, receive, without_body)


def install_head(app: Starlette) -> None:
    """Answer HEAD wherever GET is answered on `app`; calling it again changes nothing.

    Innermost of the middleware given to the app, whenever it is called: the request log (and any
    other middleware) still sees HEAD and the empty body actually sent.
    """
    added = (middleware.cls for middleware in app.user_middleware)
    if any(isinstance(cls, type) and issubclass(cls, HeadAsGet) for cls in added):
        return
    if app.middleware_stack is not None:
        raise RuntimeError("install HEAD before the app first answers")
    app.user_middleware.append(Middleware(HeadAsGet))
