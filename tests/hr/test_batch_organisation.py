"""An HR partner loads an organisation of 5,000 teams in 40 units from Excel with `readiness batch`.

The good teams are stored, the bad rows are reported by row and column, the same teams sent again
(as XLSX this time) store nothing, and the portfolio counts what is stored: on SQLite and on
PostgreSQL, through the real command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from api.storage import Database
from api.storage.migrate import upgrade_engine
from api.storage.tables import AssessmentRow, TeamRow
from readiness.usecases import organisations, portfolio
from tests.support.org_file import OrgFile, generate

UNITS = [f"enhet-{n:02d}" for n in range(40)]
TEAMS = 5_000


def readiness(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "READINESS_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "readiness_cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )


@pytest.fixture(scope="module")
def organisation() -> OrgFile:
    return generate(TEAMS, UNITS, seed=7, bad=6)


def test_an_organisation_loads_from_excel_once_and_the_portfolio_counts_it(
    database_url: str, tmp_path: Path, organisation: OrgFile
) -> None:
    database = Database(database_url)
    upgrade_engine(database.engine)
    for unit in UNITS:
        organisations.create_unit(database.unit_of_work(), "default", unit, unit.title())
    csv_file, xlsx_file = tmp_path / "organisation.csv", tmp_path / "organisation.xlsx"
    organisation.write_csv(csv_file)
    organisation.write_xlsx(xlsx_file)

    first = readiness(database_url, "batch", str(csv_file))
    again = readiness(database_url, "batch", str(xlsx_file))

    assert first.returncode == again.returncode == 65, first.stderr
    for bad in organisation.bad:
        assert f"row {bad.row}, column {bad.column}" in first.stdout
    assert len(first.stdout.splitlines()) == len(organisation.bad)
    good = organisation.good_teams()
    assert f"{good:,} stored, 0 already stored, {len(organisation.bad)} rejected" in first.stderr
    assert f"0 stored, {good:,} already stored" in again.stderr
    with database.session() as session:
        stored = session.scalar(select(func.count()).select_from(AssessmentRow))
        by_mode = Counter(
            dict(
                session.execute(
                    select(AssessmentRow.mode, func.count()).group_by(AssessmentRow.mode)
                ).all()
            )  # type: ignore[arg-type]
        )
        placed = session.scalar(
            select(func.count()).select_from(TeamRow).where(TeamRow.unit_id.is_not(None))
        )
    whole = portfolio.portfolio(database.unit_of_work())
    one_unit = portfolio.portfolio(database.unit_of_work(), unit=UNITS[3])
    assert stored == good == whole.assessed == whole.teams == placed
    assert whole.by_mode == {mode: by_mode[mode] for mode in whole.by_mode}
    assert sum(whole.by_stage.values()) == good
    assert sum(n for _, _, n in whole.readiness) == good
    assert 0 < one_unit.teams <= -(-TEAMS // len(UNITS))
    database.dispose()
