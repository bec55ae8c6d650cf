"""The policy loads from rules/, is versioned by hash, and a bad file stops with file and rule named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from readiness import PolicyError, load_policy
from readiness.policy import default_rules_dir

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(RULES, tmp_path / "rules"))


def edit_rule(directory: Path, file: str, rule_id: str, **changes: object) -> None:
    path = directory / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rule = next(r for r in data["rules"] if r["id"] == rule_id)
    rule.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_the_default_policy_has_a_rule_for_every_caveat() -> None:
    policy = load_policy()

    assert {rule.caveat for rule in policy.rules} == {f"C{n}" for n in range(1, 11)}
    assert policy.settings.anonymity_threshold == 3


def test_the_default_rules_directory_is_the_repositorys_rules_folder() -> None:
    assert default_rules_dir() == RULES


def test_the_version_is_stable_and_changes_with_any_rule(rules_copy: Path) -> None:
    before = load_policy(rules_copy).version

    edit_rule(
        rules_copy,
        "c01-funktionsniva.yaml",
        "functional-level-low",
        when={"functional_level": {"below": 35}},
    )

    assert load_policy(RULES).version == before
    assert load_policy(rules_copy).version != before


def test_the_version_changes_with_the_settings(rules_copy: Path) -> None:
    before = load_policy(rules_copy).version
    settings = rules_copy / "policy.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "anonymity_threshold: 3", "anonymity_threshold: 5"
        )
    )

    assert load_policy(rules_copy).version != before


def test_rules_fire_in_file_order_then_in_their_order_within_a_file() -> None:
    ids = [rule.id for rule in load_policy().rules]

    assert (
        ids.index("functional-level-low")
        < ids.index("functional-level-moderate")
        < ids.index("competence-low")
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"when": {"functional_level": {"under": 40}}}, "unknown operator 'under'"),
        ({"when": {"teamsize": 3}}, "unknown fact 'teamsize'"),
        ({"caveat": "C11"}, "unknown caveat 'C11'"),
        ({"then": {"mode_cap": "laissez_faire"}}, "then.mode_cap"),
        ({"then": {}}, "concludes nothing"),
        (
            {"then": {"finding": {"severity": "fatal", "message": {"sv": "x", "en": "x"}}}},
            "then.finding.severity",
        ),
        (
            {"then": {"finding": {"severity": "info", "message": {"sv": "{nonsense}", "en": "x"}}}},
            "unknown name {nonsense}",
        ),
        ({"title": {"sv": "bara svenska"}}, "title.en"),
        ({"when": {"mode": "coaching"}, "then": {"mode_cap": "structuring"}}, "cannot cap them"),
    ],
)
def test_a_bad_rule_stops_loading_naming_file_and_rule(
    rules_copy: Path, changes: dict, message: str
) -> None:  # type: ignore[type-arg]
    edit_rule(rules_copy, "c01-funktionsniva.yaml", "functional-level-low", **changes)

    with pytest.raises(PolicyError) as caught:
        load_policy(rules_copy)

    assert caught.value.file.endswith("c01-funktionsniva.yaml")
    assert caught.value.rule_id == "functional-level-low"
    assert message in str(caught.value)


def test_a_rule_id_used_twice_names_both_files(rules_copy: Path) -> None:
    edit_rule(rules_copy, "c10-kompetens.yaml", "competence-low", id="functional-level-low")

    with pytest.raises(PolicyError) as caught:
        load_policy(rules_copy)

    assert "c10-kompetens.yaml, rule functional-level-low: rule id also used in" in str(
        caught.value
    )
    assert "c01-funktionsniva.yaml" in str(caught.value)


def test_a_file_that_is_not_yaml_is_named_with_the_line(rules_copy: Path) -> None:
    (rules_copy / "c04-mal.yaml").write_text("rules:\n  - id: x\n   bad: [\n", encoding="utf-8")

    with pytest.raises(PolicyError) as caught:
        load_policy(rules_copy)

    assert caught.value.file.endswith("c04-mal.yaml")
    assert "not valid YAML" in str(caught.value)
    assert "line" in str(caught.value)


def test_a_rule_without_an_id_is_named_by_its_position(rules_copy: Path) -> None:
    (rules_copy / "c99-extra.yaml").write_text("rules:\n  - caveat: C1\n", encoding="utf-8")

    with pytest.raises(PolicyError) as caught:
        load_policy(rules_copy)

    assert caught.value.rule_id == "#1"


def test_settings_must_describe_every_mode(rules_copy: Path) -> None:
    settings = yaml.safe_load((rules_copy / "policy.yaml").read_text(encoding="utf-8"))
    del settings["modes"]["coaching"]
    (rules_copy / "policy.yaml").write_text(
        yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8"
    )

    with pytest.raises(PolicyError, match="modes must describe exactly"):
        load_policy(rules_copy)


def test_a_missing_rules_directory_is_named(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="policy settings file not found"):
        load_policy(tmp_path / "nowhere")
