-- HQ schema step "governance" (issue 18): the registry's history, so that every figure of a
-- fiscal year is computed from that year's data and does not move when today's registry
-- changes. Portable SQL (SQLite and PostgreSQL), like schema_v1.sql.

-- What was spent with each supplier in each fiscal year, as imported for that year
-- (`sva-hq import suppliers FILE --fy N`). supplier_code is suppliers.code as stored.
CREATE TABLE supplier_spend (
    supplier_code TEXT NOT NULL,
    fy INTEGER NOT NULL,
    annual_spend BIGINT NOT NULL,
    region TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_from TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (supplier_code, fy)
);
CREATE INDEX supplier_spend_fy ON supplier_spend(fy, region);

-- Critical flags and categories with the dates they held: [valid_from, valid_to], both
-- inclusive ISO days, valid_to NULL = still in force. Periods of one supplier never overlap.
CREATE TABLE supplier_attributes (
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
CREATE INDEX supplier_attributes_to ON supplier_attributes(valid_to, valid_from);
