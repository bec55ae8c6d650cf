"""Passwords and signing in: argon2 hashes, and a limit on failures kept in the database.

Passwords are kept as argon2 hashes (argon2-cffi's defaults, rehashed at sign-in when those
change). Failures are counted per email and per client address in the database, so every worker
shares the count; an unknown email costs as much time as a known one and gets the same answer, so
neither timing nor wording tells which emails exist. The counts are kept under hashed keys.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from readiness.access import User
from readiness.errors import InputError, Problem, ReadinessError
from readiness.usecases.ports import UnitOfWork

MIN_PASSWORD = 12
MAX_PASSWORD = 1_000  # a longer one is a mistake (or an attempt to make hashing expensive)
MAX_EMAIL = 254

_hasher = PasswordHasher()


class SignInRefused(ReadinessError):
    """The email and password do not match an active user (which of them is wrong is not said)."""


class TooManyAttempts(ReadinessError):
    """Too many failed sign-ins for this email or from this client; try again after a while."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"too many failed sign-ins; try again in {retry_after} seconds")


@dataclass(frozen=True)
class SignInLimits:
    """At most `per_email` failures for one email and `per_client` from one client per `window`."""

    per_email: int = 5
    per_client: int = 20
    window: timedelta = timedelta(minutes=15)


def hash_password(password: str) -> str:
    """The argon2 hash of a password of `MIN_PASSWORD` to `MAX_PASSWORD` characters."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InputError(
            [
                Problem(
                    ("password",),
                    f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters "
                    f"(got {len(password)})",
                    "password",
                )
            ]
        )
    return _hasher.hash(password)


def authenticate(
    uow: UnitOfWork,
    email: str,
    password: str,
    now: datetime,
    client_key: str,
    *,
    limits: SignInLimits | None = None,
) -> User:
    """The active user with this email and password.

    Raises TooManyAttempts (with the seconds to wait) while the email or the client has too many
    recent failures, whether or not the password is right, and SignInRefused otherwise.
    """
    limits = limits or SignInLimits()
    email = email.strip().lower()
    by_email, by_client = _attempt_key("email", email), _attempt_key("client", client_key)
    since = now - limits.window
    with uow:
        locked = (
            uow.sign_ins.failures_since(by_email, since) >= limits.per_email
            or uow.sign_ins.failures_since(by_client, since) >= limits.per_client
        )
        # An email no user can have (a NUL byte, which PostgreSQL refuses) is looked for nowhere.
        storable = len(email) <= MAX_EMAIL and "\x00" not in email
        user = uow.users.by_email(email) if storable and not locked else None
    if locked:
        # The oldest failure counted may be younger than the window; waiting all of it is safe.
        raise TooManyAttempts(int(limits.window.total_seconds()))
    if _verify(user, password) and user is not None and not user.disabled:
        with uow:
            if user.password_hash and _hasher.check_needs_rehash(user.password_hash):
                uow.users.save(replace(user, password_hash=_hasher.hash(password)))
            uow.sign_ins.clear(by_email)
            uow.commit()
        return user
    with uow:
        uow.sign_ins.add_failure(by_email, now)
        uow.sign_ins.add_failure(by_client, now)
        uow.sign_ins.prune(since)
        uow.commit()
    raise SignInRefused("the email or the password is wrong")


def _attempt_key(kind: str, value: str) -> str:
    # Hashed: the table of failures keeps neither the emails typed nor the addresses they came from.
    return f"{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


@cache
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def _verify(user: User | None, password: str) -> bool:
    """Whether `password` is the user's; as slow for an unknown user or one without a password."""
    stored = user.password_hash if user is not None else None
    try:
        return _hasher.verify(stored or _dummy_hash(), password[:MAX_PASSWORD]) and bool(stored)
    except (VerificationError, InvalidHashError):
        return False
