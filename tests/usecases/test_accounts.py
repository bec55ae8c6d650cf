"""Users, passwords, sign-in and API tokens, on the in-memory store, SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher

from readiness.errors import InputError, NotFoundError
from readiness.usecases import UnitOfWork, accounts, organisations, passwords
from readiness.usecases.accounts import SignInLimits, SignInRefused, TooManyAttempts
from tests.support.accounts import cheap_hashing

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"
pytestmark = pytest.mark.usefixtures(cheap_hashing.__name__)


def a_manager(uow: UnitOfWork, email: str = "anna@example.se", **more: Any) -> Any:
    return accounts.create_user(uow, email, "Anna", "manager", "default", password=PASSWORD, **more)


def sign_in(uow: UnitOfWork, email: str, password: str, **more: Any) -> Any:
    more.setdefault("now", NOW)
    more.setdefault("client_key", "10.0.0.1")
    return accounts.authenticate(uow, email, password, **more)


def problem_at(error: pytest.ExceptionInfo[InputError]) -> list[tuple[Any, ...]]:
    return [problem.loc for problem in error.value.problems]


# Users


def test_a_user_is_kept_with_a_lower_case_email_and_an_argon2_hash(uow: UnitOfWork) -> None:
    made = accounts.create_user(
        uow, " Anna@Example.SE ", "Anna", "manager", "default", (), PASSWORD
    )

    kept = accounts.user_by_email(uow, "anna@example.se")
    assert kept == made
    assert kept.email == "anna@example.se"
    assert kept.password_hash is not None
    assert kept.password_hash.startswith("$argon2id$")
    assert PASSWORD not in kept.password_hash


@pytest.mark.parametrize(
    ("role", "org", "units", "at"),
    [
        ("owner", "default", (), ("role",)),
        ("manager", None, (), ("org",)),
        ("hr", None, (), ("org",)),
        ("admin", "default", (), ("org",)),
        ("manager", "default", ("vard",), ("units",)),
        ("manager", "nowhere", (), ("org",)),
        ("hr", "default", ("no-such-unit",), ("units",)),
    ],
)
def test_a_user_whose_role_does_not_fit_their_scope_is_refused_naming_the_field(
    uow: UnitOfWork, role: str, org: str | None, units: tuple[str, ...], at: tuple[str]
) -> None:
    with pytest.raises(InputError) as refused:
        accounts.create_user(uow, "x@example.se", "X", role, org, units, PASSWORD)

    assert at in problem_at(refused)
    assert accounts.list_users(uow) == []


@pytest.mark.parametrize(
    ("email", "password", "at"),
    [
        ("not an email", PASSWORD, ("email",)),
        ("two@@example.se", PASSWORD, ("email",)),
        ("anna@example.se", "short pass", ("password",)),
    ],
)
def test_a_bad_email_or_a_short_password_is_refused(
    uow: UnitOfWork, email: str, password: str, at: tuple[str]
) -> None:
    with pytest.raises(InputError) as refused:
        accounts.create_user(uow, email, "Anna", "admin", None, (), password)

    assert problem_at(refused) == [at]


def test_an_email_has_one_user_whatever_its_case(uow: UnitOfWork) -> None:
    a_manager(uow)

    with pytest.raises(InputError) as refused:
        a_manager(uow, "ANNA@example.se")

    assert problem_at(refused) == [("email",)]
    assert len(accounts.list_users(uow)) == 1


def test_an_hr_partner_is_limited_to_units_named_by_their_ids(uow: UnitOfWork) -> None:
    vard = organisations.create_unit(uow, "default", "vard", "Vård")

    hr = accounts.create_user(uow, "hr@example.se", "Hanna", "hr", "default", ["Vard"], PASSWORD)

    assert hr.unit_ids == (vard.id,)
    assert accounts.user_by_email(uow, "hr@example.se").unit_ids == (vard.id,)


def test_a_manager_added_with_teams_manages_them(uow: UnitOfWork) -> None:
    made = a_manager(uow, teams=["nord", "Syd"])

    with uow:
        assert uow.team_managers.teams_of(made.id) == [("default", "nord"), ("default", "syd")]


def test_a_user_without_a_password_cannot_sign_in(uow: UnitOfWork) -> None:
    accounts.create_user(uow, "bo@example.se", "Bo", "admin")

    with pytest.raises(SignInRefused):
        sign_in(uow, "bo@example.se", "")


# Signing in


def test_the_right_password_signs_in_and_a_wrong_one_or_an_unknown_email_does_not(
    uow: UnitOfWork,
) -> None:
    made = a_manager(uow)

    assert sign_in(uow, "ANNA@example.se", PASSWORD) == made
    with pytest.raises(SignInRefused) as wrong_password:
        sign_in(uow, "anna@example.se", PASSWORD + "!")
    with pytest.raises(SignInRefused) as unknown_email:
        sign_in(uow, "nobody@example.se", PASSWORD)

    assert str(wrong_password.value) == str(unknown_email.value)


def test_an_unknown_email_costs_a_password_check_like_a_known_one(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_manager(uow)
    checked: list[str] = []

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:
            checked.append(str(hash))
            return super().verify(hash, password)

    monkeypatch.setattr(
        passwords, "_hasher", Counting(time_cost=1, memory_cost=1024, parallelism=1)
    )

    for email in ("anna@example.se", "nobody@example.se"):
        with pytest.raises(SignInRefused):
            sign_in(uow, email, "wrong password!")

    assert len(checked) == 2
    assert all(hashed.startswith("$argon2id$") for hashed in checked)


@pytest.mark.parametrize("email", ["anna\x00@example.se", "a" * 10_000 + "@example.se", ""])
def test_an_email_no_one_can_have_is_refused_like_any_other(uow: UnitOfWork, email: str) -> None:
    a_manager(uow)

    with pytest.raises(SignInRefused):
        sign_in(uow, email, PASSWORD)


def test_a_disabled_user_cannot_sign_in_even_with_the_right_password(uow: UnitOfWork) -> None:
    made = a_manager(uow)

    accounts.disable(uow, made.id)

    with pytest.raises(SignInRefused):
        sign_in(uow, "anna@example.se", PASSWORD)


def test_a_hash_made_with_weaker_settings_is_replaced_at_sign_in(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = a_manager(uow)
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", stronger)

    sign_in(uow, "anna@example.se", PASSWORD)

    rehashed = accounts.user_by_email(uow, "anna@example.se").password_hash
    assert rehashed is not None
    assert rehashed != made.password_hash
    assert not stronger.check_needs_rehash(rehashed)
    assert sign_in(uow, "anna@example.se", PASSWORD).id == made.id


def test_after_five_failures_an_email_is_refused_even_the_right_password_for_a_while(
    uow: UnitOfWork,
) -> None:
    a_manager(uow)
    for minute in range(5):
        with pytest.raises(SignInRefused):
            sign_in(uow, "anna@example.se", "wrong password!", now=NOW + timedelta(minutes=minute))

    with pytest.raises(TooManyAttempts) as refused:
        sign_in(uow, "anna@example.se", PASSWORD, now=NOW + timedelta(minutes=5))

    assert 0 < refused.value.retry_after <= 15 * 60
    later = NOW + timedelta(minutes=4) + timedelta(seconds=refused.value.retry_after + 1)
    assert sign_in(uow, "anna@example.se", PASSWORD, now=later).email == "anna@example.se"


def test_an_unknown_email_is_limited_like_a_known_one(uow: UnitOfWork) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused):
            sign_in(uow, "nobody@example.se", "wrong password!")

    with pytest.raises(TooManyAttempts):
        sign_in(uow, "nobody@example.se", "wrong password!")


def test_one_client_trying_many_emails_is_limited_too(uow: UnitOfWork) -> None:
    a_manager(uow)
    limits = SignInLimits(per_email=5, per_client=8)
    for number in range(8):
        with pytest.raises(SignInRefused):
            sign_in(uow, f"guess{number}@example.se", "wrong password!", limits=limits)

    with pytest.raises(TooManyAttempts):
        sign_in(uow, "anna@example.se", PASSWORD, limits=limits)
    assert sign_in(uow, "anna@example.se", PASSWORD, client_key="10.0.0.2", limits=limits)


def test_signing_in_forgets_the_earlier_failures_of_the_email(uow: UnitOfWork) -> None:
    a_manager(uow)
    for _ in range(4):
        with pytest.raises(SignInRefused):
            sign_in(uow, "anna@example.se", "wrong password!")

    sign_in(uow, "anna@example.se", PASSWORD)

    for _ in range(4):
        with pytest.raises(SignInRefused):
            sign_in(uow, "anna@example.se", "wrong password!")
    assert sign_in(uow, "anna@example.se", PASSWORD)


def test_the_failures_kept_name_neither_the_email_nor_the_client(uow: UnitOfWork) -> None:
    with pytest.raises(SignInRefused):
        sign_in(uow, "nobody@example.se", "wrong password!", client_key="192.0.2.7")

    with uow:
        assert uow.sign_ins.failures_since("email:nobody@example.se", NOW) == 0
        assert uow.sign_ins.failures_since(passwords._attempt_key("client", "192.0.2.7"), NOW) == 1


# Sessions end


def test_a_new_password_replaces_the_old_and_raises_the_session_epoch(uow: UnitOfWork) -> None:
    made = a_manager(uow)

    changed = accounts.set_password(uow, made.id, "another long password")

    assert changed.session_epoch == made.session_epoch + 1
    assert sign_in(uow, "anna@example.se", "another long password").id == made.id
    with pytest.raises(SignInRefused):
        sign_in(uow, "anna@example.se", PASSWORD)


def test_signing_out_everywhere_and_disabling_raise_the_session_epoch(uow: UnitOfWork) -> None:
    made = a_manager(uow)

    accounts.sign_out_everywhere(uow, made.id)
    disabled = accounts.disable(uow, made.id)

    assert disabled.session_epoch == made.session_epoch + 2
    assert accounts.user_by_email(uow, "anna@example.se").disabled


def test_changing_a_user_who_does_not_exist_is_not_found(uow: UnitOfWork) -> None:
    with pytest.raises(NotFoundError):
        accounts.disable(uow, "00000000-0000-0000-0000-000000000000")
    with pytest.raises(NotFoundError):
        accounts.user_by_email(uow, "nobody@example.se")


# API tokens


def test_a_token_speaks_for_its_user_and_only_its_hash_is_kept(uow: UnitOfWork) -> None:
    made = a_manager(uow)

    token, secret = accounts.create_token(uow, made.id, "HR import", NOW)

    assert re.fullmatch(r"rdy_[0-9a-f]{12}_[A-Za-z0-9_-]{43}", secret)
    assert secret.startswith(f"rdy_{token.id}_")
    with uow:
        kept = uow.tokens.get(token.id)
    assert kept is not None
    secret_part = secret.removeprefix(f"rdy_{token.id}_")
    assert secret_part not in repr(kept)
    assert kept.secret_hash == hashlib.sha256(secret_part.encode()).hexdigest()
    principal = accounts.verify_token(uow, secret)
    assert principal is not None
    assert (principal.user, principal.via, principal.token_id) == (made, "token", token.id)


def test_a_revoked_token_or_one_of_a_disabled_user_speaks_for_no_one(uow: UnitOfWork) -> None:
    made = a_manager(uow)
    other = a_manager(uow, "bo@example.se")
    revoked, revoked_secret = accounts.create_token(uow, made.id, "old", NOW)
    _, of_disabled = accounts.create_token(uow, other.id, "Bo's", NOW)

    accounts.revoke_token(uow, revoked.id, NOW)
    accounts.disable(uow, other.id)

    assert accounts.verify_token(uow, revoked_secret) is None
    assert accounts.verify_token(uow, of_disabled) is None
    with pytest.raises(NotFoundError):
        accounts.revoke_token(uow, revoked.id, NOW)  # once
    with pytest.raises(InputError):
        accounts.create_token(uow, other.id, "new", NOW)


@pytest.mark.parametrize(
    "presented",
    [
        "",
        "rdy_",
        "Bearer rdy_",
        "rdy_0123456789ab",
        "rdy_0123456789ab_short",
        "rdy_0123456789ab_" + "a" * 43,  # well formed, unknown
        "rdy_ZZZZZZZZZZZZ_" + "a" * 43,
        "rdy_0123456789ab_" + "a" * 42 + "\x00",
        "x" * 10_000,
    ],
)
def test_a_malformed_or_unknown_token_speaks_for_no_one(uow: UnitOfWork, presented: str) -> None:
    a_manager(uow)

    assert accounts.verify_token(uow, presented) is None


def test_the_right_id_with_a_wrong_secret_speaks_for_no_one(uow: UnitOfWork) -> None:
    _token, secret = accounts.create_token(uow, a_manager(uow).id, "HR import", NOW)
    wrong = secret[:-1] + ("A" if secret[-1] != "A" else "B")

    assert accounts.verify_token(uow, wrong) is None


def test_tokens_are_listed_without_secrets_revoked_ones_included(uow: UnitOfWork) -> None:
    made = a_manager(uow)
    first, _ = accounts.create_token(uow, made.id, "first", NOW)
    second, _ = accounts.create_token(uow, made.id, "second", NOW + timedelta(seconds=1))
    accounts.revoke_token(uow, first.id, NOW + timedelta(hours=1))

    listed = accounts.list_tokens(uow, made.id)

    assert [(t.id, t.active) for t in listed] == [(first.id, False), (second.id, True)]
    assert [t.id for t in accounts.list_tokens(uow)] == [first.id, second.id]


# The first admin


def test_the_first_admin_is_made_once_on_an_empty_store(uow: UnitOfWork) -> None:
    first = accounts.bootstrap_admin(uow, NOW)

    assert first is not None
    email, password = first
    assert email == "admin@localhost"
    assert len(password) >= 12
    assert sign_in(uow, email, password).role == "admin"
    assert accounts.bootstrap_admin(uow, NOW) is None
    assert len(accounts.list_users(uow)) == 1


def test_no_first_admin_is_made_where_users_exist(uow: UnitOfWork) -> None:
    a_manager(uow)

    assert accounts.bootstrap_admin(uow, NOW) is None
    assert [u.role for u in accounts.list_users(uow)] == ["manager"]


class _RacedUsers:
    """The users of a store as a second process saw them: none yet, a moment ago."""

    def __init__(self, users: Any) -> None:
        self._users = users

    def count(self) -> int:
        return 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._users, name)


class _Raced:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    def __enter__(self) -> _Raced:
        self._uow.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._uow.__exit__(None, None, None)

    @property
    def users(self) -> _RacedUsers:
        return _RacedUsers(self._uow.users)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._uow, name)


def test_two_processes_starting_at_once_make_one_first_admin(uow: UnitOfWork) -> None:
    assert accounts.bootstrap_admin(uow, NOW) is not None

    second = accounts.bootstrap_admin(_Raced(uow), NOW)  # type: ignore[arg-type]

    assert second is None
    assert len(accounts.list_users(uow)) == 1
