"""The yearly figures counted by the database (sva.hq.programme_figures) equal the pure
`figures()` on the same rows, on SQLite and PostgreSQL, for the cases the SQL handles itself:
improvement topics of repeated-section items ('SVR-LINE-01#2' counts under SVR-LINE-01, a
supplier once), supplier codes in another case, findings without an item, deleted findings."""
from __future__ import annotations

from sva.hq.programme.figures import figures
from sva.hq.programme_figures import figures_from_db, inputs_from_db
from sva.hq.storage import open_storage

AUDITS = [("a1", "S1", "2024-05-10"), ("a2", "s1", "2024-09-01"), ("a3", "S2", "2024-06-01"),
          ("a4", "S3", "2023-06-01")]                   # a4: the year before
FINDINGS = [  # id, audit, item, area, severity, status, verified_at, deleted
    ("f1", "a1", "SVR-LINE-01#1", "OHS", "minor", "open", None, 0),
    ("f2", "a1", "SVR-LINE-01#2", "OHS", "minor", "verified_closed", "2024-06-10", 0),
    ("f3", "a2", "SVR-LINE-01", "OHS", "minor", "open", None, 0),
    ("f4", "a3", "SVR-LINE-01#3", "OHS", "minor", "open", None, 0),
    ("f5", "a3", None, "ENV", "minor", "open", None, 0),
    ("f6", "a3", "SVR-ENV-02", "ENV", "minor", "open", None, 1),      # deleted
    ("f7", "a3", "SVR-ENV-03", "ENV", "significant", "verified_closed", "2024-07-01", 0),
    ("f8", "a4", "SVR-LINE-01", "OHS", "minor", "open", None, 0),
]


def test_sql_figures_equal_the_pure_function(tmp_path, hq_db):
    storage = open_storage(tmp_path / "hq", hq_db.url)
    try:
        with storage.transaction() as tx:
            tx.execute("INSERT INTO users (id, name, role, created_at) VALUES "
                       "('u1', 'aud', 'auditor', '2024-01-01')")
            for aid, code, day in AUDITS:
                tx.execute("INSERT INTO audits (id, owner_id, device_id, supplier_code, status, "
                           "doc_hash, document, first_received_at, received_at, rev, kind, "
                           "visit_date, facts_rev) VALUES (?, 'u1', 'd', ?, 'synced', 'h', "
                           "'{}', ?, ?, 1, 'svr', ?, 1)", (aid, code, day, day, day))
            for fid, aid, item, area, sev, status, verified, deleted in FINDINGS:
                tx.execute("INSERT INTO findings (id, audit_id, status, updated_at, updated_by, "
                           "rev, item_id, area, severity, verified_at, fact_deleted) VALUES "
                           "(?, ?, ?, '2024-01-01', 'd', 1, ?, ?, ?, ?, ?)",
                           (fid, aid, status, item, area, sev, verified, deleted))
        with storage.transaction(write=False) as tx:
            fig = figures_from_db(tx, 2024)
            data = inputs_from_db(tx)
        assert [(t["item_id"], t["suppliers"]) for t in fig["improvement_topics"]] == [
            ("SVR-LINE-01", 2), ("ENV:other", 1)]
        assert fig["cap"]["needing_cap"] == 6 and fig["cap"]["closed"] == 2
        assert figures(2024, data["suppliers"], data["saq_results"], data["audits"],
                       data["findings"], topics=data["topics"], spend=data["spend"],
                       attributes=data["attributes"]) == fig
    finally:
        storage.close()
