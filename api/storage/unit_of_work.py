"""The use cases' unit of work on SQLAlchemy: one session, one transaction, per `with` block."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from api.storage.access_repository import (
    SqlSecrets,
    SqlSignIns,
    SqlTeamManagers,
    SqlTokens,
    SqlUsers,
)
from api.storage.org_repository import SqlOrganisations, SqlTeams, SqlWaves
from api.storage.repository import SqlAssessmentRepository
from api.storage.rounds_repository import SqlRounds


class SqlUnitOfWork:
    """`with uow:` opens a session; `commit()` keeps the writes, leaving the block drops the rest."""

    assessments: SqlAssessmentRepository
    organisations: SqlOrganisations
    teams: SqlTeams
    waves: SqlWaves
    users: SqlUsers
    tokens: SqlTokens
    team_managers: SqlTeamManagers
    sign_ins: SqlSignIns
    secrets: SqlSecrets
    rounds: SqlRounds

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._session: Session | None = None

    def __enter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("this unit of work is already open")
        self._session = self._sessions()
        self.assessments = SqlAssessmentRepository(self._session)
        self.organisations = SqlOrganisations(self._session)
        self.teams = SqlTeams(self._session)
        self.waves = SqlWaves(self._session)
        self.users = SqlUsers(self._session)
        self.tokens = SqlTokens(self._session)
        self.team_managers = SqlTeamManagers(self._session)
        self.sign_ins = SqlSignIns(self._session)
        self.secrets = SqlSecrets(self._session)
        self.rounds = SqlRounds(self._session)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self._session, None
        if session is not None:
            try:
                session.rollback()
            finally:
                session.close()

    def commit(self) -> None:
        try:
            self._open().commit()
        finally:
            self.teams.forget()  # the next transaction reads them again

    def rollback(self) -> None:
        try:
            self._open().rollback()
        finally:
            self.teams.forget()

    def _open(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside `with`")
        return self._session
