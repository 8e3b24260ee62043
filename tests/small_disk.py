"""A real small file system for the damaged-store tests: a tmpfs of a few MB, filled to the
last byte or remounted read-only. Mounting needs root (CAP_SYS_ADMIN); where it is not
permitted the tests that need it are skipped with the reason."""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True)


@contextmanager
def tmpfs(path: Path, size: str = "3m") -> Iterator[Path]:
    """Mount a tmpfs of `size` on `path` (created); unmounted however the test ends."""
    path.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        pytest.skip("no `mount` command: the full-disk and read-only tests need a real small "
                    "file system (a tmpfs)")
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path))
    if done.returncode != 0:
        pytest.skip(f"mounting a {size} tmpfs is not permitted here ({done.stderr.strip()}); "
                    "the full-disk and read-only tests need one (run them as root)")
    try:
        yield path
    finally:
        if _run("umount", str(path)).returncode != 0:
            _run("umount", "-l", str(path))


def read_only(path: Path) -> None:
    done = _run("mount", "-o", "remount,ro", str(path))
    assert done.returncode == 0, done.stderr


def fill(path: Path, leave: int = 0) -> Path:
    """Fill the file system holding `path` to the last block, then give back `leave` bytes."""
    filler = path / "filler.bin"
    block = b"\0" * 65536
    # Unbuffered: a buffered file keeps the part of a block that did not fit and raises
    # ENOSPC again when it is closed (depending on how much room the store left).
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(block)
        except OSError:
            pass
    for size in (4096, 512, 1):            # the last partial blocks too
        with open(filler, "ab", buffering=0) as fh:
            try:
                while True:
                    fh.write(b"\0" * size)
            except OSError:
                pass
    if leave:
        total = filler.stat().st_size
        with open(filler, "r+b") as fh:
            fh.truncate(max(total - leave, 0))
    return filler


def free_bytes(path: Path) -> int:
    return shutil.disk_usage(path).free
