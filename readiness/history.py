"""What changed between two assessments of the same team: for a team's history, in any form."""

from __future__ import annotations

from pydantic import BaseModel, Field

from readiness.models import Assessment
from readiness.vocabulary import Mode, Stage


class Changes(BaseModel):
    """The difference from the previous assessment to this one (deltas are current − previous)."""

    mode_from: Mode
    mode_to: Mode
    stage_from: Stage
    stage_to: Stage
    phase_from: int
    phase_to: int
    readiness_delta: int
    dimensions: dict[str, float] = Field(
        description="score change per dimension, in points on the 0–100 scale"
    )
    findings_added: list[str] = Field(description="rule ids of findings that are new")
    findings_resolved: list[str] = Field(description="rule ids of findings that are gone")
    policy_changed: bool = Field(description="the two were decided under different policies")

    @property
    def mode_changed(self) -> bool:
        return self.mode_from != self.mode_to

    @property
    def stage_changed(self) -> bool:
        return self.stage_from != self.stage_to


def changes(previous: Assessment, current: Assessment) -> Changes:
    """What changed from `previous` to `current`, in the order the current assessment lists things."""
    before = [f.rule for f in previous.findings]
    now = [f.rule for f in current.findings]
    return Changes(
        mode_from=previous.mode,
        mode_to=current.mode,
        stage_from=previous.rollout_stage,
        stage_to=current.rollout_stage,
        phase_from=previous.phase,
        phase_to=current.phase,
        readiness_delta=current.readiness - previous.readiness,
        dimensions={
            dimension: round(score - previous.dimensions[dimension], 1)
            for dimension, score in current.dimensions.items()
            if dimension in previous.dimensions
        },
        findings_added=[rule for rule in now if rule not in before],
        findings_resolved=[rule for rule in before if rule not in now],
        policy_changed=previous.policy_version != current.policy_version,
    )
