"""The policy as a reader sees it, in one language: what `readiness rules`, GET /policy and the
policy page show (built by readiness.rules_listing)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from readiness.vocabulary import Owner


class TextView(BaseModel):
    id: str
    title: str
    description: str


class FindingView(BaseModel):
    severity: str
    message: str


class StepView(BaseModel):
    id: str
    title: str
    detail: str
    owner: Owner
    within_days: int
    check: str


class ConditionView(BaseModel):
    fact: str
    op: str
    value: Any


class OutcomeView(BaseModel):
    mode_cap: str | None
    stage_cap: str | None
    hold_stage: bool = Field(description="the rollout does not advance beyond today's stage")
    finding: FindingView | None
    next_steps: list[StepView]
    reassess_in_days: int | None
    advice: dict[str, str]


class RuleView(BaseModel):
    id: str
    caveat: str
    title: str
    file: str
    layer: str
    condition: str
    when: list[ConditionView]
    then: OutcomeView
    scenarios: list[str] = Field(description="BDD scenarios that exercise the rule")


class PolicyView(BaseModel):
    """The policy in force, in one language: every rule and caveat, and its version."""

    policy_version: str
    name: str
    anonymity_threshold: int
    default_reassess_in_days: int
    modes: list[TextView]
    stages: list[TextView]
    caveats: list[TextView]
    rules: list[RuleView]
