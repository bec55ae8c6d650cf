"""Bilingual text and the loading of the package's YAML data files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from readiness.vocabulary import Lang

DATA_DIR = Path(__file__).parent / "data"


class Text(BaseModel):
    """The same text in Swedish (primary) and English."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, lang: Lang) -> str:
        return self.sv if lang == "sv" else self.en


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; the caller validates what it holds."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
