"""Where photo files live, and how they get there without ever being half-written.

Originals sit under `photos/ab/<sha256>` untouched; derivatives under
`derived/ab/<sha256>.display.jpg`, `.thumb.jpg` and one `.print-<w>x<h>.jpg` per report photo
box. All are named by the SHA-256 of the original bytes, so the same photo in two audits is
stored once.

A `Staging` writes each new file to a temporary name next to its target (fsynced), and only
`commit()` renames them into place — inside the database transaction that adds the rows, so
a failure or a cancel undoes both: no row without its file, no file without its row.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

from sva.owner_only import make_dir, open_private


class Blobs:
    def __init__(self, root: Path):
        self.root = Path(root)

    def original(self, sha256: str) -> Path:
        return self.root / "photos" / sha256[:2] / sha256

    def display(self, sha256: str) -> Path:
        return self.root / "derived" / sha256[:2] / f"{sha256}.display.jpg"

    def thumbnail(self, sha256: str) -> Path:
        return self.root / "derived" / sha256[:2] / f"{sha256}.thumb.jpg"

    def print_copy(self, sha256: str, box: tuple[int, int]) -> Path:
        """The unannotated copy fitted to a report photo box of `box` pixels."""
        return self.root / "derived" / sha256[:2] / f"{sha256}.print-{box[0]}x{box[1]}.jpg"


def write_atomic(target: Path, data: bytes) -> None:
    """Write a file that is either complete or absent (temp name, fsync, rename)."""
    staging = Staging()
    try:
        staging.write(target, data)
        staging.commit()
    finally:
        staging.discard()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


class Staging:
    """New files waiting for a transaction: `commit()` places them, `undo()` removes them."""

    def __init__(self):
        self.pending: list[tuple[Path, Path]] = []     # (temp, target)
        self.placed: list[Path] = []
        self._made_dirs: list[Path] = []

    def write(self, target: Path, data: bytes) -> None:
        if target.exists() or any(t == target for _, t in self.pending):
            return
        self._mkdir(target.parent)
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
        with open_private(tmp) as fh:              # photos are owner-only (0600)
            self.pending.append((tmp, target))
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    def _mkdir(self, folder: Path) -> None:
        missing = []
        probe = folder
        while not probe.exists():
            missing.append(probe)
            probe = probe.parent
        make_dir(folder)                            # folders it creates: 0700
        self._made_dirs.extend(missing)

    def commit(self) -> None:
        folders = set()
        for tmp, target in self.pending:
            if target.exists():        # someone stored the same content meanwhile
                tmp.unlink(missing_ok=True)
                continue
            os.replace(tmp, target)
            self.placed.append(target)
            folders.add(target.parent)
        self.pending = []
        for folder in folders:
            _fsync_dir(folder)

    def undo(self) -> None:
        """Remove files this staging placed (the transaction that needed them failed)."""
        for target in self.placed:
            target.unlink(missing_ok=True)
        self.placed = []
        self.discard()

    def discard(self) -> None:
        """Remove temp files not committed, and folders this staging created if empty."""
        for tmp, _ in self.pending:
            tmp.unlink(missing_ok=True)
        self.pending = []
        if not self.placed:
            for folder in sorted(self._made_dirs, key=lambda p: len(p.parts), reverse=True):
                try:
                    folder.rmdir()
                except OSError:
                    pass
            self._made_dirs = []
