"""Log files in the data folder (sva/logs.py): rotation, owner-only files, credentials
masked, uncaught exceptions logged, and a hard crash's stack left in crash.log."""
from __future__ import annotations

import logging
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sva import logs

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def started(tmp_path):
    folder = logs.start(tmp_path)
    yield folder
    logs.stop()


def child(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    """`body` in a fresh interpreter that logs into tmp_path (a restart, as the app has)."""
    code = "import sys\nfrom sva import logs\nlogs.start(sys.argv[1])\n" + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_logs_go_to_the_data_folder_and_only_the_owner_reads_them(started):
    logging.getLogger("sva.test").info("audit %s answered", "a-1")
    assert started.name == "logs"
    assert stat.S_IMODE(started.stat().st_mode) == 0o700
    for name in ("sva.log", "crash.log"):
        assert stat.S_IMODE((started / name).stat().st_mode) == 0o600
    assert "INFO sva.test [MainThread] audit a-1 answered" in (started / "sva.log").read_text()


def test_log_files_rotate_and_keep_five_old_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 4000)
    folder = logs.start(tmp_path)
    try:
        for n in range(400):
            logging.getLogger("sva.test").info("line %d %s", n, "x" * 60)
    finally:
        logs.stop()
    names = sorted(p.name for p in folder.glob("sva.log*"))
    assert names == ["sva.log", *(f"sva.log.{n}" for n in range(1, 6))]
    for path in folder.glob("sva.log*"):
        assert path.stat().st_size <= 4000
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "line 399" in (folder / "sva.log").read_text()


@pytest.mark.parametrize("message, secret", [
    ("Authorization: Bearer tok.ABC-123_xyz", "tok.ABC-123_xyz"),
    ("answer {'token': 'Zx9-secret-token'}", "Zx9-secret-token"),
    ('body {"token":"Zx9-secret-token","device_id":"d-1"}', "Zx9-secret-token"),
    ("device_token=Zx9Qw8", "Zx9Qw8"),
    ("enrol code: K7Q2-9XYZ", "K7Q2-9XYZ"),
    ("sva enrol --server http://hq --code K7Q2-9XYZ", "K7Q2-9XYZ"),
    ("bundle_key=3q2-7w", "3q2-7w"),
    ("signing-key: QUJDREVGR0g=", "QUJDREVGR0g="),
    ("password=hunter2", "hunter2"),
])
def test_credential_shaped_values_are_masked(started, message, secret):
    logging.getLogger("sva.test").warning(message)
    try:
        raise RuntimeError(message)
    except RuntimeError:
        logging.getLogger("sva.test").exception("failed")
    text = (started / "sva.log").read_text()
    assert secret not in text
    assert text.count("<redacted>") == 2


def test_ids_codes_and_keyring_names_stay_readable(started):
    logging.getLogger("sva.test").info(
        "sync stopped: offline (exit code: 2); token in keyring keyring.backends.fail.Keyring; "
        "device 0b1c-77")
    text = (started / "sva.log").read_text()
    assert "exit code: 2); token in keyring keyring.backends.fail.Keyring; device 0b1c-77" \
        in text


def test_an_uncaught_exception_is_logged_with_its_traceback(tmp_path):
    done = child(tmp_path, """
        def import_the_workbook():
            raise ValueError("row 7: bad date")
        import_the_workbook()
    """)
    assert done.returncode == 1
    assert "ValueError: row 7: bad date" in done.stderr          # still shown as before
    text = (tmp_path / "logs" / "sva.log").read_text()
    assert "ERROR sva [MainThread] uncaught exception" in text
    assert 'in import_the_workbook' in text and "ValueError: row 7: bad date" in text


def test_an_uncaught_exception_in_a_thread_is_logged(tmp_path):
    done = child(tmp_path, """
        import threading
        def render():
            raise OSError("disk full")
        thread = threading.Thread(target=render, name="report-worker")
        thread.start()
        thread.join()
    """)
    assert done.returncode == 0
    text = (tmp_path / "logs" / "sva.log").read_text()
    assert "uncaught exception in thread report-worker" in text and "OSError: disk full" in text


def test_a_segfault_leaves_the_python_stack_in_crash_log(tmp_path):
    done = child(tmp_path, """
        import ctypes
        def read_the_photo_header():
            ctypes.string_at(0)
        read_the_photo_header()
    """)
    assert done.returncode < 0                       # killed by the signal (SIGSEGV)
    crash = (tmp_path / "logs" / "crash.log").read_text()
    assert "-- sva pid" in crash
    assert "Fatal Python error: Segmentation fault" in crash
    assert 'in string_at' in crash and 'in read_the_photo_header' in crash
    # a second start appends; the first crash stays readable
    again = child(tmp_path, "pass\n")
    assert again.returncode == 0
    crash = (tmp_path / "logs" / "crash.log").read_text()
    assert crash.count("-- sva pid") == 2 and "read_the_photo_header" in crash
