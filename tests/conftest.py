"""Shared fixtures: profiles built from dimension scores, so tests speak in scores, not items."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from readiness.builder import answers_for

STRONG = {
    "functional_level": 85,
    "competence": 80,
    "interdependence": 75,
    "manager_readiness": 80,
    "org_support": 70,
    "phase_dependency": 20,
    "phase_conflict": 15,
    "phase_trust": 60,
    "phase_work": 80,
}
READY_CONTEXT = {"goal_type": "group", "rollout_plan": "stepwise", "current_stage": "pilot"}

ProfileFactory = Callable[..., dict[str, Any]]


def make_profile(scores: dict[str, float] | None = None, **context: Any) -> dict[str, Any]:
    """A profile of a strong, ready team, with the given scores and context changed."""
    return {
        "answers": answers_for({**STRONG, **(scores or {})}),
        "context": {**READY_CONTEXT, **context},
    }


@pytest.fixture
def profile() -> ProfileFactory:
    return make_profile
