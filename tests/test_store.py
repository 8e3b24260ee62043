"""The store: pragmas, migrations, refusing a newer file, the append-only log."""
import hashlib
import sqlite3

import pytest

from sva.errors import SchemaTooNew
from sva.store import SCHEMA_VERSION, open_db
from sva.store import engine, migrations

TABLES = {"suppliers", "sites", "checklist_templates", "audits", "answers", "findings",
          "photos", "signatures", "audit_log", "local_meta"}


def test_migrates_an_empty_file_to_the_current_schema(tmp_path):
    db = open_db(tmp_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert TABLES <= set(db.table_names())
    for table in TABLES - {"audit_log", "local_meta"}:
        columns = db[table].columns_dict
        for column in ("id", "created_at", "updated_at", "updated_by", "deleted"):
            assert column in columns, f"{table}.{column}"


def test_connection_pragmas_protect_saved_data(tmp_path):
    db = open_db(tmp_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_foreign_keys_are_enforced(tmp_path):
    db = open_db(tmp_path)
    with pytest.raises(engine.IntegrityError):
        db.execute("INSERT INTO sites (id, supplier_id, name, country, timezone, created_at,"
                   " updated_at, updated_by) VALUES ('x', 'nope', 'n', 'JP', 'Asia/Tokyo',"
                   " 't', 't', 'd')")


def test_a_newer_schema_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "sva.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    names_before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(SchemaTooNew, match=f"schema version {SCHEMA_VERSION + 1}"):
        open_db(tmp_path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names_before


def test_an_upgrade_backs_up_first_and_keeps_data(tmp_path):
    db = open_db(tmp_path)
    db.execute("INSERT INTO local_meta VALUES ('k', 'v')")
    steps = migrations.STEPS + [lambda d: d.execute("ALTER TABLE local_meta ADD COLUMN extra")]
    assert migrations.migrate(db, tmp_path / "sva.db", steps) == SCHEMA_VERSION + 1
    backups = list((tmp_path / "backups").glob(f"sva-v{SCHEMA_VERSION}-*.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert old.execute("SELECT value FROM local_meta WHERE key='k'").fetchone()[0] == "v"
    assert db.execute("SELECT value FROM local_meta").fetchone()[0] == "v"


def test_a_failing_upgrade_changes_nothing(tmp_path):
    db = open_db(tmp_path)
    db.execute("INSERT INTO local_meta VALUES ('k', 'v')")

    def broken(d):
        d.execute("ALTER TABLE local_meta ADD COLUMN extra")
        raise RuntimeError("step failed half-way")

    with pytest.raises(RuntimeError):
        migrations.migrate(db, tmp_path / "sva.db", migrations.STEPS + [broken])
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "extra" not in db["local_meta"].columns_dict


def test_audit_log_is_append_only(tmp_path):
    db = open_db(tmp_path)
    db.execute("INSERT INTO audit_log (at, actor, device, action, entity, entity_id)"
               " VALUES ('t', 'a', 'd', 'x', 'e', 'i')")
    with pytest.raises(engine.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET action = 'y'")
    with pytest.raises(engine.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log")


def test_a_damaged_file_is_reported_and_left_alone(tmp_path):
    from sva.errors import StoreUnreadable
    path = tmp_path / "sva.db"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreUnreadable, match="cannot be opened as an SVA database"):
        open_db(tmp_path)
    assert path.read_bytes() == before


# -- part(): a block of a transaction without a savepoint of its own -----------------------
def _meta(db) -> dict:
    return dict(db.execute("SELECT key, value FROM local_meta WHERE key LIKE 't%'").fetchall())


def _put(db, key: str) -> None:
    db.execute("INSERT INTO local_meta (key, value) VALUES (?, 'v')", [key])


def test_a_failed_part_takes_its_transaction_with_it(tmp_path):
    db = open_db(tmp_path)
    with pytest.raises(ValueError), db.atomic():
        _put(db, "t1")
        with db.part():
            _put(db, "t2")
            raise ValueError("the change failed half-way")
    assert _meta(db) == {}


def test_a_failed_part_caught_inside_the_transaction_saves_nothing(tmp_path):
    """Code that catches the error and goes on must not commit half of the part."""
    from sva.errors import BrokenTransaction
    db = open_db(tmp_path)
    with pytest.raises(BrokenTransaction), db.atomic():
        _put(db, "t1")
        try:
            with db.part():
                _put(db, "t2")
                raise ValueError("the change failed half-way")
        except ValueError:
            pass
        _put(db, "t3")
    assert _meta(db) == {}
    with db.atomic():                      # the next transaction starts clean
        _put(db, "t4")
    assert _meta(db) == {"t4": "v"}


def test_a_savepoint_around_a_failed_part_undoes_it_and_the_rest_commits(tmp_path):
    db = open_db(tmp_path)
    with db.atomic():
        _put(db, "t1")
        try:
            with db.atomic():              # a real savepoint: it answers for the part
                with db.part():
                    _put(db, "t2")
                    raise ValueError("refused")
        except ValueError:
            pass
        _put(db, "t3")
    assert _meta(db) == {"t1": "v", "t3": "v"}


def test_a_failed_part_caught_inside_a_savepoint_that_commits_breaks_the_transaction(tmp_path):
    from sva.errors import BrokenTransaction
    db = open_db(tmp_path)
    with pytest.raises(BrokenTransaction), db.atomic():
        with db.atomic():
            try:
                with db.part():
                    _put(db, "t2")
                    raise ValueError("refused")
            except ValueError:
                pass
    assert _meta(db) == {}


def test_a_part_outside_a_transaction_is_one(tmp_path):
    db = open_db(tmp_path)
    with pytest.raises(ValueError), db.part():
        _put(db, "t1")
        raise ValueError("refused")
    with db.part():
        _put(db, "t2")
    assert _meta(db) == {"t2": "v"}
    assert not db.conn.in_transaction
