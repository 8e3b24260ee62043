"""The local SQLite store: opening, pragmas, schema migrations."""
from sva.store.connection import open_db, check_db, DB_FILE
from sva.store.migrations import SCHEMA_VERSION

__all__ = ["open_db", "check_db", "DB_FILE", "SCHEMA_VERSION"]
