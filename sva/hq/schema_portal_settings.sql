-- Issue 17, what was left: the portal's settings a manager changes (who changed each, and
-- when). The step also gives portal_campaigns its `reminders` column (migrations.py:
-- _portal_settings; '' = the schedule of resources/portal/reminders.yaml, else days
-- before/after the due date, "-14,-3,+1,+7").

CREATE TABLE IF NOT EXISTS portal_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
