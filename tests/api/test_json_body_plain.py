"""A body plainly within the limits is parsed at once, and says exactly what the full check says.

`api.json_body.parse_json` looks at the bytes first (`_plainly_within`: brackets counted, runs of
number characters and of characters between quotes found in C); only a body that might break a
limit goes through the full check (`_parse_checked`), which splits the text into strings and the
rest before parsing. The two must agree on every body: the same value, or the same problems in
the same order. Small limits here, so that drawn bodies cross them often.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import api.json_body
from api.json_body import JsonLimits, _decode, _parse_checked, _plainly_within, parse_json
from readiness import InputError
from tests.conftest import with_members

SMALL = JsonLimits(max_depth=4, max_digits=8, max_string=16)
DEFAULT = JsonLimits(max_depth=32, max_digits=20, max_string=1_000)

Outcome = tuple[str, Any]


def _outcome(read: Callable[[], Any]) -> Outcome:
    try:
        return "value", repr(read())
    except InputError as error:
        return "problems", [(p.loc, p.message, p.type) for p in error.problems]


def _both(raw: bytes, limits: JsonLimits) -> tuple[Outcome, Outcome]:
    try:
        text = _decode(raw)
    except InputError:  # refused before either way begins
        return ("same", None), ("same", None)
    return _outcome(lambda: parse_json(raw, limits)), _outcome(lambda: _parse_checked(text, limits))


_TEXT = st.text(alphabet=st.sampled_from('ab"\\:{}[]019eE.-+ åé\n\u2028'), max_size=24)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**25), max_value=10**25)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _TEXT
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(value=_VALUES, ascii_only=st.booleans())
def test_any_json_value_reads_the_same_either_way(value: Any, ascii_only: bool) -> None:
    raw = json.dumps(value, ensure_ascii=ascii_only).encode()

    fast, full = _both(raw, SMALL)

    assert fast == full


@settings(max_examples=300, deadline=None)
@given(value=st.dictionaries(_TEXT, _VALUES, min_size=1, max_size=4), key=_TEXT)
def test_a_key_given_twice_is_named_the_same_either_way(value: dict[str, Any], key: str) -> None:
    text = json.dumps(value)
    raw = (text[:-1] + f", {json.dumps(key)}: 1, {json.dumps(key)}: 2}}").encode()

    fast, full = _both(raw, SMALL)

    assert fast == full
    assert fast[0] == "problems"


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from('{}[]":,0123456789.eE-+ \\abtrufnl'), max_size=40))
def test_any_text_is_refused_the_same_either_way(text: str) -> None:
    fast, full = _both(text.encode(), SMALL)

    assert fast == full


@pytest.mark.parametrize(
    "raw",
    [
        b"[[[[[1]]]]]",
        b'{"a": 123456789}',
        b'{"a": 1.2345678e1}',
        b'{"a": "' + b"x" * 17 + b'"}',
        b'{"' + b"k" * 17 + b'": 1}',
        b'{"a": "' + b'\\"' * 9 + b'"}',
        b'["[[[[[[", "]]]]]"]',
        '{"a": "åååååååååå"}'.encode(),
        b"\xef\xbb\xbf[1]",
        '{"a": 1}'.encode("utf-16"),
        b'{"a": NaN, "b": Infinity}',
        b'{"a": 1, "a": 2, "b": {"c": 3, "c": 4}}',
        b'"\\ud800"',
    ],
)
def test_bodies_at_the_edges_read_the_same_either_way(raw: bytes) -> None:
    fast, full = _both(raw, SMALL)

    assert fast == full


def test_a_team_profile_is_read_without_the_full_check(monkeypatch: pytest.MonkeyPatch) -> None:
    profile = with_members(12)

    def full_check(text: str, limits: JsonLimits) -> Any:
        raise AssertionError("the full check ran")

    monkeypatch.setattr(api.json_body, "_parse_checked", full_check)

    assert parse_json(json.dumps(profile).encode(), DEFAULT) == profile


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 33 + b"]" * 33,
        b'{"a": ' + b"1" * 21 + b"}",
        b'{"a": "' + b"x" * 1_001 + b'"}',
        b'{"a": "' + b'\\"' * 2 + b'"}' + b" " * 1_000,
    ],
    ids=["deep", "long number", "long string", "escaped quote"],
)
def test_a_body_that_may_break_a_limit_is_not_plainly_within(raw: bytes) -> None:
    assert not _plainly_within(raw, DEFAULT)
