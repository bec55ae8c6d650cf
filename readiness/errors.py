"""The one family of errors the library raises; the edges (CLI, HTTP) map them to exit codes and statuses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Loc = tuple[str | int, ...]


class ReadinessError(Exception):
    """Base of every error this library raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (`loc`), what (`message`) and a stable `type` code."""

    loc: Loc
    message: str
    type: str

    def where(self) -> str:
        """The location as a dotted path, e.g. ``answers.fl_safe_to_err`` or ``member_answers.2``."""
        return ".".join(str(part) for part in self.loc) or "(profile)"


class ProfileError(ReadinessError, ValueError):
    """A team profile was rejected; `problems` names every item, dimension or field at fault."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = [f"{p.where()}: {p.message}" for p in self.problems]
        super().__init__("invalid team profile:\n  " + "\n  ".join(lines))


class PolicyError(ReadinessError):
    """The policy in `rules/` cannot be used; names the file and, when known, the rule id."""

    def __init__(self, file: str, message: str, rule_id: str | None = None) -> None:
        self.file = file
        self.rule_id = rule_id
        self.detail = message
        where = f"{file}, rule {rule_id}" if rule_id else file
        super().__init__(f"{where}: {message}")


class EngineError(ReadinessError):
    """The rule engine failed while evaluating; never caused by the profile itself."""


class NotFoundError(ReadinessError, LookupError):
    """Something asked for by id does not exist (an assessment, a team)."""


class InputError(ReadinessError, ValueError):
    """A request other than a team profile was rejected: a name, a unit, a team list for a wave.

    `problems` name each parameter or field at fault; `source` says where they were given
    (`body` or `query`), so that an edge can locate them for its reader.
    """

    def __init__(self, problems: Sequence[Problem], source: str = "body") -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__("; ".join(f"{p.where()}: {p.message}" for p in self.problems))


class ConflictError(ReadinessError):
    """Something to be made already exists (an organisation, a unit with that id)."""
