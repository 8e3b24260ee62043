"""Photo blobs on disk, named by SHA-256, uploaded in resumable chunks.

The upload state lives only on disk (`partial/<sha>` grows chunk by chunk), so a restarted
server, or another instance sharing the folder, resumes exactly where the bytes stopped.
A blob becomes visible under its name only after its hash has been checked.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import re
from pathlib import Path
from typing import AsyncIterator

SHA256_NAME = re.compile(r"^[0-9a-f]{64}$")
MAX_CHUNK = 8 * 1024 * 1024
MAX_BLOB = 200 * 1024 * 1024


class OffsetMismatch(Exception):
    def __init__(self, received: int):
        self.received = received
        super().__init__(f"upload is at byte {received}")


class HashMismatch(Exception):
    pass


class BlobStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def final_path(self, sha: str) -> Path:
        assert SHA256_NAME.match(sha)
        return self.folder / sha[:2] / sha

    def partial_path(self, sha: str) -> Path:
        assert SHA256_NAME.match(sha)
        return self.folder / "partial" / sha

    def received(self, sha: str) -> tuple[int, bool]:
        """(bytes held, complete?)"""
        final = self.final_path(sha)
        if final.exists():
            return final.stat().st_size, True
        partial = self.partial_path(sha)
        return (partial.stat().st_size if partial.exists() else 0), False

    async def write(self, sha: str, offset: int, total: int, chunks: AsyncIterator[bytes],
                    limit: int) -> tuple[int, bool]:
        """Append a chunk at `offset`; returns (bytes held, complete?).

        Bytes that arrived before a broken connection stay written: that is what the client
        resumes from. At `total` bytes the hash is checked and the blob moved into place.
        """
        size, done = self.received(sha)
        if done:
            return size, True
        partial = self.partial_path(sha)
        partial.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)   # one writer per blob, also across processes
            held = os.fstat(fd).st_size
            if held != offset:
                raise OffsetMismatch(held)
            os.lseek(fd, offset, os.SEEK_SET)
            written = 0
            try:
                async for piece in chunks:
                    if not piece:
                        continue
                    if written + len(piece) > limit or offset + written + len(piece) > total:
                        raise ValueError("more bytes than the declared range")
                    os.write(fd, piece)
                    written += len(piece)
            finally:
                os.fsync(fd)
            held = offset + written
            if held == total:
                self._finish(sha, partial)
                return held, True
            return held, False
        finally:
            os.close(fd)

    def _finish(self, sha: str, partial: Path) -> None:
        digest = hashlib.sha256()
        with open(partial, "rb") as fh:
            for block in iter(lambda: fh.read(1024 * 1024), b""):
                digest.update(block)
        if digest.hexdigest() != sha:
            partial.unlink(missing_ok=True)
            raise HashMismatch("the uploaded bytes do not match their SHA-256 name")
        final = self.final_path(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, final)
