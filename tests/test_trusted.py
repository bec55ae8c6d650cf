"""Models the fast path builds without validating them again are the models validation builds.

`readiness.models.trusted` makes the members' figures, the views, the next steps and the
assessment from parts the library has just computed. Given the same values, validation makes an
equal model: the same fields set, the same JSON with and without unset fields, and nothing it
would have converted (an int where a float belongs) slips through unconverted.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from readiness import Assessment, assess, default_policy
from readiness.engine import RuleEngine, _QuietHost
from readiness.members import MemberAggregate
from readiness.models import Members, NextStep, View, trusted
from readiness.service import assess_plainly
from tests.test_differential import random_profile

POLICY = default_policy()


def made_both_ways(count: int) -> list[tuple[Assessment, Assessment]]:
    """The fast path's assessments beside the plain path's (which validates every model)."""
    rng = random.Random(12)
    engine = RuleEngine(POLICY, _QuietHost())
    pairs = []
    for number in range(count):
        profile = random_profile(rng, number)
        lang = ("sv", "en")[number % 2]
        pairs.append((assess(profile, lang), assess_plainly(profile, lang, POLICY, engine)))
    return pairs


PAIRS = made_both_ways(600)


def values(model: BaseModel) -> dict[str, Any]:
    return {name: getattr(model, name) for name in type(model).model_fields}


def same(fast: BaseModel, validated: BaseModel) -> None:
    assert type(fast) is type(validated)
    assert fast == validated
    assert fast.model_fields_set == validated.model_fields_set
    assert fast.model_dump() == validated.model_dump()
    assert fast.model_dump_json() == validated.model_dump_json()
    assert fast.model_dump_json(exclude_unset=True) == validated.model_dump_json(exclude_unset=True)


def every_model(assessment: Assessment) -> list[BaseModel]:
    return [
        assessment,
        assessment.members,
        *assessment.views.values(),
        *assessment.next_steps,
        *assessment.findings,
    ]


def test_the_fast_paths_models_have_every_field_set_as_the_validated_ones_do() -> None:
    with_views = 0
    for fast, plain in PAIRS:
        for made, validated in zip(every_model(fast), every_model(plain), strict=True):
            same(made, validated)
            assert made.model_fields_set == set(type(made).model_fields)
        with_views += bool(fast.views)

    assert with_views >= 50  # members' views are among them


@pytest.mark.parametrize("model", [Assessment, Members, View, NextStep])
def test_trusted_makes_what_validation_makes_from_the_same_values(model: type[BaseModel]) -> None:
    checked = 0
    for _, plain in PAIRS:
        for validated in every_model(plain):
            if type(validated) is model:
                same(trusted(model, values(validated)), model(**values(validated)))
                checked += 1

    assert checked >= 100


def test_a_members_aggregate_made_trusted_equals_a_validated_one() -> None:
    for medians in ({}, {"functional_level": 55.0, "competence": 10.0}):
        for respondents in (0, 2, 3, 12):
            given = {"respondents": respondents, "medians": dict(medians)}
            same(trusted(MemberAggregate, dict(given)), MemberAggregate(**given))


def test_a_trusted_model_stays_frozen_where_the_model_is() -> None:
    view = trusted(View, {"manager": 40.0, "members": 55.0})
    aggregate = trusted(MemberAggregate, {"respondents": 3, "medians": {}})

    with pytest.raises(ValidationError):
        view.manager = 10.0  # type: ignore[misc]
    with pytest.raises(ValidationError):
        aggregate.respondents = 4  # type: ignore[misc]
