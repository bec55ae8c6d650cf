"""Who may see and change what: users, their roles, API tokens, and the rules between them.

Three roles (`ROLES`):

- `manager`: the teams they manage in their organisation (a manager who stores the first
  assessment of a new team becomes its manager; an admin or HR partner can add more);
- `hr`: one organisation, or only some of its units (each with every unit below it);
- `admin`: everything, including organisations, users, tokens and the policy.

People sign in to the pages with a password (kept as an argon2 hash); programs use API tokens
(kept as a SHA-256 hash of a 256-bit secret). Nobody signed in is `ANONYMOUS`, who may use what
stores nothing: the blank questionnaire, evaluation, the policy, a survey behind its link.

The rules here are pure: they take what storage knows (a team's unit, the unit tree, who manages
the team) and answer yes or no. Callers that are refused answer 404, never 403, so that ids and
names do not leak (see `readiness.usecases.access`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Role = Literal["manager", "hr", "admin"]
ROLES: tuple[Role, ...] = ("manager", "hr", "admin")
Via = Literal["anonymous", "session", "token"]


@dataclass(frozen=True)
class User:
    """A person who may sign in (or own API tokens)."""

    id: str
    email: str  # lower case; the name people sign in with
    name: str
    role: Role
    created_at: datetime
    org_id: str | None = None  # manager and hr: their organisation; admin: None (all)
    unit_ids: tuple[str, ...] = ()  # hr: the units in scope, each with its subtree; () = all
    password_hash: str | None = None  # argon2; None: cannot sign in with a password
    disabled: bool = False
    # Sessions carry the epoch they were signed under; raising it signs the user out everywhere.
    session_epoch: int = 0


@dataclass(frozen=True)
class ApiToken:
    """An API token as stored: never the secret, only its hash."""

    id: str  # the public part of the token, shown in lists and logs
    user_id: str
    name: str
    secret_hash: str  # SHA-256 hex of the secret part
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class Principal:
    """Who is asking: nobody, or a user through a signed-in session or an API token."""

    user: User | None = None
    via: Via = "anonymous"
    token_id: str | None = None

    @property
    def signed_in(self) -> bool:
        return self.user is not None

    @property
    def role(self) -> Role | None:
        return self.user.role if self.user else None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_hr(self) -> bool:
        return self.role == "hr"

    @property
    def user_id(self) -> str | None:
        return self.user.id if self.user else None


ANONYMOUS = Principal()


@dataclass(frozen=True)
class TeamFacts:
    """What the rules need to know of a team: where it sits and who manages it."""

    org_id: str
    team_id: str
    unit_id: str | None = None
    managers: frozenset[str] = field(default_factory=frozenset)  # user ids


def descendants(unit_ids: Iterable[str], parents: Mapping[str, str | None]) -> set[str]:
    """`unit_ids` with every unit below them, given each unit's parent (`parents[unit] = parent`)."""
    children: dict[str | None, list[str]] = {}
    for unit, parent in parents.items():
        children.setdefault(parent, []).append(unit)
    found: set[str] = set()
    stack = list(unit_ids)
    while stack:
        unit = stack.pop()
        if unit in found:
            continue
        found.add(unit)
        stack.extend(children.get(unit, ()))
    return found


def sees_organisation(principal: Principal, org_id: str) -> bool:
    """Whether `principal` works in `org_id` at all (an admin works everywhere)."""
    user = principal.user
    if user is None or user.disabled:
        return False
    return user.role == "admin" or user.org_id == org_id


def sees_whole_organisation(principal: Principal, org_id: str) -> bool:
    """Admin, or an HR partner of `org_id` not limited to some of its units."""
    user = principal.user
    if user is None or user.disabled:
        return False
    if user.role == "admin":
        return True
    return user.role == "hr" and user.org_id == org_id and not user.unit_ids


def may_follow_organisation(principal: Principal, org_id: str) -> bool:
    """Admin or any HR partner of `org_id`: portfolio, team lists, waves, batches (within scope)."""
    user = principal.user
    if user is None or user.disabled:
        return False
    return user.role == "admin" or (user.role == "hr" and user.org_id == org_id)


def limited_to_units(principal: Principal) -> bool:
    """Whether what `principal` sees depends on the unit tree: an HR partner limited to units.
    For anyone else the tree is not read."""
    user = principal.user
    return user is not None and user.role == "hr" and bool(user.unit_ids)


def hr_units(principal: Principal, parents: Mapping[str, str | None]) -> set[str] | None:
    """The units an HR partner sees (with their subtrees); None when not limited to units."""
    user = principal.user
    if user is None or not limited_to_units(principal):
        return None
    return descendants(user.unit_ids, parents)


def may_see_team(
    principal: Principal, team: TeamFacts, parents: Mapping[str, str | None] | None = None
) -> bool:
    """Whether `principal` may read `team` and its history, and store or survey for it.

    An admin sees every team; an HR partner the teams of their organisation (of their units, when
    limited to some, given the unit tree as `parents`); a manager the teams they manage.
    """
    user = principal.user
    if user is None or user.disabled:
        return False
    if user.role == "admin":
        return True
    if user.org_id != team.org_id:
        return False
    if user.role == "manager":
        return user.id in team.managers
    scope = hr_units(principal, parents or {})
    return scope is None or (team.unit_id is not None and team.unit_id in scope)


def may_administer(principal: Principal) -> bool:
    """Organisations, users, tokens and the policy: admins only."""
    return principal.is_admin and principal.user is not None and not principal.user.disabled
