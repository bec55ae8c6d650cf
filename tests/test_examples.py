"""The example profiles decide as the README says, and their committed outputs are current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness import assess

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PROFILES = sorted(p for p in EXAMPLES.glob("*.json") if not p.name.endswith(".out.json"))


def load(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_the_committed_output_is_what_the_engine_says_today(path: Path) -> None:
    expected = load(path.with_suffix(".out.json"))

    assert assess(load(path)).model_dump(mode="json") == expected, (
        f"refresh with: readiness assess {path.relative_to(EXAMPLES.parent)} > {path.with_suffix('.out.json').name}"
    )


@pytest.mark.parametrize(
    ("name", "mode", "stage", "rules"),
    [
        (
            "ready-team",
            "co_leadership",
            "expand",
            {"widen-mandates", "follow-up-through-learning", "adjust-roles"},
        ),
        (
            "team-in-conflict",
            "structuring",
            "prepare",
            {"functional-level-low", "phase-conflict", "group-not-heard", "not-now"},
        ),
        (
            "new-team-after-reorganization",
            "coaching",
            "pilot",
            {"phase-slide-back", "newcomers-first"},
        ),
        (
            "manager-not-ready",
            "coaching",
            "pilot",
            {"manager-not-ready", "manager-seen-differently", "big-launch"},
        ),
        (
            "team-with-member-voices",
            "coaching",
            "pilot",
            {"perception-gap", "functional-level-moderate"},
        ),
    ],
)
def test_each_example_decides_as_the_readme_says(
    name: str, mode: str, stage: str, rules: set[str]
) -> None:
    result = assess(load(EXAMPLES / f"{name}.json"))

    assert (result.mode, result.rollout_stage) == (mode, stage)
    assert rules <= set(result.fired_rules)
