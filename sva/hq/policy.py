"""HQ policies that devices follow; they travel down with every pull.

`photo_originals` (default: off) — whether devices send, besides the redacted rendering of
each photo (always sent, and the only thing the dashboard and exports show), a full-size
copy of the unredacted pixels. Even then the copy is re-encoded from pixels on the device:
no EXIF, no GPS, no XMP ever leaves it, and HQ refuses a blob that carries a position.
"""
from __future__ import annotations

from sva.hq.storage import Storage, Tx
from sva.hq.switches import Switches

DEFAULTS = {"photo_originals": False}
POLICIES = Switches("hq_policy", DEFAULTS, noun="policy", field="policy", event="policy")


def device_policy(tx: Tx) -> dict:
    """Every policy with its value (stored or default)."""
    return POLICIES.values(tx)


def get_policy(storage: Storage) -> dict:
    with storage.transaction(write=False) as tx:
        return device_policy(tx)


def set_policy(storage: Storage, name: str, value, *, actor: str = "admin") -> dict:
    POLICIES.check(name, value)
    with storage.transaction() as tx:
        POLICIES.store(tx, name, value, actor=actor)
        return device_policy(tx)
