"""Where photo files live, and how they get there without ever being half-written.

Originals sit under `photos/ab/<sha256>` untouched; derivatives under
`derived/ab/<sha256>.display.jpg`, `.thumb.jpg` and one `.print-<w>x<h>.jpg` per report photo
box. All are named by the SHA-256 of the original bytes, so the same photo in two audits is
stored once.

A `Staging` writes each new file to a temporary name next to its target (fsynced), and only
`commit()` renames them into place — inside the database transaction that adds the rows, so
a failure or a cancel undoes both: no row without its file, no file without its row. A
staging given the data folder (`Blobs.staging()`) names its temp files with this process's
writer token and holds the writer's lock meanwhile, so the temp files of a killed process
are swept at the next start and a live one's never are (writers.py).

In an encrypted data folder every file written here is sealed (sva/atrest/sealed.py) and
`Blobs.read()` opens it: read photo files through `read()`, never with `open()` or Pillow on
the path, which would see ciphertext.
"""
from __future__ import annotations

import os
from pathlib import Path

from sva.owner_only import make_dir, open_private
from sva.photos import writers


class Blobs:
    def __init__(self, root: Path, cipher=None):
        self.root = Path(root)
        self.cipher = cipher            # sva.atrest.sealed.PhotoCipher; None: a plain folder

    def read(self, path: Path) -> bytes:
        """The plain bytes of a file of this folder (opening it when it is sealed)."""
        data = Path(path).read_bytes()
        if self.cipher is not None:
            return self.cipher.open(data, path)
        from sva.atrest.sealed import is_sealed
        if is_sealed(data):
            from sva.atrest.sealed import SealBroken
            raise SealBroken(f"{path} is encrypted, but this data folder is opened without "
                             "its key")
        return data

    def write(self, target: Path, data: bytes) -> None:
        """Write a file of this folder whole or not at all (sealed when encrypted)."""
        write_atomic(target, data, self.root, self.cipher)

    def original(self, sha256: str) -> Path:
        return self.root / "photos" / sha256[:2] / sha256

    def display(self, sha256: str) -> Path:
        return self.root / "derived" / sha256[:2] / f"{sha256}.display.jpg"

    def thumbnail(self, sha256: str) -> Path:
        return self.root / "derived" / sha256[:2] / f"{sha256}.thumb.jpg"

    def print_copy(self, sha256: str, box: tuple[int, int]) -> Path:
        """The unannotated copy fitted to a report photo box of `box` pixels."""
        return self.root / "derived" / sha256[:2] / f"{sha256}.print-{box[0]}x{box[1]}.jpg"

    def staging(self) -> Staging:
        return Staging(self.root, self.cipher)


def write_atomic(target: Path, data: bytes, root: Path | None = None, cipher=None) -> None:
    """Write a file that is either complete or absent (temp name, fsync, rename); `root`:
    the data folder, whose writer lock covers the temp file (see writers.py); `cipher`
    seals the bytes (an encrypted folder)."""
    staging = Staging(root, cipher)
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

    def __init__(self, root: Path | None = None, cipher=None):
        self.root = root                # the data folder (None: temp names without a token)
        self.cipher = cipher            # seals what is written (an encrypted folder)
        self.pending: list[tuple[Path, Path]] = []     # (temp, target)
        self.placed: list[Path] = []
        self._made_dirs: list[Path] = []
        self._token: str | None = None

    def write(self, target: Path, data: bytes) -> None:
        if target.exists() or any(t == target for _, t in self.pending):
            return
        self._mkdir(target.parent)
        if self._token is None and self.root is not None:
            self._mkdir(self.root / writers.LOCKS.parent)   # removed with ours if left empty
            self._token = writers.acquire(self.root)
        tmp = target.with_name(writers.part_name(target, self._token))
        if self.cipher is not None:
            data = self.cipher.seal(data)
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
        if self._token is not None:
            self._token = None
            writers.release(self.root)
        if not self.placed:
            for folder in sorted(self._made_dirs, key=lambda p: len(p.parts), reverse=True):
                try:
                    folder.rmdir()
                except OSError:
                    pass
            self._made_dirs = []
