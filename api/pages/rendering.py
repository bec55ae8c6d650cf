"""One Jinja2 environment for every page, translated per request by the page's language.

Templates call ``_("…")`` as usual; the gettext callables read the language from the template's
context, so a single environment serves both languages at once without shared state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from starlette.responses import Response

from api.auth.deps import csrf_token, principal_of
from api.pages.i18n import LANGUAGE_NAMES, decimal, translations
from readiness.vocabulary import LANGS, Lang

TEMPLATES_DIR = Path(__file__).parent / "templates"


@pass_context
def _gettext(context: Context, message: str) -> str:
    return translations(context["lang"]).gettext(message)


@pass_context
def _number(context: Context, value: float) -> str:
    # One decimal at most, written the reader's way: 70,8 in Swedish, 70.8 in English.
    return decimal(value, context["lang"])


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return translations(context["lang"]).ngettext(singular, plural, count)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html", "svg"]),
        undefined=StrictUndefined,  # a misspelt name fails the page test, not the reader
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["number"] = _number
    return env


templates = Jinja2Templates(env=_environment())


def with_lang(url: str, lang: Lang) -> str:
    """A link inside the site that keeps the reader's language."""
    return f"{url}{'&' if '?' in url else '?'}lang={lang}"


def render(
    request: Request, name: str, lang: Lang, context: dict[str, Any], status_code: int = 200
) -> Response:
    """The page `name` in `lang`, with the language switch pointing at this same page."""
    switch = [
        {
            "lang": other,
            "name": LANGUAGE_NAMES[other],
            "url": f"{request.url.path}?{request.url.include_query_params(lang=other).query}",
            "current": other == lang,
        }
        for other in LANGS
    ]
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    signed = {
        # Who is signed in (for the header), and the CSRF token every form sends back (api.auth).
        "principal": principal_of(request),
        "csrf_token": csrf_token(request),
        "sign_in_url": with_lang(f"/sign-in?next={quote(here, safe='/')}", lang),
    }
    return templates.TemplateResponse(
        request,
        name,
        {
            "lang": lang,
            "languages": switch,
            "link": lambda url: with_lang(url, lang),
            **signed,
            **context,
        },
        status_code=status_code,
    )


def not_found_page(request: Request, lang: Lang) -> Response:
    """The 404 page, in the reader's language, with a way back."""
    return render(request, "not_found.html", lang, {}, status_code=404)
