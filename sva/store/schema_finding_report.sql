-- Improvement-guidance report (issue 21): a finding's texts in Japanese as well (optional;
-- the Japanese report prints them where present) and its evidence references (documents
-- seen, people interviewed, sample sizes). Existing findings get ''.
ALTER TABLE findings ADD COLUMN observed_ja TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN evidence_ja TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN required_action_ja TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN documents_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN interviews TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN sample_size TEXT NOT NULL DEFAULT '';
-- The supplier's response in the CAP workbook: containment (immediate action), evidence of
-- completion, agree / dispute and its comment.
ALTER TABLE findings ADD COLUMN containment TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN completion_evidence TEXT NOT NULL DEFAULT '';
-- position: '', or one of vocabulary.CAP_POSITIONS (checked by the core, not a CHECK).
ALTER TABLE findings ADD COLUMN position TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN position_comment TEXT NOT NULL DEFAULT '';
