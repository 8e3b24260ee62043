"""Dashboard passwords: scrypt hashes, and the policy a new password must meet.

Policy (checked by `sva-hq user passwd`): at least 12 characters; not one character
repeated; not the user name (nor the name reversed or repeated, nor the name with only
digits and symbols added); not a plain run such as 1234… or abcd…; not one of a short list
of the passwords tried first by anyone guessing.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

from sva.errors import BadInput

SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}
MIN_LENGTH = 12
# Compared case-insensitively; each is ≥ 12 characters (shorter ones fail on length).
COMMON = frozenset(p.casefold() for p in (
    "password1234", "password12345", "password123456", "passwordpassword", "password1234!",
    "Password123!", "Passw0rd1234", "P@ssw0rd1234", "p@ssword1234", "123456789012",
    "1234567890123", "12345678901234", "qwertyuiopas", "qwerty123456", "qwertyqwerty",
    "1q2w3e4r5t6y", "1qaz2wsx3edc", "abc123abc123", "iloveyou1234", "letmein12345",
    "welcome12345", "welcome123456", "changeme1234", "changemechangeme", "administrator",
    "administrator1", "admin1234567", "adminadmin12", "adminadminadmin", "monkey123456",
    "football1234", "baseball1234", "sunshine1234", "superman1234", "trustno1trustno1",
    "princess1234", "dragon123456", "master123456", "letmeinletmein", "qazwsxedcrfv",
    "zaq12wsxcde3", "asdfghjkl123", "passw0rdpassw0rd", "secret123456", "test12345678",
    "testtesttest", "111111111111", "000000000000", "987654321098"))
_RUNS = ("0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
         "qwertyuiopasdfghjklzxcvbnm")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str | None) -> bool:
    """scrypt of `password` against a stored hash (costs one scrypt whatever the answer)."""
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), dklen=32,
                             n=int(n), r=int(r), p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


# Unknown users cost one scrypt too, so timing does not tell which names exist.
DUMMY = ("scrypt$16384$8$1$00000000000000000000000000000000$"
         "0000000000000000000000000000000000000000000000000000000000000000")


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def check_policy(name: str, password: str) -> None:
    """BadInput naming what is wrong with a new password for user `name`."""
    def refuse(message: str):
        raise BadInput(f"the password {message}", field="password")

    if len(password) < MIN_LENGTH:
        refuse(f"must have at least {MIN_LENGTH} characters")
    if len(set(password)) == 1:
        refuse("must not be one character repeated")
    folded, user = password.casefold(), (name or "").strip().casefold()
    letters, name_letters = _letters(password), _letters(user)
    if user and (folded in (user, user[::-1]) or (
            name_letters and letters and any(not letters.replace(n, "") for n in (
                name_letters, name_letters[::-1])))):
        refuse("must not be the user name (or the name repeated, or with digits or "
               "symbols added)")
    if folded in COMMON:
        refuse("is one of the most common passwords; choose another")
    if any(folded in run or folded in run[::-1] for run in _RUNS):
        refuse("must not be a plain run of keys or digits")
