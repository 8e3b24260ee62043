"""CSRF protection for every dashboard form that changes something (login and logout too).

A browser gets a random `sva_csrf` cookie (HttpOnly, SameSite=Strict, path /dashboard); each
form carries `csrf` = HMAC-SHA256(HQ's web key, that cookie). A POST is taken only if the
field matches its cookie, and — when the browser says where the request came from — only if
it came from HQ itself (`Origin`, or `Sec-Fetch-Site`). Another site can neither read the
cookie nor compute the field, and a strict cookie is not even sent from its pages. The web
key sits in the database (table web_keys), shared by every server instance. A new cookie is
issued at login, so a token seen before login is worth nothing after it.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import weakref
from urllib.parse import urlsplit

from sva.hq.accounts import now_iso
from sva.hq.storage import Storage

COOKIE = "sva_csrf"
FIELD = "csrf"
COOKIE_PATH = "/dashboard"


# The key of each open storage, read once: it is written once (first use) and never changed,
# so every page and form need not read it again (a read transaction per request less).
_KEYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _key(storage: Storage) -> bytes:
    known = _KEYS.get(storage)
    if known is not None:
        return known
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT value FROM web_keys WHERE name = 'session'")
    if row is None:
        with storage.transaction() as tx:
            tx.execute("INSERT INTO web_keys (name, value, created_at) VALUES (?,?,?) "
                       "ON CONFLICT (name) DO NOTHING",
                       ("session", secrets.token_hex(32), now_iso()))
            row = tx.one("SELECT value FROM web_keys WHERE name = 'session'")
    key = bytes.fromhex(row["value"])
    _KEYS[storage] = key
    return key


def new_cookie() -> str:
    return secrets.token_urlsafe(24)


def token_for(storage: Storage, cookie: str) -> str:
    return hmac.new(_key(storage), b"csrf|" + cookie.encode(), hashlib.sha256).hexdigest()


def same_origin(headers, host: str) -> bool:
    """False when the browser says the request came from another site."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == host
    return origin != "null"


def valid(storage: Storage, cookie: str | None, field: str | None, headers, host: str) -> bool:
    if not cookie or not field or len(cookie) > 100 or len(field) > 100:
        return False
    if not same_origin(headers, host):
        return False
    return hmac.compare_digest(token_for(storage, cookie), field)
