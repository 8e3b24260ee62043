"""Photo blobs on disk, named by SHA-256, uploaded in resumable chunks.

The upload state lives only on disk (`partial/<sha>-<device>` grows chunk by chunk), so a
restarted server, or another instance sharing the folder, resumes exactly where the bytes
stopped. A blob becomes visible under its name only after its hash has been checked and its
bytes were sniffed as a photo without a GPS position (`sva.hq.images`).

Each device uploads into its own partial file: a device that names a blob HQ already holds
must still send every byte of it (hash-checked, then dropped) before it counts as one of
the blob's owners — knowing a photo's hash is not holding the photo.
"""
from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import os
import re
import time
from pathlib import Path
from collections.abc import AsyncIterator

from sva.hq.images import ImageRefused, check_photo
from sva.owner_only import make_dir

SHA256_NAME = re.compile(r"^[0-9a-f]{64}$")
MAX_CHUNK = 8 * 1024 * 1024
MAX_BLOB = 200 * 1024 * 1024
LOCK_WAIT = 30.0


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

    def partial_path(self, sha: str, device: str = "") -> Path:
        assert SHA256_NAME.match(sha)
        tag = hashlib.sha256(device.encode("utf-8")).hexdigest()[:16]
        return self.folder / "partial" / f"{sha}-{tag}"

    def held(self, sha: str) -> int | None:
        """Size of the complete blob, or None if HQ does not hold it."""
        try:
            return self.final_path(sha).stat().st_size
        except FileNotFoundError:
            return None

    def received(self, sha: str, device: str = "") -> tuple[int, bool]:
        """(bytes held, complete?) of this device's upload: complete only once the device
        has sent every byte (the caller checks ownership for blobs HQ already holds)."""
        partial = self.partial_path(sha, device)
        return (partial.stat().st_size if partial.exists() else 0), False

    async def write(self, sha: str, offset: int, total: int, chunks: AsyncIterator[bytes],
                    limit: int, device: str = "") -> tuple[int, bool]:
        """Append a chunk of `device`'s upload at `offset`; returns (bytes held, complete?).

        Bytes that arrived before a broken connection stay written: that is what the client
        resumes from. At `total` bytes the hash is checked, the bytes sniffed, the file
        fsynced and moved into place — only then does HQ count the blob as held. (A partial
        file is not fsynced per chunk: if a power cut garbles its tail, the hash check
        refuses it and the device sends the photo again; nothing wrong is ever accepted.)
        """
        partial = self.partial_path(sha, device)
        make_dir(partial.parent)
        # Only the first chunk starts a file: a late or repeated chunk for an upload that
        # was finished meanwhile must not leave a new, empty partial file behind.
        try:
            fd = os.open(partial, os.O_WRONLY | (os.O_CREAT if offset == 0 else 0), 0o600)
        except FileNotFoundError:
            raise OffsetMismatch(0) from None
        try:
            await _lock(fd)                  # one writer per upload, also across processes
            try:
                if os.stat(partial).st_ino != os.fstat(fd).st_ino:
                    # completed by a concurrent request meanwhile: this file is a stray
                    raise OffsetMismatch(0)
            except FileNotFoundError:
                raise OffsetMismatch(0) from None
            held = os.fstat(fd).st_size
            if held != offset:
                raise OffsetMismatch(held)
            os.lseek(fd, offset, os.SEEK_SET)
            # A blob sent whole in one request is hashed as it streams in (no second read),
            # in a worker thread, a megabyte at a time, while the next bytes arrive.
            hasher = _Hasher() if offset == 0 else None
            written = 0
            async for piece in chunks:
                if not piece:
                    continue
                if written + len(piece) > limit or offset + written + len(piece) > total:
                    raise ValueError("more bytes than the declared range")
                os.write(fd, piece)
                if hasher is not None:
                    await hasher.add(piece)
                written += len(piece)
            held = offset + written
            if held == total:
                streamed = await hasher.hexdigest() if hasher is not None else None
                # fsync and hash check off the event loop: other uploads keep streaming
                await asyncio.get_running_loop().run_in_executor(
                    None, self._finish_synced, sha, partial, fd, streamed)
                return held, True
            return held, False
        finally:
            os.close(fd)

    def _finish_synced(self, sha: str, partial: Path, fd: int, streamed: str | None) -> None:
        os.fsync(fd)
        self._finish(sha, partial, streamed)

    def _finish(self, sha: str, partial: Path, streamed: str | None = None) -> None:
        if streamed is None:
            digest = hashlib.sha256()
            with open(partial, "rb") as fh:
                for block in iter(lambda: fh.read(1024 * 1024), b""):
                    digest.update(block)
            streamed = digest.hexdigest()
        if streamed != sha:
            partial.unlink(missing_ok=True)
            raise HashMismatch("the uploaded bytes do not match their SHA-256 name")
        try:
            check_photo(partial)
        except ImageRefused:
            partial.unlink(missing_ok=True)
            raise
        final = self.final_path(sha)
        if final.exists():          # held already (another device sent it): proof is enough
            partial.unlink(missing_ok=True)
            return
        make_dir(final.parent)
        os.replace(partial, final)


class UploadLocks:
    """One request at a time per (blob, device) in this process, held from the check of
    what the device has sent until the blob is recorded as the device's: a repeated request
    (a proxy that replays, a client that retries after a cut) then sees the finished upload
    instead of starting a new partial file for bytes HQ already took. (Across processes the
    flock on the partial file keeps writes in order.)"""

    def __init__(self):
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}
        self._users: dict[tuple[str, str], int] = {}

    @contextlib.asynccontextmanager
    async def hold(self, sha: str, device: str, wait: float = LOCK_WAIT):
        key = (sha, device)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            await asyncio.wait_for(lock.acquire(), wait)
            try:
                yield
            finally:
                lock.release()
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key], self._locks[key]


class _Hasher:
    """SHA-256 of a stream, computed in a worker thread a batch at a time, in order."""

    BATCH = 1024 * 1024

    def __init__(self):
        self.digest = hashlib.sha256()
        self.pieces: list[bytes] = []
        self.size = 0
        self.pending = None

    async def add(self, piece: bytes) -> None:
        self.pieces.append(piece)
        self.size += len(piece)
        if self.size >= self.BATCH:
            await self._flush()

    async def _flush(self) -> None:
        if self.pending is not None:
            await self.pending
        data, self.pieces, self.size = b"".join(self.pieces), [], 0
        self.pending = asyncio.get_running_loop().run_in_executor(None, self.digest.update,
                                                                  data)

    async def hexdigest(self) -> str:
        await self._flush()
        await self.pending
        return self.digest.hexdigest()


async def _lock(fd: int, wait: float = LOCK_WAIT) -> None:
    """flock without blocking the event loop (another request of this process may hold it
    and need the loop to finish); after `wait` seconds answer with the bytes held."""
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise OffsetMismatch(os.fstat(fd).st_size) from None
            await asyncio.sleep(0.005)
