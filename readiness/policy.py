"""The policy: rules an HR partner reads and edits in `rules/`, loaded and validated at start-up.

`rules/policy.yaml` holds the settings and the words for modes, stages and caveats; every other
`rules/*.yaml` holds a list of rules. A rule says when it applies (`when`) and what follows
(`then`: a mode cap, a stage cap, a finding, next steps, a reassessment, advice). Files are read
in name order and rules keep their order, which is the order they fire in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from readiness.conditions import Bands
from readiness.errors import PolicyError
from readiness.rule import Rule
from readiness.texts import Text, read_yaml
from readiness.vocabulary import CAVEATS, MODES, STAGES, Mode, Stage

POLICY_FILE = "policy.yaml"
_strict = ConfigDict(frozen=True, extra="forbid")
M = TypeVar("M", bound=BaseModel)


def default_rules_dir() -> Path:
    """The repository's `rules/` in a checkout, else the copy inside the installed package.

    Another policy is chosen by passing its directory (the service and the CLI take it from
    their settings); the library itself reads no environment.
    """
    package = Path(__file__).resolve().parent
    in_checkout = package.parent / "rules"
    return in_checkout if (in_checkout / POLICY_FILE).is_file() else package / "_rules"


class Term(BaseModel):
    model_config = _strict

    title: Text
    description: Text


class Settings(BaseModel):
    """`rules/policy.yaml`."""

    model_config = _strict

    name: Text
    anonymity_threshold: int = Field(ge=2, le=50)
    default_reassess_in_days: int = Field(ge=1, le=730)
    modes: dict[Mode, Term]
    stages: dict[Stage, Term]
    caveats: dict[str, Term]
    # After the blockers' steps and the limiting condition's, steps follow their caveats in this order.
    step_order: tuple[str, ...]

    @model_validator(mode="after")
    def _complete(self) -> Settings:
        for kind, have, want in (
            ("modes", self.modes, MODES),
            ("stages", self.stages, STAGES),
            ("caveats", self.caveats, CAVEATS),
        ):
            if set(have) != set(want):
                raise ValueError(f"{kind} must describe exactly {', '.join(want)}")
        if sorted(self.step_order) != sorted(CAVEATS):
            raise ValueError(f"step_order must list each of {', '.join(CAVEATS)} once")
        return self


class Policy(BaseModel):
    """The rules in force and their settings; `version` is a hash of both."""

    model_config = ConfigDict(frozen=True)

    settings: Settings
    rules: tuple[Rule, ...]
    files: dict[str, str]  # rule id -> file it came from, for error messages and listings

    @cached_property
    def version(self) -> str:
        canonical = json.dumps(
            {
                "settings": self.settings.model_dump(mode="json"),
                "rules": [r.as_data() for r in self.rules],
            },
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(canonical.encode()).hexdigest()[:12]

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @cached_property
    def bands(self) -> Bands:
        return Bands(t for rule in self.rules for t in rule.when)


def load_policy(rules_dir: Path | str | None = None) -> Policy:
    """Read and validate the policy in `rules_dir` (default: `default_rules_dir()`).

    Raises PolicyError naming the file, and the rule id when one rule is at fault.
    """
    directory = Path(rules_dir) if rules_dir is not None else default_rules_dir()
    settings_path = directory / POLICY_FILE
    if not settings_path.is_file():
        raise PolicyError(str(settings_path), "policy settings file not found")
    settings = _validated(Settings, _read(settings_path), settings_path)
    rules: list[Rule] = []
    files: dict[str, str] = {}
    step_owner: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name == POLICY_FILE:
            continue
        for rule in _rules_in(path):
            if rule.id in files:
                raise PolicyError(str(path), f"rule id also used in {files[rule.id]}", rule.id)
            for step in rule.then.next_steps:
                if step.id in step_owner:
                    raise PolicyError(
                        str(path),
                        f"next step id {step.id!r} also used by rule {step_owner[step.id]}",
                        rule.id,
                    )
                step_owner[step.id] = rule.id
            files[rule.id] = str(path)
            rules.append(rule)
    if not rules:
        raise PolicyError(
            str(directory), "no rules found (expected rules/*.yaml besides policy.yaml)"
        )
    return Policy(settings=settings, rules=tuple(rules), files=files)


def _rules_in(path: Path) -> list[Rule]:
    data = _read(path)
    if (
        not isinstance(data, Mapping)
        or set(data) != {"rules"}
        or not isinstance(data["rules"], list)
    ):
        raise PolicyError(str(path), "a rule file holds one key, `rules:`, with a list of rules")
    rules = []
    for position, raw in enumerate(data["rules"], start=1):
        rule_id = raw.get("id") if isinstance(raw, Mapping) else None
        label = str(rule_id) if rule_id else f"#{position}"
        rules.append(_validated(Rule, raw, path, label))
    return rules


def _read(path: Path) -> Any:
    try:
        return read_yaml(path)
    except yaml.YAMLError as error:
        raise PolicyError(str(path), f"not valid YAML: {error}") from error
    except OSError as error:
        raise PolicyError(str(path), f"cannot read: {error.strerror}") from error


def _validated(model: type[M], raw: Any, path: Path, rule_id: str | None = None) -> M:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(rule)'}: {e['msg'].removeprefix('Value error, ')}"
            for e in error.errors()
        )
        raise PolicyError(str(path), problems, rule_id) from error
