"""Answers that produce chosen dimension scores: for examples, tests, scenarios and benchmarks.

    >>> from readiness.builder import answers_for, member_answers_for
    >>> answers = answers_for({"functional_level": 30}, default=75)
    >>> one_member = member_answers_for({"manager_readiness": 50})

`answers_for` answers the items the manager answers, `member_answers_for` one member's items.
A respondent who answers n items of a dimension can only express scores in steps of 100 / (4 n);
the score asked for is rounded to the nearest one those items can express (`expressible` says
which).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from readiness.questionnaire import Item, Respondent, load_questionnaire


def answers_for(scores: Mapping[str, float], default: float = 75.0) -> dict[str, int]:
    """The manager's answers, such that each dimension scores as close to `scores[d]` as it can."""
    return _answers(scores, default, "manager")


def member_answers_for(scores: Mapping[str, float], default: float = 75.0) -> dict[str, int]:
    """One member's answers to the items members answer, scoring as close to `scores` as they can.

    Dimensions the members do not answer (org_support) are left out, even when a score is given.
    """
    return _answers(scores, default, "members")


def expressible(dimension_id: str, score: float, respondent: Respondent = "manager") -> float:
    """The score closest to `score` that the respondent's items of the dimension can give.

    Rounded half up to one decimal, as scores are reported: 80 on three items gives 83.3.
    """
    items = load_questionnaire().by_id[dimension_id].items_of(respondent)
    if not items:
        raise ValueError(f"{dimension_id}: none of its items is answered by the {respondent}")
    steps = 4 * len(items)
    exact = round(score / 100 * steps) * 100 / steps  # multiply first: 11 * 100 / 20 is exactly 55
    return math.floor(exact * 10 + 0.5) / 10


def _answers(scores: Mapping[str, float], default: float, respondent: Respondent) -> dict[str, int]:
    source = load_questionnaire()
    unknown = set(scores) - set(source.by_id)
    if unknown:
        raise ValueError(f"unknown dimensions: {sorted(unknown)}")
    answers: dict[str, int] = {}
    for dimension in source.dimensions:
        items = dimension.items_of(respondent)
        if not items:
            continue  # e.g. org_support: the members do not answer it
        score = scores.get(dimension.id, default)
        if not 0 <= score <= 100:
            raise ValueError(f"{dimension.id}: score {score} is outside 0..100")
        answers.update(_item_answers(items, score))
    return answers


def _item_answers(items: tuple[Item, ...], score: float) -> dict[str, int]:
    count = len(items)
    total = round(score / 100 * 4 * count) + count  # sum of corrected answers, each 1..5
    base, extra = divmod(total, count)
    answers = {}
    for index, item in enumerate(items):
        corrected = base + (1 if index < extra else 0)
        answers[item.id] = 6 - corrected if item.reverse else corrected
    return answers
