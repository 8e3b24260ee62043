-- HQ schema step "governance" (issue 18): the registry's history, so that every figure of a
-- fiscal year is computed from that year's data and does not move when today's registry
-- changes. Portable SQL (SQLite and PostgreSQL), like schema_v1.sql; safe to run again.

-- What was spent with each supplier in each fiscal year, as imported for that year
-- (`sva-hq import suppliers FILE --fy N`). supplier_code is suppliers.code as stored.
CREATE TABLE IF NOT EXISTS supplier_spend (
    supplier_code TEXT NOT NULL,
    fy INTEGER NOT NULL,
    annual_spend BIGINT NOT NULL,
    region TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_from TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (supplier_code, fy)
);
CREATE INDEX IF NOT EXISTS supplier_spend_fy ON supplier_spend(fy, region);

-- Critical flags and categories with the dates they held: [valid_from, valid_to], both
-- inclusive ISO days, valid_to NULL = still in force. Periods of one supplier never overlap.
CREATE TABLE IF NOT EXISTS supplier_attributes (
    supplier_code TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    large_amount INTEGER NOT NULL DEFAULT 0,
    rare_product INTEGER NOT NULL DEFAULT 0,
    hard_to_replace INTEGER NOT NULL DEFAULT 0,
    categories TEXT NOT NULL DEFAULT '[]',
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (supplier_code, valid_from)
);
CREATE INDEX IF NOT EXISTS supplier_attributes_to ON supplier_attributes(valid_to, valid_from);

-- Closed fiscal years: the figures frozen at closing as one JSON document of panels
-- ({"programme": {...}}; other panels may join it), its SHA-256 content hash, who closed the
-- year and when. Re-opening needs a reason and keeps the row (reopened_*); a later close
-- adds a new row. At most one row per year is in force (reopened_at IS NULL).
CREATE TABLE IF NOT EXISTS fy_closures (
    id TEXT PRIMARY KEY,
    fy INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL,
    reopened_at TEXT,
    reopened_by TEXT,
    reopen_reason TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS fy_closures_in_force ON fy_closures(fy) WHERE reopened_at IS NULL;

-- A saved plan is a named draft until a manager approves it (who, when); assignments are
-- made from approved plans only. overrides: the manager's includes, excludes and weight
-- changes, each with its reason ([{type, code|factor, value, reason}]).
CREATE TABLE IF NOT EXISTS plan_drafts (
    plan_id TEXT PRIMARY KEY REFERENCES plans(id),
    name TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
    overrides TEXT NOT NULL DEFAULT '[]',
    approved_by TEXT,
    approved_at TEXT
);

-- A manager's extension of an information-security level past its validity (the current and
-- previous fiscal year by default): the level of SAQ year saq_fy counts until until_fy.
CREATE TABLE IF NOT EXISTS level_extensions (
    supplier_code TEXT NOT NULL,
    saq_fy INTEGER NOT NULL,
    until_fy INTEGER NOT NULL,
    reason TEXT NOT NULL,
    extended_by TEXT NOT NULL,
    extended_at TEXT NOT NULL,
    PRIMARY KEY (supplier_code, saq_fy)
);

-- The visit kinds an auditor is qualified for. An auditor with no row here is taken as
-- qualified for every kind (as before qualifications were recorded); once one is recorded,
-- plans assign and reassign only that auditor's kinds.
-- (No foreign key: `sva-hq user remove` deletes a user without work at HQ, and a stale
-- qualification of a removed user is harmless.)
CREATE TABLE IF NOT EXISTS auditor_qualifications (
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);
