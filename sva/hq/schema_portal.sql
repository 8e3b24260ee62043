-- HQ schema step "portal" (issue 17): supplier contacts who log in to the supplier portal,
-- their one-time invitations and sessions, questionnaire campaigns, answers, evidence,
-- every submitted version, and the mail outbox. Portable SQL (SQLite and PostgreSQL).
-- Supplier contacts are not HQ users: they have their own table and sessions, so a
-- supplier session can never open a staff page (staff pages look only at web_sessions).

CREATE TABLE IF NOT EXISTS portal_contacts (
    id TEXT PRIMARY KEY,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,              -- stored in lower case; the login name
    lang TEXT NOT NULL,
    is_primary INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS portal_contacts_supplier ON portal_contacts(supplier_id);

-- A one-time link to set a password: only the SHA-256 of its token is kept.
CREATE TABLE IF NOT EXISTS portal_invites (
    token_hash TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES portal_contacts(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE IF NOT EXISTS portal_sessions (
    id TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES portal_contacts(id),
    password_fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    ended_at TEXT
);
CREATE INDEX IF NOT EXISTS portal_sessions_contact ON portal_sessions(contact_id);

-- A campaign: one questionnaire (id + version) sent to a target group for a fiscal year.
CREATE TABLE IF NOT EXISTS portal_campaigns (
    id TEXT PRIMARY KEY,
    fy INTEGER NOT NULL,
    questionnaire TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    due_date TEXT NOT NULL,
    filters TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

-- One supplier's questionnaire in a campaign; status invited → opened → in_progress →
-- submitted (→ returned → in_progress → submitted …). `version` counts submissions.
CREATE TABLE IF NOT EXISTS portal_requests (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES portal_campaigns(id),
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    opened_at TEXT,
    submitted_at TEXT,
    returned_at TEXT,
    return_comment TEXT NOT NULL DEFAULT '',
    level TEXT,
    explanation TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL,
    UNIQUE (campaign_id, supplier_id)
);
CREATE INDEX IF NOT EXISTS portal_requests_supplier ON portal_requests(supplier_id);

CREATE TABLE IF NOT EXISTS portal_answers (
    request_id TEXT NOT NULL REFERENCES portal_requests(id),
    question_id TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (request_id, question_id)
);

-- Evidence files: bytes in the blob folder under evidence/, named by SHA-256.
CREATE TABLE IF NOT EXISTS portal_evidence (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES portal_requests(id),
    question_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS portal_evidence_request ON portal_evidence(request_id);

-- Every submitted version, as submitted (answers, evidence, level), never rewritten but
-- for the return that HQ may add to it.
CREATE TABLE IF NOT EXISTS portal_versions (
    request_id TEXT NOT NULL REFERENCES portal_requests(id),
    version INTEGER NOT NULL,
    submitted_at TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    answers TEXT NOT NULL,
    evidence TEXT NOT NULL,
    level TEXT,
    explanation TEXT NOT NULL,
    returned_at TEXT,
    returned_by TEXT,
    return_comment TEXT,
    PRIMARY KEY (request_id, version)
);

-- Mail waits here; a sender task delivers it with retries (a request never waits on SMTP).
CREATE TABLE IF NOT EXISTS portal_outbox (
    id TEXT PRIMARY KEY,
    contact_id TEXT,
    to_addr TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    day TEXT NOT NULL,                      -- the sending day, for "one reminder a day"
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt BIGINT NOT NULL DEFAULT 0,
    sent_at TEXT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS portal_outbox_due ON portal_outbox(sent_at, next_attempt);
-- At most one reminder a day per contact, whichever instance plans it.
CREATE UNIQUE INDEX IF NOT EXISTS portal_outbox_one_reminder_a_day
    ON portal_outbox(contact_id, day) WHERE kind = 'reminder';

-- Evidence a supplier attaches to its CAP answer of a finding (bytes as portal_evidence).
CREATE TABLE IF NOT EXISTS portal_cap_evidence (
    id TEXT PRIMARY KEY,
    finding_id TEXT NOT NULL,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS portal_cap_evidence_finding ON portal_cap_evidence(finding_id);
