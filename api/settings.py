"""Every environment variable the service and the CLI read, in one validated object.

Built by `load_settings()` when the app or the command starts, never at import time. A value
that cannot be used stops the start with `SettingsError` naming the variable and what is allowed.
The anonymity threshold is not here on purpose: it belongs to the policy in `rules/`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from readiness import ReadinessError

ENV_PREFIX = "READINESS_"
DEFAULT_DATABASE_URL = "sqlite:///./readiness.db"
DEFAULT_MAX_BODY_BYTES = 1_000_000

LogFormat = Literal["text", "json"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]


class SettingsError(ReadinessError):
    """An environment variable holds a value the service cannot use."""


class Settings(BaseSettings):
    """Where the service listens, what it stores in, which policy decides, how much it accepts."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, frozen=True, extra="ignore", validate_default=True
    )

    database_url: str = Field(
        DEFAULT_DATABASE_URL,
        min_length=1,
        description="where assessments are stored: sqlite:///FILE or postgresql+psycopg://…",
    )
    rules_dir: Path | None = Field(
        None, description="the policy in force (default: the bundled rules/)"
    )
    coverage_file: Path | None = Field(
        None,
        description="which BDD scenarios cover which rule (default: the copy packaged with the service)",
    )
    host: str = Field("127.0.0.1", min_length=1, description="where `readiness serve` listens")
    port: int = Field(8000, ge=1, le=65535, description="the port `readiness serve` listens on")
    workers: int = Field(1, ge=1, le=64, description="worker processes of `readiness serve`")
    # A full profile with a thousand members is far below the default; anything larger is a mistake.
    max_body_bytes: int = Field(
        DEFAULT_MAX_BODY_BYTES,
        ge=1_024,
        le=100_000_000,
        description="the largest request body accepted (413 above it)",
    )
    max_batch_bytes: int = Field(
        50_000_000,
        ge=1_024,
        le=2_000_000_000,
        description="the largest file POST /api/v1/batches accepts (413 above it)",
    )
    # Hostile or broken JSON is refused before any per-key work (api/json_body.py); a team
    # profile nests 3 deep and its numbers are 1 to 5.
    max_json_depth: int = Field(
        32,
        ge=4,
        le=200,
        description="how deep arrays and objects in a JSON body may nest (422 json_too_deep)",
    )
    max_json_digits: int = Field(
        20,
        ge=8,
        le=4_300,
        description="the most digits a number in a JSON body may have (422 json_number_too_long)",
    )
    max_json_string: int = Field(
        1_000,
        ge=64,
        le=1_000_000,
        description="the most characters a string or key in a JSON body may have "
        "(422 json_string_too_long)",
    )
    max_problems: int = Field(
        50,
        ge=1,
        le=10_000,
        description="the most problems a 422 lists; one last entry says how many more there are",
    )
    log_format: LogFormat = Field("text", description="text for people, json for log collectors")
    log_level: LogLevel = Field("INFO", description="the least severe level logged")
    # Sign-in (api/auth). Without a key, one is made at the first start and kept in the database,
    # so every worker and every restart signs the same way.
    secret_key: SecretStr | None = Field(
        None,
        min_length=32,
        description="the key that signs session cookies (at least 32 characters; default: one "
        "made at the first start and kept in the database); changing it signs everyone out",
    )
    cookie_secure: bool = Field(
        True,
        description="send the session cookie over HTTPS only (browsers also accept it from "
        "http://localhost and http://127.0.0.1); turn off only to serve plain HTTP on a network",
    )
    session_hours: int = Field(
        12, ge=1, le=24 * 30, description="how long a sign-in lasts before signing in again"
    )
    sign_in_max_failures: int = Field(
        5,
        ge=1,
        le=1_000,
        description="failed sign-ins allowed per email in 15 minutes (and four times as many per "
        "client address) before further attempts are refused with 429",
    )
    retention_months: int | None = Field(
        None,
        ge=1,
        le=1_200,
        description="delete stored assessments and closed survey rounds older than this many "
        "months (default: keep them until deleted by hand)",
    )


SECRET_FIELDS = {("secret_key",)}  # never repeated in an error message

PACKAGED_COVERAGE = Path(__file__).resolve().parent / "_data" / "coverage.json"
CHECKOUT_COVERAGE = Path(__file__).resolve().parent.parent / "features" / "coverage.json"


def coverage_path(settings: Settings) -> Path | None:
    """Where the record of scenarios per rule is: as configured, packaged, or in the checkout."""
    if settings.coverage_file is not None:
        return settings.coverage_file
    for candidate in (PACKAGED_COVERAGE, CHECKOUT_COVERAGE):
        if candidate.is_file():
            return candidate
    return None


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment, then `overrides` (the CLI's flags; None means not given).

    Raises SettingsError naming every variable whose value cannot be used.
    """
    try:
        return Settings(**{key: value for key, value in overrides.items() if value is not None})
    except ValidationError as error:
        raise SettingsError(_describe(error)) from None


def _describe(error: ValidationError) -> str:
    problems = []
    for problem in error.errors(include_url=False):
        name = ENV_PREFIX + "_".join(str(part) for part in problem["loc"]).upper()
        given = problem.get("input")
        secret = problem["loc"][:1] in SECRET_FIELDS
        shown = f" (got {given!r})" if isinstance(given, str | int | float) and not secret else ""
        problems.append(f"{name}: {problem['msg']}{shown}")
    return "settings cannot be used: " + "; ".join(problems)
