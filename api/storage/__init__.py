"""Stored assessments: SQLAlchemy 2 tables, Alembic migrations and the repository the routes use.

SQLite by default (a file, WAL, foreign keys on), PostgreSQL through `postgresql+psycopg://…`.
"""

from api.storage.database import Database
from api.storage.repository import Repository, StoredAssessment

__all__ = ["Database", "Repository", "StoredAssessment"]
