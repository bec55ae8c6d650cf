"""`readiness user …`, `readiness token …`, and the first admin of `readiness serve`."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from api.settings import load_settings
from api.storage import Database
from readiness.usecases import accounts
from readiness_cli.exits import EXIT_DATA, EXIT_PROBLEMS, EXIT_USAGE
from readiness_cli.main import main
from readiness_cli.users import welcome_first_admin
from tests.support.accounts import cheap_hashing
from tests.support.live_server import live_server

pytestmark = pytest.mark.usefixtures(cheap_hashing.__name__)

NOW = datetime(2027, 3, 1, tzinfo=UTC)
PRINTED_PASSWORD = re.compile(r"^password: (\S+)  \(shown only now\)$", re.MULTILINE)
FIRST_ADMIN = re.compile(r"sign in at (\S+) as (\S+) with the password (\S+)")


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """The database the commands use (READINESS_DATABASE_URL), to look into afterwards."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("READINESS_DATABASE_URL", url)
    database = Database(url)
    yield database
    database.dispose()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command's exit code, stdout and stderr."""
    try:
        code = main(list(args))
    except SystemExit as exit:  # argparse
        code = int(exit.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def signs_in(database: Database, email: str, password: str) -> bool:
    try:
        accounts.authenticate(database.unit_of_work(), email, password, NOW, "cli-test")
    except accounts.SignInRefused:
        return False
    return True


def test_user_add_makes_a_password_shows_it_once_and_it_signs_in(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    code, out, err = run(
        capsys, "user", "add", "Anna@Example.se", "--name", "Anna", "--role", "admin"
    )

    assert (code, err) == (0, "")
    assert out.startswith("user anna@example.se (admin)\n")
    printed = PRINTED_PASSWORD.search(out)
    assert printed
    assert signs_in(database, "anna@example.se", printed[1])
    listed = run(capsys, "user", "list")[1]
    assert printed[1] not in listed
    assert "$argon2" not in listed


def test_user_add_reads_a_password_from_stdin_and_prints_none(
    capsys: pytest.CaptureFixture[str], database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a password of my own\n"))

    code, out, _ = run(
        capsys, "user", "add", "bo@example.se", "--name", "Bo", "--role", "hr", "--password-stdin"
    )

    assert code == 0
    assert out == "user bo@example.se (hr in default)\n"
    assert signs_in(database, "bo@example.se", "a password of my own")


def test_a_manager_is_added_with_the_teams_they_manage(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    args = ["user", "add", "cm@example.se", "--name", "Cecilia", "--role", "manager"]

    code, _, _ = run(capsys, *args, "--team", "nord", "--team", "Syd")

    assert code == 0
    assert "teams=nord,syd" in run(capsys, "user", "list")[1]
    with database.unit_of_work() as uow:
        manager = uow.users.by_email("cm@example.se")
        assert manager is not None
        assert uow.team_managers.teams_of(manager.id) == [("default", "nord"), ("default", "syd")]


def test_an_hr_partner_is_added_for_some_units(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    assert run(capsys, "unit", "create", "vard", "--name", "Vård")[0] == 0

    code, _, _ = run(
        capsys, "user", "add", "hr@example.se", "--name", "H", "--role", "hr", "--unit", "vard"
    )

    assert code == 0
    assert "units=" in run(capsys, "user", "list")[1]


@pytest.mark.parametrize(
    ("args", "exit_code", "said"),
    [
        (["not-an-email", "--name", "X", "--role", "admin"], EXIT_DATA, "email"),
        (
            ["x@example.se", "--name", "X", "--role", "manager", "--org", "nowhere"],
            EXIT_DATA,
            "org",
        ),
        (["x@example.se", "--name", "X", "--role", "admin", "--team", "nord"], EXIT_DATA, "teams"),
        (["x@example.se", "--name", "X", "--role", "hr", "--unit", "nope"], EXIT_DATA, "units"),
        (["x@example.se", "--name", "X", "--role", "owner"], EXIT_USAGE, "role"),
    ],
)
def test_user_add_says_what_is_wrong_and_exits_with_its_code(
    capsys: pytest.CaptureFixture[str],
    database: Database,
    args: list[str],
    exit_code: int,
    said: str,
) -> None:
    code, out, err = run(capsys, "user", "add", *args)

    assert code == exit_code
    assert said in err
    assert "Traceback" not in err
    assert out == ""


def test_a_short_password_from_stdin_is_refused(
    capsys: pytest.CaptureFixture[str], database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))

    code, _, err = run(
        capsys, "user", "add", "a@example.se", "--name", "A", "--role", "admin", "--password-stdin"
    )

    assert code == EXIT_DATA
    assert "password: a password has 12 to 1000 characters (got 5)" in err


def test_user_disable_and_passwd(capsys: pytest.CaptureFixture[str], database: Database) -> None:
    first = run(capsys, "user", "add", "a@example.se", "--name", "A", "--role", "admin")[1]
    old = PRINTED_PASSWORD.search(first)
    assert old

    code, out, _ = run(capsys, "user", "passwd", "A@example.se")
    new = PRINTED_PASSWORD.search(out)

    assert code == 0
    assert new
    assert not signs_in(database, "a@example.se", old[1])
    assert signs_in(database, "a@example.se", new[1])
    assert run(capsys, "user", "disable", "a@example.se")[0] == 0
    assert not signs_in(database, "a@example.se", new[1])
    assert "\tdisabled" in run(capsys, "user", "list")[1]
    assert run(capsys, "user", "disable", "nobody@example.se")[:1] == (EXIT_PROBLEMS,)


def test_a_token_is_printed_once_alone_and_listed_without_its_secret(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    run(capsys, "user", "add", "a@example.se", "--name", "A", "--role", "admin")

    code, out, err = run(capsys, "token", "create", "--user", "a@example.se", "--name", "HR import")

    token = out.strip()
    assert code == 0
    assert re.fullmatch(r"rdy_[0-9a-f]{12}_[A-Za-z0-9_-]{43}", token)
    assert out == token + "\n"
    token_id = token.split("_")[1]
    assert f"token {token_id} for a@example.se" in err
    principal = accounts.verify_token(database.unit_of_work(), token)
    assert principal is not None
    assert principal.user is not None
    assert principal.user.email == "a@example.se"
    listed = run(capsys, "token", "list")[1]
    assert listed.split("\t")[:3] == [token_id, "a@example.se", "HR import"]
    assert listed.rstrip().endswith("active")
    assert token.split("_", 2)[2] not in listed


def test_a_revoked_token_is_refused_and_listed_as_revoked(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    run(capsys, "user", "add", "a@example.se", "--name", "A", "--role", "admin")
    token = run(capsys, "token", "create", "--user", "a@example.se", "--name", "old")[1].strip()
    token_id = token.split("_")[1]

    code, out, _ = run(capsys, "token", "revoke", token_id)

    assert (code, out) == (0, f"token {token_id} revoked\n")
    assert accounts.verify_token(database.unit_of_work(), token) is None
    assert "\trevoked " in run(capsys, "token", "list", "--user", "a@example.se")[1]
    again = run(capsys, "token", "revoke", token_id)
    assert again[0] == EXIT_PROBLEMS
    assert f"no active token {token_id}" in again[2]


def test_a_token_for_nobody_is_refused(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    code, out, err = run(capsys, "token", "create", "--user", "nobody@example.se", "--name", "x")

    assert code == EXIT_PROBLEMS
    assert out == ""
    assert "no user with the email nobody@example.se" in err


# The first admin


def test_the_first_admin_is_told_once(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    settings = load_settings(port=8123)

    welcome_first_admin(settings)
    first = capsys.readouterr()
    welcome_first_admin(settings)
    second = capsys.readouterr()

    told = FIRST_ADMIN.search(first.err)
    assert told
    assert told[1] == "http://127.0.0.1:8123/sign-in"
    assert told[2] == "admin@localhost"
    assert signs_in(database, "admin@localhost", told[3])
    assert first.out == ""
    assert second == ("", "")


def test_readiness_serve_tells_the_first_admin_at_its_first_start_only(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    with live_server(url, log_dir=tmp_path) as server:
        told = FIRST_ADMIN.search(server.output())
        assert told, server.output()
        with httpx.Client(base_url=server.url) as browser:
            form = browser.get("/sign-in")
            csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
            assert csrf
            # httpx sends a Secure cookie over HTTPS only (a browser, to 127.0.0.1 too): by hand.
            browser.cookies.set("readiness_session", form.cookies["readiness_session"])
            fields = {"csrf": csrf[1], "email": told[2], "password": told[3]}
            signed_in = browser.post("/sign-in", data=fields)
    with live_server(url, log_dir=tmp_path) as again:
        output = again.output()

    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/?lang=sv"
    assert "first start" not in output
    assert told[3] not in output
