"""The page chrome in Swedish and English: gettext catalogs under `locales/`, dates by Babel.

Only the words of the pages themselves go through gettext; the questionnaire, the policy's texts
and the findings already come in both languages from the library. The message ids are English,
so English needs no catalog of its own; Swedish is the default language of every page.

The catalogs are kept as `.po` text and compiled in memory at first use: a clean clone works
without a build step, and no compiled file can fall behind its source.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from readiness.report import number
from readiness.vocabulary import Lang

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "messages"
LANGUAGE_NAMES: dict[Lang, str] = {"sv": "Svenska", "en": "English"}

Gettext = Callable[[str], str]


def catalog_path(lang: str) -> Path:
    """Where the `.po` catalog of `lang` lives."""
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: Lang) -> gettext.NullTranslations:
    """The compiled catalog for `lang`; the message ids themselves when there is none (English)."""
    path = catalog_path(lang)
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as msgfmt does
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def gettext_for(lang: Lang) -> Gettext:
    """`_` for code outside the templates: ``_ = gettext_for(lang); _("Next steps")``."""
    return translations(lang).gettext


def N_(message: str) -> str:  # the conventional name, which Babel extracts
    """Marks a message for extraction where it is translated later, at render time."""
    return message


def decimal(value: float, lang: Lang) -> str:
    """A score as the reader writes it, one decimal at most: "52,5" in Swedish, "52.5" in English."""
    return number(value, lang)  # as the text report writes it, and as quickly


def long_date(day: date, lang: Lang) -> str:
    """A date as people write it: "27 november 2026", "27 November 2026"."""
    return format_date(day, format="long", locale=lang)


def date_and_time(moment: datetime, lang: Lang) -> str:
    """A stored time, which is UTC, with the date written out: "27 november 2026, 14:05 UTC"."""
    return f"{long_date(moment.date(), lang)}, {moment:%H:%M} UTC"
