"""Dashboard login: scrypt password hashes on HQ users and a signed, expiring session cookie.

The signing key lives in the database (table web_keys), so every server instance behind a
load balancer accepts the same cookies and nothing is kept in memory. A session names the
user and a fingerprint of the password hash: changing the password ends old sessions, and a
disabled user is refused on the next request."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time

from sva.errors import BadInput
from sva.hq.accounts import log_event, now_iso, user_by_name
from sva.hq.storage import Storage, Tx

COOKIE = "sva_session"
SESSION_SECONDS = 12 * 3600
SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str | None) -> bool:
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), dklen=32,
                             n=int(n), r=int(r), p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


_DUMMY = ("scrypt$16384$8$1$00000000000000000000000000000000$"
          "0000000000000000000000000000000000000000000000000000000000000000")


def set_password(storage: Storage, name: str, password: str, *, actor: str = "admin") -> None:
    if len(password) < MIN_PASSWORD:
        raise BadInput(f"the password must have at least {MIN_PASSWORD} characters",
                       field="password")
    hashed = hash_password(password)
    with storage.transaction() as tx:
        user = user_by_name(tx, name)
        tx.execute("UPDATE users SET password_hash = ? WHERE id = ?", (hashed, user["id"]))
        log_event(tx, actor, "passwd", "user", user["id"])


def _key(storage: Storage) -> bytes:
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT value FROM web_keys WHERE name = 'session'")
    if row is None:
        with storage.transaction() as tx:
            tx.execute("INSERT INTO web_keys (name, value, created_at) VALUES (?,?,?) "
                       "ON CONFLICT (name) DO NOTHING",
                       ("session", secrets.token_hex(32), now_iso()))
            row = tx.one("SELECT value FROM web_keys WHERE name = 'session'")
    return bytes.fromhex(row["value"])


def _fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def login(storage: Storage, name: str, password: str) -> str | None:
    """A session cookie value for good credentials, else None (same answer for every failure)."""
    with storage.transaction(write=False) as tx:
        user = tx.one("SELECT * FROM users WHERE name = ?", ((name or "").strip(),))
    stored = user["password_hash"] if user else None
    # Unknown users cost one scrypt too, so timing does not tell which names exist.
    ok = check_password(password or "", stored or _DUMMY)
    if not (user and stored and ok and not user["disabled"]):
        return None
    body = json.dumps({"u": user["id"], "f": _fingerprint(stored),
                       "e": int(time.time()) + SESSION_SECONDS}, separators=(",", ":"))
    payload = _b64(body.encode())
    sig = _b64(hmac.new(_key(storage), payload.encode(), hashlib.sha256).digest())
    return f"{payload}.{sig}"


def session_user(storage: Storage, cookie: str | None) -> dict | None:
    """The live user a cookie names, or None (bad signature, expired, password changed,
    disabled)."""
    if not cookie or "." not in cookie:
        return None
    payload, _, sig = cookie.partition(".")
    want = _b64(hmac.new(_key(storage), payload.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(want, sig):
        return None
    try:
        data = json.loads(_unb64(payload))
    except ValueError:
        return None
    if not isinstance(data, dict) or int(data.get("e", 0)) < time.time():
        return None
    with storage.transaction(write=False) as tx:
        return user_for_session(tx, data)


def user_for_session(tx: Tx, data: dict) -> dict | None:
    user = tx.one("SELECT id, name, role, disabled, password_hash FROM users WHERE id = ?",
                  (str(data.get("u")),))
    if (user is None or user["disabled"] or not user["password_hash"]
            or _fingerprint(user["password_hash"]) != data.get("f")):
        return None
    return {"id": user["id"], "name": user["name"], "role": user["role"]}
