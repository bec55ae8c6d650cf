"""The contract of users, tokens, team managers, sign-in failures, secrets and survey rounds,
held by the in-memory store and by SQL on SQLite and PostgreSQL (the `uow` fixture)."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from readiness import NotFoundError, assess
from readiness.access import ApiToken, User
from readiness.members import MemberAggregate
from readiness.organisation import Team, TeamFilter
from readiness.surveys import SurveyRound
from readiness.usecases import UnitOfWork
from tests.conftest import keep, make_profile, stored_assessment

T0 = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


def user(n: int, **fields: Any) -> User:
    made: dict[str, Any] = {
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "email": f"person{n}@example.se",
        "name": f"Person {n}",
        "role": "manager",
        "created_at": T0,
        "org_id": "default",
    }
    return User(**{**made, **fields})


def token(n: int, owner: User, **fields: Any) -> ApiToken:
    made: dict[str, Any] = {
        "id": f"rdy_{n:08d}",
        "user_id": owner.id,
        "name": f"token {n}",
        "secret_hash": f"{n:064x}",
        "created_at": T0 + timedelta(minutes=n),
    }
    return ApiToken(**{**made, **fields})


def survey(n: int, team: str = "nord", **fields: Any) -> SurveyRound:
    made: dict[str, Any] = {
        "id": f"round-{n}",
        "org_id": "default",
        "team_id": team,
        "opened_at": T0 + timedelta(days=n),
        "deadline": T0 + timedelta(days=n + 7),
    }
    return SurveyRound(**{**made, **fields})


def add_users(uow: UnitOfWork, *users: User) -> None:
    with uow:
        for one in users:
            uow.users.add(one)
        uow.commit()


def add_rounds(uow: UnitOfWork, *rounds: SurveyRound) -> None:
    with uow:
        for one in rounds:
            uow.rounds.add(one)
        uow.commit()


AGGREGATE = MemberAggregate(respondents=4, medians={"functional_level": 55.0})


# Users


def test_a_user_reads_back_as_stored_by_id_and_by_email_in_any_case(uow: UnitOfWork) -> None:
    hr = user(1, role="hr", unit_ids=("u-1", "u-2"), password_hash="$argon2id$x", session_epoch=3)
    add_users(uow, hr)

    with uow:
        by_id = uow.users.get(hr.id)
        by_email = uow.users.by_email("PERSON1@Example.SE")
        nobody = uow.users.by_email("person2@example.se")

    assert by_id == hr
    assert by_email == hr
    assert nobody is None


def test_an_email_is_unique_whatever_its_case_and_kept_in_lower_case(uow: UnitOfWork) -> None:
    add_users(uow, user(1, email="Anna.Berg@Example.se"))

    with uow:
        with pytest.raises(ValueError, match=re.escape("anna.berg@example.se")):
            uow.users.add(user(2, email="ANNA.BERG@EXAMPLE.SE"))
        # The refusal leaves the unit of work usable: what follows is kept.
        uow.users.add(user(3))
        uow.commit()

    with uow:
        emails = [u.email for u in uow.users.all()]
    assert emails == ["anna.berg@example.se", "person3@example.se"]


def test_users_are_listed_by_email_and_counted(uow: UnitOfWork) -> None:
    add_users(uow, user(1, email="cecilia@example.se"), user(2, email="adam@example.se"))

    with uow:
        listed = [u.email for u in uow.users.all()]
        count = uow.users.count()

    assert listed == ["adam@example.se", "cecilia@example.se"]
    assert count == 2


def test_saving_a_user_replaces_password_role_scope_epoch_and_disabled(uow: UnitOfWork) -> None:
    before = user(1)
    add_users(uow, before)
    after = dataclasses.replace(
        before,
        role="hr",
        unit_ids=("u-9",),
        password_hash="$argon2id$new",
        session_epoch=1,
        disabled=True,
        name="Renamed",
    )

    with uow:
        uow.users.save(after)
        uow.commit()

    with uow:
        assert uow.users.get(before.id) == after
        assert uow.users.count() == 1


def test_saving_an_unknown_user_or_taking_anothers_email_is_refused(uow: UnitOfWork) -> None:
    first, second = user(1), user(2)
    add_users(uow, first, second)

    with uow:
        with pytest.raises(NotFoundError, match=user(3).id):
            uow.users.save(user(3))
        with pytest.raises(ValueError, match=re.escape("person1@example.se")):
            uow.users.save(dataclasses.replace(second, email="Person1@example.se"))

    with uow:
        assert uow.users.get(second.id) == second


def test_a_user_added_without_a_commit_is_not_kept(uow: UnitOfWork) -> None:
    with uow:
        uow.users.add(user(1))

    with uow:
        assert uow.users.get(user(1).id) is None
        assert uow.users.count() == 0


# API tokens


def test_tokens_read_back_oldest_first_and_per_user(uow: UnitOfWork) -> None:
    anna, bo = user(1), user(2)
    add_users(uow, anna, bo)
    second, first, other = token(2, anna), token(1, anna), token(3, bo)

    with uow:
        for one in (second, first, other):
            uow.tokens.add(one)
        uow.commit()

    with uow:
        assert uow.tokens.get(first.id) == first
        assert uow.tokens.get("rdy_nothing") is None
        assert uow.tokens.of_user(anna.id) == [first, second]
        assert uow.tokens.all() == [first, second, other]


def test_a_token_reads_back_with_its_user_in_one_look(uow: UnitOfWork) -> None:
    """What every API request reads: the token and the user, each field as stored (the two
    share column names: id, name, created_at)."""
    hr = user(1, role="hr", unit_ids=("u-1",), password_hash="$argon2id$x", session_epoch=2)
    bo = user(2, name="Bo", disabled=True)
    add_users(uow, hr, bo)
    hers, his = token(1, hr, revoked_at=T0 + timedelta(days=1)), token(2, bo)
    with uow:
        uow.tokens.add(hers)
        uow.tokens.add(his)
        uow.commit()

    with uow:
        assert uow.tokens.with_user(hers.id) == (hers, hr)
        assert uow.tokens.with_user(his.id) == (his, bo)
        assert uow.tokens.with_user("rdy_nothing") is None


def test_the_same_token_id_twice_is_refused(uow: UnitOfWork) -> None:
    anna = user(1)
    add_users(uow, anna)

    with uow:
        uow.tokens.add(token(1, anna))
        with pytest.raises(ValueError, match="rdy_00000001"):
            uow.tokens.add(token(1, anna, name="again"))


def test_a_token_is_revoked_once(uow: UnitOfWork) -> None:
    anna = user(1)
    add_users(uow, anna)
    made = token(1, anna)
    with uow:
        uow.tokens.add(made)
        uow.commit()
    at = T0 + timedelta(days=1)

    with uow:
        first = uow.tokens.revoke(made.id, at)
        again = uow.tokens.revoke(made.id, at + timedelta(hours=1))
        unknown = uow.tokens.revoke("rdy_nothing", at)
        uow.commit()

    with uow:
        read = uow.tokens.get(made.id)
    assert (first, again, unknown) == (True, False, False)
    assert read is not None
    assert read.revoked_at == at
    assert not read.active


# Team managers


def test_a_manager_added_twice_is_there_once_and_the_work_goes_on(uow: UnitOfWork) -> None:
    anna, bo = user(1), user(2)
    add_users(uow, anna, bo)

    with uow:
        uow.team_managers.add("default", "nord", anna.id)
        uow.team_managers.add("default", "nord", anna.id)
        uow.team_managers.add("default", "nord", bo.id)
        uow.team_managers.add("default", "syd", anna.id)
        uow.commit()
    with uow:
        uow.team_managers.add("default", "nord", anna.id)
        uow.commit()

    with uow:
        assert uow.team_managers.of_team("default", "nord") == {anna.id, bo.id}
        assert uow.team_managers.of_team("default", "väst") == frozenset()
        assert uow.team_managers.teams_of(anna.id) == [("default", "nord"), ("default", "syd")]


def test_a_removed_manager_no_longer_manages_the_team(uow: UnitOfWork) -> None:
    anna, bo = user(1), user(2)
    add_users(uow, anna, bo)
    with uow:
        uow.team_managers.add("default", "nord", anna.id)
        uow.team_managers.add("default", "nord", bo.id)
        uow.commit()

    with uow:
        uow.team_managers.remove("default", "nord", anna.id)
        uow.team_managers.remove("default", "nord", anna.id)  # nothing left to remove
        uow.commit()

    with uow:
        assert uow.team_managers.of_team("default", "nord") == {bo.id}
        assert uow.team_managers.teams_of(anna.id) == []


# Sign-in failures


def test_failures_are_counted_per_key_from_the_start_of_the_window(uow: UnitOfWork) -> None:
    with uow:
        for minutes in (30, 10, 5, 1):
            uow.sign_ins.add_failure("anna@example.se", T0 - timedelta(minutes=minutes))
        uow.sign_ins.add_failure("bo@example.se", T0)
        uow.commit()

    with uow:
        window = uow.sign_ins.failures_since("anna@example.se", T0 - timedelta(minutes=10))
        everything = uow.sign_ins.failures_since("anna@example.se", T0 - timedelta(hours=1))
        none_yet = uow.sign_ins.failures_since("anna@example.se", T0)
        unknown = uow.sign_ins.failures_since("cecilia@example.se", T0 - timedelta(hours=1))

    assert (window, everything, none_yet, unknown) == (3, 4, 0, 0)


def test_clearing_a_key_forgets_its_failures_only(uow: UnitOfWork) -> None:
    with uow:
        uow.sign_ins.add_failure("anna", T0)
        uow.sign_ins.add_failure("bo", T0)
        uow.commit()

    with uow:
        uow.sign_ins.clear("anna")
        uow.commit()

    with uow:
        since = T0 - timedelta(hours=1)
        assert uow.sign_ins.failures_since("anna", since) == 0
        assert uow.sign_ins.failures_since("bo", since) == 1


def test_pruning_forgets_failures_older_than_the_cutoff(uow: UnitOfWork) -> None:
    with uow:
        for hours in (48, 25, 1):
            uow.sign_ins.add_failure("anna", T0 - timedelta(hours=hours))
        uow.commit()

    with uow:
        pruned = uow.sign_ins.prune(T0 - timedelta(hours=24))
        uow.commit()

    with uow:
        left = uow.sign_ins.failures_since("anna", T0 - timedelta(days=30))
    assert (pruned, left) == (2, 1)


# Secrets


def test_the_first_value_of_a_secret_wins(uow: UnitOfWork) -> None:
    with uow:
        first = uow.secrets.get_or_add("cookie-key", "first")
        same_block = uow.secrets.get_or_add("cookie-key", "second")
        other = uow.secrets.get_or_add("other-key", "other")
        uow.commit()
    with uow:
        later = uow.secrets.get_or_add("cookie-key", "third")

    assert (first, same_block, later, other) == ("first", "first", "first", "other")


def test_a_secret_added_without_a_commit_is_not_kept(uow: UnitOfWork) -> None:
    with uow:
        uow.secrets.get_or_add("cookie-key", "dropped")

    with uow:
        assert uow.secrets.get_or_add("cookie-key", "kept") == "kept"


# Survey rounds


def test_a_round_reads_back_as_stored_and_a_teams_rounds_newest_first(uow: UnitOfWork) -> None:
    older, newer, elsewhere = survey(1, opened_by=user(1).id), survey(2), survey(3, team="syd")
    add_rounds(uow, older, newer, elsewhere)

    with uow:
        assert uow.rounds.get(older.id) == older
        assert uow.rounds.get("round-none") is None
        assert uow.rounds.of_team("default", "nord") == [newer, older]
        assert uow.rounds.of_team("default", "väst") == []
        with pytest.raises(ValueError, match="round-1"):
            uow.rounds.add(survey(1))


def test_open_rounds_past_their_deadline_are_due(uow: UnitOfWork) -> None:
    due = survey(1)
    not_yet = survey(5)
    closed = survey(0, closed_at=T0 + timedelta(days=1), aggregate=AGGREGATE)
    add_rounds(uow, due, not_yet, closed)

    with uow:
        at_deadline = uow.rounds.open_due(due.deadline)
        before = uow.rounds.open_due(due.deadline - timedelta(seconds=1))

    assert [r.id for r in at_deadline] == [due.id]
    assert before == []


def test_answers_are_kept_while_the_round_is_open(uow: UnitOfWork) -> None:
    add_rounds(uow, survey(1), survey(2))
    given = [{"fl_safe_to_err": n % 5 + 1, "co_skills": None} for n in range(6)]

    with uow:
        for answers in given:
            uow.rounds.add_answer("round-1", answers)
        uow.rounds.add_answer("round-2", {"fl_safe_to_err": 1})
        uow.commit()

    with uow:
        count = uow.rounds.answer_count("round-1")
        read = uow.rounds.answers("round-1")

    assert count == 6
    assert sorted(read, key=str) == sorted(given, key=str)


def test_answers_come_back_in_no_order_that_tells_when_they_came(uow: UnitOfWork) -> None:
    add_rounds(uow, survey(1))
    given: list[dict[str, int | None]] = [{"fl_safe_to_err": n} for n in range(20)]
    for answers in given:  # one member at a time, each in a transaction of their own
        with uow:
            uow.rounds.add_answer("round-1", answers)
            uow.commit()

    with uow:
        read = uow.rounds.answers("round-1")

    # 20 answers in the order they came back by chance: 1 in 20! (about 4e-19).
    assert sorted(read, key=lambda a: a["fl_safe_to_err"] or 0) == given
    assert read != given


def test_no_answer_is_taken_for_a_closed_or_unknown_round(uow: UnitOfWork) -> None:
    add_rounds(uow, survey(1, closed_at=T0 + timedelta(days=2), aggregate=AGGREGATE))

    with uow:
        with pytest.raises(NotFoundError, match="round-1"):
            uow.rounds.add_answer("round-1", {"fl_safe_to_err": 3})
        with pytest.raises(NotFoundError, match="round-none"):
            uow.rounds.add_answer("round-none", {"fl_safe_to_err": 3})
        assert uow.rounds.answer_count("round-1") == 0


def test_closing_keeps_the_aggregate_and_deletes_the_answers(uow: UnitOfWork) -> None:
    add_rounds(uow, survey(1), survey(2))
    with uow:
        for n in range(4):
            uow.rounds.add_answer("round-1", {"fl_safe_to_err": n + 1})
        uow.rounds.add_answer("round-2", {"fl_safe_to_err": 5})
        uow.commit()
    at = T0 + timedelta(days=3)

    with uow:
        closed = uow.rounds.close("round-1", AGGREGATE, at)
        uow.commit()

    with uow:
        read = uow.rounds.get("round-1")
        assert uow.rounds.answer_count("round-1") == 0
        assert uow.rounds.answers("round-1") == []
        assert uow.rounds.answer_count("round-2") == 1  # another round keeps its own
    assert closed is True
    assert read is not None
    assert (read.closed_at, read.aggregate, read.is_open) == (at, AGGREGATE, False)


def test_a_round_closes_once_and_its_aggregate_never_changes(uow: UnitOfWork) -> None:
    add_rounds(uow, survey(1))
    first_at = T0 + timedelta(days=3)
    with uow:
        assert uow.rounds.close("round-1", AGGREGATE, first_at) is True
        uow.commit()
    other = MemberAggregate(respondents=9, medians={"functional_level": 10.0})

    with uow:
        again = uow.rounds.close("round-1", other, first_at + timedelta(days=1))
        unknown = uow.rounds.close("round-none", other, first_at)
        uow.commit()

    with uow:
        read = uow.rounds.get("round-1")
    assert (again, unknown) == (False, False)
    assert read is not None
    assert (read.closed_at, read.aggregate) == (first_at, AGGREGATE)


def test_a_close_without_a_commit_keeps_the_round_open_with_its_answers(
    uow: UnitOfWork,
) -> None:
    add_rounds(uow, survey(1))
    with uow:
        uow.rounds.add_answer("round-1", {"fl_safe_to_err": 2})
        uow.commit()

    with uow:
        uow.rounds.close("round-1", AGGREGATE, T0 + timedelta(days=3))

    with uow:
        read = uow.rounds.get("round-1")
        assert uow.rounds.answer_count("round-1") == 1
    assert read is not None
    assert read.is_open
    assert read.aggregate is None


def test_the_newest_closed_round_not_yet_used_is_the_one_to_use(uow: UnitOfWork) -> None:
    closed_early = survey(1, closed_at=T0 + timedelta(days=2), aggregate=AGGREGATE)
    closed_late = survey(2, closed_at=T0 + timedelta(days=9), aggregate=AGGREGATE)
    still_open = survey(3)
    elsewhere = survey(4, team="syd", closed_at=T0 + timedelta(days=20), aggregate=AGGREGATE)
    add_rounds(uow, closed_early, closed_late, still_open, elsewhere)

    with uow:
        first = uow.rounds.unused_closed("default", "nord")
        uow.rounds.mark_used(closed_late.id, "assessment-1")
        second = uow.rounds.unused_closed("default", "nord")
        uow.rounds.mark_used(closed_early.id, "assessment-2")
        none_left = uow.rounds.unused_closed("default", "nord")
        with pytest.raises(NotFoundError, match="round-none"):
            uow.rounds.mark_used("round-none", "assessment-3")
        uow.commit()

    with uow:
        used = uow.rounds.get(closed_late.id)
    assert first == closed_late
    assert second == closed_early
    assert none_left is None
    assert used is not None
    assert used.used_by == "assessment-1"


def test_retention_deletes_rounds_closed_before_the_cutoff_and_nothing_open(
    uow: UnitOfWork,
) -> None:
    cutoff = T0 + timedelta(days=100)
    old = survey(1, closed_at=cutoff - timedelta(seconds=1), aggregate=AGGREGATE)
    at_cutoff = survey(2, closed_at=cutoff, aggregate=AGGREGATE)
    open_long = survey(3)  # opened long ago, never closed: kept (it is closed first)
    add_rounds(uow, old, at_cutoff, open_long)
    with uow:
        uow.rounds.add_answer(open_long.id, {"fl_safe_to_err": 1})
        uow.commit()

    with uow:
        deleted = uow.rounds.delete_closed_before(cutoff)
        uow.commit()

    with uow:
        left = {r.id for r in uow.rounds.of_team("default", "nord")}
        assert uow.rounds.answer_count(open_long.id) == 1
    assert deleted == 1
    assert left == {at_cutoff.id, open_long.id}


# Assessments: who stored them, and retention


def test_who_stored_an_assessment_reads_back(uow: UnitOfWork) -> None:
    profile = {"team_id": "nord", **make_profile()}
    by_anna = stored_assessment(profile, assess(profile), created_by=user(1).id)
    by_nobody = stored_assessment(profile, assess(profile))
    keep(uow, by_anna, by_nobody)

    with uow:
        assert uow.assessments.get(by_anna.id).created_by == user(1).id
        assert uow.assessments.get(by_nobody.id).created_by is None


def test_retention_deletes_assessments_made_before_the_cutoff(uow: UnitOfWork) -> None:
    cutoff = T0 + timedelta(days=365)
    profile = {"team_id": "nord", **make_profile()}
    outcome = assess(profile)
    old = stored_assessment(profile, outcome, created_at=cutoff - timedelta(days=1))
    at_cutoff = stored_assessment(profile, outcome, created_at=cutoff)
    newer = stored_assessment(profile, outcome, created_at=cutoff + timedelta(days=1))
    with uow:
        uow.assessments.add_hashed(old, "hash-old")
        uow.assessments.add(at_cutoff)
        uow.assessments.add(newer)
        uow.commit()

    with uow:
        deleted = uow.assessments.delete_older_than(cutoff)
        uow.commit()

    with uow:
        history = [s.id for s in uow.assessments.team_history("nord")]
        same = uow.assessments.find_same("default", "nord", "hash-old", old.policy_version)
        with pytest.raises(NotFoundError):
            uow.assessments.get(old.id)
    assert deleted == 1
    assert history == [newer.id, at_cutoff.id]
    assert same is None


def test_retention_takes_the_rounds_the_deleted_assessments_used_and_keeps_team_summaries(
    uow: UnitOfWork,
) -> None:
    cutoff = T0 + timedelta(days=365)
    profile = {"team_id": "nord", **make_profile()}
    old = stored_assessment(profile, assess(profile), created_at=cutoff - timedelta(days=1))
    used = survey(1, closed_at=cutoff - timedelta(days=2), aggregate=AGGREGATE)
    unused = survey(2, closed_at=cutoff + timedelta(days=1), aggregate=AGGREGATE)
    team = Team("default", "nord", None, None, "pilot", T0)
    with uow:
        uow.assessments.add(old)
        uow.rounds.add(used)
        uow.rounds.add(unused)
        uow.rounds.mark_used(used.id, old.id)
        uow.teams.save(team)
        uow.commit()

    with uow:
        assert uow.assessments.delete_older_than(cutoff) == 1
        uow.commit()

    with uow:
        assert uow.rounds.get(used.id) is None
        assert uow.rounds.get(unused.id) == unused
        assert uow.teams.get("default", "nord") == team


def test_saving_a_team_twice_replaces_it(uow: UnitOfWork) -> None:
    first = Team("default", "nord", None, None, "none", T0)
    second = dataclasses.replace(first, name="Nord", current_stage="pilot")
    with uow:
        uow.teams.save(first)
        assert uow.teams.get("default", "nord") == first
        uow.teams.save(second)
        read_inside = uow.teams.get("default", "nord")
        uow.commit()

    with uow:
        read_after = uow.teams.get("default", "nord")
        listed = list(uow.teams.find("default", TeamFilter()))
    assert read_inside == second
    assert read_after == second
    assert listed == [second]


def test_many_teams_are_read_by_id_in_statements_of_a_few_ids_each(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database takes only so many parameters a statement: ids are asked for a chunk at a
    time (here 3), and every team comes back once, whatever the chunk it fell in."""
    monkeypatch.setattr("api.storage.org_repository.GET_MANY_CHUNK", 3)
    teams = [Team("default", f"t{n}", f"Lag {n}", None, "none", T0) for n in range(8)]
    with uow:
        uow.teams.save_many(teams)
        uow.commit()

    with uow:
        found = uow.teams.get_many("default", [t.id for t in teams] + ["t9", "saknas"])

    assert found == {t.id: t for t in teams}


def test_a_team_read_before_it_was_saved_reads_back_as_saved(uow: UnitOfWork) -> None:
    """A unit of work may remember what it read (the SQL one does): a save makes it read again,
    a miss included."""
    team = Team("default", "nord", None, None, "none", T0)
    with uow:
        assert uow.teams.get("default", "nord") is None
        uow.teams.save(team)
        assert uow.teams.get("default", "nord") == team
        moved = dataclasses.replace(team, current_stage="pilot")
        uow.teams.save(moved)
        assert uow.teams.get("default", "nord") == moved


def test_a_team_listed_after_it_was_saved_again_is_listed_as_saved(uow: UnitOfWork) -> None:
    """The list of teams inside one unit of work follows its saves, as `get` does."""
    team = Team("default", "nord", None, None, "none", T0)
    moved = dataclasses.replace(team, current_stage="pilot", name="Nord")
    with uow:
        uow.teams.save(team)
        assert list(uow.teams.find("default", TeamFilter())) == [team]
        uow.teams.save(moved)
        assert list(uow.teams.find("default", TeamFilter())) == [moved]


def test_after_a_rollback_a_team_reads_as_the_database_has_it(uow: UnitOfWork) -> None:
    team = Team("default", "nord", None, None, "none", T0)
    with uow:
        uow.teams.save(team)
        assert uow.teams.get("default", "nord") == team
        uow.rollback()
        assert uow.teams.get("default", "nord") is None
        uow.teams.save(team)
        uow.commit()
        renamed = dataclasses.replace(team, name="Nord")
        uow.teams.save(renamed)
        assert uow.teams.get("default", "nord") == renamed
        uow.rollback()
        assert uow.teams.get("default", "nord") == team
