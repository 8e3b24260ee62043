"""A whole day in the audit editor, in its own process: the app survives and does not leak.

PySide6 6.12.0 on CPython 3.11 took a reference from `None` on every Qt call that returns
nothing: ~780 keystrokes or one drawn signature aborted the app (`none_dealloc`). This test
runs the real editor and signature pad long enough to hit that, in a subprocess (an abort
kills the interpreter), and asserts that the process exits cleanly and that the references
to None, the resident memory and the open files stay flat once warmed up.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("soak_child.py")
KEYS = 10_000
SIGNATURE_POINTS = 2_000
# Bounded drift after warm-up. A leak of one reference per Qt call drifts by thousands.
MAX_NONE_DRIFT = 200
MAX_RSS_GROWTH_MB = 25
MAX_NEW_FILES = 2


@pytest.mark.slow
def test_ten_thousand_keys_and_a_long_signature_leave_the_app_alive_and_flat(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(CHILD.parents[2]), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, str(CHILD), str(tmp_path), str(KEYS),
                          str(SIGNATURE_POINTS)], capture_output=True, text=True, env=env,
                         timeout=600)
    assert run.returncode == 0, (
        f"the app died after a long session (exit {run.returncode}):\n{run.stderr[-3000:]}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["keys"] >= KEYS
    assert result["stored_edits"] > 1000          # the keys really edited the audit
    assert result["signature_png_bytes"] > 5000   # and the signature has ink
    for start, end, what in ((result["warm"], result["after_keys"], "typing"),
                             (result["signature_warm"], result["end"], "signing")):
        drift = end["none_refs"] - start["none_refs"]
        assert abs(drift) <= MAX_NONE_DRIFT, f"references to None drifted by {drift} while {what}"
        assert end["open_files"] - start["open_files"] <= MAX_NEW_FILES, what
    growth = result["end"]["rss_mb"] - result["warm"]["rss_mb"]
    assert growth <= MAX_RSS_GROWTH_MB, f"RSS grew by {growth:.1f} MB over the session"
