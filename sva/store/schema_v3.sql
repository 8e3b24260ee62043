-- Schema version 3: an index for the audit list's per-audit answer counts (read at start-up).
CREATE INDEX answers_audit_result ON answers(audit_id, deleted, result);
