"""The operators a rule's test may use, each defined once for everything that reads a test.

A test such as `functional_level: {below: 40}` is read four ways: checked in Python (the bands,
`readiness rules check`), compiled for durable-rules (readiness.engine), listed as plain text
(`readiness rules`) and read aloud in Swedish or English (the policy page). An `Operator` holds
all four, so a new operator is one entry in `OPERATORS`, and an entry that lacks one of them
cannot be built.

The durable-rules form is a plain dict in the engine's JSON condition language, so this module
needs no durable import; readiness.engine stays the only module that has one.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.texts import Text

Condition = dict[str, Any]
PLACEHOLDERS = ("%(fact)s", "%(value)s")


@dataclass(frozen=True)
class Operator:
    """One operator word of the rule files and every form the library reads it in.

    `test` compares a fact's value with the rule's constant (a tuple of constants when
    `takes_list`); `durable` builds the same test in durable-rules' JSON condition language for
    a fact name and the constant; `sentence` reads it aloud, with ``%(fact)s`` and ``%(value)s``
    filled in by the reader.
    """

    name: str
    symbol: str
    test: Callable[[Any, Any], bool]
    durable: Callable[[str, Any], Condition]
    sentence: Text
    needs_number: bool = False
    takes_list: bool = False

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z][a-z_]*", self.name) or not self.symbol:
            raise ValueError(f"operator {self.name!r}: needs a lower-case name and a symbol")
        for lang in ("sv", "en"):
            sentence = self.sentence(lang)
            named_once = all(sentence.count(p) == 1 for p in PLACEHOLDERS)
            if not named_once or "%" in re.sub(r"%\((fact|value)\)s", "", sentence):
                raise ValueError(
                    f"operator {self.name!r}: the {lang} sentence must name %(fact)s and "
                    f"%(value)s once each and nothing else: {sentence!r}"
                )

    def holds(self, actual: Any, value: Any) -> bool:
        """Whether a fact's value passes the test; a fact that is missing (None) passes none."""
        return actual is not None and self.test(actual, value)

    def condition(self, fact: str, value: Any) -> Condition:
        """The test as durable-rules evaluates it: holds on the same values `holds` does."""
        return self.durable(fact, value)


def _exists(fact: str) -> Condition:
    # A test on a fact that was not answered never holds, whatever the operator. durable-rules
    # 2.0 already fails a comparison on an absent field; the guard says so in the condition
    # rather than leaving it to the extension's handling of absent fields.
    return {"$ex": {fact: 1}}


def _equal(fact: str, value: Any) -> Condition:
    return {fact: value}


def _one_of(fact: str, values: Sequence[Any]) -> Condition:
    return {"$or": [{fact: v} for v in values]}


def _none_of(fact: str, values: Sequence[Any]) -> Condition:
    return {"$and": [_exists(fact), *({"$neq": {fact: v}} for v in values)]}


def _compared(durable_op: str) -> Callable[[str, Any], Condition]:
    def condition(fact: str, value: Any) -> Condition:
        return {"$and": [_exists(fact), {durable_op: {fact: value}}]}

    return condition


OPERATORS: dict[str, Operator] = {
    op.name: op
    for op in (
        Operator(
            name="below",
            symbol="<",
            test=operator.lt,
            durable=_compared("$lt"),
            sentence=Text(sv="%(fact)s är under %(value)s", en="%(fact)s is below %(value)s"),
            needs_number=True,
        ),
        Operator(
            name="at_most",
            symbol="≤",
            test=operator.le,
            durable=_compared("$lte"),
            sentence=Text(sv="%(fact)s är högst %(value)s", en="%(fact)s is at most %(value)s"),
            needs_number=True,
        ),
        Operator(
            name="above",
            symbol=">",
            test=operator.gt,
            durable=_compared("$gt"),
            sentence=Text(sv="%(fact)s är över %(value)s", en="%(fact)s is above %(value)s"),
            needs_number=True,
        ),
        Operator(
            name="at_least",
            symbol="≥",
            test=operator.ge,
            durable=_compared("$gte"),
            sentence=Text(sv="%(fact)s är minst %(value)s", en="%(fact)s is at least %(value)s"),
            needs_number=True,
        ),
        Operator(
            name="is",
            symbol="=",
            test=operator.eq,
            durable=_equal,
            sentence=Text(sv="%(fact)s är %(value)s", en="%(fact)s is %(value)s"),
        ),
        Operator(
            name="is_not",
            symbol="≠",
            test=operator.ne,
            durable=_compared("$neq"),
            sentence=Text(sv="%(fact)s är inte %(value)s", en="%(fact)s is not %(value)s"),
        ),
        # For the lists the reader joins the values with its "or": "… är 1 eller 2".
        Operator(
            name="in",
            symbol="in",
            test=lambda actual, options: actual in options,
            durable=_one_of,
            sentence=Text(sv="%(fact)s är %(value)s", en="%(fact)s is %(value)s"),
            takes_list=True,
        ),
        Operator(
            name="not_in",
            symbol="not in",
            test=lambda actual, options: actual not in options,
            durable=_none_of,
            sentence=Text(sv="%(fact)s är varken %(value)s", en="%(fact)s is neither %(value)s"),
            takes_list=True,
        ),
    )
}
NUMERIC_ONLY = frozenset(name for name, op in OPERATORS.items() if op.needs_number)
