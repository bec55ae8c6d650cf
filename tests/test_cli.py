"""The `readiness` command, run as a real subprocess: output, errors on stderr, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from readiness import default_policy
from readiness.questionnaire import load_questionnaire
from tests.conftest import make_profile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ready-team.json"


def readiness(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness_cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_assess_prints_the_assessment_as_json() -> None:
    done = readiness("assess", str(EXAMPLE))

    result = json.loads(done.stdout)
    assert done.returncode == 0
    assert (result["mode"], result["rollout_stage"]) == ("co_leadership", "expand")
    assert done.stderr == ""


def test_assess_reads_standard_input_and_speaks_english_when_asked() -> None:
    done = readiness(
        "assess", "-", "--lang", "en", stdin=json.dumps(make_profile({"functional_level": 20}))
    )

    result = json.loads(done.stdout)
    assert result["mode"] == "structuring"
    assert result["findings"][0]["message"].startswith(
        "The group's functional level is low (20 of 100)"
    )


def test_assess_as_text_is_a_readable_report() -> None:
    done = readiness("assess", str(EXAMPLE), "--format", "text")

    assert done.returncode == 0
    assert "Ledarskap nu: Tillitsbaserat medledarskap" in done.stdout
    assert "Rekommenderat steg: Bredda (i dag: pilot)" in done.stdout
    assert "Begränsas av: Stöd från organisationen 70" in done.stdout
    assert "  [ ] Vidga mandaten och röj undan hindren (C6)" in done.stdout
    assert "Ansvarig: Chefen och gruppen" in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) <= 80


def test_a_rejected_profile_exits_65_naming_each_problem_on_stderr() -> None:
    profile = make_profile()
    profile["answers"]["fl_safe_to_err"] = 7
    profile["context"]["goal_type"] = "team"

    done = readiness("assess", "-", stdin=json.dumps(profile))

    assert done.returncode == 65
    assert done.stdout == ""
    assert "answers.fl_safe_to_err: 7 is outside the scale" in done.stderr
    assert "context.goal_type:" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (
            ("assess", "no-such-file.json"),
            None,
            2,
            "cannot read no-such-file.json: No such file or directory",
        ),
        (("assess", "-"), "{not json", 65, "not valid JSON"),
        (("assess", "-"), "[]", 65, "a team profile is a JSON object"),
        (("assess", "-", "--lang", "de"), "{}", 2, "invalid choice: 'de'"),
        (("frobnicate",), None, 2, "invalid choice"),
    ],
)
def test_bad_input_exits_non_zero_with_a_message_and_no_traceback(
    args: tuple[str, ...], stdin: str | None, code: int, message: str
) -> None:
    done = readiness(*args, stdin=stdin)

    assert done.returncode == code
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_broken_policy_exits_78_naming_file_and_rule(tmp_path: Path) -> None:
    rules = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    path = rules / "c10-kompetens.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("{below: 40}", "{beneath: 40}"), encoding="utf-8"
    )

    done = readiness("--rules", str(rules), "assess", str(EXAMPLE))

    assert done.returncode == 78
    assert "c10-kompetens.yaml, rule competence-low" in done.stderr
    assert "unknown operator 'beneath'" in done.stderr


def test_questionnaire_prints_the_contract_shape_in_the_language_asked() -> None:
    done = readiness("questionnaire", "--lang", "en")

    data = json.loads(done.stdout)
    assert set(data) >= {"version", "scale", "dimensions", "items", "context_fields"}
    assert data["scale"]["min"] == 1
    assert data["scale"]["max"] == 5
    assert data["dimensions"][0]["title"] == "The group's functional level"


def test_the_template_lists_every_item_and_the_cautious_defaults_and_is_rejected_until_filled_in() -> (
    None
):
    template = json.loads(readiness("questionnaire", "--template").stdout)

    done = readiness("assess", "-", stdin=json.dumps(template))

    manager_items = [i.id for d in load_questionnaire().dimensions for i in d.items_of("manager")]
    assert list(template["answers"]) == manager_items
    assert set(template["answers"].values()) == {None}
    assert template["context"]["goal_type"] == "individual"
    assert done.returncode == 65
    assert "answers.functional_level: functional_level: 0 of 5 items answered" in done.stderr


def test_rules_lists_every_rule_with_its_caveat_and_condition() -> None:
    done = readiness("rules")

    assert "functional-level-low  [C1]" in done.stdout
    assert "when  functional_level < 40" in done.stdout
    assert "then  mode cap structuring, blocker finding" in done.stdout


def test_rules_as_json_carry_the_policy_version_and_every_rule() -> None:
    data = json.loads(readiness("rules", "--format", "json", "--lang", "en").stdout)

    assert [rule["id"] for rule in data["rules"]] == [r.id for r in default_policy().rules]
    assert data["rules"][0]["title"] == "Low functional level"


def test_rules_check_exits_0_for_the_default_policy_and_1_for_a_broken_one(tmp_path: Path) -> None:
    rules = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    path = rules / "c10-kompetens.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("{below: 40}", "{below: 0}"), encoding="utf-8"
    )

    clean, broken = readiness("rules", "check"), readiness("--rules", str(rules), "rules", "check")

    assert (clean.returncode, clean.stdout.splitlines()[-1]) == (0, "clean")
    assert broken.returncode == 1
    assert "never fires: competence-low" in broken.stdout


def test_schema_prints_the_json_schema_of_the_profile() -> None:
    schema = json.loads(readiness("schema", "profile").stdout)

    assert schema["title"] == "TeamProfile"
    assert schema["required"] == ["answers"]


def test_the_spreadsheet_template_has_a_header_and_a_row_of_statements_to_skip(
    tmp_path: Path,
) -> None:
    done = readiness("questionnaire", "--template", "csv", "--lang", "en")
    xlsx = tmp_path / "template.xlsx"
    written = readiness("questionnaire", "--template", "xlsx", "--output", str(xlsx))

    header, statements = done.stdout.removeprefix("\ufeff").splitlines()[:2]
    assert done.returncode == written.returncode == 0
    assert header.split(";")[:4] == ["team_id", "name", "unit", "respondent"]
    assert statements.startswith("#")
    assert "In the group it is safe to try new ways of working" in statements
    assert xlsx.read_bytes()[:2] == b"PK"


def test_organisations_and_units_are_made_and_listed_from_the_command_line(
    tmp_path: Path,
) -> None:
    database = f"sqlite:///{tmp_path / 'org.db'}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "readiness_cli", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "READINESS_DATABASE_URL": database},
            timeout=120,
        )

    made = run("org", "create", "Malmö", "--name", "Malmö stad")
    run("unit", "create", "vard", "--org", "malmö", "--name", "Vård", "--kind", "forvaltning")
    run("unit", "create", "ost", "--org", "malmö", "--name", "Öst", "--parent", "vard")
    twice = run("org", "create", "malmö", "--name", "Igen")
    listed = run("unit", "list", "--org", "malmö")

    assert made.stdout.strip() == "organisation malmö (Malmö stad)"
    assert twice.returncode == 1
    assert "already exists" in twice.stderr
    assert listed.stdout.splitlines() == ["vard\tVård (forvaltning)", "  ost\tÖst (enhet)"]
