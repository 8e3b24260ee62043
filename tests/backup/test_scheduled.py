"""The daily local backup in `backups/`: when it is taken, how many are kept, and that a
damaged store's message names it and `sva restore` puts it back."""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from sva.backup import scheduled
from sva.store import damage
from sva.workspace import Workspace
from tests.backup.backup_tools import sva, tables

DAY0 = datetime(2026, 11, 1, 6, 0, tzinfo=UTC)


def test_a_daily_copy_is_taken_when_the_newest_is_a_day_old_and_seven_are_kept(demo):
    with Workspace(demo) as ws:
        first = scheduled.take_if_due(ws, now=DAY0)
        assert first is not None and first.parent == demo / "backups"
        assert scheduled.take_if_due(ws, now=DAY0 + timedelta(hours=23)) is None
        for day in range(1, 10):
            assert scheduled.take_if_due(ws, now=DAY0 + timedelta(days=day)) is not None
        kept = scheduled.scheduled(demo)
    assert len(kept) == 7
    assert [scheduled.taken_at(p) for p in kept] == \
        [DAY0 + timedelta(days=d) for d in range(3, 10)]
    assert damage.newest_backup(demo) == kept[-1]        # the messages name it
    conn = sqlite3.connect(f"file:{kept[-1]}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (kept[-1].stat().st_mode & 0o777) == 0o600


def test_a_pre_migration_copy_newer_than_the_daily_one_is_named(demo):
    with Workspace(demo) as ws:
        scheduled.take(ws, now=DAY0)
    newer = demo / "backups" / "sva-v3-20261102T000000000000Z.db"
    newer.write_bytes((demo / "sva.db").read_bytes())
    assert damage.newest_backup(demo) == newer
    assert scheduled.scheduled(demo)[0] != newer        # and never pruned as a daily one


def test_a_damaged_store_names_the_daily_copy_and_sva_restore_puts_it_back(demo):
    with Workspace(demo) as ws:
        daily = scheduled.take(ws)
    rows = tables(daily)
    data = bytearray((demo / "sva.db").read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in range(len(data) // page * 2 // 3, len(data) // page):
        for i in range(8):
            data[n * page + i] ^= 0xA5
    (demo / "sva.db").write_bytes(bytes(data))

    out = sva("audits", "list", "--data-dir", demo, passphrase=None)
    assert out.returncode == 1
    command = f"sva restore {daily} --data-dir {demo}"
    assert command in out.stderr

    refused = sva(*command.split()[1:], passphrase=None)             # no --yes, no terminal
    assert refused.returncode == 2 and "--yes" in refused.stderr
    done = sva(*command.split()[1:], "--yes", passphrase=None)
    assert done.returncode == 0, done.stderr
    assert tables(demo / "sva.db") == rows
    (aside,) = (demo / "backups").glob("replaced-*")
    assert (aside / "sva.db").read_bytes() == bytes(data)           # the damaged one, kept
    check = sva("db", "check", "--data-dir", demo, passphrase=None)
    assert check.returncode == 0, check.stdout + check.stderr
