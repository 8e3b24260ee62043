"""Dashboard login: scrypt password hashes on HQ users and server-side sessions.

The session cookie holds a random secret; the database keeps only its SHA-256 (table
web_sessions), so a copy of the database opens no session, and every server instance behind
a load balancer sees the same sessions. A session ends at logout (for good, even if the
cookie was copied), when it expires, when the user's password changes, and when the user is
disabled or removed.
"""
from __future__ import annotations

import hashlib
import secrets
import time

from sva.hq.accounts import log_event, now_iso, user_by_name
from sva.hq.storage import Storage, Tx
from sva.hq.web.passwords import DUMMY, check_password, check_policy, hash_password

COOKIE = "sva_session"
SESSION_SECONDS = 12 * 3600
MIN_PASSWORD = 12

__all__ = ["COOKIE", "SESSION_SECONDS", "check_password", "hash_password", "set_password",
           "verify", "start_session", "session_user", "end_session", "login"]


def set_password(storage: Storage, name: str, password: str, *, actor: str = "admin") -> None:
    """A new dashboard password (policy-checked); the user's open sessions end."""
    check_policy(name, password)
    hashed = hash_password(password)
    with storage.transaction() as tx:
        user = user_by_name(tx, name)
        tx.execute("UPDATE users SET password_hash = ? WHERE id = ?", (hashed, user["id"]))
        end_user_sessions(tx, user["id"])
        log_event(tx, actor, "passwd", "user", user["id"])


def _fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def _session_id(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def verify(storage: Storage, name: str, password: str) -> dict | None:
    """The live user for good credentials, else None (same cost and answer for every
    failure). Costs one scrypt: call it through the hash pool, never on the event loop."""
    with storage.transaction(write=False) as tx:
        user = tx.one("SELECT * FROM users WHERE name = ?", ((name or "").strip()[:200],))
    stored = user["password_hash"] if user else None
    ok = check_password(password or "", stored or DUMMY)
    if not (user and stored and ok and not user["disabled"]):
        return None
    return user


def start_session(storage: Storage, user: dict) -> str:
    """A new session for a verified user; returns the cookie value (shown once)."""
    token = secrets.token_urlsafe(32)
    with storage.transaction() as tx:
        tx.execute("INSERT INTO web_sessions (id, user_id, password_fingerprint, created_at, "
                   "expires_at) VALUES (?,?,?,?,?)",
                   (_session_id(token), user["id"], _fingerprint(user["password_hash"]),
                    now_iso(), int(time.time()) + SESSION_SECONDS))
        log_event(tx, user["name"], "login", "user", user["id"])
    return token


def login(storage: Storage, name: str, password: str) -> str | None:
    """verify + start_session in one call (for scripts and tests; the web route runs the
    scrypt in the hash pool)."""
    user = verify(storage, name, password)
    return start_session(storage, user) if user else None


def session_user(storage: Storage, cookie: str | None) -> dict | None:
    """The live user of a session cookie, or None (unknown, ended, expired, password
    changed, user disabled)."""
    if not cookie or len(cookie) > 100:
        return None
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT s.ended_at, s.expires_at, s.password_fingerprint, u.id, u.name, "
                     "u.role, u.disabled, u.password_hash FROM web_sessions s JOIN users u "
                     "ON u.id = s.user_id WHERE s.id = ?", (_session_id(cookie),))
    if (row is None or row["ended_at"] or int(row["expires_at"]) < time.time()
            or row["disabled"] or not row["password_hash"]
            or _fingerprint(row["password_hash"]) != row["password_fingerprint"]):
        return None
    return {"id": row["id"], "name": row["name"], "role": row["role"],
            "session": _session_id(cookie)}


def end_session(storage: Storage, cookie: str | None) -> None:
    """Logout: the session is over at HQ, whoever still holds the cookie."""
    if not cookie or len(cookie) > 100:
        return
    with storage.transaction() as tx:
        row = tx.one("SELECT user_id FROM web_sessions WHERE id = ? AND ended_at IS NULL",
                     (_session_id(cookie),))
        if row:
            tx.execute("UPDATE web_sessions SET ended_at = ? WHERE id = ?",
                       (now_iso(), _session_id(cookie)))
            log_event(tx, "web", "logout", "user", row["user_id"])


def end_user_sessions(tx: Tx, user_id: str) -> None:
    tx.execute("UPDATE web_sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
               (now_iso(), user_id))
