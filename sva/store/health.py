"""`sva db check [--repair]`: is everything the data folder holds really there and intact?

The database is opened read-only and checked in full (`PRAGMA integrity_check`, foreign
keys, schema version); every photo file is read back and its SHA-256 compared with the one
its rows were stored under, so a missing or corrupt original is named (photo, audit, file
name). Temp files left by an interrupted import are counted; `--repair` removes those no
live process is writing (sva/photos/writers.py) — it never writes to the database.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sva.errors import SchemaTooNew
from sva.store import damage, engine, migrations

DB_FILE = "sva.db"


@dataclass
class Health:
    lines: list[str] = field(default_factory=list)       # the report, one "key: value" a line
    problems: list[str] = field(default_factory=list)    # what makes the folder unhealthy

    @property
    def healthy(self) -> bool:
        return not self.problems

    def say(self, key: str, value) -> None:
        self.lines.append(f"{key}: {value}")


def _read_only(path: Path, key: bytes | None) -> engine.Connection:
    return engine.open_file(path, key, read_only=True)


def check_folder(folder: str | Path, *, repair: bool = False) -> Health:
    folder = Path(folder)
    path = folder / DB_FILE
    health = Health()
    if not path.exists() or path.stat().st_size == 0:
        damage.refuse_missing(folder)            # raises when the folder was used before
        health.say("database", f"none yet in {folder} (a new data folder)")
        return health
    from sva.atrest import keys
    at_rest = keys.resolve(folder)          # an encrypted folder without its key: StoreLocked
    from sva.store.encrypt import is_plain_sqlite
    db_key = None if is_plain_sqlite(path) else at_rest.key    # plain while being encrypted
    health.say("encrypted", "yes" if at_rest.encrypted and db_key else "no")
    try:
        _check_database(path, db_key, health)
    except engine.DatabaseError as exc:
        health.say("integrity", f"the database cannot be read ({exc})")
        health.problems.append(str(damage.damaged(folder, str(exc))))
    if health.healthy:
        _check_photos(folder, path, at_rest, db_key, health)
    _check_temp_files(folder, health, repair)
    if not health.healthy and (backup := damage.newest_backup(folder)) is not None:
        health.say("newest_backup", backup)
    return health


def _check_database(path: Path, key: bytes | None, health: Health) -> None:
    conn = _read_only(path, key)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > migrations.SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{path.name} has schema version {version}, but this SVA only knows up to "
                f"{migrations.SCHEMA_VERSION}; install a newer SVA. The file was not changed.")
        integrity = engine.check(conn, "integrity_check")
        health.say("integrity", "ok" if integrity == ["ok"] else "; ".join(integrity))
        if integrity != ["ok"]:
            health.problems.append(f"the database is damaged: {integrity[0]}")
            return
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        health.say("foreign_key_problems", len(fk))
        if fk:
            health.problems.append(f"{len(fk)} row(s) refer to rows that do not exist")
        health.say("schema_version", version)
        health.say("expected_schema_version", migrations.SCHEMA_VERSION)
        if version != migrations.SCHEMA_VERSION:
            health.problems.append(f"schema version {version}, this SVA upgrades it to "
                                   f"{migrations.SCHEMA_VERSION} at the next start")
        health.say("journal_mode", conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def _check_photos(folder: Path, path: Path, at_rest, db_key, health: Health) -> None:
    from sva.photos.blobs import Blobs
    blobs = Blobs(folder, at_rest.photo_cipher)
    conn = _read_only(path, db_key)
    try:
        rows = conn.execute("SELECT id, audit_id, sha256, filename FROM photos "
                            "ORDER BY audit_id, position, id").fetchall()
    finally:
        conn.close()
    verdicts: dict[str, str] = {}                 # sha256 → "ok" | "missing" | "damaged"
    for _, _, sha, _ in rows:
        if sha not in verdicts:
            verdicts[sha] = _verify(blobs, blobs.original(sha), sha)
    bad = {v: [r for r in rows if verdicts[r[2]] == v] for v in ("missing", "damaged")}
    health.say("photos", f"{len(verdicts)} file(s) checked, {len({r[2] for r in bad['missing']})}"
               f" missing, {len({r[2] for r in bad['damaged']})} damaged")
    for verdict, what in (("missing", "missing photo file"),
                          ("damaged", "damaged photo file (its bytes no longer match)")):
        for photo_id, audit_id, sha, filename in bad[verdict]:
            line = (f"{what}: {blobs.original(sha)} (photo {photo_id} of audit {audit_id}, "
                    f"{filename or 'no file name'})")
            health.lines.append(line)
            health.problems.append(line)


def _verify(blobs, file: Path, sha: str) -> str:
    try:
        data = blobs.read(file)         # a sealed file that no longer opens: OSError
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "damaged"
    return "ok" if hashlib.sha256(data).hexdigest() == sha else "damaged"


def _size(paths: list[Path]) -> int:
    total = 0
    for p in paths:
        try:
            total += p.stat().st_size
        except OSError:
            pass
    return total


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


def _check_temp_files(folder: Path, health: Health, repair: bool) -> None:
    from sva.photos import writers
    if not repair:
        left = writers.leftover_parts(folder)
        note = (f" ({_mib(_size(left))}; `sva db check --repair` removes those no process is "
                "writing)") if left else ""
        health.say("temp_files", f"{len(left)}{note}")
        return
    swept = writers.sweep(folder, walk=True)
    health.say("temp_files", f"removed {len(swept.removed)} temp file(s) "
               f"({_mib(swept.removed_bytes)})")
    if swept.kept:
        health.lines.append(f"kept {len(swept.kept)} temp file(s) of a writer still at work")
    if swept.kept_recent:
        health.lines.append(f"kept {len(swept.kept_recent)} recent temp file(s) (less than "
                            f"{int(writers.ORPHAN_AGE // 60)} minutes old)")
    for file, why in swept.failed:
        health.lines.append(f"could not remove {file}: {why}")
