"""Answers that produce chosen dimension scores: for examples, tests, scenarios and benchmarks.

    >>> from readiness.builder import answers_for
    >>> answers = answers_for({"functional_level": 30}, default=75)

A dimension of n items can only express scores in steps of 100 / (4 n); the score asked for is
rounded to the nearest one it can express (`expressible` says which).
"""

from __future__ import annotations

from collections.abc import Mapping

from readiness.questionnaire import Dimension, load_questionnaire


def answers_for(scores: Mapping[str, float], default: float = 75.0) -> dict[str, int]:
    """Answers to every item such that each dimension scores as close to `scores[d]` as it can."""
    source = load_questionnaire()
    unknown = set(scores) - set(source.by_id)
    if unknown:
        raise ValueError(f"unknown dimensions: {sorted(unknown)}")
    answers: dict[str, int] = {}
    for dimension in source.dimensions:
        answers.update(_dimension_answers(dimension, scores.get(dimension.id, default)))
    return answers


def expressible(dimension_id: str, score: float) -> float:
    """The score closest to `score` that the dimension's items can give."""
    dimension = load_questionnaire().by_id[dimension_id]
    steps = 4 * len(dimension.items)
    return round(score / 100 * steps) * 100 / steps  # multiply first: 11 * 100 / 20 is exactly 55


def _dimension_answers(dimension: Dimension, score: float) -> dict[str, int]:
    if not 0 <= score <= 100:
        raise ValueError(f"{dimension.id}: score {score} is outside 0..100")
    count = len(dimension.items)
    total = round(score / 100 * 4 * count) + count  # sum of corrected answers, each 1..5
    base, extra = divmod(total, count)
    answers = {}
    for index, item in enumerate(dimension.items):
        corrected = base + (1 if index < extra else 0)
        answers[item.id] = 6 - corrected if item.reverse else corrected
    return answers
