"""The offline bundle file (`.svab`, format 1): what the device writes and HQ reads.

Layout of one file::

    MAGIC                      8 bytes  b"SVABNDL\\x01"
    header length              4 bytes  big-endian
    header                     canonical JSON (UTF-8), in clear: no secret, no audit data
    encrypted payload          AES-256-GCM in pieces of SEGMENT plaintext bytes, each piece
                               followed by its 16-byte tag; the last piece is flagged final
    signature                  64 bytes  Ed25519 over SIGNED_CONTEXT + SHA-256(all bytes
                               before the signature)

Keys (nothing new to distribute, nothing stored outside the OS keyring on the device):

* **Content key** — 32 random bytes per bundle; it encrypts the payload and is never written
  anywhere in clear.
* **Key-encryption key (KEK)** — HKDF-SHA256 over the SHA-256 of the device token, with a
  random per-bundle salt and the device id in `info`. The device holds the token in the OS
  keyring; HQ holds exactly that SHA-256 (`devices.token_hash`, written at enrolment), so HQ
  opens a bundle without a network round trip and the device needs no second secret. The
  content key travels wrapped (AES-GCM, AAD = device id) in the header.
* **Signature** — the device's Ed25519 key from the keyring; HQ checks it against the public
  key registered at enrolment (`devices.public_key`) before it decrypts anything.

What this protects: a lost USB stick reveals nothing (no token, no key, no audit text or
photo); a flipped, dropped or appended byte anywhere fails the signature; a bundle from an
unknown or revoked device is refused before decryption. Revoking a device (or re-enrolling,
which gives a new token) retires its bundle key with it. Limits, stated honestly: whoever
holds a copy of the HQ database can derive the KEKs — but that copy already holds every
audit document in clear, so the bundle adds no exposure there; and a signature proves the
*device*, so a revoked device's old bundles are refused rather than trusted.

Each piece's nonce is `nonce_prefix (7 random bytes) | counter (4, big-endian) | final (1)`
and its AAD is SHA-256(MAGIC + header), so pieces cannot be reordered, dropped, moved to
another bundle or cut off at a piece boundary without failing a tag.

The payload (plaintext) is `manifest length (4, big-endian) | manifest JSON | blob bytes`,
the blobs one after the other in manifest order; the manifest holds the same audit documents
an online push sends (`sva.sync.document`) and each blob's SHA-256 and size.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import struct

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"SVABNDL\x01"
FORMAT = "sva-bundle"
VERSION = 1
SEGMENT = 1024 * 1024
TAG = 16
SIGNATURE = 64
MAX_HEADER = 64 * 1024
MAX_MANIFEST = 64 * 1024 * 1024
SIGNED_CONTEXT = b"sva bundle signature v1\x00"
KEK_INFO = b"sva bundle kek v1\x00"
LENGTH = struct.Struct(">I")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def token_digest(token: str) -> bytes:
    """SHA-256 of the device token: what HQ stores as `devices.token_hash` (hex)."""
    return hashlib.sha256(token.encode("utf-8")).digest()


def kek(token_sha256: bytes, salt: bytes, device_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=KEK_INFO + device_id.encode("utf-8")).derive(token_sha256)


def wrap_key(content_key: bytes, token_sha256: bytes, device_id: str) -> dict:
    """The header fields that carry the content key, wrapped for HQ."""
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapped = AESGCM(kek(token_sha256, salt, device_id)).encrypt(
        nonce, content_key, device_id.encode("utf-8"))
    return {"kdf": "hkdf-sha256(sha256(device-token))", "salt": b64(salt),
            "key_nonce": b64(nonce), "wrapped_key": b64(wrapped)}


def unwrap_key(header: dict, token_sha256: bytes) -> bytes:
    """The content key; raises cryptography's InvalidTag if the KEK is not the one used."""
    device_id = header["device_id"]
    return AESGCM(kek(token_sha256, unb64(header["salt"]), device_id)).decrypt(
        unb64(header["key_nonce"]), unb64(header["wrapped_key"]), device_id.encode("utf-8"))


def header_bytes(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def segment_aad(header_raw: bytes) -> bytes:
    return hashlib.sha256(MAGIC + header_raw).digest()


def segment_nonce(prefix: bytes, counter: int, final: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if final else b"\x00")


def signed_message(digest: bytes) -> bytes:
    return SIGNED_CONTEXT + digest
