"""Temp files of an import killed half-way are swept at the next start, never a live one's.

Real processes and real SIGKILLs: a child runs `sva photo add` of 40 photos and is killed
while its files are staged; the next `sva` command (a restart) removes what the dead left.
A live writer in another process keeps its files: the sweep tells them apart by the writer's
flock (sva/photos/writers.py), not by age.
"""
from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from sva.photos import writers
from sva.photos.blobs import Blobs
from sva.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(240)


def sva(*args, check=False):
    out = subprocess.run([sys.executable, "-m", "ui.launcher", *map(str, args)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    if check:
        assert out.returncode == 0, out.stderr
    return out


def parts(folder: Path) -> list[Path]:
    """The temp files under `folder`. os.walk, not rglob: a sweep in the child may remove a
    folder while it is listed (rglob then raises FileNotFoundError on Python 3.11)."""
    return sorted(Path(top) / name for top, _, names in os.walk(folder)
                  for name in names if name.endswith(".part"))


def locks(folder: Path) -> list[Path]:
    return sorted((folder / writers.LOCKS).glob("*.lock")) \
        if (folder / writers.LOCKS).is_dir() else []


def noisy_jpegs(folder: Path, count: int, size=(1024, 768)) -> list[Path]:
    folder.mkdir()
    rnd = random.Random(40)
    files = []
    for n in range(count):
        img = Image.frombytes("RGB", size, rnd.randbytes(size[0] * size[1] * 3))
        out = io.BytesIO()
        img.save(out, "JPEG", quality=90)
        files.append(folder / f"IMG_{n:04}.JPG")
        files[-1].write_bytes(out.getvalue())
    return files


def kill_while_staging(folder: Path, audit: str, files: list[Path], at_parts: int) -> int:
    """Start `sva photo add` of every file; SIGKILL it once it has staged `at_parts` temp
    files. Returns how many temp files it left."""
    before = set(parts(folder))
    proc = subprocess.Popen([sys.executable, "-m", "ui.launcher", "photo", "add", audit,
                             *map(str, files), "--data-dir", str(folder)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if len(set(parts(folder)) - before) >= at_parts:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.01)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    return len(set(parts(folder)) - before)


def photo_rows(folder: Path, audit: str) -> int:
    return len(sva("photo", "list", audit, "--data-dir", folder, check=True).stdout.splitlines())


def test_ten_kills_during_a_40_photo_add_leave_nothing_after_a_restart(ws, audit, tmp_path):
    folder = ws.folder
    ws.close()
    files = noisy_jpegs(tmp_path / "card", 40)
    rnd = random.Random(14)
    left = []
    for _ in range(10):
        # Each `sva photo add` is a start too: it sweeps what the kill before it left.
        left.append(kill_while_staging(folder, audit, files, rnd.randrange(5, 150)))
    assert min(left) > 0, left              # every kill came while files were staged
    print("temp files left by each kill:", left)
    dead_locks = locks(folder)              # the last killed writer's, until a sweep

    sva("audits", "list", "--data-dir", folder, check=True)       # the next start
    assert parts(folder) == [], f"{len(parts(folder))} temp files survived the restart"
    assert len(dead_locks) == 1 and locks(folder) == []
    assert not (folder / writers.LOCKS).exists()
    assert photo_rows(folder, audit) == 0             # every kill came before the commit

    sva("photo", "add", audit, *files, "--data-dir", folder, check=True)
    assert photo_rows(folder, audit) == 40
    check = sva("db", "check", "--data-dir", folder)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "temp_files: 0" in check.stdout


WRITER = """
import sys
from pathlib import Path
from sva.photos.blobs import Blobs
blobs = Blobs(Path(sys.argv[1]))
staging = blobs.staging()
for n in range(3):
    staging.write(blobs.original(f"{n:02x}" * 32), b"x" * 1000)
print("staged", flush=True)
sys.stdin.readline()
"""


def test_a_live_writers_temp_files_are_kept_and_swept_once_it_is_killed(ws, tmp_path):
    folder = ws.folder
    ws.close()
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "staged"
        staged = parts(folder)
        assert len(staged) == 3 and len(locks(folder)) == 1
        old = time.time() - 2 * writers.ORPHAN_AGE          # age protects nothing here
        for path in [*staged, *locks(folder)]:
            os.utime(path, (old, old))
        sva("audits", "list", "--data-dir", folder, check=True)     # another process starts
        repair = sva("db", "check", "--repair", "--data-dir", folder)
        assert "kept 3 temp file(s) of a writer still at work" in repair.stdout, repair.stdout
        assert parts(folder) == staged and len(locks(folder)) == 1
        with Workspace(folder):                                    # and this one
            assert parts(folder) == staged
    finally:
        child.kill()
        child.wait()
    with Workspace(folder):
        assert parts(folder) == [] and locks(folder) == []


def test_a_writer_in_this_process_is_live_too(ws):
    blobs = Blobs(ws.folder)
    staging = blobs.staging()
    staging.write(blobs.original("ab" * 32), b"x" * 10)
    try:
        assert len(parts(ws.folder)) == 1
        with Workspace(ws.folder):
            pass
        assert writers.sweep(ws.folder, walk=True).kept == parts(ws.folder)
        assert len(parts(ws.folder)) == 1
    finally:
        staging.discard()
    assert parts(ws.folder) == [] and locks(ws.folder) == []


def test_db_check_repair_removes_old_orphans_and_keeps_young_ones(ws, audit):
    """`.part` files without a writer token (older versions, other tools): old ones go with
    --repair, young ones stay (a writer of some other kind may still be at it)."""
    folder = ws.folder
    ws.photos.add_bytes(audit, _tiny_jpeg(), filename="a.jpg")
    ws.close()
    sub = next(p for p in (folder / "photos").iterdir() if p.is_dir() and len(p.name) == 2)
    old, young = sub / ".x.1234abcd.part", sub / ".y.5678abcd.part"
    old.write_bytes(b"o" * 3000)
    young.write_bytes(b"y" * 10)
    past = time.time() - 2 * writers.ORPHAN_AGE
    os.utime(old, (past, past))
    check = sva("db", "check", "--data-dir", folder)
    assert check.returncode == 0
    assert "temp_files: 2" in check.stdout and "--repair" in check.stdout
    assert old.exists() and young.exists()
    repair = sva("db", "check", "--repair", "--data-dir", folder)
    assert repair.returncode == 0, repair.stdout + repair.stderr
    assert "removed 1 temp file(s)" in repair.stdout
    assert not old.exists() and young.exists()


def _tiny_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "white").save(out, "JPEG")
    return out.getvalue()
