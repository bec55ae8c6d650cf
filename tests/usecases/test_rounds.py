"""Member survey rounds end to end through the use cases, in memory, on SQLite and on PostgreSQL.

Open a round, answer through its link, close it (or let its deadline pass), and the team's next
assessment takes the aggregate; below the anonymity threshold nothing of it is shown or used.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, text

from api.storage import Database
from api.storage.migrate import upgrade_engine
from readiness import ConflictError, InputError, NotFoundError, default_policy
from readiness.access import ANONYMOUS, Principal
from readiness.builder import member_answers_for
from readiness.questionnaire import load_questionnaire
from readiness.report import render_text
from readiness.usecases import UnitOfWork, accounts, assess_and_store, rounds
from readiness.usecases.memory import InMemoryUnitOfWork
from tests.conftest import STRONG, make_profile
from tests.support.postgres import PostgresServer

POLICY = default_policy()
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
_names = itertools.count()


@dataclass
class Store:
    uow: UnitOfWork
    engine: Engine | None  # the SQL database underneath, None in memory

    def answers_kept(self, round_id: str) -> int:
        """The raw answers of the round left in storage, counted in SQL where there is SQL."""
        if self.engine is None:
            with self.uow:
                return len(self.uow.rounds.answers(round_id))
        with self.engine.connect() as connection:
            query = text("SELECT count(*) FROM survey_answers WHERE round_id = :id")
            return int(connection.execute(query, {"id": round_id}).scalar_one())


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "memory":
        yield Store(InMemoryUnitOfWork(), None)
        return
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'readiness.db'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres")
        url = server.create_database(f"rounds_{next(_names)}")
    database = Database(url)
    upgrade_engine(database.engine)
    yield Store(database.unit_of_work(), database.engine)
    database.dispose()


def manager_of(uow: UnitOfWork, *teams: str) -> Principal:
    user = accounts.create_user(
        uow, f"manager-{next(_names)}@example.test", "Chef", "manager", "default", teams=teams
    )
    return Principal(user, "session")


def member(**scores: float) -> dict[str, int]:
    """One member's answers to every members' item, seeing the group as `scores` say."""
    return member_answers_for({**STRONG, **scores})


def opened(store: Store, principal: Principal, days: int = 14) -> tuple[str, str]:
    survey, token = rounds.open_round(
        store.uow, principal, "default", "nord", now=NOW, policy=POLICY, days=days
    )
    return survey.id, token


def answered(store: Store, token: str, *answers: dict[str, Any], at: datetime = NOW) -> None:
    for given in answers:
        rounds.answer(store.uow, token, given, now=at, policy=POLICY)


def assessed(store: Store, principal: Principal, at: datetime = NOW) -> Any:
    profile = {"team_id": "nord", **make_profile()}
    return assess_and_store(store.uow, profile, "en", POLICY, principal=principal, clock=lambda: at)


# Opening --------------------------------------------------------------------------------------


def test_a_manager_opens_a_round_for_their_team_with_a_link_and_a_deadline(store: Store) -> None:
    manager = manager_of(store.uow, "nord")

    survey, token = rounds.open_round(store.uow, manager, "default", "Nord", now=NOW, policy=POLICY)

    assert (survey.team_id, survey.opened_by, survey.is_open) == ("nord", manager.user_id, True)
    assert survey.deadline == NOW + timedelta(days=14)
    assert token.startswith(f"{survey.id}.")
    assert len(token.rsplit(".", 1)[1]) == 43  # 256 bits in base64url, without padding
    assert rounds.round_of_link(store.uow, token, now=NOW, policy=POLICY).id == survey.id


@pytest.mark.parametrize("days", [0, 61, -3])
def test_a_round_stays_open_1_to_60_days(store: Store, days: int) -> None:
    manager = manager_of(store.uow, "nord")

    with pytest.raises(InputError) as refused:
        rounds.open_round(store.uow, manager, "default", "nord", now=NOW, policy=POLICY, days=days)

    assert refused.value.problems[0].loc == ("days",)


def test_only_someone_who_may_see_the_team_opens_or_lists_its_rounds(store: Store) -> None:
    manager_of(store.uow, "nord")
    other = manager_of(store.uow, "syd")

    for principal in (other, ANONYMOUS):
        with pytest.raises(NotFoundError):
            rounds.open_round(store.uow, principal, "default", "nord", now=NOW, policy=POLICY)
        with pytest.raises(NotFoundError):
            rounds.rounds_of_team(store.uow, principal, "default", "nord", now=NOW, policy=POLICY)


def test_a_team_has_one_round_open_at_a_time(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    round_id, _ = opened(store, manager)

    with pytest.raises(ConflictError):
        opened(store, manager)

    rounds.close_round(store.uow, manager, round_id, now=NOW, policy=POLICY)
    assert opened(store, manager)[0] != round_id


# Answering ------------------------------------------------------------------------------------


def test_a_wrong_or_forged_link_is_not_found(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    round_id, token = opened(store, manager)
    mac = token.rsplit(".", 1)[1]
    forged = [
        f"{round_id}.{'A' * len(mac)}",
        f"{round_id}.{mac[:-1]}{'B' if mac[-1] != 'B' else 'C'}",
        round_id,
        f"{round_id}x.{mac}",
        "",
        ".",
        rounds.link_token(InMemoryUnitOfWork(), round_id),  # signed with another key
    ]

    for link in forged:
        with pytest.raises(NotFoundError):
            rounds.answer(store.uow, link, member(), now=NOW, policy=POLICY)
    assert store.answers_kept(round_id) == 0


def test_members_answer_only_their_items_1_to_5_and_may_skip_a_whole_dimension(
    store: Store,
) -> None:
    manager = manager_of(store.uow, "nord")
    round_id, token = opened(store, manager)
    source = load_questionnaire()
    manager_only = source.by_id["org_support"].items[0].id
    competence = [item.id for item in source.by_id["competence"].items_of("members")]
    skipping = {k: v for k, v in member().items() if k not in competence}

    rounds.answer(store.uow, token, skipping, now=NOW, policy=POLICY)
    for bad, where in [
        ({**member(), manager_only: 3}, (manager_only,)),
        ({**member(), competence[0]: 6}, (competence[0],)),
        ({**member(), competence[0]: True}, (competence[0],)),
        ({**skipping, competence[0]: 4}, ("competence",)),  # 1 of 5: at least 3, or none
        ({}, ()),
    ]:
        with pytest.raises(InputError) as refused:
            rounds.answer(store.uow, token, bad, now=NOW, policy=POLICY)
        assert where in [p.loc for p in refused.value.problems]

    assert store.answers_kept(round_id) == 1


def test_an_answer_is_kept_with_nothing_but_a_random_id_and_its_round(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    round_id, token = opened(store, manager)

    answered(store, token, member())

    with store.uow:
        assert store.uow.rounds.answers(round_id) == [member()]
    if store.engine is not None:
        columns = {c["name"] for c in inspect(store.engine).get_columns("survey_answers")}
        assert columns == {"id", "round_id", "answers"}


def test_while_open_the_count_is_shown_only_as_fewer_than_3_3_to_4_or_exactly_from_5(
    store: Store,
) -> None:
    manager = manager_of(store.uow, "nord")
    _, token = opened(store, manager)
    shown = []

    for _ in range(6):
        listed = rounds.rounds_of_team(
            store.uow, manager, "default", "nord", now=NOW, policy=POLICY
        )
        shown.append(listed[0].answers_shown)
        answered(store, token, member())

    assert shown == ["<3", "<3", "<3", "3–4", "3–4", "5"]
    assert listed[0].link == token


# Closing and joining --------------------------------------------------------------------------


def test_below_the_threshold_nothing_is_shown_or_used_and_the_report_says_so(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    round_id, token = opened(store, manager)
    answered(store, token, member(functional_level=10), member(functional_level=10))

    closed = rounds.close_round(store.uow, manager, round_id, now=NOW, policy=POLICY)
    stored = assessed(store, manager)

    assert closed.answers_shown == "<3"
    assert closed.survey.aggregate is not None
    assert closed.survey.aggregate.medians == {}
    members = stored.assessment.members
    assert (members.used, members.respondents, members.respondents_shown) == (False, 0, "<3")
    assert stored.assessment.views == {}
    assert stored.assessment.dimensions["functional_level"] == 85.0  # the members' 10 unused
    assert "group-not-heard" in stored.assessment.fired_rules
    (finding,) = [f for f in stored.assessment.findings if f.rule == "group-not-heard"]
    assert "fewer than 3 members have answered" in finding.message
    assert "Members' voice: fewer than 3 answered" in render_text(stored.assessment, POLICY)
    assert store.answers_kept(round_id) == 0


def test_at_the_threshold_the_next_assessment_uses_the_aggregate_once(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    round_id, token = opened(store, manager)
    answered(store, token, *[member(functional_level=50)] * 3)

    closed = rounds.close_round(store.uow, manager, round_id, now=NOW, policy=POLICY)
    first = assessed(store, manager)
    second = assessed(store, manager)

    assert store.answers_kept(round_id) == 0
    members = first.assessment.members
    assert (members.used, members.respondents_shown, members.respondents) == (True, "3–4", 3)
    assert first.assessment.views["functional_level"].members == 50.0
    assert first.assessment.dimensions["functional_level"] == 50.0  # the more cautious view
    assert first.profile.members == closed.survey.aggregate  # kept with the assessment
    listed = rounds.rounds_of_team(store.uow, manager, "default", "nord", now=NOW, policy=POLICY)
    assert (listed[0].used, listed[0].survey.used_by) == (True, first.id)
    assert second.assessment.members.used is False  # a round is used by one assessment only


def test_closing_twice_keeps_the_first_aggregate(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    round_id, token = opened(store, manager)
    answered(store, token, *[member(competence=40)] * 3)

    first = rounds.close_round(store.uow, manager, round_id, now=NOW, policy=POLICY)
    later = NOW + timedelta(hours=1)
    again = rounds.close_round(store.uow, manager, round_id, now=later, policy=POLICY)

    assert again.survey == first.survey
    assert first.survey.closed_at == NOW
    with pytest.raises(NotFoundError):
        rounds.answer(store.uow, token, member(), now=later, policy=POLICY)
    assert store.answers_kept(round_id) == 0


def test_a_round_past_its_deadline_closes_when_it_is_read(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    round_id, token = opened(store, manager, days=1)
    answered(store, token, *[member()] * 3)
    later = NOW + timedelta(days=2)

    with pytest.raises(NotFoundError):  # the link closes with the round
        rounds.answer(store.uow, token, member(), now=later, policy=POLICY)
    listed = rounds.rounds_of_team(store.uow, manager, "default", "nord", now=later, policy=POLICY)

    survey = listed[0].survey
    assert (survey.is_open, survey.closed_at) == (False, NOW + timedelta(days=1))
    assert survey.aggregate is not None
    assert survey.aggregate.respondents == 3
    assert listed[0].answers_shown == "3–4"
    assert listed[0].link is None
    assert store.answers_kept(round_id) == 0


def test_an_assessment_after_the_deadline_closes_the_round_and_takes_it(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    round_id, token = opened(store, manager, days=1)
    answered(store, token, *[member(competence=45)] * 4)

    stored = assessed(store, manager, at=NOW + timedelta(days=3))

    assert stored.assessment.members.used is True
    assert stored.assessment.dimensions["competence"] == 45.0
    assert store.answers_kept(round_id) == 0


def test_rounds_are_independent_no_answer_is_carried_into_the_next(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    first_id, first = opened(store, manager)
    answered(store, first, *[member(functional_level=30)] * 3)
    rounds.close_round(store.uow, manager, first_id, now=NOW, policy=POLICY)
    assessed(store, manager)
    second_id, second = opened(store, manager)
    answered(store, second, member(functional_level=70), member(functional_level=70))

    closed = rounds.close_round(store.uow, manager, second_id, now=NOW, policy=POLICY)

    assert closed.survey.aggregate is not None
    assert closed.survey.aggregate.respondents == 2  # not 5: the first round's three stay there
    with pytest.raises(NotFoundError):  # and the first round's link no longer answers
        rounds.answer(store.uow, first, member(), now=NOW, policy=POLICY)


def test_only_someone_who_may_see_the_team_closes_its_round(store: Store) -> None:
    manager = manager_of(store.uow, "nord")
    other = manager_of(store.uow, "syd")
    round_id, _ = opened(store, manager)

    for principal in (other, ANONYMOUS):
        with pytest.raises(NotFoundError):
            rounds.close_round(store.uow, principal, round_id, now=NOW, policy=POLICY)
    with pytest.raises(NotFoundError):
        rounds.close_round(store.uow, manager, "no-such-round", now=NOW, policy=POLICY)

    listed = rounds.rounds_of_team(store.uow, manager, "default", "nord", now=NOW, policy=POLICY)
    assert listed[0].survey.is_open
