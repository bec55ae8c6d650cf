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
from readiness.usecases.portfolio import TeamSummary
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

    The units take turns by name (teams in no unit first), and each unit's teams come by name.
    Rollout is for an admin or an HR partner of the organisation (NotFoundError for anyone else);
    one limited to units is proposed only teams of their units.

    The store counts the teams ahead in each unit, so the turns are worked out on counts, and
    reads only the teams proposed (TeamRepository.first_by_unit): a region of 100,000 teams
    is not read whole.
    """
    if not 1 <= size <= MAX_WAVE:
        raise InputError([Problem(("size",), f"give a size of 1 to {MAX_WAVE}", "size")], "query")
    with uow:
        visible = access.require_follow(uow, principal, org_id)
        units = uow.organisations.units(org_id)
        where = TeamFilter(unit_ids=within(units, unit) if unit else None, ahead=True)
        by_id = {u.id: u for u in units}
        counts = visible.count_by_unit(uow, where)
        order = sorted(
            counts, key=lambda u: (by_id[u].name.casefold(), u) if u in by_id else ("", "")
        )
        shares = turns_taken([counts[u] for u in order], size)
        first = visible.first_by_unit(uow, where, max(shares, default=0))
    queues = [first.get(u, [])[:share] for u, share in zip(order, shares, strict=True)]
    return [
        TeamSummary(team, by_id.get(team.unit_id or ""))
        for turn in zip_longest(*queues)
        for team in turn
        if team is not None
    ]


def turns_taken(counts: Sequence[int], size: int) -> list[int]:
    """How many of each queue's `counts` items are taken when the queues give one each in turn,
    in their order, until `size` are taken or all are empty."""
    taken = [0] * len(counts)
    left, turn = size, 0
    while left > 0 and any(count > turn for count in counts):
        for place, count in enumerate(counts):
            if count > turn and left > 0:
                taken[place] += 1
                left -= 1
        turn += 1
    return taken


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
            elif not team.ahead or team.current_stage not in NEXT:
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
