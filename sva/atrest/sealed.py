"""Sealed photo files: AES-256-GCM over the whole file, behind a small header.

    magic (8 bytes, b"\\x89SVAENC\\n") | version (1 byte) | nonce (12 bytes) | ciphertext+tag

The header is the associated data. Whole-file, not chunked: a photo is at most a few tens of
MB (sva/photos/limits.py) and every reader wants all of it (a decode, a hash, an upload
chunk); AES-GCM seals 5 MB in ~2 ms here. The photo key is derived from the folder's data
key (HKDF-SHA256, its own label), so the database and the photos never share a key. A file
without the magic is plain (a folder that `sva db encrypt` is still converting); the magic
cannot begin a JPEG, PNG, HEIC, TIFF or WebP file.
"""
from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"\x89SVAENC\n"
VERSION = 1
HEADER = len(MAGIC) + 1 + 12


class SealBroken(OSError):
    """A sealed file whose bytes no longer authenticate (damaged, or another folder's)."""


def is_sealed(data: bytes) -> bool:
    return data[:len(MAGIC)] == MAGIC


class PhotoCipher:
    def __init__(self, data_key: bytes):
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"sva photo files v1").derive(data_key)
        self._aead = AESGCM(key)

    def seal(self, data: bytes) -> bytes:
        header = MAGIC + bytes([VERSION]) + os.urandom(12)
        return header + self._aead.encrypt(header[-12:], data, header)

    def open(self, data: bytes, name: object = "") -> bytes:
        """The plain bytes of a sealed file (plain bytes are returned as they are)."""
        if not is_sealed(data):
            return data
        header = data[:HEADER]
        if len(data) < HEADER + 16 or header[len(MAGIC)] != VERSION:
            raise SealBroken(f"{name}: not a sealed SVA file of a known version")
        try:
            return self._aead.decrypt(header[-12:], data[HEADER:], header)
        except InvalidTag:
            raise SealBroken(f"{name}: the sealed file does not open with this folder's key "
                             "(damaged, or from another data folder)") from None
