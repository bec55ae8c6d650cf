"""`readiness serve` and `readiness db upgrade` as the CLI runs them."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from api.server import EXIT_CONFIG, serve
from readiness.cli import main
from readiness.policy import default_rules_dir


def test_serve_refuses_a_broken_policy_naming_the_file_and_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    broken = rules / "c01-funktionsniva.yaml"
    broken.write_text(broken.read_text().replace("below: 40", "beneath: 40", 1))
    monkeypatch.setenv("READINESS_RULES_DIR", str(rules))
    monkeypatch.setenv("READINESS_DATABASE_URL", f"sqlite:///{tmp_path / 'never.db'}")

    code = serve(port=1)

    assert code == EXIT_CONFIG == 78
    error = capsys.readouterr().err
    assert "c01-funktionsniva.yaml" in error
    assert "functional-level-low" in error
    assert not (tmp_path / "never.db").exists()


def test_db_upgrade_creates_the_schema_and_says_the_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"

    code = main(["db", "upgrade", "--url", url])

    assert code == 0
    assert "schema revision 0001" in capsys.readouterr().out
    assert "assessments" in inspect(create_engine(url)).get_table_names()


def test_db_upgrade_never_prints_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("api.storage.migrate.upgrade_engine", lambda engine: "0001")

    main(["db", "upgrade", "--url", "postgresql+psycopg://reader:s3cret@db.example/readiness"])

    assert "s3cret" not in capsys.readouterr().out
