-- HQ schema step "programmes" (issue 19): the seed's other programmes — declarations,
-- dissemination events, climate (CDP, CO2, green procurement), conflict minerals (CMRT)
-- and chemical-substance surveys. Portable SQL (SQLite and PostgreSQL); IF NOT EXISTS so the
-- step may run again over a database that has it (a test rewinds the version to re-run a
-- step before it).

-- Conflict minerals: who was asked for a CMRT in a fiscal year, what each sent back (one
-- report per supplier and year; a later import replaces it), the smelters it lists, and the
-- conformant-smelter list (replaced whole by each import).
CREATE TABLE IF NOT EXISTS cmrt_requests (
    supplier_code TEXT NOT NULL,
    fy INTEGER NOT NULL,
    requested_on TEXT NOT NULL,
    PRIMARY KEY (supplier_code, fy)
);
CREATE TABLE IF NOT EXISTS cmrt_reports (
    supplier_code TEXT NOT NULL,
    fy INTEGER NOT NULL,
    template_version TEXT NOT NULL,
    company TEXT NOT NULL,
    scope TEXT NOT NULL,
    answers TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    PRIMARY KEY (supplier_code, fy)
);
CREATE TABLE IF NOT EXISTS cmrt_smelters (
    supplier_code TEXT NOT NULL,
    fy INTEGER NOT NULL,
    metal TEXT NOT NULL,
    smelter_id TEXT NOT NULL,
    smelter_name TEXT NOT NULL,
    country TEXT NOT NULL,
    PRIMARY KEY (supplier_code, fy, metal, smelter_id)
);
CREATE INDEX IF NOT EXISTS cmrt_smelters_fy ON cmrt_smelters(fy, metal, smelter_id);
CREATE TABLE IF NOT EXISTS cmrt_conformant (
    smelter_id TEXT PRIMARY KEY,
    metal TEXT NOT NULL,
    smelter_name TEXT NOT NULL,
    status TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

-- Declarations: requests sent to suppliers and the signed declarations received (type and
-- version as in resources/programme/declarations.yaml; the scan kept as a document blob).
CREATE TABLE IF NOT EXISTS declaration_requests (
    id TEXT PRIMARY KEY,
    supplier_code TEXT NOT NULL,
    decl_type TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_on TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS declaration_requests_key
    ON declaration_requests(supplier_code, decl_type, requested_on);
CREATE TABLE IF NOT EXISTS declaration_receipts (
    id TEXT PRIMARY KEY,
    supplier_code TEXT NOT NULL,
    decl_type TEXT NOT NULL,
    version INTEGER NOT NULL,
    received_on TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    file_sha TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS declaration_receipts_key
    ON declaration_receipts(supplier_code, decl_type, version, received_on);
CREATE INDEX IF NOT EXISTS declaration_receipts_day ON declaration_receipts(received_on);

-- Dissemination: events (partner meetings, briefings, staff training, conferences), the
-- people who attended (a supplier's people, or HQ staff for internal training), awards.
CREATE TABLE IF NOT EXISTS dissemination_events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    held_on TEXT NOT NULL,
    title TEXT NOT NULL,
    topics TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dissemination_events_day ON dissemination_events(held_on);
CREATE TABLE IF NOT EXISTS dissemination_attendees (
    event_id TEXT NOT NULL REFERENCES dissemination_events(id),
    person TEXT NOT NULL,
    position TEXT NOT NULL,
    supplier_code TEXT NOT NULL DEFAULT '',    -- '' for HQ staff (internal training)
    management INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, person, supplier_code)
);
CREATE TABLE IF NOT EXISTS dissemination_awards (
    event_id TEXT NOT NULL REFERENCES dissemination_events(id),
    supplier_code TEXT NOT NULL,
    award TEXT NOT NULL,
    PRIMARY KEY (event_id, supplier_code, award)
);

-- Climate, per supplier and fiscal year: CDP supply-chain programme, procurement CO2,
-- green-procurement certification.
CREATE TABLE IF NOT EXISTS climate_records (
    supplier_code TEXT NOT NULL,
    fy INTEGER NOT NULL,
    cdp_invited INTEGER NOT NULL DEFAULT 0,
    cdp_responded INTEGER NOT NULL DEFAULT 0,
    cdp_score TEXT NOT NULL DEFAULT '',
    co2_t DOUBLE PRECISION,
    co2_method TEXT NOT NULL DEFAULT '',
    co2_validated INTEGER NOT NULL DEFAULT 0,
    green_status TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (supplier_code, fy)
);
CREATE INDEX IF NOT EXISTS climate_records_fy ON climate_records(fy);

-- Chemical substances: RoHS/REACH survey status per supplier, product family and year.
CREATE TABLE IF NOT EXISTS chemical_surveys (
    supplier_code TEXT NOT NULL,
    fy INTEGER NOT NULL,
    product_family TEXT NOT NULL,
    regulation TEXT NOT NULL,
    status TEXT NOT NULL,
    substance TEXT NOT NULL DEFAULT '',
    exemption TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (supplier_code, fy, product_family, regulation)
);
CREATE INDEX IF NOT EXISTS chemical_surveys_fy ON chemical_surveys(fy, regulation, status, supplier_code);
