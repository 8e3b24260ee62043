"""A kill at any moment loses nothing that was reported as saved."""
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sva.workspace import Workspace

CHILD = Path(__file__).with_name("durability_child.py")


@pytest.mark.slow
def test_sigkill_loses_no_committed_answer(ws, audit):
    folder = str(ws.folder)
    ws.close()
    rng = random.Random(20261125)
    printed: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(CHILD.parents[1])}
    for run in range(20):
        child = subprocess.Popen([sys.executable, str(CHILD), folder, audit, str(run)],
                                 stdout=subprocess.PIPE, env=env)
        # Wait until the child is really writing, then kill at a random moment.
        first = child.stdout.readline()
        assert first, "child died before its first commit"
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()
        lines = (first + rest).decode().split("\n")
        printed += [line for line in lines[:-1] if line]  # the last piece may be cut short
    assert len(printed) > 20
    check = Workspace(folder)
    try:
        assert check.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        logged = set()
        for (changes,) in check.db.execute(
                "SELECT changes FROM audit_log WHERE action = 'record_answer'"):
            note = json.loads(changes).get("note")
            if note:
                logged.add(note[1])
        missing = [token for token in printed if token not in logged]
        assert missing == []
        # And the answers table holds the last printed note of the last run's last item.
        notes = {r["note"] for r in check.audits.answers(audit).values()}
        assert printed[-1] in notes
    finally:
        check.close()
