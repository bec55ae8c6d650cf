"""`readiness user …` and `readiness token …`: who may sign in, and the API tokens of programs.

A password is read from stdin with `--password-stdin`, else made at random and printed once. A
token is printed once, alone on stdout (``TOKEN=$(readiness token create …)``); lists show ids,
never a secret.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from datetime import UTC, datetime
from typing import Any

from api.settings import Settings
from readiness import PolicyError, load_policy
from readiness.access import ROLES, User
from readiness.usecases import DEFAULT_ORG, UnitOfWork, accounts
from readiness_cli.store import unit_of_work


def add_commands(commands: Any) -> None:
    """Add `user add|list|disable|passwd` and `token create|list|revoke`."""
    user = commands.add_parser("user", help="people who sign in: add, list, disable, passwd")
    actions = user.add_subparsers(required=True, metavar="ACTION")
    add = actions.add_parser("add", help="a new user")
    add.add_argument("email", help="what they sign in with")
    add.add_argument("--name", required=True, help="their name, as the pages show it")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--org", help=f"their organisation (manager, hr; default: {DEFAULT_ORG})")
    add.add_argument("--unit", action="append", default=[], help="hr: a unit in scope (repeat)")
    add.add_argument("--team", action="append", default=[], help="manager: a team (repeat)")
    _password_option(add)
    add.set_defaults(run=_user_add)
    actions.add_parser("list", help="every user").set_defaults(run=_user_list)
    disable = actions.add_parser("disable", help="no more sign-in, sessions or tokens")
    disable.add_argument("email")
    disable.set_defaults(run=_user_disable)
    passwd = actions.add_parser("passwd", help="a new password (ends their sessions)")
    passwd.add_argument("email")
    _password_option(passwd)
    passwd.set_defaults(run=_user_passwd)

    token = commands.add_parser("token", help="API tokens: create, list, revoke")
    actions = token.add_subparsers(required=True, metavar="ACTION")
    create = actions.add_parser("create", help="a new token, printed once")
    create.add_argument("--user", required=True, metavar="EMAIL", help="whose rights it has")
    create.add_argument("--name", required=True, help="what it is for, e.g. 'HR import'")
    create.set_defaults(run=_token_create)
    listing = actions.add_parser("list", help="every token (ids only, never secrets)")
    listing.add_argument("--user", metavar="EMAIL", help="only this user's")
    listing.set_defaults(run=_token_list)
    revoke = actions.add_parser("revoke", help="refuse a token from now on")
    revoke.add_argument("id", help="the token's id, as `token list` shows it")
    revoke.set_defaults(run=_token_revoke)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from stdin (else one is made and printed once)",
    )


def _password(args: argparse.Namespace) -> tuple[str, bool]:
    """The password to set, and whether it was made here (and so must be shown)."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n"), False
    return secrets.token_urlsafe(15), True


def _user_add(args: argparse.Namespace) -> int:
    password, made = _password(args)
    org = args.org or (DEFAULT_ORG if args.role != "admin" else None)
    with unit_of_work(args.settings) as uow:
        user = accounts.create_user(
            uow, args.email, args.name, args.role, org, args.unit, password, teams=args.team
        )
    print(f"user {user.email} ({user.role}{f' in {user.org_id}' if user.org_id else ''})")
    if made:
        print(f"password: {password}  (shown only now)")
    return 0


def _user_list(args: argparse.Namespace) -> int:
    with unit_of_work(args.settings) as uow:
        users = accounts.list_users(uow)
        with uow:
            teams = {user.id: uow.team_managers.teams_of(user.id) for user in users}
    for user in users:
        scope = user.org_id or "*"
        if user.unit_ids:
            scope += f" units={','.join(user.unit_ids)}"
        if teams[user.id]:
            scope += f" teams={','.join(team for _, team in teams[user.id])}"
        status = "disabled" if user.disabled else "active"
        print(f"{user.email}\t{user.name}\t{user.role}\t{scope}\t{status}")
    return 0


def _user_disable(args: argparse.Namespace) -> int:
    with unit_of_work(args.settings) as uow:
        user = accounts.disable(uow, accounts.user_by_email(uow, args.email).id)
    print(f"user {user.email} disabled: signed out, tokens refused")
    return 0


def _user_passwd(args: argparse.Namespace) -> int:
    password, made = _password(args)
    with unit_of_work(args.settings) as uow:
        user = accounts.set_password(uow, accounts.user_by_email(uow, args.email).id, password)
    print(f"new password for {user.email}; their sessions have ended")
    if made:
        print(f"password: {password}  (shown only now)")
    return 0


def _token_create(args: argparse.Namespace) -> int:
    with unit_of_work(args.settings) as uow:
        user = accounts.user_by_email(uow, args.user)
        token, secret = accounts.create_token(uow, user.id, args.name, datetime.now(UTC))
    print(f"token {token.id} for {user.email}; shown only now:", file=sys.stderr)
    print(secret)
    return 0


def _token_list(args: argparse.Namespace) -> int:
    with unit_of_work(args.settings) as uow:
        owner = accounts.user_by_email(uow, args.user) if args.user else None
        tokens = accounts.list_tokens(uow, owner.id if owner else None)
        emails = {user.id: user.email for user in _users(uow, owner)}
    for token in tokens:
        state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
        made = f"{token.created_at:%Y-%m-%d}"
        print(f"{token.id}\t{emails.get(token.user_id, '?')}\t{token.name}\t{made}\t{state}")
    return 0


def _users(uow: UnitOfWork, owner: User | None) -> list[User]:
    return [owner] if owner is not None else accounts.list_users(uow)


def _token_revoke(args: argparse.Namespace) -> int:
    with unit_of_work(args.settings) as uow:
        accounts.revoke_token(uow, args.id, datetime.now(UTC))
    print(f"token {args.id} revoked")
    return 0


def welcome_first_admin(settings: Settings) -> None:
    """On a database without users (migrated first), make the admin and say once, on stderr,
    how to sign in. A policy or database that cannot be used is left for `serve` to report."""
    from api.storage import StorageError  # as `serve` does, only when the service starts

    try:
        load_policy(settings.rules_dir)
        with unit_of_work(settings) as uow:
            made = accounts.bootstrap_admin(uow, datetime.now(UTC))
    except (PolicyError, StorageError):
        return
    if made is None:
        return
    email, password = made
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::", "") else settings.host
    host = f"[{host}]" if ":" in host else host
    print(
        f"readiness: first start: sign in at http://{host}:{settings.port}/sign-in as {email} "
        f"with the password {password}\n"
        f"readiness: shown only this once; change it with `readiness user passwd {email}`",
        file=sys.stderr,
    )
