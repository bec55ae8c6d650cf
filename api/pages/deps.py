"""What the pages depend on besides the service's own dependencies (api.deps)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Query

from api.deps import preferred_lang
from readiness.vocabulary import LANGS, Lang


def page_lang(
    lang: Annotated[str | None, Query()] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> Lang:
    """`?lang=` when it is sv or en, else Accept-Language, else Swedish.

    Unlike the API, a page does not reject a language it does not know: a reader who follows a
    link with ``?lang=de`` is better served by a page than by an error about a parameter.
    """
    for known in LANGS:
        if lang == known:
            return known
    return preferred_lang(accept_language)


PageLangDep = Annotated[Lang, Depends(page_lang)]
