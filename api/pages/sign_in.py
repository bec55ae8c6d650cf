"""`/sign-in` and `/sign-out`, and the answers a page gives to a visitor who must sign in first
or whose form has expired.

A wrong email and a wrong password get the same message, so the page does not tell which
emails exist; too many failures answer 429 with Retry-After (readiness.usecases.accounts).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from api.auth import CsrfDep, PrincipalDep
from api.auth.deps import CsrfRefused, SignInRequired
from api.auth.sessions import Session, end_session, start_session
from api.deps import SettingsDep, UnitOfWorkDep
from api.pages.deps import PageLangDep, page_lang
from api.pages.i18n import gettext_for
from api.pages.rendering import render, with_lang
from readiness.usecases import accounts
from readiness.vocabulary import Lang

router = APIRouter()
MAX_NEXT = 2_000


async def posted_fields(request: Request) -> dict[str, str]:
    """The posted text fields (read here, so that the route itself runs in the thread pool)."""
    form = await request.form()
    return {name: value for name, value in form.items() if isinstance(value, str)}


FieldsDep = Annotated[dict[str, str], Depends(posted_fields)]


def local_path(text: str | None) -> str:
    """`text` when it is a path on this site, else "/": a sign-in link cannot send anyone away."""
    if not text or len(text) > MAX_NEXT or not text.startswith("/") or text.startswith("//"):
        return "/"
    if "\\" in text or any(ord(char) < 0x20 or ord(char) == 0x7F for char in text):
        return "/"
    parts = urlsplit(text)
    return text if not parts.scheme and not parts.netloc else "/"


@router.get("/sign-in")
def sign_in_page(request: Request, lang: PageLangDep, next: str | None = None) -> Response:
    """The sign-in form (and, for someone signed in already, who they are and a way out)."""
    return _form(request, lang, local_path(next), email="", message=None)


@router.post("/sign-in", dependencies=[CsrfDep])
def sign_in(
    request: Request, lang: PageLangDep, uow: UnitOfWorkDep, settings: SettingsDep, form: FieldsDep
) -> Response:
    """Sign in and go where the visitor was going; else the form again with one message."""
    _ = gettext_for(lang)
    next_path = local_path(form.get("next"))
    email, password = form.get("email", "").strip(), form.get("password", "")
    if not email or not password:
        message = _("Fill in both your email and your password.")
        return _form(request, lang, next_path, email, message, status_code=422)
    limits = accounts.SignInLimits(
        per_email=settings.sign_in_max_failures, per_client=4 * settings.sign_in_max_failures
    )
    client = request.client.host if request.client else "unknown"
    try:
        user = accounts.authenticate(uow, email, password, datetime.now(UTC), client, limits=limits)
    except accounts.TooManyAttempts as refused:
        minutes = -(-refused.retry_after // 60)
        message = _("Too many failed attempts. Wait %(minutes)s minutes and try again.") % {
            "minutes": minutes
        }
        answer = _form(request, lang, next_path, email, message, status_code=429)
        answer.headers["Retry-After"] = str(refused.retry_after)
        return answer
    except accounts.SignInRefused:
        return _form(request, lang, next_path, email, _("The email or the password is wrong."))
    start_session(request, Session.signed_in(user.id, user.session_epoch))
    target = next_path if "lang=" in next_path else with_lang(next_path, lang)
    return RedirectResponse(target, status_code=303)


@router.post("/sign-out", dependencies=[CsrfDep])
def sign_out(
    request: Request,
    lang: PageLangDep,
    principal: PrincipalDep,
    uow: UnitOfWorkDep,
    form: FieldsDep,
) -> Response:
    """Sign this browser out; with `everywhere`, every browser the user signed in with."""
    if principal.user is not None and principal.via == "session" and form.get("everywhere"):
        accounts.sign_out_everywhere(uow, principal.user.id)
    end_session(request)
    return RedirectResponse(with_lang("/", lang), status_code=303)


def _form(
    request: Request,
    lang: Lang,
    next_path: str,
    email: str,
    message: str | None,
    status_code: int = 200,
) -> Response:
    context = {"next_path": next_path, "email": email, "message": message}
    return render(request, "sign_in.html", lang, context, status_code=status_code)


def _sign_in_first(request: Request, error: Exception) -> Response:
    assert isinstance(error, SignInRequired)
    lang = page_lang(request.query_params.get("lang"), request.headers.get("accept-language"))
    target = f"/sign-in?next={quote(error.next_path, safe='/')}&lang={lang}"
    return RedirectResponse(target, status_code=303)


def _form_expired(request: Request, error: Exception) -> Response:
    lang = page_lang(request.query_params.get("lang"), request.headers.get("accept-language"))
    context = {"back": with_lang(_form_page(request), lang)}
    return render(request, "form_expired.html", lang, context, status_code=403)


def _form_page(request: Request) -> str:
    """The page the refused form was on: the referring page of this site, else the address the
    form was sent to (which, here, shows the form too), but never the sign-out address."""
    referrer = urlsplit(request.headers.get("referer", ""))
    same_site = referrer.netloc == request.url.netloc and referrer.path
    page = local_path(referrer.path) if same_site else request.url.path
    return "/" if page == "/sign-out" else page


def install(app: FastAPI) -> None:
    """Answer a page that needs a signed-in user with a redirect to sign in, and a form without
    its CSRF token with the 403 page that says it expired."""
    app.add_exception_handler(SignInRequired, _sign_in_first)
    app.add_exception_handler(CsrfRefused, _form_expired)
