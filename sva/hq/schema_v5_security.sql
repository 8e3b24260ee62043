-- HQ schema step "security" (issue 15): dashboard sessions that end at HQ, login throttling,
-- which device uploaded which photo blob, and HQ policies that flow down to devices.
-- Portable SQL (SQLite and PostgreSQL), like schema_v1.sql; safe to run again (tests rewind
-- the schema version to replay earlier steps).

-- A dashboard session: the cookie holds a random secret, the database only its SHA-256.
-- Logout (or disabling the user, or a new password) ends it here, at once, for every
-- server instance.
CREATE TABLE IF NOT EXISTS web_sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    password_fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    ended_at TEXT
);
CREATE INDEX IF NOT EXISTS web_sessions_user ON web_sessions(user_id);

-- Failed dashboard logins per account ('user:<name>') and per address ('addr:<ip>'):
-- failures counted in a window; at the limit the key is locked until `locked_until`
-- (seconds since the epoch). Kept in the database so every server instance agrees.
CREATE TABLE IF NOT EXISTS login_throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT NOT NULL DEFAULT 0
);

-- Which device sent the bytes of a blob (proved by uploading them, or in a signed bundle).
-- A blob counts as held for an audit, and is shown through it, only if the audit's device
-- is among them: knowing a photo's hash gives no access to it.
CREATE TABLE IF NOT EXISTS blob_owners (
    sha256 TEXT NOT NULL,
    device_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (sha256, device_id)
);
-- Blobs held before this step: the device of each audit that refers to them sent them.
INSERT INTO blob_owners (sha256, device_id, received_at)
    SELECT DISTINCT ab.sha256, a.device_id, b.stored_at FROM audit_blobs ab
    JOIN audits a ON a.id = ab.audit_id JOIN blobs b ON b.sha256 = ab.sha256
    WHERE 1 = 1                 -- SQLite: INSERT … SELECT … ON CONFLICT needs a WHERE
    ON CONFLICT (sha256, device_id) DO NOTHING;

-- HQ policies (name → JSON value) that devices receive with every pull.
CREATE TABLE IF NOT EXISTS hq_policy (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
