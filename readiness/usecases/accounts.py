"""Users and their scope, passwords, sign-in and API tokens: the one module the edges use.

Who may see what is decided in readiness.access; signing in in readiness.usecases.passwords;
tokens in readiness.usecases.tokens (both available from here too).
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from readiness.access import ROLES, User
from readiness.errors import InputError, NotFoundError, Problem
from readiness.usecases.assessments import Clock, utc_now
from readiness.usecases.organisations import name_of, slug
from readiness.usecases.passwords import (
    MAX_EMAIL,
    MIN_PASSWORD,
    SignInLimits,
    SignInRefused,
    TooManyAttempts,
    authenticate,
    hash_password,
)
from readiness.usecases.ports import UnitOfWork
from readiness.usecases.tokens import create_token, list_tokens, revoke_token, verify_token

__all__ = [
    "BOOTSTRAP_EMAIL",
    "MIN_PASSWORD",
    "SignInLimits",
    "SignInRefused",
    "TooManyAttempts",
    "authenticate",
    "bootstrap_admin",
    "create_token",
    "create_user",
    "disable",
    "hash_password",
    "list_tokens",
    "list_users",
    "normal_email",
    "revoke_token",
    "set_password",
    "sign_out_everywhere",
    "user_by_email",
    "verify_token",
]

BOOTSTRAP_EMAIL = "admin@localhost"
EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)*")


def normal_email(email: str) -> str:
    """The email as stored: trimmed, lower case; InputError when it is not shaped like one."""
    text = email.strip().lower()
    if len(text) > MAX_EMAIL or not EMAIL_SHAPE.fullmatch(text):
        raise InputError([Problem(("email",), f"{email!r} is not an email address", "email")])
    return text


def create_user(
    uow: UnitOfWork,
    email: str,
    name: str,
    role: str,
    org_id: str | None = None,
    unit_ids: Sequence[str] = (),
    password: str | None = None,
    *,
    teams: Sequence[str] = (),
    clock: Clock = utc_now,
) -> User:
    """A new user; without a password they cannot sign in until one is set.

    A manager or HR partner belongs to an existing organisation, an admin to none. An HR partner
    may be limited to some units of it (given by their ids as `readiness unit list` shows them);
    a manager may be named the manager of `teams` in it (teams not assessed yet included).
    """
    if role not in ROLES:
        allowed = ", ".join(ROLES)
        raise InputError([Problem(("role",), f"{role!r} is not one of {allowed}", "role")])
    problems = _scope_problems(role, org_id, unit_ids, teams)
    if problems:
        raise InputError(problems)
    org = slug(org_id, "org") if org_id is not None else None
    user = User(
        id=str(uuid.uuid4()),
        email=normal_email(email),
        name=name_of(name),
        role=role,
        created_at=clock(),
        org_id=org,
        password_hash=hash_password(password) if password is not None else None,
    )
    team_ids = list(dict.fromkeys(slug(team, "teams") for team in teams))
    with uow:
        if org is not None:
            user = replace(user, unit_ids=_units_of(uow, org, unit_ids))
        if uow.users.by_email(user.email) is not None:
            raise InputError([Problem(("email",), f"{user.email} has a user already", "taken")])
        uow.users.add(user)
        for team_id in team_ids:
            uow.team_managers.add(org or "", team_id, user.id)
        uow.commit()
    return user


def _scope_problems(
    role: str, org_id: str | None, unit_ids: Sequence[str], teams: Sequence[str]
) -> list[Problem]:
    problems = []
    if role == "admin" and org_id is not None:
        problems.append(Problem(("org",), "an admin belongs to no organisation", "org"))
    if role != "admin" and org_id is None:
        problems.append(Problem(("org",), f"a {role} belongs to an organisation", "org"))
    if unit_ids and role != "hr":
        problems.append(Problem(("units",), "only an HR partner is limited to units", "units"))
    if teams and role != "manager":
        problems.append(Problem(("teams",), "only a manager manages teams", "teams"))
    return problems


def _units_of(uow: UnitOfWork, org_id: str, unit_slugs: Sequence[str]) -> tuple[str, ...]:
    """The stored ids of the organisation's units called `unit_slugs`; InputError otherwise."""
    try:
        uow.organisations.get(org_id)
    except NotFoundError:
        raise InputError([Problem(("org",), f"there is no organisation {org_id}", "org")]) from None
    known = {unit.slug: unit.id for unit in uow.organisations.units(org_id)}
    wanted = list(dict.fromkeys(slug(unit, "units") for unit in unit_slugs))
    missing = [unit for unit in wanted if unit not in known]
    if missing:
        raise InputError(
            [Problem(("units",), f"{org_id} has no unit {', '.join(missing)}", "units")]
        )
    return tuple(known[unit] for unit in wanted)


def list_users(uow: UnitOfWork) -> list[User]:
    """Every user, by email."""
    with uow:
        return uow.users.all()


def user_by_email(uow: UnitOfWork, email: str) -> User:
    """The user who signs in with `email`; NotFoundError when there is none."""
    with uow:
        user = uow.users.by_email(email.strip().lower())
    if user is None:
        raise NotFoundError(f"no user with the email {email.strip()}")
    return user


def set_password(uow: UnitOfWork, user_id: str, password: str) -> User:
    """A new password; the user's sessions elsewhere end (their tokens stay)."""
    new_hash = hash_password(password)
    return _change(uow, user_id, lambda user: replace(user, password_hash=new_hash))


def disable(uow: UnitOfWork, user_id: str) -> User:
    """The user can no longer sign in, their sessions end and their tokens are refused."""
    return _change(uow, user_id, lambda user: replace(user, disabled=True))


def sign_out_everywhere(uow: UnitOfWork, user_id: str) -> User:
    """End every session of the user, in every browser, by raising their session epoch."""
    return _change(uow, user_id, lambda user: user)


def _change(uow: UnitOfWork, user_id: str, change: Callable[[User], User]) -> User:
    """Save `change(user)` with a new session epoch, so the user's existing sessions end."""
    with uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFoundError(f"no user with id {user_id}")
        changed = change(user)
        changed = replace(changed, session_epoch=user.session_epoch + 1)
        uow.users.save(changed)
        uow.commit()
    return changed


def bootstrap_admin(uow: UnitOfWork, now: datetime) -> tuple[str, str] | None:
    """On a store without any user, an admin `admin@localhost` with a random password: the
    (email, password) to sign in with, to be shown once. None when there are users already
    (also when another process made the admin at the same moment: the email is unique)."""
    password = secrets.token_urlsafe(18)
    admin = User(
        id=str(uuid.uuid4()),
        email=BOOTSTRAP_EMAIL,
        name="Admin",
        role="admin",
        created_at=now,
        password_hash=hash_password(password),
    )
    with uow:
        if uow.users.count() > 0:
            return None
        try:
            uow.users.add(admin)
            uow.commit()
        except ValueError:
            return None
    return BOOTSTRAP_EMAIL, password
