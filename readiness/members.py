"""The members' answers as they may be kept and shown: how many answered and their figures, never
one member's answers.

An aggregate is made once, from a survey round or from the answers a profile carries, and is all
that is stored; deciding again from it gives exactly the decision the answers gave. Its figures
are already as coarse as anything shown (whole 5-point steps, see `readiness.scoring.aggregate`),
and the count is shown only as `respondents_shown` says.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from readiness.vocabulary import DIMENSION_RANK, in_order

# Counts from this many respondents on are shown exactly; from the threshold up to it, as a range.
EXACT_COUNT_FROM = 5


class MemberAggregate(BaseModel):
    """Members' answers reduced to what the policy uses: the count and the figures."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    respondents: int = Field(ge=0, description="how many members answered (the true count)")
    medians: dict[str, float] = Field(
        default_factory=dict,
        description="the members' figure per dimension that at least the anonymity threshold "
        "answered: their lower median in whole 5-point steps within 10..90; empty below it",
    )

    @field_validator("medians")
    @classmethod
    def _in_questionnaire_order(cls, medians: dict[str, float]) -> dict[str, float]:
        """The dimensions in the questionnaire's order, whatever order they were read in.

        PostgreSQL's jsonb keeps an object's keys in an order of its own, and when two gaps are
        as large the text names the first: read back from a round or a stored profile, the same
        figures must decide and be worded as they were made. A dimension no longer asked for
        comes last.
        """
        return in_order(medians, DIMENSION_RANK)


def respondents_shown(respondents: int, threshold: int) -> str:
    """How many answered, as far as it may be shown: "<3" below the threshold (none included),
    "3–4" from the threshold up to 4, the exact count from 5 on."""
    if respondents < threshold:
        return f"<{threshold}"
    last = EXACT_COUNT_FROM - 1
    if respondents <= last:
        return f"{threshold}–{last}" if threshold < last else str(respondents)
    return str(respondents)


def respondents_counted(respondents: int, threshold: int) -> int:
    """The count as an output may carry it: exact from 5 on, the threshold for "3–4", 0 below."""
    if respondents < threshold:
        return 0
    return respondents if respondents >= EXACT_COUNT_FROM else threshold
