-- Improvement-guidance report in the supplier's language (issue 21): a site's Japanese
-- name, the audit scope in Japanese, and the site profile the report prints (headcount and
-- worker mix, audit duration, interviews held, scope limits) as one JSON document checked
-- by the core (sva.domain.site_profile). Existing rows get ''.
ALTER TABLE sites ADD COLUMN name_ja TEXT NOT NULL DEFAULT '';
ALTER TABLE audits ADD COLUMN scope_ja TEXT NOT NULL DEFAULT '';
ALTER TABLE audits ADD COLUMN profile TEXT NOT NULL DEFAULT '';
