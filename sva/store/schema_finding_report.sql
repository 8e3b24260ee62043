-- Improvement-guidance report (issue 21): a finding's texts in Japanese as well (optional;
-- the Japanese report prints them where present) and its evidence references (documents
-- seen, people interviewed, sample sizes). Existing findings get ''.
ALTER TABLE findings ADD COLUMN observed_ja TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN evidence_ja TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN required_action_ja TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN documents_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN interviews TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN sample_size TEXT NOT NULL DEFAULT '';
