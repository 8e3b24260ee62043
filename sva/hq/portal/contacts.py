"""Supplier contacts: invitations with a one-time link, passwords, sessions, disabling.

A contact logs in with its e-mail address. The invitation token and the session cookie are
long random strings of which only the SHA-256 is stored. A session ends at logout, when it
expires, when the password changes and when the contact is disabled."""
from __future__ import annotations

import hashlib
import re
import secrets
import time
import uuid
from datetime import UTC, datetime, timedelta

from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso, secret_hash
from sva.hq.storage import Storage, Tx
from sva.hq.web.passwords import DUMMY, check_password, check_policy, hash_password
from sva.vocabulary import LANGS

INVITE_TTL = timedelta(days=14)
SESSION_SECONDS = 8 * 3600
EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$")


class InviteRefused(Exception):
    """The link is unknown, used or expired (one answer for all)."""


def clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    if not EMAIL.match(email):
        raise BadInput(f"{email[:80]!r} is not an e-mail address", field="email")
    return email


def supplier_by_code(tx: Tx, code: str) -> dict:
    row = tx.one("SELECT * FROM suppliers WHERE code = ? AND deleted = 0",
                 ((code or "").strip().upper(),))
    if row is None:
        raise NotFound(f"no supplier with code {code!r}", field="supplier")
    return row


def invite(storage: Storage, supplier_code: str, email: str, *, name: str, lang: str = "en",
           primary: bool = False, actor: str, by_contact: dict | None = None,
           base_url: str = "") -> tuple[str, str]:
    """Add (or re-invite) a contact of a supplier; returns (contact id, one-time link).
    `by_contact`: a supplier's primary contact inviting a colleague of its own supplier.
    The invitation mail goes to the outbox in the same transaction."""
    from sva.hq.portal import outbox
    email = clean_email(email)
    name = (name or "").strip()[:200]
    if not name:
        raise BadInput("the contact's name is empty", field="name")
    if lang not in LANGS:
        raise BadInput(f"language must be one of {', '.join(LANGS)}", field="lang")
    token = secrets.token_urlsafe(32)
    expires = (datetime.now(UTC) + INVITE_TTL).isoformat(timespec="seconds")
    with storage.transaction() as tx:
        if by_contact is not None:
            supplier = tx.one("SELECT * FROM suppliers WHERE id = ?",
                              (by_contact["supplier_id"],))
            primary = False
        else:
            supplier = supplier_by_code(tx, supplier_code)
        row = tx.one("SELECT * FROM portal_contacts WHERE email = ?", (email,))
        if row is not None and row["supplier_id"] != supplier["id"]:
            raise BadInput("this e-mail address cannot be invited", field="email")
        if row is not None and row["password_hash"]:
            raise BadInput("this contact has already set a password", field="email")
        if row is None:
            contact_id = str(uuid.uuid4())
            tx.execute("INSERT INTO portal_contacts (id, supplier_id, name, email, lang, "
                       "is_primary, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
                       (contact_id, supplier["id"], name, email, lang, int(primary),
                        now_iso(), actor))
        else:
            contact_id = row["id"]
            tx.execute("UPDATE portal_contacts SET name = ?, lang = ?, is_primary = ? "
                       "WHERE id = ?", (name, lang, int(primary or row["is_primary"]),
                                        contact_id))
        tx.execute("INSERT INTO portal_invites (token_hash, contact_id, created_at, expires_at) "
                   "VALUES (?,?,?,?)", (secret_hash(token), contact_id, now_iso(), expires))
        link = f"{base_url.rstrip('/')}/portal/welcome?t={token}&lang={lang}"
        contact = tx.one("SELECT * FROM portal_contacts WHERE id = ?", (contact_id,))
        outbox.enqueue(tx, contact, "invitation", supplier=supplier, link=link,
                       expires=expires[:10])
        log_event(tx, actor, "invite", "portal_contact", contact_id, supplier=supplier["code"])
    return contact_id, link


def invite_status(tx: Tx, token: str) -> dict | None:
    """The contact a live invitation link is for, else None."""
    if not token or len(token) > 100:
        return None
    row = tx.one("SELECT i.*, c.email, c.name, c.lang, c.disabled FROM portal_invites i "
                 "JOIN portal_contacts c ON c.id = i.contact_id WHERE i.token_hash = ?",
                 (secret_hash(token),))
    if (row is None or row["used_at"] or row["disabled"]
            or row["expires_at"] < datetime.now(UTC).isoformat(timespec="seconds")):
        return None
    return row


def accept_invite(storage: Storage, token: str, password: str) -> dict:
    """Set the contact's password from a live link; the link is spent. Returns the contact."""
    with storage.transaction(write=False) as tx:
        row = invite_status(tx, token)
    if row is None:
        raise InviteRefused()
    check_policy(row["email"], password)
    hashed = hash_password(password)
    with storage.transaction() as tx:
        if tx.execute("UPDATE portal_invites SET used_at = ? WHERE token_hash = ? "
                      "AND used_at IS NULL", (now_iso(), secret_hash(token))) != 1:
            raise InviteRefused()
        tx.execute("UPDATE portal_contacts SET password_hash = ? WHERE id = ?",
                   (hashed, row["contact_id"]))
        tx.execute("UPDATE portal_sessions SET ended_at = ? WHERE contact_id = ? "
                   "AND ended_at IS NULL", (now_iso(), row["contact_id"]))
        log_event(tx, row["email"], "set_password", "portal_contact", row["contact_id"])
        return tx.one("SELECT * FROM portal_contacts WHERE id = ?", (row["contact_id"],))


def verify(storage: Storage, email: str, password: str) -> dict | None:
    """The live contact for good credentials, else None (one scrypt whatever fails)."""
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT * FROM portal_contacts WHERE email = ?",
                     ((email or "").strip().lower()[:260],))
    stored = row["password_hash"] if row else None
    ok = check_password(password or "", stored or DUMMY)
    if not (row and stored and ok and not row["disabled"]):
        return None
    return row


def _fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def start_session(storage: Storage, contact: dict) -> str:
    token = secrets.token_urlsafe(32)
    with storage.transaction() as tx:
        tx.execute("INSERT INTO portal_sessions (id, contact_id, password_fingerprint, "
                   "created_at, expires_at) VALUES (?,?,?,?,?)",
                   (secret_hash(token), contact["id"], _fingerprint(contact["password_hash"]),
                    now_iso(), int(time.time()) + SESSION_SECONDS))
        log_event(tx, contact["email"], "login", "portal_contact", contact["id"])
    return token


def session_contact(storage: Storage, cookie: str | None) -> dict | None:
    """The live contact of a portal session cookie (with its supplier), or None."""
    if not cookie or len(cookie) > 100:
        return None
    with storage.transaction(write=False) as tx:
        row = tx.one(
            "SELECT s.ended_at, s.expires_at, s.password_fingerprint, c.*, "
            "p.code AS supplier_code, p.name_en AS supplier_name_en, "
            "p.name_ja AS supplier_name_ja FROM portal_sessions s "
            "JOIN portal_contacts c ON c.id = s.contact_id "
            "JOIN suppliers p ON p.id = c.supplier_id WHERE s.id = ?", (secret_hash(cookie),))
    if (row is None or row["ended_at"] or int(row["expires_at"]) < time.time()
            or row["disabled"] or not row["password_hash"]
            or _fingerprint(row["password_hash"]) != row["password_fingerprint"]):
        return None
    row.pop("password_hash")
    row["session"] = secret_hash(cookie)
    return row


def end_session(storage: Storage, cookie: str | None) -> None:
    if not cookie or len(cookie) > 100:
        return
    with storage.transaction() as tx:
        row = tx.one("SELECT contact_id FROM portal_sessions WHERE id = ? AND ended_at IS NULL",
                     (secret_hash(cookie),))
        if row:
            tx.execute("UPDATE portal_sessions SET ended_at = ? WHERE id = ?",
                       (now_iso(), secret_hash(cookie)))
            log_event(tx, "portal", "logout", "portal_contact", row["contact_id"])


def set_disabled(storage: Storage, contact_id: str, disabled: bool, *, actor: str,
                 supplier_id: str | None = None) -> None:
    """Disable (sessions end at once) or enable a contact; `supplier_id` scopes it to one
    supplier (a primary contact managing its colleagues)."""
    with storage.transaction() as tx:
        row = tx.one("SELECT * FROM portal_contacts WHERE id = ?", (contact_id,))
        if row is None or (supplier_id and row["supplier_id"] != supplier_id):
            raise NotFound("no such contact", field="contact")
        tx.execute("UPDATE portal_contacts SET disabled = ? WHERE id = ?",
                   (int(disabled), contact_id))
        if disabled:
            tx.execute("UPDATE portal_sessions SET ended_at = ? WHERE contact_id = ? "
                       "AND ended_at IS NULL", (now_iso(), contact_id))
        log_event(tx, actor, "disable" if disabled else "enable", "portal_contact", contact_id)


def contacts_of(tx: Tx, supplier_id: str) -> list[dict]:
    return tx.all("SELECT id, name, email, lang, is_primary, disabled, "
                  "password_hash IS NOT NULL AS active FROM portal_contacts "
                  "WHERE supplier_id = ? ORDER BY is_primary DESC, name", (supplier_id,))
