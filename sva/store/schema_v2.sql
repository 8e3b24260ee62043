-- Schema version 2: the client side of HQ sync.
-- Device-local bookkeeping only; none of these rows is pushed. Secrets (the device token,
-- the device signing key) are never stored here: they live in the OS keyring.

CREATE TABLE sync_server (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    url TEXT NOT NULL,
    hq_device_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    role TEXT NOT NULL,
    cursor INTEGER NOT NULL DEFAULT 0,
    enrolled_at TEXT NOT NULL,
    last_pull_at TEXT,
    last_sync_at TEXT,
    last_error TEXT
);

-- HQ ids of master data mapped to the local rows they were applied to.
CREATE TABLE sync_ids (
    kind TEXT NOT NULL CHECK (kind IN ('supplier','site')),
    hq_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    PRIMARY KEY (kind, hq_id)
);
CREATE INDEX sync_ids_local ON sync_ids(kind, local_id);

-- An HQ assignment and the local audit created for it.
CREATE TABLE sync_assignments (
    assignment_id TEXT PRIMARY KEY,
    audit_id TEXT NOT NULL REFERENCES audits(id),
    received_at TEXT NOT NULL
);

-- Last value of each synced finding field both sides agreed on: a field changed on both
-- sides since then is a conflict.
CREATE TABLE sync_finding_base (
    finding_id TEXT NOT NULL REFERENCES findings(id),
    field TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (finding_id, field)
);

CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY,
    finding_id TEXT NOT NULL REFERENCES findings(id),
    audit_id TEXT NOT NULL REFERENCES audits(id),
    field TEXT NOT NULL,
    base TEXT,
    mine TEXT,
    theirs TEXT,
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT CHECK (resolution IS NULL OR resolution IN ('mine','theirs'))
);
CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts(finding_id, field)
    WHERE resolved_at IS NULL;

-- What HQ last acknowledged for an audit (document hash), so an unchanged audit is not
-- re-sent.
CREATE TABLE sync_pushed (
    audit_id TEXT PRIMARY KEY REFERENCES audits(id),
    doc_hash TEXT NOT NULL,
    pushed_at TEXT NOT NULL
);
