"""The supplier registry's history (issue 18): spend per supplier per fiscal year and the
critical flags and categories with the dates they held. A registry import records the year
it is for; the figures of a year read only that year's rows, so importing a new supplier
today does not move FY2022's shares, and a year nobody imported spend for shows none.

Flags and categories of a year are those in force on the year's last day (for the running
year: the latest known).
"""
from __future__ import annotations

import json
from datetime import date, timedelta

from sva.hq.programme.fiscal import fy_bounds, fy_of
from sva.hq.storage import Storage, Tx
from sva.places import region_of
from sva.vocabulary import SUPPLIER_FLAGS

_ATTRS = (*SUPPLIER_FLAGS, "categories")


def current_fy(today: date | None = None) -> int:
    return fy_of(today or date.today())


def latest_spend_fy(tx: Tx, code: str) -> int | None:
    return tx.scalar("SELECT MAX(fy) FROM supplier_spend WHERE supplier_code = ?", (code,))


def import_fy(storage: Storage, fy: int | None) -> int:
    """The fiscal year a registry import is for (default: the current one); BadInput when
    that year is closed. Every import path that changes the registry starts here."""
    from sva.hq.programme_closing import require_open
    fy = current_fy() if fy is None else int(fy)
    with storage.transaction(write=False) as tx:
        require_open(tx, fy, "importing its registry")
    return fy


def record_import(tx: Tx, code: str, fy: int, row: dict, now: str, source: str) -> bool:
    """The one way every registry import records a supplier's row for fiscal year `fy`:
    its spend, region, flags and categories go into the history (record_year). Returns
    whether today's registry row should take the row too: not when the file is for an older
    year than the supplier's latest (then it only adds history), so a year's figures are the
    same whichever import path brought them."""
    latest = latest_spend_fy(tx, code)
    record_year(tx, code, fy, row, row.get("region") or region_of(row["country"]), now,
                source)
    return latest is None or fy >= latest


def record_year(tx: Tx, code: str, fy: int, row: dict, region: str, now: str,
                source: str) -> None:
    """The year's spend (replacing an earlier import for that year) and the flags and
    categories from the year's first day."""
    tx.execute("DELETE FROM supplier_spend WHERE supplier_code = ? AND fy = ?", (code, fy))
    tx.execute("INSERT INTO supplier_spend (supplier_code, fy, annual_spend, region, "
               "imported_at, imported_from) VALUES (?, ?, ?, ?, ?, ?)",
               (code, fy, int(row["annual_spend"]), region, now, source))
    values = {**{f: int(bool(row.get(f))) for f in SUPPLIER_FLAGS},
              "categories": _categories(row.get("categories"))}
    record_attributes(tx, code, fy_bounds(fy)[0].isoformat(), values, now)


def _categories(value) -> str:
    if isinstance(value, str):
        value = json.loads(value or "[]")
    return json.dumps(list(value or []), ensure_ascii=False)


def record_attributes(tx: Tx, code: str, day: str, values: dict, now: str) -> None:
    """Make `values` hold from `day` until the next recorded change (or for good)."""
    cols = ", ".join(("valid_from", "valid_to", *_ATTRS))
    held = tx.one(f"SELECT {cols} FROM supplier_attributes WHERE supplier_code = ? AND "
                  "valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)", (code, day, day))
    if held is not None and all(held[k] == values[k] for k in _ATTRS):
        return
    if held is not None and held["valid_from"] == day:
        tx.execute("UPDATE supplier_attributes SET " + ", ".join(f"{k} = ?" for k in _ATTRS)
                   + ", recorded_at = ? WHERE supplier_code = ? AND valid_from = ?",
                   (*[values[k] for k in _ATTRS], now, code, day))
        return
    before = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    if held is not None:
        until = held["valid_to"]
        tx.execute("UPDATE supplier_attributes SET valid_to = ? WHERE supplier_code = ? AND "
                   "valid_from = ?", (before, code, held["valid_from"]))
    else:
        nxt = tx.scalar("SELECT MIN(valid_from) FROM supplier_attributes WHERE "
                        "supplier_code = ? AND valid_from > ?", (code, day))
        until = (date.fromisoformat(nxt) - timedelta(days=1)).isoformat() if nxt else None
    tx.execute(f"INSERT INTO supplier_attributes (supplier_code, {cols}, recorded_at) VALUES "
               "(?, ?, ?, ?, ?, ?, ?, ?)",
               (code, day, until, *[values[k] for k in _ATTRS], now))


def in_force(alias: str = "h") -> str:
    """SQL condition: attributes row `alias` held on the day bound twice as parameters."""
    return (f"{alias}.valid_from <= ? AND ({alias}.valid_to IS NULL OR {alias}.valid_to >= ?)")


def backfill(tx: Tx, now: str, today: date | None = None) -> None:
    """Migration: a registry from before history existed. Its spend is recorded for the
    fiscal year the migration runs in (nobody knows which year it was for; older years show
    no spend until imported with --fy), its flags and categories as held since ever."""
    fy = current_fy(today)
    for s in tx.all("SELECT code, region, country, annual_spend, categories, "
                    + ", ".join(SUPPLIER_FLAGS) + " FROM suppliers s WHERE deleted = 0 AND "
                    "NOT EXISTS (SELECT 1 FROM supplier_spend p WHERE p.supplier_code = s.code) "
                    "AND NOT EXISTS (SELECT 1 FROM supplier_attributes h "
                    "WHERE h.supplier_code = s.code)"):
        tx.execute("INSERT INTO supplier_spend (supplier_code, fy, annual_spend, region, "
                   "imported_at, imported_from) VALUES (?, ?, ?, ?, ?, ?)",
                   (s["code"], fy, int(s["annual_spend"] or 0),
                    s["region"] or region_of(s["country"]), now, "(before history)"))
        tx.execute("INSERT INTO supplier_attributes (supplier_code, valid_from, valid_to, "
                   + ", ".join(_ATTRS) + ", recorded_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?)",
                   (s["code"], "2000-01-01", *[int(s[f] or 0) for f in SUPPLIER_FLAGS],
                    s["categories"] or "[]", now))
