"""Users, one-time enrolment codes and device tokens. Only hashes of secrets are stored."""
from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from datetime import datetime, timedelta, UTC

from sva.errors import BadInput, NotFound
from sva.hq.storage import Storage, Tx
from sva.vocabulary import ROLES
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I: read aloud or typed
CODE_TTL = timedelta(hours=24)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def secret_hash(secret: str) -> str:
    """Codes and tokens are long random strings: a plain SHA-256 is enough to store them."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def log_event(tx: Tx, actor: str, action: str, entity: str, entity_id: str, **detail) -> None:
    tx.execute("INSERT INTO event_log (id, at, actor, action, entity, entity_id, detail) "
               "VALUES (?,?,?,?,?,?,?)",
               (str(uuid.uuid4()), now_iso(), actor, action, entity, entity_id,
                json.dumps(detail, ensure_ascii=False, sort_keys=True)))


def user_by_name(tx: Tx, name: str) -> dict:
    row = tx.one("SELECT * FROM users WHERE name = ?", (name,))
    if row is None:
        raise NotFound(f"no HQ user named {name!r}", field="user")
    return row


def add_user(storage: Storage, name: str, role: str, *, actor: str = "admin") -> str:
    name = (name or "").strip()
    if not name:
        raise BadInput("user name is empty", field="name")
    if role not in ROLES:
        raise BadInput(f"unknown role {role!r} (known: {', '.join(ROLES)})", field="role")
    with storage.transaction() as tx:
        if tx.one("SELECT id FROM users WHERE name = ?", (name,)):
            raise BadInput(f"a user named {name!r} already exists", field="name")
        user_id = str(uuid.uuid4())
        tx.execute("INSERT INTO users (id, name, role, created_at) VALUES (?,?,?,?)",
                   (user_id, name, role, now_iso()))
        log_event(tx, actor, "add", "user", user_id, name=name, role=role)
    return user_id


def new_enrol_code(storage: Storage, user_name: str, *, ttl: timedelta = CODE_TTL,
                   actor: str = "admin") -> tuple[str, str]:
    """A one-time code for `user_name`; returns (code, expires_at). Only its hash is kept."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    code = "-".join(raw[i:i + 4] for i in range(0, 16, 4))
    expires = (datetime.now(UTC) + ttl).isoformat(timespec="microseconds").replace(
        "+00:00", "Z")
    with storage.transaction() as tx:
        user = user_by_name(tx, user_name)
        tx.execute("INSERT INTO enrol_codes (code_hash, user_id, created_at, expires_at) "
                   "VALUES (?,?,?,?)", (secret_hash(normalise_code(code)), user["id"],
                                        now_iso(), expires))
        log_event(tx, actor, "enrol_code", "user", user["id"], expires_at=expires)
    return code, expires


class EnrolRefused(Exception):
    """The code is unknown, used or expired (one message for all: no oracle)."""


def enrol(storage: Storage, code: str, *, device_name: str = "",
          public_key: str = "") -> dict:
    """Exchange a code for a device token (returned once, stored as a hash)."""
    code_hash = secret_hash(normalise_code(code))
    token = secrets.token_urlsafe(32)
    device_id = str(uuid.uuid4())
    with storage.transaction() as tx:
        row = tx.one("SELECT * FROM enrol_codes WHERE code_hash = ?", (code_hash,))
        if row is None or row["used_at"] or row["expires_at"] < now_iso():
            raise EnrolRefused()
        # Conditional update: of two racing requests only one sees rowcount 1.
        if tx.execute("UPDATE enrol_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                      (now_iso(), code_hash)) != 1:
            raise EnrolRefused()
        user = tx.one("SELECT * FROM users WHERE id = ?", (row["user_id"],))
        tx.execute("INSERT INTO devices (id, user_id, token_hash, name, public_key, created_at) "
                   "VALUES (?,?,?,?,?,?)", (device_id, user["id"], secret_hash(token),
                                            device_name[:200], public_key[:200], now_iso()))
        log_event(tx, user["name"], "enrol", "device", device_id, name=device_name[:200])
    return {"device_id": device_id, "token": token, "user": user["name"], "role": user["role"]}


def device_for_token(tx: Tx, token: str) -> dict | None:
    """The live device (and its user) for a bearer token, or None if unknown/revoked."""
    return tx.one(
        "SELECT d.id AS device_id, d.public_key, u.id AS user_id, u.name AS user_name, u.role "
        "FROM devices d JOIN users u ON u.id = d.user_id "
        "WHERE d.token_hash = ? AND d.revoked_at IS NULL AND u.disabled = 0",
        (secret_hash(token),))


def revoke_device(storage: Storage, device_id: str, *, actor: str = "admin") -> None:
    with storage.transaction() as tx:
        row = tx.one("SELECT * FROM devices WHERE id = ?", (device_id,))
        if row is None:
            raise NotFound(f"no device with id {device_id}", field="device")
        if row["revoked_at"] is None:
            tx.execute("UPDATE devices SET revoked_at = ? WHERE id = ?", (now_iso(), device_id))
            log_event(tx, actor, "revoke", "device", device_id)


def list_devices(storage: Storage) -> list[dict]:
    with storage.transaction(write=False) as tx:
        return tx.all("SELECT d.id, u.name AS user_name, u.role, d.name, d.created_at, "
                      "d.revoked_at FROM devices d JOIN users u ON u.id = d.user_id "
                      "ORDER BY d.created_at")


def set_disabled(storage: Storage, name: str, disabled: bool, *, actor: str = "admin") -> None:
    """Disable (or enable again) a user: a disabled user's device tokens and dashboard
    sessions stop working at once, and no new login is accepted."""
    with storage.transaction() as tx:
        user = user_by_name(tx, name)
        tx.execute("UPDATE users SET disabled = ? WHERE id = ?", (int(disabled), user["id"]))
        if disabled:
            _end_sessions(tx, user["id"])
        log_event(tx, actor, "disable" if disabled else "enable", "user", user["id"])


def remove_user(storage: Storage, name: str, *, actor: str = "admin") -> str:
    """Remove a user: every device token revoked, unused enrolment codes and dashboard
    sessions gone, no password. A user with no audits or assignments at HQ is deleted
    ("deleted"); one whose work HQ keeps stays as a disabled name in that history
    ("disabled")."""
    with storage.transaction() as tx:
        user = user_by_name(tx, name)
        uid = user["id"]
        history = tx.scalar("SELECT COUNT(*) FROM audits WHERE owner_id = ?", (uid,)) or \
            tx.scalar("SELECT COUNT(*) FROM assignments WHERE auditor_id = ?", (uid,))
        tx.execute("DELETE FROM enrol_codes WHERE user_id = ? AND used_at IS NULL", (uid,))
        tx.execute("DELETE FROM web_sessions WHERE user_id = ?", (uid,))
        if history:
            tx.execute("UPDATE devices SET revoked_at = ? WHERE user_id = ? AND revoked_at "
                       "IS NULL", (now_iso(), uid))
            tx.execute("UPDATE users SET disabled = 1, password_hash = NULL WHERE id = ?",
                       (uid,))
            outcome = "disabled"
        else:
            tx.execute("DELETE FROM enrol_codes WHERE user_id = ?", (uid,))
            tx.execute("DELETE FROM devices WHERE user_id = ?", (uid,))
            tx.execute("DELETE FROM users WHERE id = ?", (uid,))
            outcome = "deleted"
        log_event(tx, actor, "remove", "user", uid, name=name, outcome=outcome)
    return outcome


def _end_sessions(tx: Tx, user_id: str) -> None:
    tx.execute("UPDATE web_sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
               (now_iso(), user_id))
