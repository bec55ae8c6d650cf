"""A list of teams by name is ordered by the database as Python orders it, whatever the
database's own locale: by the stored `name_key` (the display name casefolded), then by id, both
compared byte by byte (migration 0005)."""

from __future__ import annotations

from readiness.organisation import TEAM_ORDER, TeamFilter, TeamKey
from readiness.usecases import organisations as org
from readiness.usecases import portfolio
from readiness.usecases.ports import UnitOfWork
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


def _fill(uow: UnitOfWork) -> list[str]:
    for team_id, name in TEAMS.items():
        org.save_team(uow, "default", team_id, name=name)
    with uow:
        teams = list(uow.teams.find("default", TeamFilter()))
    return [t.id for t in sorted(teams, key=lambda t: TEAM_ORDER["name"](TeamKey.of(t)))]


def test_a_database_in_another_locale_still_pages_teams_in_pythons_order(
    postgres: PostgresServer,
) -> None:
    from api.storage import Database
    from api.storage.migrate import upgrade_engine

    database = Database(postgres.create_database("team_order_en", icu_locale="en-US"))
    upgrade_engine(database.engine)
    try:
        expected = _fill(database.unit_of_work())
        with database.engine.connect() as connection:
            locale = connection.exec_driver_sql(
                "SELECT string_agg(x, ' ' ORDER BY x) FROM "
                "(VALUES ('åre'), ('beta'), ('örebro'), ('zeta')) AS v(x)"
            ).scalar_one()
        assert locale == "åre beta örebro zeta", "the database sorts as en-US does"
        assert expected.index("t2") < expected.index("t1"), "Python sorts by code point"

        pages = [
            portfolio.team_page(database.unit_of_work(), offset=offset, limit=3)
            for offset in range(0, len(TEAMS), 3)
        ]

        assert [s.team.id for page in pages for s in page.teams] == expected
        assert {page.total for page in pages} == {len(TEAMS)}
    finally:
        database.dispose()
