"""The portal's settings, changed by an HQ manager on the dashboard (Supplier portal ▸
Campaigns) or with `sva-hq portal setting`; kept in the table portal_settings with who
changed each and when, every change one audit-log row.

`levels_to_suppliers` (default off): a supplier's submitted questionnaire page shows the
level its answers fed and the level's explanation, in the page's language. Off, only HQ
sees them."""
from __future__ import annotations

import json

from sva.hq.storage import Storage, Tx
from sva.hq.switches import Switches

DEFAULTS = {"levels_to_suppliers": False}
SETTINGS = Switches("portal_settings", DEFAULTS, noun="portal setting", field="setting",
                    event="portal_setting")


def current(tx: Tx) -> dict:
    """{name: {"value", "updated_at", "updated_by"}} for every setting (stored or default:
    updated_at and updated_by None)."""
    return {name: {"value": DEFAULTS[name], "updated_at": None, "updated_by": None}
            if row is None else {"value": json.loads(row["value"]),
                                 "updated_at": row["updated_at"], "updated_by": row["updated_by"]}
            for name, row in SETTINGS.rows(tx).items()}


def value(tx: Tx, name: str):
    return SETTINGS.values(tx)[name]


def change(storage: Storage, name: str, new, *, actor: str) -> dict:
    """Set one setting; BadInput for an unknown name or a value of the wrong kind."""
    SETTINGS.check(name, new)
    with storage.transaction() as tx:
        SETTINGS.store(tx, name, new, actor=actor)
        return current(tx)
