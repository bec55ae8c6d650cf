"""Member survey rounds: open one for a team, let members answer behind its link, close it.

A round's link carries a token, ``<round id>.<HMAC-SHA256(key, round id)>`` in base64url, with a
key the service makes once and keeps in storage (`uow.secrets`); the MAC is checked in constant
time, and a wrong, forged, unknown, closed or expired token is answered as not found.

Closing (explicitly, or when anyone reads the rounds after the deadline) computes the round's
aggregate once, under the anonymity threshold in force, and deletes the raw answers in the same
transaction; a closed round never changes. The team's next assessment without members' answers
of its own takes the newest closed round no assessment has taken (`store` in
`readiness.usecases.assessments`). Rounds are independent: no answer is carried to another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import uuid4

from readiness.access import Principal
from readiness.errors import ConflictError, InputError, NotFoundError, Problem
from readiness.members import respondents_shown
from readiness.policy import Policy
from readiness.questionnaire import Dimension, load_questionnaire
from readiness.scoring import aggregate
from readiness.surveys import SurveyRound
from readiness.teams import team_slug
from readiness.usecases import access
from readiness.usecases.ports import UnitOfWork

DEFAULT_DAYS = 14
MAX_DAYS = 60
LINK_KEY = "survey-link-key"
# Refused tokens read as an address that does not exist: nothing says which part was wrong.
NO_ROUND = "no open survey round behind this link"


@dataclass(frozen=True)
class RoundStatus:
    """A round as a manager may see it: never more about the answers than `answers_shown`."""

    survey: SurveyRound
    answers_shown: str  # "<3", "3–4", or the exact count from 5
    link: str | None  # the token, while the round is open (None once it is closed)

    @property
    def used(self) -> bool:
        """Whether an assessment has taken the round's aggregate."""
        return self.survey.used_by is not None


def member_dimensions() -> list[Dimension]:
    """The dimensions members answer, in questionnaire order (each skippable as a whole)."""
    return [d for d in load_questionnaire().dimensions if d.items_of("members")]


# Links -------------------------------------------------------------------------------------------


def _mac(key: str, round_id: str) -> str:
    digest = hmac.new(key.encode(), round_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _link_key(uow: UnitOfWork) -> str:
    return uow.secrets.get_or_add(LINK_KEY, secrets.token_urlsafe(32))


def link_token(uow: UnitOfWork, round_id: str) -> str:
    """The token of the round's link."""
    return f"{round_id}.{_mac(_link_key(uow), round_id)}"


def _round_of_token(uow: UnitOfWork, token: str) -> str:
    """The round id a genuine token names; NotFoundError for anything else."""
    round_id, dot, mac = token.rpartition(".")
    if not dot or not round_id or len(token) > 200:
        raise NotFoundError(NO_ROUND)
    if not hmac.compare_digest(mac.encode(), _mac(_link_key(uow), round_id).encode()):
        raise NotFoundError(NO_ROUND)
    return round_id


def _team(team_id: str) -> str:
    """The team's id as stored ("Nord" and "nord" are one team); InputError naming `team_id`."""
    try:
        return team_slug(team_id)
    except ValueError as error:
        raise InputError([Problem(("team_id",), str(error), "invalid_id")]) from None


# Use cases ---------------------------------------------------------------------------------------


def open_round(
    uow: UnitOfWork,
    principal: Principal | None,
    org_id: str,
    team_id: str,
    *,
    now: datetime,
    policy: Policy,
    days: int = DEFAULT_DAYS,
) -> tuple[SurveyRound, str]:
    """Open a round for the team, answerable for `days` (1..60); the round and its link token.

    NotFoundError for a team `principal` may not see (or that does not exist); ConflictError
    while the team has a round open.
    """
    if not 1 <= days <= MAX_DAYS:
        raise InputError(
            [Problem(("days",), f"a round stays open 1 to {MAX_DAYS} days, not {days}", "range")]
        )
    team_id = _team(team_id)
    with uow:
        facts = access.require_team(uow, principal, org_id, team_id)
        if not access.known_team(uow, facts):
            raise NotFoundError(f"no team {team_id} in {org_id}")
        close_due(uow, now, policy, org_id=org_id, team_id=team_id)
        if any(r.is_open for r in uow.rounds.of_team(org_id, team_id)):
            raise ConflictError(
                f"team {team_id} has a survey round open; close it before opening another"
            )
        survey = SurveyRound(
            id=str(uuid4()),
            org_id=org_id,
            team_id=team_id,
            opened_at=now,
            deadline=now + timedelta(days=days),
            opened_by=access.user_id(principal),
        )
        uow.rounds.add(survey)
        token = link_token(uow, survey.id)
        uow.commit()
    return survey, token


def round_of_link(uow: UnitOfWork, token: str, *, now: datetime, policy: Policy) -> SurveyRound:
    """The open round behind a link; NotFoundError for a wrong, closed or expired one."""
    with uow:
        return _open_round(uow, token, now, policy)


def _open_round(uow: UnitOfWork, token: str, now: datetime, policy: Policy) -> SurveyRound:
    """The open round behind the link; NotFoundError otherwise. A round found past its deadline
    is closed (and that committed) first."""
    survey = uow.rounds.get(_round_of_token(uow, token))
    if survey is not None and survey.due(now):
        close_due(uow, now, policy, org_id=survey.org_id, team_id=survey.team_id)
        uow.commit()
        raise NotFoundError(NO_ROUND)
    if survey is None or not survey.is_open:
        raise NotFoundError(NO_ROUND)
    return survey


def answer(
    uow: UnitOfWork,
    token: str,
    answers: Mapping[str, Any],
    *,
    now: datetime,
    policy: Policy,
) -> SurveyRound:
    """Keep one member's answers to the round behind the link; the round.

    Only the members' items count, each 1..5 (None: not answered); a member may skip a whole
    dimension, and otherwise answers at least half of its items. InputError names each problem;
    NotFoundError for a wrong, closed or expired link. Nothing but the answers is kept.
    """
    with uow:
        survey = _open_round(uow, token, now, policy)
        given = valid_answers(answers)
        uow.rounds.add_answer(survey.id, given)
        uow.commit()
    return survey


def valid_answers(answers: Mapping[str, Any]) -> dict[str, int | None]:
    """The answers kept (unanswered left out); InputError naming each item or dimension at fault."""
    items = {item.id: item for d in member_dimensions() for item in d.items_of("members")}
    problems: list[Problem] = []
    given: dict[str, int | None] = {}
    for key, value in answers.items():
        if key not in items:
            problems.append(Problem((str(key)[:60],), "not one of the members' items", "unknown"))
        elif value is None:
            continue
        elif isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            problems.append(Problem((key,), "an answer is a whole number from 1 to 5", "range"))
        else:
            given[key] = value
    for dimension in member_dimensions():
        theirs = dimension.items_of("members")
        count = sum(1 for item in theirs if item.id in given)
        needed = dimension.min_answers_of("members")
        if 0 < count < needed:
            problems.append(
                Problem(
                    (dimension.id,),
                    f"{count} of {len(theirs)} answered; answer at least {needed}, or none to "
                    "skip it",
                    "too_few_answers",
                )
            )
    if not given and not problems:
        problems.append(Problem((), "answer at least one group of questions", "no_answers"))
    if problems:
        raise InputError(problems)
    return given


def close_round(
    uow: UnitOfWork,
    principal: Principal | None,
    round_id: str,
    *,
    now: datetime,
    policy: Policy,
) -> RoundStatus:
    """Close the round now: its aggregate computed once and its answers deleted. A round closed
    already is left as it is. NotFoundError for a round `principal` may not see."""
    with uow:
        survey = _visible_round(uow, principal, round_id)
        if survey.is_open:
            _close(uow, survey, min(now, survey.deadline), policy)
        status = _status(uow, _closed(uow, round_id), policy.settings.anonymity_threshold)
        uow.commit()
    return status


def rounds_of_team(
    uow: UnitOfWork,
    principal: Principal | None,
    org_id: str,
    team_id: str,
    *,
    now: datetime,
    policy: Policy,
) -> list[RoundStatus]:
    """The team's rounds, newest first, those past their deadline closed on the way.
    NotFoundError for a team `principal` may not see."""
    team_id = _team(team_id)
    with uow:
        access.require_team(uow, principal, org_id, team_id)
        close_due(uow, now, policy, org_id=org_id, team_id=team_id)
        threshold = policy.settings.anonymity_threshold
        statuses = [_status(uow, r, threshold) for r in uow.rounds.of_team(org_id, team_id)]
        uow.commit()
    return statuses


def close_due(
    uow: UnitOfWork,
    now: datetime,
    policy: Policy,
    *,
    org_id: str | None = None,
    team_id: str | None = None,
) -> list[SurveyRound]:
    """Close every round past its deadline (only the team's, when given), inside the caller's
    unit of work; the rounds closed. Each closes as of its deadline."""
    if team_id is not None and org_id is not None:
        due = [r for r in uow.rounds.of_team(org_id, team_id) if r.due(now)]
    else:
        due = uow.rounds.open_due(now)
    closed = []
    for survey in due:
        if _close(uow, survey, survey.deadline, policy):
            closed.append(_closed(uow, survey.id))
    return closed


def round_to_join(
    uow: UnitOfWork, org_id: str, team_id: str, *, now: datetime, policy: Policy
) -> SurveyRound | None:
    """The closed round whose aggregate the team's next assessment takes (rounds past their
    deadline closed first), inside the caller's unit of work; None when there is none."""
    close_due(uow, now, policy, org_id=org_id, team_id=team_id)
    return uow.rounds.unused_closed(org_id, team_id)


# Inside a unit of work ---------------------------------------------------------------------------


def _visible_round(uow: UnitOfWork, principal: Principal | None, round_id: str) -> SurveyRound:
    survey = uow.rounds.get(round_id)
    if survey is None:
        raise NotFoundError(f"no round with id {round_id}")
    try:
        access.require_team(uow, principal, survey.org_id, survey.team_id)
    except NotFoundError:
        raise NotFoundError(f"no round with id {round_id}") from None
    return survey


def _close(uow: UnitOfWork, survey: SurveyRound, at: datetime, policy: Policy) -> bool:
    answers = uow.rounds.answers(survey.id)
    members = aggregate(answers, load_questionnaire(), policy.settings.anonymity_threshold)
    return uow.rounds.close(survey.id, members, at)


def _closed(uow: UnitOfWork, round_id: str) -> SurveyRound:
    survey = uow.rounds.get(round_id)
    if survey is None or survey.is_open:
        raise NotFoundError(f"no closed round with id {round_id}")  # closed by another, deleted
    return survey


def _status(uow: UnitOfWork, survey: SurveyRound, threshold: int) -> RoundStatus:
    if survey.is_open:
        count = uow.rounds.answer_count(survey.id)
        return RoundStatus(survey, respondents_shown(count, threshold), link_token(uow, survey.id))
    respondents = survey.aggregate.respondents if survey.aggregate else 0
    return RoundStatus(survey, respondents_shown(respondents, threshold), None)
