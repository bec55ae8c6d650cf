"""The policy in force as a reader sees it, with the scenarios that document each rule."""

from __future__ import annotations

from readiness.policy import Policy
from readiness.policy_view import PolicyView
from readiness.rules_listing import Coverage, policy_view
from readiness.vocabulary import Lang


def policy_listing(policy: Policy, lang: Lang, coverage: Coverage | None = None) -> PolicyView:
    """Every caveat and rule of `policy` in `lang`; `coverage` maps rule ids to their scenarios."""
    return policy_view(policy, lang, coverage)
