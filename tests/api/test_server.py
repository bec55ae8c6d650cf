"""`readiness serve` and `readiness db upgrade` as the CLI runs them."""

import json
import shutil
from pathlib import Path

import httpx
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from api.server import EXIT_CONFIG, serve
from api.settings import Settings
from api.storage.migrate import alembic_config
from readiness.policy import default_rules_dir
from readiness_cli.main import main
from tests.conftest import make_profile
from tests.support.accounts import admin_headers
from tests.support.live_server import live_server, stop
from tests.support.ports import free_port


def test_serve_refuses_a_broken_policy_naming_the_file_and_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    broken = rules / "c01-funktionsniva.yaml"
    broken.write_text(broken.read_text().replace("below: 40", "beneath: 40", 1))
    settings = Settings(rules_dir=rules, database_url=f"sqlite:///{tmp_path / 'never.db'}", port=1)

    code = serve(settings)

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
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    assert head >= "0004"  # sign-in and survey rounds
    assert f"schema revision {head}" in capsys.readouterr().out
    assert "assessments" in inspect(create_engine(url)).get_table_names()


def test_db_upgrade_never_prints_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("api.storage.migrate.upgrade_engine", lambda engine: "0001")

    main(["db", "upgrade", "--url", "postgresql+psycopg://reader:s3cret@db.example/readiness"])

    assert "s3cret" not in capsys.readouterr().out


def test_serve_refuses_a_database_url_that_is_not_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = serve(Settings(database_url="readiness.db", port=1))

    assert code == EXIT_CONFIG
    assert "'readiness.db' is not a database URL" in capsys.readouterr().err


def test_db_upgrade_says_which_database_does_not_answer_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    port = free_port()  # nothing listens there

    code = main(["db", "upgrade", "--url", f"postgresql://reader:s3cret@127.0.0.1:{port}/r"])

    error = capsys.readouterr().err
    assert code == 1
    assert f"cannot use the database postgresql://reader:***@127.0.0.1:{port}/r" in error
    assert "Connection refused" in error
    assert "Traceback" not in error
    assert "s3cret" not in error


def test_a_server_logs_one_json_line_per_request_in_every_worker_and_never_an_answer(
    tmp_path: Path,
) -> None:
    profile = {"team_id": "hemlig-grupp", **make_profile()}
    secret_answer = next(iter(profile["answers"]))
    with live_server(
        f"sqlite:///{tmp_path / 'logs.db'}",
        env={"READINESS_LOG_FORMAT": "json"},
        workers=2,
        log_dir=tmp_path,
    ) as server:
        admin = admin_headers(f"sqlite:///{tmp_path / 'logs.db'}")
        for _ in range(6):
            created = httpx.post(
                f"{server.url}/api/v1/assessments?lang=en", json=profile, headers=admin
            )
            assert created.status_code == 201
        stop(server)
        output = server.output()

    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("logger") == "readiness.request"]
    posts = [line for line in requests if line["method"] == "POST"]
    assert len(posts) == 6
    assert {line["path"] for line in posts} == {"/api/v1/assessments"}
    assert all(line["status"] == 201 and line["duration_ms"] >= 0 for line in posts)
    assert secret_answer not in output
    assert "hemlig-grupp" not in output
    assert "lang=en" not in output
