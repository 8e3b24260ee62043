-- Issue 17, what was left: a campaign's own reminder schedule ('' = the schedule of
-- resources/portal/reminders.yaml; else days before/after the due date, "-14,-3,+1,+7"),
-- and the portal's settings a manager changes (who changed each, and when).
ALTER TABLE portal_campaigns ADD COLUMN reminders TEXT NOT NULL DEFAULT '';

CREATE TABLE IF NOT EXISTS portal_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
