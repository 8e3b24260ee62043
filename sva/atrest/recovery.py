"""The recovery key: 200 random bits shown once as 8 groups of 5 characters (base32), which
unwraps the folder's data key from its key file on a computer whose keyring lost it.

scrypt (N=2^15, r=8, p=1: ~60 ms and 32 MiB here) turns it into the key that wraps the data
key with AES-256-GCM; the folder id is the associated data, so a wrapped key copied into
another folder's key file does not open. The recovery key itself is random, so the work
factor only adds a margin; it is never stored, logged or passed on a command line.
"""
from __future__ import annotations

import base64
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from sva.errors import WrongKey

GROUPS, GROUP = 8, 5
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}
_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def new() -> str:
    """A fresh recovery key, e.g. `K7QXM-2RWPA-...` (40 characters, 200 bits)."""
    text = base64.b32encode(secrets.token_bytes(GROUPS * GROUP * 5 // 8)).decode("ascii")
    return "-".join(text[i:i + GROUP] for i in range(0, len(text), GROUP))


def normalise(text: str) -> str:
    """The 40 characters of a recovery key as typed: spaces, dashes and case do not matter;
    0/1/8 read as O/I/B (base32 has no such digits). A key of the wrong shape is refused."""
    plain = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    plain = plain.translate(str.maketrans("018", "OIB"))
    if len(plain) != GROUPS * GROUP or not set(plain) <= _ALPHABET:
        raise WrongKey(f"a recovery key is {GROUPS} groups of {GROUP} letters and digits "
                       f"(e.g. ABCDE-FGH23-...); what was given has {len(plain)} characters "
                       "of that kind. Nothing was changed.", field="recovery key",
                       code="recovery_key_shape")
    return plain


def _kek(recovery: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(
        normalise(recovery).encode("ascii"))


def wrap(data_key: bytes, recovery: str, folder_id: str) -> dict:
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_kek(recovery, salt, **SCRYPT)).encrypt(
        nonce, data_key, f"sva-data-key:{folder_id}".encode())
    b64 = lambda b: base64.b64encode(b).decode("ascii")   # noqa: E731
    return {"kdf": "scrypt", **SCRYPT, "salt": b64(salt), "aead": "aes-256-gcm",
            "nonce": b64(nonce), "wrapped_key": b64(sealed)}


def unwrap(wrapped: dict, recovery: str, folder_id: str) -> bytes:
    """The data key, or WrongKey when `recovery` is not this folder's recovery key."""
    try:
        salt = base64.b64decode(wrapped["salt"])
        nonce = base64.b64decode(wrapped["nonce"])
        sealed = base64.b64decode(wrapped["wrapped_key"])
        kek = _kek(recovery, salt, int(wrapped["n"]), int(wrapped["r"]), int(wrapped["p"]))
    except (KeyError, ValueError, TypeError) as exc:
        raise WrongKey(f"the key file's recovery entry cannot be read ({type(exc).__name__})",
                       code="key_file_bad", params={"path": "sva.keys.json",
                                                    "detail": type(exc).__name__}) from None
    try:
        return AESGCM(kek).decrypt(nonce, sealed, f"sva-data-key:{folder_id}".encode())
    except InvalidTag:
        raise WrongKey("this recovery key does not open this data folder (check each group "
                       "of five); nothing was changed", field="recovery key",
                       code="recovery_key_wrong") from None
