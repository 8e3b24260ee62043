-- HQ schema step "versions" (issue 14): every version of an audit that a device pushed.
-- A signed audit changes only by an amendment with a reason; once synced, an amendment is
-- pushed again, and HQ keeps each version it was sent (not only the latest, which `audits`
-- holds) with the amendments that made it differ from the version before: who, when, what
-- and why. Portable SQL (SQLite and PostgreSQL), like schema_v1.sql; safe to run again.
CREATE TABLE IF NOT EXISTS audit_versions (
    audit_id TEXT NOT NULL REFERENCES audits(id),
    version BIGINT NOT NULL,
    doc_hash TEXT NOT NULL,
    document TEXT NOT NULL,
    received_at TEXT NOT NULL,
    device_id TEXT NOT NULL,
    amendments TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (audit_id, version)
);
