"""HQ policies that devices follow; they travel down with every pull.

`photo_originals` (default: off) — whether devices send, besides the redacted rendering of
each photo (always sent, and the only thing the dashboard and exports show), a full-size
copy of the unredacted pixels. Even then the copy is re-encoded from pixels on the device:
no EXIF, no GPS, no XMP ever leaves it, and HQ refuses a blob that carries a position.
"""
from __future__ import annotations

import json

from sva.errors import BadInput
from sva.hq.accounts import log_event, now_iso
from sva.hq.storage import Storage, Tx

DEFAULTS = {"photo_originals": False}


def device_policy(tx: Tx) -> dict:
    """Every policy with its value (stored or default)."""
    policy = dict(DEFAULTS)
    for row in tx.all("SELECT name, value FROM hq_policy"):
        if row["name"] in policy:
            policy[row["name"]] = json.loads(row["value"])
    return policy


def get_policy(storage: Storage) -> dict:
    with storage.transaction(write=False) as tx:
        return device_policy(tx)


def set_policy(storage: Storage, name: str, value, *, actor: str = "admin") -> dict:
    if name not in DEFAULTS:
        raise BadInput(f"unknown policy {name!r} (known: {', '.join(DEFAULTS)})",
                       field="policy")
    if not isinstance(value, type(DEFAULTS[name])):
        raise BadInput(f"policy {name} takes on or off", field="value")
    with storage.transaction() as tx:
        old = device_policy(tx)[name]
        tx.execute("DELETE FROM hq_policy WHERE name = ?", (name,))
        tx.execute("INSERT INTO hq_policy (name, value, updated_at, updated_by) "
                   "VALUES (?,?,?,?)", (name, json.dumps(value), now_iso(), actor))
        log_event(tx, actor, "policy", "hq_policy", name, old=old, new=value)
        return device_policy(tx)
