-- HQ schema step "programme" (issue 9): supplier registry columns, SAQ responses and the
-- information-security levels per fiscal year, visit plans, web login, and the facts of
-- pushed audit documents that figures and the dashboard aggregate in SQL.
-- Portable SQL (SQLite and PostgreSQL), like schema_v1.sql.

ALTER TABLE suppliers ADD COLUMN region TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN declaration_scope TEXT NOT NULL DEFAULT '';
CREATE INDEX suppliers_region ON suppliers(region);

-- Web login: scrypt hash "scrypt$n$r$p$salt_hex$hash_hex"; NULL = no web login.
ALTER TABLE users ADD COLUMN password_hash TEXT;

-- Secrets the web layer signs session cookies with (kept in the database so several
-- server instances share them; nothing is kept in memory between requests).
CREATE TABLE web_keys (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- One SAQ response per supplier and fiscal year (a later import replaces it).
CREATE TABLE saq_responses (
    supplier_code TEXT NOT NULL,
    fy INTEGER NOT NULL,
    submitted_on TEXT NOT NULL,
    saq_ref TEXT NOT NULL,
    answers TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_from TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (supplier_code, fy)
);

-- The scored result of each response: area scores 0..100 (NULL = nothing scored), the
-- level and its explanation ({en: [...], ja: [...]} plus the reasons as data).
CREATE TABLE saq_levels (
    supplier_code TEXT NOT NULL,
    fy INTEGER NOT NULL,
    submitted_on TEXT NOT NULL,
    saq_ref TEXT NOT NULL,
    rules_version INTEGER NOT NULL,
    isec_level TEXT NOT NULL,
    score_hr DOUBLE PRECISION,
    score_ohs DOUBLE PRECISION,
    score_ft DOUBLE PRECISION,
    score_env DOUBLE PRECISION,
    score_isec DOUBLE PRECISION,
    score_pqs DOUBLE PRECISION,
    explanation TEXT NOT NULL,
    computed_at TEXT NOT NULL,
    PRIMARY KEY (supplier_code, fy)
);
CREATE INDEX saq_levels_fy ON saq_levels(fy, supplier_code);

-- A saved visit plan and its ranked, explained rows.
CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    fy INTEGER NOT NULL,
    kind TEXT NOT NULL,
    capacity INTEGER,
    weights TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE plan_rows (
    plan_id TEXT NOT NULL REFERENCES plans(id),
    rank INTEGER NOT NULL,
    supplier_code TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    factors TEXT NOT NULL,
    assignment_id TEXT,
    PRIMARY KEY (plan_id, rank)
);

-- Facts read from the pushed audit document (filled by programme_store.refresh_facts
-- whenever an audit's rev moved past facts_rev). visit_date is the HQ-local date.
ALTER TABLE audits ADD COLUMN kind TEXT;
ALTER TABLE audits ADD COLUMN visit_date TEXT;
ALTER TABLE audits ADD COLUMN facts_rev BIGINT;
CREATE INDEX audits_visit ON audits(visit_date, kind);
CREATE INDEX audits_supplier ON audits(supplier_code);
ALTER TABLE findings ADD COLUMN item_id TEXT;
ALTER TABLE findings ADD COLUMN area TEXT;
ALTER TABLE findings ADD COLUMN severity TEXT;
ALTER TABLE findings ADD COLUMN due_date TEXT;
ALTER TABLE findings ADD COLUMN observed TEXT;
ALTER TABLE findings ADD COLUMN fact_deleted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX findings_severity ON findings(severity, status);
