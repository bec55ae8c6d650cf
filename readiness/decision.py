"""How caps become a decision (docs/contract.md §5.2): the mode is the lowest cap; the stage moves at most
one step beyond where the team stands, never beyond what the mode or any stage cap allows."""

from __future__ import annotations

from collections.abc import Iterable

from readiness.vocabulary import (
    MODE_MAX_STAGE,
    MODES,
    STAGES,
    CurrentStage,
    Mode,
    Stage,
    stage_of_current,
)


def decide_mode(caps: Iterable[Mode]) -> Mode:
    """The lowest cap, or full co-leadership when no rule caps the mode."""
    return min(caps, key=MODES.index, default="co_leadership")


def decide_stage(
    mode: Mode, current: CurrentStage, caps: Iterable[Stage], *, hold: bool = False
) -> Stage:
    """One step beyond the current stage at most (none when held); it may also step back."""
    here = STAGES.index(stage_of_current(current))
    furthest = STAGES[here if hold else min(here + 1, len(STAGES) - 1)]
    return min((furthest, MODE_MAX_STAGE[mode], *caps), key=STAGES.index)
