"""The members' answers as they may be kept: how many answered and their medians, never one
member's answers.

An aggregate is made once, from a survey round or from the answers a profile carries, and is all
that is stored; deciding again from it gives exactly the decision the answers gave.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class MemberAggregate(BaseModel):
    """Members' answers reduced to what the policy uses: the count and the medians."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    respondents: int = Field(ge=0, description="how many members answered")
    medians: dict[str, float] = Field(
        default_factory=dict,
        description="the members' median per dimension that at least the anonymity threshold "
        "answered; empty below it",
    )
