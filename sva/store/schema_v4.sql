-- Schema version 4: why an answer recording a nonconformity needs no finding.
-- Complete accepts this reason instead of a finding, and the supplier's guidance report
-- prints it next to the item, so no nonconformity is ever left out. Existing answers get ''.
ALTER TABLE answers ADD COLUMN no_finding_reason TEXT NOT NULL DEFAULT '';
