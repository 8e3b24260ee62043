"""The portal's settings, changed by an HQ manager on the dashboard (Supplier portal ▸
Campaigns) or with `sva-hq portal setting`; kept in the table portal_settings with who
changed each and when, every change one audit-log row.

`levels_to_suppliers` (default off): a supplier's submitted questionnaire page shows the
level its answers fed and the level's explanation, in the page's language. Off, only HQ
sees them."""
from __future__ import annotations

import json

from sva.errors import BadInput
from sva.hq.accounts import log_event, now_iso
from sva.hq.storage import Storage, Tx

DEFAULTS = {"levels_to_suppliers": False}


def current(tx: Tx) -> dict:
    """{name: {"value", "updated_at", "updated_by"}} for every setting (stored or default:
    updated_at and updated_by None)."""
    out = {n: {"value": v, "updated_at": None, "updated_by": None} for n, v in DEFAULTS.items()}
    for row in tx.all("SELECT * FROM portal_settings"):
        if row["name"] in out:
            out[row["name"]] = {"value": json.loads(row["value"]),
                                "updated_at": row["updated_at"], "updated_by": row["updated_by"]}
    return out


def value(tx: Tx, name: str):
    return current(tx)[name]["value"]


def change(storage: Storage, name: str, new, *, actor: str) -> dict:
    """Set one setting; BadInput for an unknown name or a value of the wrong kind."""
    if name not in DEFAULTS:
        raise BadInput(f"unknown portal setting {name!r} (known: {', '.join(DEFAULTS)})",
                       field="setting")
    if not isinstance(new, type(DEFAULTS[name])):
        raise BadInput(f"portal setting {name} takes on or off", field="value")
    with storage.transaction() as tx:
        old = value(tx, name)
        tx.execute("DELETE FROM portal_settings WHERE name = ?", (name,))
        tx.execute("INSERT INTO portal_settings (name, value, updated_at, updated_by) "
                   "VALUES (?,?,?,?)", (name, json.dumps(new), now_iso(), actor))
        log_event(tx, actor, "portal_setting", "portal_settings", name, old=old, new=new)
        return current(tx)
