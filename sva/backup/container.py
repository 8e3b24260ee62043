"""The backup file: a header, a wrapped data key, then AES-256-GCM chunks.

    magic "SVABACKUP\\0" | u16 format version | u32 header length | header (JSON, UTF-8)
    | u8 wrapped-key length | wrapped key (nonce 12 + AES-GCM(KEK, data key) 32 + tag 16)
    | chunks: u32 ciphertext length | ciphertext (plaintext ≤ 1 MiB + tag 16)

* The header (plain, so `sva restore` can say what a file holds before asking anything)
  carries the salt and scrypt cost, the creation time, counts and the schema version. It is
  the associated data of the wrapped key: a changed header fails like a wrong passphrase.
* The data key is random per file and wrapped by a key-encryption key. Today the KEK comes
  from a passphrase (`passphrase_kek`); `open_reader(path, kek_for)` takes a function from
  the header to a KEK, the seam for another wrapping secret (a folder's recovery key).
* Chunk i is sealed with the nonce (i as 11 bytes, then 1 for the last chunk, else 0) and the
  header's SHA-256 as associated data, so chunks cannot be reordered, dropped, moved between
  files or cut off at the end without a clear error (the last chunk says it is the last).
Memory stays flat: one chunk at a time either way.
"""
from __future__ import annotations

import hashlib
import json
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sva.errors import BadInput

MAGIC = b"SVABACKUP\x00"
FORMAT_VERSION = 1
CHUNK = 1024 * 1024
TAG = 16
MAX_HEADER = 64 * 1024
# scrypt cost: 128 MiB and ~0.3 s per try on a laptop (an attacker pays it per guess too).
SCRYPT = {"n": 2 ** 17, "r": 8, "p": 1}
MIN_PASSPHRASE = 8


class BackupRefused(BadInput):
    """A backup file that cannot be used as it is: wrong passphrase, damaged, not a backup."""


def passphrase_kek(passphrase: str, header: dict) -> bytes:
    """The key-encryption key for `header` from a passphrase (scrypt, salt and cost from the
    header, bounded so a hostile header cannot ask for gigabytes)."""
    kdf = header.get("kdf") or {}
    try:
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        salt = bytes.fromhex(kdf["salt"])
    except (KeyError, TypeError, ValueError):
        raise BackupRefused("the backup's header names no usable key derivation",
                            code="backup_damaged") from None
    if kdf.get("name") != "scrypt" or not (2 ** 14 <= n <= 2 ** 20 and r <= 16 and p <= 4):
        raise BackupRefused("the backup's header names an unknown key derivation",
                            code="backup_damaged")
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                          maxmem=256 * 1024 * 1024)


def new_kdf() -> dict:
    return {"name": "scrypt", "salt": os.urandom(16).hex(), **SCRYPT}


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class Writer:
    """A write-only binary stream that encrypts into `out` chunk by chunk; `close()` seals
    the last chunk (an unclosed writer leaves a file no reader accepts)."""

    def __init__(self, out: BinaryIO, header: dict, kek: bytes):
        self.out = out
        data_key = AESGCM.generate_key(256)
        head = json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8")
        nonce = os.urandom(12)
        wrapped = nonce + AESGCM(kek).encrypt(nonce, data_key, head)
        out.write(MAGIC + struct.pack(">HI", FORMAT_VERSION, len(head)) + head
                  + bytes([len(wrapped)]) + wrapped)
        self._aead = AESGCM(data_key)
        self._ad = hashlib.sha256(head).digest()
        self._buffer = bytearray()
        self._index = 0
        self.closed = False
        self.plain_bytes = 0

    def write(self, data) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:       # keep one back: it may be the last
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        self.plain_bytes += len(data)
        return len(data)

    def _seal(self, plain: bytes, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._index, last), plain, self._ad)
        self.out.write(struct.pack(">I", len(sealed)) + sealed)
        self._index += 1

    def flush(self) -> None:
        self.out.flush()

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self.closed = True


@dataclass
class Opened:
    header: dict
    reader: Reader


def read_header(fh: BinaryIO, name: str) -> tuple[dict, bytes]:
    """The plain header (and its bytes) of a backup file, or a clear refusal."""
    start = fh.read(len(MAGIC) + 6)
    if len(start) < len(MAGIC) + 6 or not start.startswith(MAGIC):
        raise BackupRefused("this is not an SVA backup file", file=name,
                            code="backup_not_a_backup", params={"file": name})
    version, length = struct.unpack(">HI", start[len(MAGIC):])
    if version != FORMAT_VERSION:
        raise BackupRefused(f"backup format {version} is not known to this SVA (it reads "
                            f"format {FORMAT_VERSION}); use a newer SVA", file=name,
                            code="backup_too_new", params={"file": name})
    if length > MAX_HEADER:
        raise _damaged(name)
    head = fh.read(length)
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _damaged(name) from None
    if len(head) != length or not isinstance(header, dict):
        raise _damaged(name)
    return header, head


def _damaged(name: str, detail: str = "") -> BackupRefused:
    return BackupRefused("the backup file is damaged or incomplete"
                         + (f" ({detail})" if detail else "") + "; nothing was restored",
                         file=name, code="backup_damaged", params={"file": name})


class Reader:
    """A read-only binary stream of the decrypted content. Every chunk is authenticated
    before a byte of it is returned; a missing last chunk fails at the end of the data."""

    def __init__(self, fh: BinaryIO, head: bytes, data_key: bytes, name: str):
        self.fh, self.name = fh, name
        self._aead = AESGCM(data_key)
        self._ad = hashlib.sha256(head).digest()
        self._index = 0
        self._pending = b""
        self._pos = 0
        self._done = False

    def _next_chunk(self) -> None:
        size = self.fh.read(4)
        if len(size) < 4:
            raise _damaged(self.name, "it ends before its last part")
        (length,) = struct.unpack(">I", size)
        if not TAG <= length <= CHUNK + TAG:
            raise _damaged(self.name, f"part {self._index + 1} is not well formed")
        sealed = self.fh.read(length)
        if len(sealed) < length:
            raise _damaged(self.name, "it ends before its last part")
        for last in (False, True):
            try:
                plain = self._aead.decrypt(_nonce(self._index, last), sealed, self._ad)
            except InvalidTag:
                continue
            self._index += 1
            self._pending, self._pos = plain, 0
            if last:
                if self.fh.read(1):
                    raise _damaged(self.name, "bytes follow its last part")
                self._done = True
            return
        raise _damaged(self.name, f"part {self._index + 1} was changed")

    def read(self, size: int = -1) -> bytes:
        out = bytearray()
        while size < 0 or len(out) < size:
            if self._pos >= len(self._pending):
                if self._done:
                    break
                self._next_chunk()
                continue
            take = len(self._pending) - self._pos if size < 0 else \
                min(size - len(out), len(self._pending) - self._pos)
            out += self._pending[self._pos:self._pos + take]
            self._pos += take
        return bytes(out)

    def drain(self) -> None:
        """Read to the end: every chunk authenticated, the last one present."""
        while self.read(CHUNK):
            pass


def open_reader(fh: BinaryIO, name: str, kek_for: Callable[[dict], bytes]) -> Opened:
    """Read the header, derive the KEK with `kek_for(header)`, unwrap the data key; a wrong
    secret (or a changed header) is refused here, before any content is read."""
    header, head = read_header(fh, name)
    (wrapped_len,) = fh.read(1) or b"\x00"
    wrapped = fh.read(wrapped_len)
    if wrapped_len != 12 + 32 + TAG or len(wrapped) != wrapped_len:
        raise _damaged(name)
    kek = kek_for(header)
    try:
        data_key = AESGCM(kek).decrypt(wrapped[:12], wrapped[12:], head)
    except InvalidTag:
        raise BackupRefused("the passphrase is wrong (or the backup's header was changed); "
                            "nothing was restored", file=name, code="backup_wrong_passphrase",
                            params={"file": name}) from None
    return Opened(header, Reader(fh, head, data_key, name))


def describe(path: Path) -> dict:
    with open(path, "rb") as fh:
        return read_header(fh, str(path))[0]


def describe_or_refuse(path: str | os.PathLike) -> dict:
    """The header of a backup file, or a clear error naming the file."""
    try:
        return describe(Path(path))
    except FileNotFoundError:
        raise BackupRefused(f"{path} does not exist", file=str(path)) from None
    except IsADirectoryError:
        raise BackupRefused(f"{path} is a folder, not a backup file", file=str(path)) from None
