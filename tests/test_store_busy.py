"""Another program holds the store's write lock longer than the busy timeout (the command line
importing while the app runs): the operation fails as `StoreBusy`, with a clear message and
its code, and writes nothing; once the other program is done, the same operation works."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from contextlib import contextmanager

import pytest

from sva.errors import StoreBusy
from tests.conftest import log_count

HOLD = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    sys.stdin.read()
    conn.execute("ROLLBACK")
""")


@contextmanager
def other_program_writing(path):
    """A second process holding the write lock until the block ends."""
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        yield
    finally:
        child.stdin.close()
        child.wait(30)


def short_busy_timeout(ws, ms=300):
    """The store waits this long for another program's write lock (10 s in the app)."""
    ws.db.execute(f"PRAGMA busy_timeout={ms}")


def _item(ws, audit_id):
    template = ws.audits.template_of(ws.audits.audit(audit_id))
    return next(i.id for i in template.items.values() if i.answer == "conformity")


def test_a_write_blocked_by_another_program_is_a_typed_error_and_writes_nothing(ws, audit):
    short_busy_timeout(ws)
    item = _item(ws, audit)
    before = log_count(ws)
    with other_program_writing(ws.path):
        with pytest.raises(StoreBusy) as err:
            ws.audits.record_answer(audit, item, "conforms")
        assert err.value.code == "store_busy"
        assert "another program" in str(err.value) and "nothing was saved" in str(err.value)
        assert ws.audits.answers(audit) == {}              # reads go on meanwhile
    assert log_count(ws) == before
    ws.audits.record_answer(audit, item, "conforms")        # the same operation, later
    assert ws.audits.answers(audit)[item]["result"] == "conforms"
