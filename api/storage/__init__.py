"""Stored assessments: SQLAlchemy 2 tables, Alembic migrations and the repository the routes use.

SQLite by default (a file, WAL, foreign keys on), PostgreSQL through `postgresql+psycopg://…`.
"""

from api.storage.database import Database, StorageError
from api.storage.repository import SqlAssessmentRepository
from api.storage.unit_of_work import SqlUnitOfWork

__all__ = ["Database", "SqlAssessmentRepository", "SqlUnitOfWork", "StorageError"]
