"""One rule of the policy: when it applies (`when`) and what follows (`then`)."""

from __future__ import annotations

import string
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from readiness.conditions import FACTS, Comparison, parse_tests
from readiness.texts import Text
from readiness.vocabulary import CAVEATS, Mode, Owner, Severity, Stage, WithinDays

# Names a message may quote besides the facts, e.g. "{largest_gap_dimension}".
EXTRA_PLACEHOLDERS = frozenset({"largest_gap_dimension", "anonymity_threshold"})
_strict = ConfigDict(frozen=True, extra="forbid")


class FindingSpec(BaseModel):
    model_config = _strict

    severity: Severity
    message: Text


class StepSpec(BaseModel):
    """A next step as a plan entry: who does it, within how many days, and how to see it worked."""

    model_config = _strict

    id: str = Field(pattern=r"^[a-z][a-z0-9-]{2,60}$")
    title: Text
    detail: Text
    owner: Owner
    within_days: WithinDays
    check: Text


class Conclusion(BaseModel):
    """What follows when a rule's condition holds."""

    model_config = _strict

    mode_cap: Mode | None = None
    stage_cap: Stage | None = None
    # The rollout does not advance beyond where the team stands today (it may still step back).
    hold_stage: bool = False
    finding: FindingSpec | None = None
    next_steps: tuple[StepSpec, ...] = ()
    reassess_in_days: int | None = Field(default=None, ge=1, le=730)
    # Named recommendations ("goals: group"); two rules giving different values for the same
    # name on the same facts contradict each other, which `readiness rules check` reports.
    advice: dict[str, str] = {}

    @model_validator(mode="after")
    def _says_something(self) -> Conclusion:
        if not (
            self.mode_cap
            or self.stage_cap
            or self.hold_stage
            or self.finding
            or self.next_steps
            or self.reassess_in_days
        ):
            raise ValueError(
                "`then` concludes nothing: give a cap, a finding, next steps or a reassessment"
            )
        return self


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9-]{2,60}$")
    caveat: str
    title: Text
    when: tuple[Comparison, ...]
    then: Conclusion

    @field_validator("caveat")
    @classmethod
    def _known_caveat(cls, caveat: str) -> str:
        if caveat not in CAVEATS:
            raise ValueError(f"unknown caveat {caveat!r}; use C1 … C10")
        return caveat

    @field_validator("when", mode="before")
    @classmethod
    def _parse_when(cls, when: Any) -> tuple[Comparison, ...]:
        if isinstance(when, tuple) and all(isinstance(t, Comparison) for t in when):
            return when
        return tuple(parse_tests(when))

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if self.layer == "decision" and (
            self.then.mode_cap or self.then.stage_cap or self.then.hold_stage
        ):
            raise ValueError(
                "a rule that tests the decided mode or stage cannot cap them; move the cap to a "
                "rule on the profile"
            )
        for text in self.texts():
            for lang in ("sv", "en"):
                for name in _placeholders(text(lang)):
                    if name not in FACTS and name not in EXTRA_PLACEHOLDERS:
                        raise ValueError(
                            f"text quotes unknown name {{{name}}} ({lang}): {text(lang)!r}"
                        )
        return self

    @property
    def layer(self) -> str:
        """`decision` when the rule tests the decided mode or stage, else `profile`."""
        return (
            "decision" if any(FACTS[t.fact].layer == "decision" for t in self.when) else "profile"
        )

    def texts(self) -> list[Text]:
        found = [self.then.finding.message] if self.then.finding else []
        for step in self.then.next_steps:
            found += [step.title, step.detail, step.check]
        return found

    def describe_condition(self) -> str:
        return " and ".join(t.describe() for t in self.when)

    def as_data(self) -> dict[str, Any]:
        """Plain data (for the policy version hash, the API and listings)."""
        data = self.model_dump(mode="json", exclude={"when"})
        data["when"] = [{"fact": t.fact, "op": t.op, "value": t.value} for t in self.when]
        return data


def _placeholders(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name]
    except ValueError as error:
        raise ValueError(f"text has unbalanced braces: {text!r}") from error
