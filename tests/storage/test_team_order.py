"""Lists of teams are ordered by the database as Python orders them, whatever the database's
own locale: by the stored `name_key` (the display name casefolded), by dates, then by id, the
text compared byte by byte (migration 0005)."""

from __future__ import annotations

from datetime import UTC, datetime

from api.storage import Database
from api.storage.migrate import upgrade_engine
from readiness.organisation import TEAM_ORDER, Team, TeamFilter, TeamKey, TeamStatus
from readiness.usecases import portfolio
from tests.support.postgres import PostgresServer

# Names a locale orders otherwise than code points do (en-US puts "åre" before "beta" and
# "örebro" before "zeta"), names that fold to one ("Straße", "STRASSE"), two teams of one name
# whose ids differ where en-US and code points disagree, and teams with no name.
TEAMS = {
    "t1": "Åre",
    "t2": "beta",
    "t3": "örebro",
    "t4": "Zeta",
    "t5": "Straße",
    "t6": "STRASSE",
    "å-lag": "Lag",
    "b-lag": "Lag",
    "ölands-lag": None,
    "zz-lag": None,
    "ärla": None,
}
T0 = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)


def _team(team_id: str, name: str | None) -> Team:
    """Assessed at one moment, so only the ids tell them apart by date."""
    status = TeamStatus("a-" + team_id, T0, "coaching", "pilot", 60, (), (), T0, None, None)
    return Team("default", team_id, name, None, "none", T0, status)


def test_a_database_in_another_locale_still_orders_teams_as_python_does(
    postgres: PostgresServer,
) -> None:
    database = Database(postgres.create_database("team_order_en", icu_locale="en-US"))
    upgrade_engine(database.engine)
    teams = [_team(team_id, name) for team_id, name in TEAMS.items()]
    by_name = [t.id for t in sorted(teams, key=lambda t: TEAM_ORDER["name"](TeamKey.of(t)))]
    by_id = sorted(TEAMS)
    try:
        with database.unit_of_work() as uow:
            uow.teams.save_many(teams)
            uow.commit()
        with database.engine.connect() as connection:
            locale = connection.exec_driver_sql(
                "SELECT string_agg(x, ' ' ORDER BY x) FROM "
                "(VALUES ('åre'), ('beta'), ('örebro'), ('zeta')) AS v(x)"
            ).scalar_one()
        assert locale == "åre beta örebro zeta", "the database sorts as en-US does"
        assert by_name.index("t2") < by_name.index("t1"), "Python sorts by code point"

        pages = [
            portfolio.team_page(database.unit_of_work(), offset=offset, limit=3, sort=sort)
            for sort in ("name", "date")
            for offset in range(0, len(TEAMS), 3)
        ]
        with database.unit_of_work() as uow:
            first = uow.teams.first_by_unit("default", TeamFilter(), len(TEAMS))
            due = uow.teams.first_due("default", TeamFilter(due_by=T0), len(TEAMS))

        listed = [s.team.id for page in pages for s in page.teams]
        assert listed == by_name + by_id  # by date: all at one moment, so by id
        assert [t.id for t in first[None]] == by_name
        assert [t.id for t in due] == by_id
    finally:
        database.dispose()
