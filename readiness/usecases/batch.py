"""Assess many teams at once, from the rows of a spreadsheet or a JSON Lines file.

Each team is assessed and stored on its own, so one rejected team never loses the others; the
same team with the same answers under the same policy finds the assessment it already has, so a
file run twice stores nothing twice. Teams stream through: only one team's rows and one chunk of
unsaved work are held at a time.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import BaseMetadata
from pydantic import Strict

from readiness.access import Principal
from readiness.models import Context, TeamProfile
from readiness.organisation import Team
from readiness.policy import Policy
from readiness.questionnaire import load_questionnaire
from readiness.tabular import CellProblem, TeamRows
from readiness.teams import team_slug
from readiness.usecases import access
from readiness.usecases.assessments import (
    Clock,
    current_stage,
    decide,
    store,
    utc_now,
    with_outcome,
)
from readiness.usecases.ports import DEFAULT_ORG, StoredAssessment, UnitOfWork
from readiness.vocabulary import Lang, Mode, Stage

COMMIT_EVERY = 500  # teams per transaction: fewer commits, and a crash loses at most this many

Status = Literal["stored", "existing", "rejected"]


@dataclass(frozen=True)
class BatchOutcome:
    """What became of one team's rows."""

    rows: tuple[int, ...]
    team_id: str | None
    status: Status
    assessment_id: str | None = None
    mode: Mode | None = None
    rollout_stage: Stage | None = None
    readiness: int | None = None
    problems: tuple[CellProblem, ...] = ()


def profile_hash(profile: TeamProfile) -> str:
    """The same answers, context and members give the same hash, whatever the key order.

    The hash is of `canonical_json(profile)`: what stored rows were found by since the first
    batch, so it never changes (a file sent again finds the rows an earlier version stored).
    """
    canonical = _canonical(profile)
    if canonical is None:
        canonical = canonical_json(profile)
    return hashlib.sha256(canonical.encode()).hexdigest()


def canonical_json(profile: TeamProfile) -> str:
    """The profile as the hash reads it: its JSON document, keys sorted, `json.dumps` spacing."""
    return json.dumps(profile.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


_encode_text = json.encoder.encode_basestring  # how json.dumps(ensure_ascii=False) writes text
_PLAIN_TYPES = {int, float, bool, str, type(None)}
_MISSING = object()  # a context built without one of its fields holds this there


@cache
def _entries() -> tuple[tuple[str, ...], frozenset[str], dict[str, dict[int, str]]]:
    """The questionnaire's item ids in sorted order, as a set, and each answer as json.dumps
    writes it in an object: '"id": 4'."""
    source = load_questionnaire()
    scale = range(source.scale.min, source.scale.max + 1)
    entries = {item: {v: f"{_encode_text(item)}: {v!r}" for v in scale} for item in source.items}
    return tuple(sorted(entries)), frozenset(entries), entries


@cache
def _layout() -> tuple[tuple[str, frozenset[type]], ...] | None:
    """Context's fields, sorted by name, each with the Python types its declared type holds
    (Optional[int]: int and None; a Literal of words: str), when the profile's document is its
    fields as they are: no serializer, alias, excluded, computed or other field. None
    otherwise, and the quick writing is not used."""
    for model in (TeamProfile, Context):
        decorators = model.__pydantic_decorators__
        if (
            model.model_computed_fields
            or decorators.field_serializers
            or decorators.model_serializers
            or any(
                f.alias or f.serialization_alias or f.exclude for f in model.model_fields.values()
            )
        ):
            return None
    if set(TeamProfile.model_fields) != {"team_id", "answers", "context", "member_answers"}:
        return None
    layout = []
    for name, info in sorted(Context.model_fields.items()):
        types = _types_of(info.annotation)
        if not types:
            return None
        layout.append((name, types))
    return tuple(layout)


def _types_of(annotation: Any) -> frozenset[type]:
    """The plain Python types a value of `annotation` has; empty when it may have others."""
    origin = get_origin(annotation)
    if origin is Annotated:  # Strict and bounds only: anything else may serialize otherwise
        base, *metadata = get_args(annotation)
        harmless = all(isinstance(m, Strict | BaseMetadata) for m in metadata)
        return _types_of(base) if harmless else frozenset()
    if origin is Literal:
        kinds = frozenset(type(value) for value in get_args(annotation))
        return kinds if kinds <= _PLAIN_TYPES else frozenset()
    if origin in (Union, UnionType):
        parts = [_types_of(part) for part in get_args(annotation)]
        return frozenset().union(*parts) if all(parts) else frozenset()
    return frozenset({annotation}) if annotation in _PLAIN_TYPES else frozenset()


def _canonical(profile: TeamProfile) -> str | None:
    """`canonical_json(profile)`, written from the model's values without dumping it first
    (in about two fifths of the time). None, and the plain way writes it, whenever a value is not of the
    type its field declares (a profile built without validation), where pydantic's
    serializer might write it otherwise (True as 1 in an answer, for one)."""
    layout = _layout()
    context = profile.context
    members = profile.member_answers
    team_id = profile.team_id
    if (
        layout is None
        or type(profile) is not TeamProfile
        or type(context) is not Context
        or profile.__pydantic_extra__
        or context.__pydantic_extra__
        or type(members) is not list
        or not (team_id is None or type(team_id) is str)
    ):
        return None
    values = context.__dict__
    written = []
    for name, types in layout:
        value = values.get(name, _MISSING)
        if type(value) not in types or (type(value) is float and not math.isfinite(value)):
            return None
        written.append(f"{_encode_text(name)}: {_scalar(value)}")
    answers: list[str] = []
    for given in (profile.answers, *members):
        text = _answers(given)
        if text is None:
            return None
        answers.append(text)
    return (
        f'{{"answers": {answers[0]}, "context": {{{", ".join(written)}}}, '
        f'"member_answers": [{", ".join(answers[1:])}], "team_id": {_scalar(team_id)}}}'
    )


def _answers(answers: object) -> str | None:
    """An answer set as json.dumps writes it with sorted keys, walked in the sorted order of
    every item id (quicker than sorting it); None unless each key is an item id and each value
    a whole number on the scale."""
    order, known, entries = _entries()
    if type(answers) is not dict or not answers.keys() <= known:
        return None
    if not set(map(type, answers.values())) <= {int}:
        return None
    get = answers.get
    try:
        return "{" + ", ".join([entries[k][v] for k in order if (v := get(k)) is not None]) + "}"
    except KeyError:  # off the scale
        return None


def _scalar(value: str | int | float | bool | None) -> str:
    """A JSON scalar as json.dumps writes it (a float here is finite)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is str:
        return _encode_text(value)
    if type(value) is int:
        return int.__repr__(value)
    return float.__repr__(value)


def assess_batch(
    uow: UnitOfWork,
    teams: Iterable[TeamRows],
    lang: Lang,
    policy: Policy,
    *,
    org_id: str = DEFAULT_ORG,
    clock: Clock = utc_now,
    principal: Principal | None = None,
) -> Iterator[BatchOutcome]:
    """Assess and store each team, yielding its outcome as soon as it is decided.

    Outcomes of stored teams are yielded once their transaction has committed, so an outcome
    that says `stored` is stored. Raises NotFoundError for an unknown organisation, and for a
    `principal` who is not an admin or an HR partner of it; one limited to units has every team
    outside them rejected, as if it did not exist, and makes no new team.
    """
    with uow:
        visible = access.require_follow(uow, principal, org_id)
        units = {u.slug: u.id for u in uow.organisations.units(org_id)}
        run = _Run(uow, units, visible, lang, policy, org_id, clock, access.user_id(principal))
        teams = iter(teams)
        # A transaction's worth of teams is read and validated before its first write, so that
        # on SQLite another process's transaction need not wait for it (readiness batch --workers).
        while chunk := list(itertools.islice(teams, COMMIT_EVERY)):
            yield from run.chunk(chunk)


@dataclass
class _Run:
    """One batch inside its unit of work: a chunk of teams at a time, read in three queries,
    decided in memory and written in two statements, then committed.

    The teams as known are kept for the chunk and updated as its rows are decided, so a team
    that comes twice is assessed the second time as the first left it, as one at a time would.
    A team with survey rounds goes through `store` on its own, which joins its closed round.
    """

    uow: UnitOfWork
    units: dict[str, str]
    visible: access.Visible
    lang: Lang
    policy: Policy
    org_id: str
    clock: Clock
    created_by: str | None
    _new: list[tuple[StoredAssessment, str]] = field(default_factory=list)
    _changed: dict[str, Team] = field(default_factory=dict)

    def chunk(self, chunk: list[TeamRows]) -> Iterator[BatchOutcome]:
        ids = {t.profile.team_id for t in chunk if t.profile and t.profile.team_id}
        known = self.uow.teams.get_many(self.org_id, ids)
        with_rounds = self.uow.rounds.teams_with_rounds(self.org_id, ids)
        hashes = [profile_hash(t.profile) if t.profile and not t.problems else "" for t in chunk]
        pairs = {
            (t.profile.team_id, hashed)
            for t, hashed in zip(chunk, hashes, strict=True)
            if hashed and t.profile and t.profile.team_id
        }
        same = self.uow.assessments.find_same_many(self.org_id, self.policy.version, pairs)
        pending: list[BatchOutcome] = []
        for team, hashed in zip(chunk, hashes, strict=True):
            outcome = _unseen(known, team, self.units, self.visible) or self._one(
                team, hashed, known, with_rounds, same
            )
            if outcome.status == "rejected":
                yield outcome
            else:
                pending.append(outcome)
        self._write()
        self.uow.commit()
        yield from pending

    def _one(
        self,
        team: TeamRows,
        hashed: str,
        known: dict[str, Team],
        with_rounds: set[str],
        same: dict[tuple[str, str], StoredAssessment],
    ) -> BatchOutcome:
        rejected = BatchOutcome(team.rows, team.team_id, "rejected", problems=team.problems)
        if team.profile is None or team.problems:
            return rejected
        unit_id = None
        if team.unit:
            unit_id = self.units.get(_slug_or_none(team.unit) or "")
            if unit_id is None:
                why = (
                    f"no unit {team.unit!r} in {self.org_id}; make it first (readiness unit create)"
                )
                problem = CellProblem(team.rows[0], "unit", team.unit, why)
                return replace(rejected, problems=(problem,))
        profile = team.profile
        team_id = profile.team_id
        assert team_id is not None
        before = known.get(team_id)
        stored = same.get((team_id, hashed))
        status: Status = "existing"
        if stored is None and team_id in with_rounds:
            self._write()  # what `store` reads must be written first
            stored = store(
                self.uow,
                profile,
                self.lang,
                self.policy,
                org_id=self.org_id,
                clock=self.clock,
                profile_hash=hashed,
                created_by=self.created_by,
            )
            status, before = "stored", self.uow.teams.get(self.org_id, team_id)
        elif stored is None:
            stored = decide(
                profile,
                before,
                None,
                self.lang,
                self.policy,
                org_id=self.org_id,
                now=self.clock(),
                created_by=self.created_by,
            )
            self._new.append((stored, hashed))
            status = "stored"
            self._changed[team_id] = before = with_outcome(
                before, stored, current_stage(profile, before)
            )
        same[(team_id, hashed)] = stored
        if before is not None:
            named = replace(
                before, name=team.name or before.name, unit_id=unit_id or before.unit_id
            )
            if named != before:
                self._changed[team_id] = before = named
            known[team_id] = before
        assessment = stored.assessment
        return BatchOutcome(
            team.rows,
            team_id,
            status,
            stored.id,
            assessment.mode,
            assessment.rollout_stage,
            assessment.readiness,
        )

    def _write(self) -> None:
        """The chunk's new assessments, then its teams, each in one statement."""
        self.uow.assessments.add_many(self._new)
        self.uow.teams.save_many(list(self._changed.values()))
        self._new.clear()
        self._changed.clear()


def _unseen(
    known: dict[str, Team], team: TeamRows, units: dict[str, str], visible: access.Visible
) -> BatchOutcome | None:
    """The rejection of a team, or of a unit, outside what the caller sees; None when in sight."""
    if visible.everything or team.profile is None or team.profile.team_id is None:
        return None
    before = known.get(team.profile.team_id)
    unit_id = units.get(_slug_or_none(team.unit or "") or "")
    value: str | None
    if before is None or not visible.includes(before):
        column, value = "team_id", team.written_id
        why = f"no team {team.profile.team_id} in {visible.org_id} that you may assess"
    elif unit_id is not None and not visible.includes(replace(before, unit_id=unit_id)):
        column, value = "unit", team.unit
        why = f"unit {team.unit!r} is outside the units you follow"
    else:
        return None
    problem = CellProblem(team.rows[0], column, value, why)
    return BatchOutcome(team.rows, team.team_id, "rejected", problems=(problem,))


def _slug_or_none(text: str) -> str | None:
    try:
        return team_slug(text)
    except ValueError:
        return None
