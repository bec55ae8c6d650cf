"""Every environment variable in one settings object, checked when the service starts."""

import os
from pathlib import Path

import pytest

from api.settings import (
    CHECKOUT_COVERAGE,
    DEFAULT_DATABASE_URL,
    Settings,
    SettingsError,
    coverage_path,
    load_settings,
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("READINESS_")]:
        monkeypatch.delenv(name)


def test_without_environment_the_database_is_a_sqlite_file_in_the_working_directory() -> None:
    settings = load_settings()

    assert settings.database_url == DEFAULT_DATABASE_URL == "sqlite:///./readiness.db"
    assert settings.rules_dir is None
    assert (settings.host, settings.port, settings.workers) == ("127.0.0.1", 8000, 1)
    assert (settings.log_format, settings.log_level) == ("text", "INFO")


def test_the_environment_chooses_database_rules_body_limit_and_logging(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("READINESS_DATABASE_URL", "postgresql+psycopg://u@db/readiness")
    monkeypatch.setenv("READINESS_RULES_DIR", "/srv/rules")
    monkeypatch.setenv("READINESS_MAX_BODY_BYTES", "2048")
    monkeypatch.setenv("READINESS_LOG_FORMAT", "json")
    monkeypatch.setenv("READINESS_PORT", "9001")

    settings = load_settings()

    assert settings.database_url == "postgresql+psycopg://u@db/readiness"
    assert settings.rules_dir == Path("/srv/rules")
    assert settings.max_body_bytes == 2048
    assert settings.log_format == "json"
    assert settings.port == 9001


def test_a_flag_given_on_the_command_line_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("READINESS_PORT", "9001")

    assert load_settings(port=9002).port == 9002
    assert load_settings(port=None).port == 9001


def test_every_unusable_value_is_named_with_what_was_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("READINESS_PORT", "eighty")
    monkeypatch.setenv("READINESS_LOG_FORMAT", "xml")
    monkeypatch.setenv("READINESS_MAX_BODY_BYTES", "10")

    with pytest.raises(SettingsError) as raised:
        load_settings()

    message = str(raised.value)
    assert "READINESS_PORT: Input should be a valid integer" in message
    assert "(got 'eighty')" in message
    assert "READINESS_LOG_FORMAT: Input should be 'text' or 'json' (got 'xml')" in message
    assert "READINESS_MAX_BODY_BYTES" in message


def test_the_coverage_record_is_the_configured_one_else_the_checkouts(tmp_path: Path) -> None:
    record = tmp_path / "coverage.json"

    assert coverage_path(Settings(coverage_file=record)) == record
    assert coverage_path(Settings()) == CHECKOUT_COVERAGE


def test_an_installed_service_reads_the_coverage_packaged_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "coverage.json"
    packaged.write_text("{}")
    monkeypatch.setattr("api.settings.PACKAGED_COVERAGE", packaged)

    assert coverage_path(Settings()) == packaged
