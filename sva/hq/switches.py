"""On/off settings kept in an HQ table with who changed each and when, every change one
audit-log row: the device policies (sva.hq.policy, table hq_policy, pulled by devices) and the
portal's settings (sva.hq.portal.settings, table portal_settings, never pulled)."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sva.errors import BadInput
from sva.hq.accounts import log_event, now_iso
from sva.hq.storage import Tx


@dataclass(frozen=True)
class Switches:
    table: str               # (name, value as JSON, updated_at, updated_by)
    defaults: dict           # every switch with its value when never set
    noun: str                # what the messages call one ("policy", "portal setting")
    field: str               # the field an unknown name is reported on
    event: str               # the audit-log action

    def rows(self, tx: Tx) -> dict:
        """{name: its stored row or None} for every switch."""
        found = dict.fromkeys(self.defaults)
        for row in tx.all(f"SELECT * FROM {self.table}"):
            if row["name"] in found:
                found[row["name"]] = row
        return found

    def values(self, tx: Tx) -> dict:
        """Every switch with its value (stored or default)."""
        return {name: self.defaults[name] if row is None else json.loads(row["value"])
                for name, row in self.rows(tx).items()}

    def check(self, name: str, value) -> None:
        """BadInput for an unknown name or a value of the wrong kind."""
        if name not in self.defaults:
            raise BadInput(f"unknown {self.noun} {name!r} (known: {', '.join(self.defaults)})",
                           field=self.field)
        if not isinstance(value, type(self.defaults[name])):
            raise BadInput(f"{self.noun} {name} takes on or off", field="value")

    def store(self, tx: Tx, name: str, value, *, actor: str) -> None:
        """Set one (checked) switch in `tx`, with who and when, and its audit-log row."""
        old = self.values(tx)[name]
        tx.execute(f"DELETE FROM {self.table} WHERE name = ?", (name,))
        tx.execute(f"INSERT INTO {self.table} (name, value, updated_at, updated_by) "
                   "VALUES (?,?,?,?)", (name, json.dumps(value), now_iso(), actor))
        log_event(tx, actor, self.event, self.table, name, old=old, new=value)
