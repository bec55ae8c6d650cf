"""Rollout waves (C3, stepwise): propose the next wave, confirm it, and see the waves so far.

A wave moves each of its teams one stage on from where it stands, and only a team whose latest
assessment recommends a stage ahead of today's. After the move the team stands where it was
recommended to go, so it cannot be moved again until a new assessment recommends more.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from itertools import zip_longest

from readiness.access import Principal
from readiness.errors import InputError, Problem
from readiness.organisation import TeamFilter, Wave, WaveMove
from readiness.usecases import access
from readiness.usecases.assessments import Clock, utc_now
from readiness.usecases.organisations import name_of, slug, within
from readiness.usecases.portfolio import TeamSummary, ahead
from readiness.usecases.ports import DEFAULT_ORG, UnitOfWork
from readiness.vocabulary import CurrentStage

MAX_WAVE = 500
NEXT: dict[CurrentStage, CurrentStage] = {"none": "pilot", "pilot": "expand", "expand": "sustain"}


def propose_wave(
    uow: UnitOfWork,
    org_id: str = DEFAULT_ORG,
    *,
    size: int,
    unit: str | None = None,
    principal: Principal | None = None,
) -> list[TeamSummary]:
    """At most `size` teams ready to move, spread over the units: one from each in turn.

    Rollout is for an admin or an HR partner of the organisation (NotFoundError for anyone else);
    one limited to units is proposed only teams of their units.
    """
    if not 1 <= size <= MAX_WAVE:
        raise InputError([Problem(("size",), f"give a size of 1 to {MAX_WAVE}", "size")], "query")
    with uow:
        visible = access.require_follow(uow, principal, org_id)
        units = uow.organisations.units(org_id)
        where = TeamFilter(unit_ids=within(units, unit) if unit else None, assessed_only=True)
        by_id = {u.id: u for u in units}
        per_unit: dict[str, list[TeamSummary]] = {}
        for team in visible.teams(uow, where):
            if ahead(team):
                summary = TeamSummary(team, by_id.get(team.unit_id or ""))
                per_unit.setdefault(team.unit_id or "", []).append(summary)
    queues = [
        sorted(per_unit[key], key=lambda s: s.team.display_name.casefold())
        for key in sorted(per_unit, key=lambda k: by_id[k].name.casefold() if k in by_id else "")
    ]
    spread = [s for turn in zip_longest(*queues) for s in turn if s is not None]
    return spread[:size]


def confirm_wave(
    uow: UnitOfWork,
    team_ids: Sequence[str],
    org_id: str = DEFAULT_ORG,
    *,
    name: str,
    clock: Clock = utc_now,
    principal: Principal | None = None,
) -> Wave:
    """Move each team one stage on and record the wave; InputError naming every team that may
    not move (unknown, not recommended ahead of today, or listed twice), and then nothing moves.
    A team `principal` does not see is unknown."""
    if not team_ids or len(team_ids) > MAX_WAVE:
        raise InputError([Problem(("teams",), f"list 1 to {MAX_WAVE} teams", "teams")])
    wanted = [slug(t, "teams") for t in team_ids]
    problems: list[Problem] = []
    try:
        wave_name = name_of(name)
    except InputError as error:  # named together with every team that may not move
        problems += error.problems
    with uow:
        visible = access.require_follow(uow, principal, org_id)
        moves, teams = [], []
        for index, team_id in enumerate(wanted):
            team = uow.teams.get(org_id, team_id)
            team = team if team is None or visible.includes(team) else None
            where = ("teams", index)
            if team_id in wanted[:index]:
                problems.append(Problem(where, f"{team_id} is listed twice", "duplicate"))
            elif team is None:
                problems.append(Problem(where, f"no team {team_id}", "unknown_team"))
            elif not ahead(team) or team.current_stage not in NEXT:
                recommended = team.status.rollout_stage if team.status else "no assessment"
                problems.append(
                    Problem(
                        where,
                        f"{team_id} stands at {team.current_stage} and its latest assessment "
                        f"recommends {recommended}: nothing to move",
                        "not_ahead",
                    )
                )
            else:
                to_stage = NEXT[team.current_stage]
                moves.append(WaveMove(team_id, team.current_stage, to_stage))
                teams.append(replace(team, current_stage=to_stage))
        if problems:
            raise InputError(problems)
        wave = Wave(str(uuid.uuid4()), org_id, wave_name, clock(), tuple(moves))
        for team in teams:
            uow.teams.save(team)
        uow.waves.add(wave)
        uow.commit()
    return wave


def waves(
    uow: UnitOfWork, org_id: str = DEFAULT_ORG, *, principal: Principal | None = None
) -> list[Wave]:
    """The organisation's waves, newest first; to an HR partner limited to units, only the moves
    of their units' teams (and only the waves that moved any)."""
    with uow:
        visible = access.require_follow(uow, principal, org_id)
        found = uow.waves.of(org_id)
        if visible.everything:
            return found
        seen = {team.id for team in visible.teams(uow, TeamFilter())}
    shown = [replace(w, moves=tuple(m for m in w.moves if m.team_id in seen)) for w in found]
    return [w for w in shown if w.moves]
