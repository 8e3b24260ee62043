"""Numbered HQ schema migrations (SQLite: PRAGMA user_version; PostgreSQL: sva_schema).

All pending steps run in one transaction; a database newer than this code is refused and
left untouched.
"""
from __future__ import annotations

from importlib import resources as importlib_resources
from collections.abc import Callable

from sva.errors import SchemaTooNew
from sva.hq.storage import Storage, Tx
from sva.sql_script import split_statements
from sva.vocabulary import CAP_RESPONSE_FIELDS


def _sql(name: str) -> Callable[[Tx], None]:
    def step(tx: Tx) -> None:
        text = importlib_resources.files("sva.hq").joinpath(name).read_text("utf-8")
        for statement in split_statements(text):
            tx.execute(statement)
    step.__name__ = name
    return step


def _rehash_documents(tx: Tx) -> None:
    """v3: the document hash leaves out sync bookkeeping (`cap_base`); stored hashes are
    recomputed so the next push of an unchanged audit is recognised as unchanged."""
    import json

    from sva.hq.audits import document_hash
    for row in tx.all("SELECT id, document FROM audits"):
        tx.execute("UPDATE audits SET doc_hash = ? WHERE id = ?",
                   (document_hash(json.loads(row["document"])), row["id"]))


def _catch_up_facts(tx: Tx) -> None:
    """v4: pushes write the programme facts themselves now; audits stored before get theirs
    here, once, instead of on every dashboard read."""
    from sva.hq.programme_store import catch_up_facts
    catch_up_facts(tx)


def _versions(tx: Tx) -> None:
    """v6: every pushed version of an audit is kept (with its amendments); audits stored
    before keep their latest as version 1."""
    from sva.hq.versions import catch_up
    _sql("schema_v6_versions.sql")(tx)
    catch_up(tx)


def _columns(tx: Tx, table: str) -> set[str]:
    if tx.kind == "postgresql":
        return {r["column_name"] for r in tx.all(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "AND table_schema = current_schema()", (table,))}
    return {r["name"] for r in tx.all(f"PRAGMA table_info({table})")}


def _cap_response(tx: Tx) -> None:
    """issue 21: the supplier's CAP response (containment, evidence of completion, agree /
    dispute and its comment), synced like the other CAP fields; existing findings get ''.
    Safe to run again (SQLite has no ADD COLUMN IF NOT EXISTS: the columns are looked up)."""
    have = _columns(tx, "findings")
    for column in CAP_RESPONSE_FIELDS:
        if column not in have:
            tx.execute(f"ALTER TABLE findings ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")


def _site_name_ja(tx: Tx) -> None:
    """issue 21: a site's Japanese name (supplier import column site_name_ja), pulled by
    devices with the other site fields for the Japanese report; existing sites get ''.
    Safe to run again, like _cap_response."""
    if "name_ja" not in _columns(tx, "sites"):
        tx.execute("ALTER TABLE sites ADD COLUMN name_ja TEXT NOT NULL DEFAULT ''")


def _governance(tx: Tx) -> None:
    """Issue 18: the registry's history (spend per FY, flags and categories with dates), the
    registry of before recorded as the current year's."""
    from sva.hq.accounts import now_iso
    from sva.hq.programme_history import backfill
    _sql("schema_governance.sql")(tx)
    backfill(tx, now_iso())


def _portal_settings(tx: Tx) -> None:
    """Issue 17: a campaign's own reminder schedule ('' = the file's) and the portal's
    settings table. Safe to run again (the column is looked up, as in _cap_response)."""
    if "reminders" not in _columns(tx, "portal_campaigns"):
        tx.execute("ALTER TABLE portal_campaigns ADD COLUMN reminders TEXT NOT NULL DEFAULT ''")
    _sql("schema_portal_settings.sql")(tx)


# Index i holds the step that takes the schema from version i to i + 1.
STEPS: list[Callable[[Tx], None]] = [
    _sql("schema_v1.sql"),
    _sql("schema_v2_programme.sql"),    # issue 9: programme (registry, SAQ, levels, plans)
    _rehash_documents,                  # document hash without cap_base
    _catch_up_facts,                    # programme facts of audits pushed before v4
    _sql("schema_v5_security.sql"),     # issue 15: sessions, login throttle, blob owners
    _versions,                          # issue 14: every pushed version of an audit
    _sql("schema_programmes.sql"),      # issue 19: declarations, events, climate, CMRT, chemicals
    _cap_response,                      # issue 21: containment, evidence, agree/dispute
    _governance,                        # issue 18: registry history, closed years, plans
    _sql("schema_portal.sql"),          # issue 17: supplier portal
    _site_name_ja,                      # issue 21: a site's Japanese name
    _portal_settings,                   # issue 17: campaign reminders, portal settings
]
SCHEMA_VERSION = len(STEPS)


def migrate(storage: Storage) -> int:
    with storage.transaction() as tx:
        found = storage.get_version(tx)
        if found > SCHEMA_VERSION:
            raise SchemaTooNew(f"the HQ database has schema version {found}, but this SVA only "
                               f"knows up to {SCHEMA_VERSION}; install a newer SVA")
        for number in range(found, SCHEMA_VERSION):
            STEPS[number](tx)
            storage.set_version(tx, number + 1)
    return SCHEMA_VERSION
