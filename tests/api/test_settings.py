from pathlib import Path

from api.settings import DEFAULT_DATABASE_URL, get_settings


def test_without_environment_the_database_is_a_sqlite_file_in_the_working_directory() -> None:
    settings = get_settings({})

    assert settings.database_url == DEFAULT_DATABASE_URL == "sqlite:///./readiness.db"
    assert settings.rules_dir is None


def test_the_environment_chooses_database_rules_and_body_limit() -> None:
    environ = {
        "READINESS_DATABASE_URL": "postgresql+psycopg://u@db/readiness",
        "READINESS_RULES_DIR": "/srv/rules",
        "READINESS_MAX_BODY_BYTES": "2048",
    }

    settings = get_settings(environ)

    assert settings.database_url == "postgresql+psycopg://u@db/readiness"
    assert settings.rules_dir == Path("/srv/rules")
    assert settings.max_body_bytes == 2048
