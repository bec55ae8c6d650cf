"""Assess a team profile: validate, score, let the engine decide, and say it in the reader's language."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import ValidationError

from readiness.engine import RuleEngine, engine_for
from readiness.errors import Problem, ProfileError
from readiness.members import MemberAggregate
from readiness.models import Assessment, TeamProfile
from readiness.policy import Policy, load_policy
from readiness.questionnaire import load_questionnaire
from readiness.scoring import score
from readiness.vocabulary import LANGS, Lang
from readiness.wording import plain, wording_for


@cache
def default_policy() -> Policy:
    """The policy in the default rules directory, loaded once per process."""
    return load_policy()


def parse_profile(profile: TeamProfile | Mapping[str, Any]) -> TeamProfile:
    """A valid TeamProfile from a model or plain data, or ProfileError naming every problem."""
    if isinstance(profile, TeamProfile):
        return profile
    if not isinstance(profile, Mapping):
        raise ProfileError([Problem((), "a team profile is a JSON object", "not_an_object")])
    try:
        return TeamProfile.model_validate(profile)
    except ValidationError as error:
        raise ProfileError(
            [Problem(tuple(e["loc"]), e["msg"], e["type"]) for e in error.errors(include_url=False)]
        ) from error


def parse_profile_json(text: str | bytes) -> TeamProfile:
    """Like parse_profile, from JSON text; bad JSON is a ProfileError with its line and column."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProfileError(
            [
                Problem(
                    (),
                    f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
                    "json_invalid",
                )
            ]
        ) from error
    return parse_profile(data)


def assess(
    profile: TeamProfile | Mapping[str, Any],
    lang: Lang = "sv",
    *,
    policy: Policy | None = None,
    members: MemberAggregate | None = None,
) -> Assessment:
    """Decide whether the team is ready for trust-based co-leadership now, and what to do next.

    `profile` is a TeamProfile or plain data of the same shape. The members' voice comes from the
    answers it carries, or from `members`, their aggregate (a survey round's, or a stored one's),
    which decides exactly as the answers it was made from. Raises ProfileError when the profile
    is invalid. Deterministic: the same profile and policy always give the same assessment.

    The engine's decision is cached by band, and the words of each outcome are built once per
    language (readiness.wording): after validation and scoring, little is left to do per call.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use 'sv' or 'en'")
    valid = parse_profile(profile)
    policy = policy or default_policy()
    source = load_questionnaire()
    scored = score(valid, source, policy.settings.anonymity_threshold, members)
    outcome = engine_for(policy).evaluate(scored.facts)
    return wording_for(policy, lang).assessment(valid, scored, outcome, source)


def assess_plainly(
    profile: TeamProfile | Mapping[str, Any],
    lang: Lang,
    policy: Policy,
    engine: RuleEngine,
    *,
    members: MemberAggregate | None = None,
) -> Assessment:
    """`assess` with no cache anywhere: the engine runs and every text is built anew.

    The reference the fast path is held to (tests/test_differential.py), and the cold floor of
    the benchmarks. `engine` is any engine of `policy`, e.g. a fresh `RuleEngine`.
    """
    valid = parse_profile(profile)
    source = load_questionnaire()
    scored = score(valid, source, policy.settings.anonymity_threshold, members)
    outcome = engine.evaluate(scored.facts, cached=False)
    return plain(valid, scored, outcome, policy, source, lang)
