"""The service's settings, read from the environment when the app is made, never at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///./readiness.db"
DEFAULT_MAX_BODY_BYTES = 1_000_000


@dataclass(frozen=True)
class Settings:
    """Where the data lives, which policy decides, and how much a request may carry.

    The anonymity threshold is not here on purpose: it belongs to the policy in `rules/`.
    """

    database_url: str = DEFAULT_DATABASE_URL
    rules_dir: Path | None = None  # None: readiness.policy.default_rules_dir()
    # A full profile with a thousand members is far below this; anything larger is a mistake.
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES


def get_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from `READINESS_DATABASE_URL`, `READINESS_RULES_DIR` and `READINESS_MAX_BODY_BYTES`."""
    env = os.environ if environ is None else environ
    rules_dir = env.get("READINESS_RULES_DIR")
    return Settings(
        database_url=env.get("READINESS_DATABASE_URL") or DEFAULT_DATABASE_URL,
        rules_dir=Path(rules_dir) if rules_dir else None,
        max_body_bytes=int(env.get("READINESS_MAX_BODY_BYTES") or DEFAULT_MAX_BODY_BYTES),
    )
