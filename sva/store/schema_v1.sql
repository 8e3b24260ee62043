-- Schema version 1: every entity of DESIGN §4.
-- Rows that sync carry a UUID id, created_at/updated_at (UTC ISO-8601), updated_by
-- (device id) and a soft-delete flag.

CREATE TABLE local_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE suppliers (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_ja TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL,
    region TEXT NOT NULL CHECK (region IN ('JP','ASIA','NA','EMEA','CSA')),
    categories TEXT NOT NULL DEFAULT '[]',
    annual_spend INTEGER NOT NULL DEFAULT 0,
    large_amount INTEGER NOT NULL DEFAULT 0,
    rare_product INTEGER NOT NULL DEFAULT 0,
    hard_to_replace INTEGER NOT NULL DEFAULT 0,
    isec_level TEXT CHECK (isec_level IS NULL OR isec_level IN ('A','B','C','D')),
    declaration_status TEXT NOT NULL DEFAULT 'none'
        CHECK (declaration_status IN ('none','requested','received')),
    declaration_date TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
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
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sites_supplier ON sites(supplier_id);

CREATE TABLE checklist_templates (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_ja TEXT NOT NULL,
    body TEXT NOT NULL,            -- the validated template as JSON
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (template_id, version)
);

CREATE TABLE audits (
    id TEXT PRIMARY KEY,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    site_id TEXT NOT NULL REFERENCES sites(id),
    template_ref TEXT NOT NULL REFERENCES checklist_templates(id),
    kind TEXT NOT NULL,
    planned_date TEXT NOT NULL,
    auditors TEXT NOT NULL DEFAULT '[]',
    scope TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned','in_progress','completed','signed','synced')),
    started_at TEXT,
    completed_at TEXT,
    signed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audits_supplier ON audits(supplier_id);
CREATE INDEX audits_status ON audits(status);

CREATE TABLE answers (
    id TEXT PRIMARY KEY,
    audit_id TEXT NOT NULL REFERENCES audits(id),
    item_id TEXT NOT NULL,
    result TEXT,
    note TEXT NOT NULL DEFAULT '',
    answered_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (audit_id, item_id)
);

CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    audit_id TEXT NOT NULL REFERENCES audits(id),
    item_id TEXT,
    area TEXT NOT NULL CHECK (area IN ('HR','OHS','FT','ENV','ISEC','PQS')),
    severity TEXT NOT NULL
        CHECK (severity IN ('significant','minor','observation','good_practice')),
    requirement TEXT NOT NULL DEFAULT '',
    observed TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    required_action TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    root_cause TEXT NOT NULL DEFAULT '',
    corrective_action TEXT NOT NULL DEFAULT '',
    preventive_action TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    planned_date TEXT,
    supplier_comment TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open','cap_submitted','cap_accepted','cap_rejected','verified_closed')),
    rejection_reason TEXT NOT NULL DEFAULT '',
    verification_method TEXT CHECK (verification_method IS NULL
        OR verification_method IN ('document','follow_up_visit')),
    verified_at TEXT,
    closed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX findings_audit ON findings(audit_id);

CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    audit_id TEXT NOT NULL REFERENCES audits(id),
    finding_id TEXT REFERENCES findings(id),
    item_id TEXT,
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL DEFAULT '',
    media_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    captured_at TEXT,
    caption TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    annotations TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (audit_id, sha256)
);

CREATE TABLE signatures (
    id TEXT PRIMARY KEY,
    audit_id TEXT NOT NULL REFERENCES audits(id),
    signer_name TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    image_png BLOB NOT NULL,
    content_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);

-- Append-only: triggers below refuse UPDATE and DELETE.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    device TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    audit_id TEXT,
    changes TEXT NOT NULL DEFAULT '{}',   -- {"field": [old, new], ...}
    amendment INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_audit ON audit_log(audit_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
