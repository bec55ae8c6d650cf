"""API tokens: made for a user, shown once, kept as a hash, compared in constant time.

A token reads ``rdy_<id>_<secret>``: the id is public (lists, logs), the secret is 256 random bits
kept only as its SHA-256 digest. A token speaks for its user until it is revoked or the user is
disabled.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime

from readiness.access import ApiToken, Principal
from readiness.errors import InputError, NotFoundError, Problem
from readiness.usecases.organisations import name_of
from readiness.usecases.ports import UnitOfWork

TOKEN_PREFIX = "rdy_"
TOKEN_SHAPE = re.compile(r"rdy_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")


def create_token(uow: UnitOfWork, user_id: str, name: str, now: datetime) -> tuple[ApiToken, str]:
    """A new API token for an active user: the stored token and the secret string, shown once."""
    label = name_of(name)
    secret = secrets.token_urlsafe(32)
    token = ApiToken(
        id=secrets.token_hex(6),
        user_id=user_id,
        name=label,
        secret_hash=_digest(secret),
        created_at=now,
    )
    with uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFoundError(f"no user with id {user_id}")
        if user.disabled:
            raise InputError([Problem(("user",), f"{user.email} is disabled", "disabled")])
        uow.tokens.add(token)
        uow.commit()
    return token, f"{TOKEN_PREFIX}{token.id}_{secret}"


def verify_token(uow: UnitOfWork, presented: str) -> Principal | None:
    """Who a presented token speaks for; None when it is malformed, unknown, revoked or its
    user is disabled."""
    shape = TOKEN_SHAPE.fullmatch(presented.strip())
    if shape is None:
        return None
    token_id, secret = shape.groups()
    with uow:
        found = uow.tokens.with_user(token_id)
    token, user = found if found is not None else (None, None)
    stored = token.secret_hash if token is not None else _digest("")
    if not hmac.compare_digest(_digest(secret), stored):
        return None
    if token is None or not token.active or user is None or user.disabled:
        return None
    return Principal(user=user, via="token", token_id=token.id)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def list_tokens(uow: UnitOfWork, user_id: str | None = None) -> list[ApiToken]:
    """Every token (or the user's), oldest first, revoked ones included; never a secret."""
    with uow:
        return uow.tokens.all() if user_id is None else uow.tokens.of_user(user_id)


def revoke_token(uow: UnitOfWork, token_id: str, now: datetime) -> None:
    """Refuse the token from now on; NotFoundError when there is no such active token."""
    with uow:
        if not uow.tokens.revoke(token_id.strip().lower(), now):
            raise NotFoundError(f"no active token {token_id}")
        uow.commit()
