"""Assess a team profile: validate, score, let the engine decide, and say it in the reader's language."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from pydantic import ValidationError

from readiness.engine import Outcome, engine_for
from readiness.errors import Problem, ProfileError
from readiness.members import MemberAggregate
from readiness.models import Assessment, Finding, NextStep, TeamProfile
from readiness.policy import Policy, load_policy
from readiness.questionnaire import QuestionnaireSource, load_questionnaire
from readiness.rule import Rule
from readiness.scoring import MANAGER_DIMENSION, Scored, score
from readiness.vocabulary import LANGS, Lang

_STAGE_WORD = {"sv": "Rekommenderat steg", "en": "Recommended stage"}


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
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use 'sv' or 'en'")
    valid = parse_profile(profile)
    policy = policy or default_policy()
    source = load_questionnaire()
    scored = score(valid, source, policy.settings.anonymity_threshold, members)
    outcome = engine_for(policy).evaluate(scored.facts)
    return _assessment(valid, scored, outcome, policy, source, lang)


def _assessment(
    profile: TeamProfile,
    scored: Scored,
    outcome: Outcome,
    policy: Policy,
    source: QuestionnaireSource,
    lang: Lang,
) -> Assessment:
    fired = [policy.by_id[rule_id] for rule_id in outcome.fired]
    quotes = _Quotes(scored, source, lang)
    mode, stage = policy.settings.modes[outcome.mode], policy.settings.stages[outcome.rollout_stage]
    return Assessment(
        team_id=profile.team_id,
        mode=outcome.mode,
        rollout_stage=outcome.rollout_stage,
        current_stage=profile.context.current_stage,
        phase=scored.phase,
        phase_reason=scored.phase_reason,
        readiness=scored.readiness,
        limiting=scored.limiting,
        dimensions=scored.dimensions,
        views=scored.views,
        findings=[_finding(rule, quotes, lang) for rule in fired if rule.then.finding],
        next_steps=_plan(fired, scored.limiting, policy, quotes, lang),
        fired_rules=list(outcome.fired),
        reassess_in_days=min(
            (r.then.reassess_in_days for r in fired if r.then.reassess_in_days),
            default=policy.settings.default_reassess_in_days,
        ),
        policy_version=policy.version,
        questionnaire_version=source.version,
        members=scored.members,
        lang=lang,
        summary=(
            f"{mode.title(lang)}: {mode.description(lang)} "
            f"{_STAGE_WORD[lang]}: {stage.title(lang)} – {stage.description(lang)}"
        ),
    )


class _Quotes(dict[str, str]):
    """What a rule's text may quote, written out only when a text asks: 38.5 as "38.5", 40.0 as "40"."""

    def __init__(self, scored: Scored, source: QuestionnaireSource, lang: Lang) -> None:
        super().__init__()
        self._scored, self._source, self._lang = scored, source, lang

    def __missing__(self, name: str) -> str:
        members = self._scored.members
        if name == "anonymity_threshold":
            value = str(members.threshold)
        elif name == "largest_gap_dimension":
            group = [d for d in members.gaps if d != MANAGER_DIMENSION]  # the C5 gap is apart
            largest = max(group, key=lambda d: abs(members.gaps[d]), default=None)
            value = self._source.by_id[largest].title(self._lang).lower() if largest else ""
        elif self._scored.facts.get(name) is not None:
            value = number(self._scored.facts[name], self._lang)
        else:
            value = "–"  # a fact that was not given, e.g. the team size
        self[name] = value
        return value


def number(value: Any, lang: Lang) -> str:
    """A figure as a text quotes it: 38.5 as "38,5" in Swedish and "38.5" in English, 40.0 as "40"."""
    if isinstance(value, float):
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if lang == "sv" else text
    return str(value)


def _finding(rule: Rule, quotes: Mapping[str, str], lang: Lang) -> Finding:
    assert rule.then.finding is not None
    finding = rule.then.finding
    return Finding(
        rule=rule.id,
        caveat=rule.caveat,
        severity=finding.severity,
        title=rule.title(lang),
        message=finding.message(lang).format_map(quotes),
    )


def _plan(
    fired: Sequence[Rule],
    limiting: Sequence[str],
    policy: Policy,
    quotes: Mapping[str, str],
    lang: Lang,
) -> list[NextStep]:
    """The next steps as a plan, in the order to take them:

    the blockers' steps first, then the steps about the limiting condition, then by caveat in the
    policy's `step_order` (C5 before C4, C7 last), then in the order the rules fired.
    """
    order = policy.settings.step_order

    def rank(position: int) -> tuple[int, int, int, int]:
        rule = fired[position]
        blocker = rule.then.finding is not None and rule.then.finding.severity == "blocker"
        about_limit = any(test.fact in limiting for test in rule.when)
        return (not blocker, not about_limit, order.index(rule.caveat), position)

    ranked = sorted((p for p, rule in enumerate(fired) if rule.then.next_steps), key=rank)
    entries = [(fired[p], step) for p in ranked for step in fired[p].then.next_steps]
    return [
        NextStep(
            id=step.id,
            rule=rule.id,
            caveat=rule.caveat,
            title=step.title(lang).format_map(quotes),
            detail=step.detail(lang).format_map(quotes),
            priority=priority,
            owner=step.owner,
            within_days=step.within_days,
            check=step.check(lang).format_map(quotes),
        )
        for priority, (rule, step) in enumerate(entries, start=1)
    ]
