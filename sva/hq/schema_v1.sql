-- HQ schema version 1. Portable SQL: the same text runs on SQLite and PostgreSQL
-- (TEXT/BIGINT only, no AUTOINCREMENT/SERIAL, '?' placeholders converted by the adapter).
-- Every row that flows down to devices carries `rev`, taken from the single counter row in
-- `revisions` inside the writing transaction, so a pull cursor never skips a commit.

CREATE TABLE revisions (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO revisions (name, value) VALUES ('rev', 0);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin','manager','auditor')),
    created_at TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0
);

-- Only hashes of codes and tokens are stored: a copy of the database grants nothing.
CREATE TABLE enrol_codes (
    code_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    public_key TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE suppliers (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_ja TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL,
    categories TEXT NOT NULL DEFAULT '[]',
    annual_spend BIGINT NOT NULL DEFAULT 0,
    large_amount INTEGER NOT NULL DEFAULT 0,
    rare_product INTEGER NOT NULL DEFAULT 0,
    hard_to_replace INTEGER NOT NULL DEFAULT 0,
    isec_level TEXT,
    declaration_status TEXT NOT NULL DEFAULT 'none',
    declaration_date TEXT,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    rev BIGINT NOT NULL
);

CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL,
    timezone TEXT NOT NULL,
    contact_name TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    rev BIGINT NOT NULL,
    UNIQUE (supplier_id, name)
);

CREATE TABLE checklists (
    ref TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    published_at TEXT NOT NULL,
    rev BIGINT NOT NULL
);

CREATE TABLE assignments (
    id TEXT PRIMARY KEY,
    auditor_id TEXT NOT NULL REFERENCES users(id),
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    site_id TEXT NOT NULL REFERENCES sites(id),
    kind TEXT NOT NULL,
    template_ref TEXT NOT NULL REFERENCES checklists(ref),
    planned_date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    rev BIGINT NOT NULL
);
CREATE INDEX assignments_auditor ON assignments(auditor_id, rev);

CREATE TABLE audits (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES users(id),
    device_id TEXT NOT NULL,
    assignment_id TEXT,
    supplier_code TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    doc_hash TEXT NOT NULL,
    document TEXT NOT NULL,
    first_received_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    pushes INTEGER NOT NULL DEFAULT 1,
    rev BIGINT NOT NULL
);
CREATE INDEX audits_owner ON audits(owner_id);

-- Which photo blobs an audit refers to: what "HQ holds every byte" is checked against.
CREATE TABLE audit_blobs (
    audit_id TEXT NOT NULL REFERENCES audits(id),
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    PRIMARY KEY (audit_id, sha256)
);
CREATE INDEX audit_blobs_sha ON audit_blobs(sha256);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    stored_at TEXT NOT NULL
);

-- Findings as HQ follows them up: the CAP part changes at HQ and flows back down.
CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    audit_id TEXT NOT NULL REFERENCES audits(id),
    status TEXT NOT NULL,
    rejection_reason TEXT NOT NULL DEFAULT '',
    verification_method TEXT,
    verified_at TEXT,
    root_cause TEXT NOT NULL DEFAULT '',
    corrective_action TEXT NOT NULL DEFAULT '',
    preventive_action TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    planned_date TEXT,
    supplier_comment TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    rev BIGINT NOT NULL
);
CREATE INDEX findings_audit ON findings(audit_id);

CREATE TABLE event_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
