"""The Swedish catalog keeps up with the pages: every message translated, nothing left over."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from api.pages.i18n import catalog_path, gettext_for, long_date

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def extracted() -> set[str]:
    """Every message id the pages' code and templates use, as Babel finds them."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)  # type: ignore[no-untyped-call]
    return {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT, method_map, options_map
        )
    }


def swedish() -> Catalog:
    with catalog_path("sv").open("rb") as handle:
        return read_po(handle, locale="sv")


def forms(text: str | tuple[str, ...] | list[str] | None) -> list[str]:
    """A message's id or string as a list: one for a plain message, each form for a plural."""
    if text is None:
        return []
    return [text] if isinstance(text, str) else list(text)


def test_every_message_of_the_pages_has_a_swedish_translation() -> None:
    catalog = swedish()

    untranslated = sorted(
        message
        for message in extracted()
        if message not in catalog
        or catalog[message].fuzzy
        or not all(forms(catalog[message].string))
    )

    assert untranslated == [], f"translate these in {catalog_path('sv')}"


def test_the_swedish_catalog_holds_no_message_the_pages_no_longer_use() -> None:
    used = extracted()

    unused = sorted(forms(m.id)[0] for m in swedish() if m.id and forms(m.id)[0] not in used)

    assert unused == []


def test_a_translation_keeps_the_placeholders_of_its_message() -> None:
    catalog = swedish()

    for message in catalog:
        if not message.id:
            continue
        wanted = set(PLACEHOLDER.findall(" ".join(forms(message.id))))
        for string in forms(message.string):
            assert set(PLACEHOLDER.findall(string)) == wanted, message.id


def test_swedish_words_and_dates_are_swedish_and_english_ones_english() -> None:
    assert gettext_for("sv")("Next steps") == "Nästa steg"
    assert gettext_for("en")("Next steps") == "Next steps"
    assert long_date(date(2027, 5, 26), "sv") == "26 maj 2027"
    assert long_date(date(2027, 5, 26), "en") == "May 26, 2027"
