"""The mode is the lowest cap; the stage moves one step at most and never past the mode's limit."""

from __future__ import annotations

import pytest

from readiness.decision import decide_mode, decide_stage


def test_without_caps_the_mode_is_co_leadership() -> None:
    assert decide_mode([]) == "co_leadership"


def test_the_lowest_cap_wins_whatever_the_order() -> None:
    assert decide_mode(["coaching", "structuring", "coaching"]) == "structuring"
    assert decide_mode(["coaching", "co_leadership"]) == "coaching"


@pytest.mark.parametrize(
    ("mode", "current", "caps", "stage"),
    [
        ("co_leadership", "none", [], "pilot"),  # one step from prepare
        ("co_leadership", "pilot", [], "expand"),
        ("co_leadership", "expand", [], "sustain"),
        ("co_leadership", "sustain", [], "sustain"),
        ("coaching", "none", [], "pilot"),
        ("coaching", "expand", [], "pilot"),  # steps back to what coaching allows
        ("structuring", "sustain", [], "prepare"),
        ("co_leadership", "expand", ["pilot"], "pilot"),  # a big launch never gets past pilot
        ("co_leadership", "none", ["pilot"], "pilot"),
    ],
)
def test_the_stage(mode: str, current: str, caps: list[str], stage: str) -> None:
    assert decide_stage(mode, current, caps) == stage  # type: ignore[arg-type]
