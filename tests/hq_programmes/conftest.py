"""Programmes tests (issue 19) on a real HQ storage, SQLite and PostgreSQL (`hq_db` from
tests/hq), with a small registry of suppliers; workbooks built by `workbooks`."""
from __future__ import annotations

import pytest

from sva.hq.programme_store import import_registry
from sva.hq.storage import open_storage
from tests.hq.conftest import hq_db, pg_cluster  # noqa: F401  (fixtures)
from tests.hq_programme.conftest import REGISTRY_HEADER, write_csv

CODES = ("S001", "S002", "S003", "S004")


def _registry(store, tmp_path):
    rows = [[c, f"Supplier {c}", "", "JP", "parts", 1000, "no", "no", "no", "", ""]
            for c in CODES]
    import_registry(store, write_csv(tmp_path / "registry.csv", REGISTRY_HEADER, rows))
    return store


@pytest.fixture
def storage(tmp_path, hq_db):  # noqa: F811
    store = _registry(open_storage(tmp_path / "hq", hq_db.url), tmp_path)
    yield store
    store.close()


@pytest.fixture
def sqlite_storage(tmp_path):
    """For the many bad-file cases: files are refused before anything is written, whatever
    the database (each import's PostgreSQL path is tested with `storage`)."""
    store = _registry(open_storage(tmp_path / "hq"), tmp_path)
    yield store
    store.close()


def counts(storage, *tables) -> dict:
    with storage.transaction(write=False) as tx:
        return {t: int(tx.scalar(f"SELECT COUNT(*) FROM {t}")) for t in tables}


from tests.hq_programme.conftest import demo_copy, demo_master, demo_storage  # noqa: E402,F401
