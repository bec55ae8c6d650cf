"""The feature files as written: read straight from the Gherkin, duplicates and all.

pytest-bdd keeps scenarios by name, so a repeated name would silently hide a scenario; reading the
files here lets the suite count every scenario and example and check how the features are written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pytest_bdd.gherkin_parser import Feature, Scenario, get_gherkin_document

FEATURES_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class FeatureFile:
    path: Path
    feature: Feature

    @property
    def tags(self) -> set[str]:
        return {tag.name.lstrip("@") for tag in self.feature.tags}

    def scenarios(self) -> Iterator[Scenario]:
        """Every scenario and scenario outline, inside a Rule or not."""
        for child in self.feature.children:
            if child.scenario:
                yield child.scenario
            for grandchild in child.rule.children if child.rule else []:
                if grandchild.scenario:
                    yield grandchild.scenario

    def runs(self) -> int:
        """How many tests the file gives: one per scenario, one per example of an outline."""
        return sum(
            sum(len(table.table_body or []) for table in s.examples) if s.examples else 1
            for s in self.scenarios()
        )


@cache
def feature_files() -> tuple[FeatureFile, ...]:
    """Every feature file under features/, in path order."""
    return tuple(
        FeatureFile(path, get_gherkin_document(str(path)).feature)
        for path in sorted(FEATURES_DIR.rglob("*.feature"))
    )


def expected_runs() -> int:
    """The number of scenario tests a run of the whole features suite executes."""
    return sum(f.runs() for f in feature_files())
