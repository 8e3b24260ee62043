"""The site profile of an audit (issue 21): what the report tells the supplier about the
site as the auditors found it — headcount and worker mix, how long the audit took, the
interviews held, what the audit did not cover — and the audit scope in Japanese.

Stored on the audit as one JSON document (`audits.profile`); a field not recorded is absent,
never 0, so the report can say what was not recorded. One operation sets it (one
transaction, one audit-log row, an amendment with a reason on a signed audit)."""
from __future__ import annotations

import json

from sva.domain.base import Changes, Service, dumps, operation
from sva.errors import BadInput
from sva.vocabulary import LANGS, SITE_PROFILE_COUNTS, SITE_PROFILE_INTERVIEWS

MAX_COUNT = 1_000_000          # people at one site
MAX_HOURS = 240                # an audit of ten days on site
TEXT_FIELDS = ("scope_limits",)
PROFILE_FIELDS = (*SITE_PROFILE_COUNTS, "duration_hours", *SITE_PROFILE_INTERVIEWS,
                  *TEXT_FIELDS)


def _count(value, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise BadInput(f"{field.replace('_', ' ')} must be a whole number 0..{MAX_COUNT:,}, "
                       f"got {value!r}", field=field)
    return value


def clean_profile(profile: dict) -> dict:
    """The profile as stored: known fields only, each checked; empty ones left out."""
    if not isinstance(profile, dict):
        raise BadInput("the site profile must be a mapping of its fields", field="profile")
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise BadInput(f"unknown site profile field(s): {', '.join(sorted(unknown))}",
                       field=sorted(unknown)[0])
    out: dict = {}
    for field in (*SITE_PROFILE_COUNTS, *SITE_PROFILE_INTERVIEWS):
        if profile.get(field) is not None:
            out[field] = _count(profile[field], field)
    hours = profile.get("duration_hours")
    if hours is not None:
        if isinstance(hours, bool) or not isinstance(hours, int | float) \
                or not 0 < hours <= MAX_HOURS:
            raise BadInput(f"audit duration must be hours above 0 and at most {MAX_HOURS}, "
                           f"got {hours!r}", field="duration_hours")
        out["duration_hours"] = round(float(hours), 2)
    total = out.get("workers_total")
    for field in SITE_PROFILE_COUNTS[1:]:
        if total is not None and out.get(field, 0) > total:
            raise BadInput(f"{field.replace('_', ' ')} ({out[field]}) is more than the "
                           f"workers in total ({total})", field=field)
    for field in TEXT_FIELDS:
        texts = profile.get(field)
        if texts in (None, "", {}):
            continue
        if not isinstance(texts, dict) or set(texts) - set(LANGS) \
                or not all(isinstance(v, str) for v in texts.values()):
            raise BadInput(f"{field.replace('_', ' ')} must be {{en, ja}} texts", field=field)
        kept = {lang: texts[lang].strip() for lang in LANGS if (texts.get(lang) or "").strip()}
        if kept:
            out[field] = kept
    return out


def profile_of(audit: dict) -> dict:
    """The stored profile of an audit row ({} when nothing was recorded)."""
    return json.loads(audit.get("profile") or "{}")


class SiteProfiles(Service):
    def profile(self, audit_id: str) -> dict:
        return profile_of(self.get("audits", audit_id, label="audit"))

    @operation
    def set_profile(self, audit_id: str, profile: dict | None = None, *,
                    scope: str | None = None, scope_ja: str | None = None,
                    reason: str | None = None) -> Changes:
        """Record the site profile (the whole profile: a field left out is not recorded)
        and/or the scope in English and Japanese; what is None stays as it is."""
        audit = self.get("audits", audit_id, label="audit")
        fields = {}
        if profile is not None:
            cleaned = clean_profile(profile)
            fields["profile"] = dumps(cleaned) if cleaned else ""
        for key, value in (("scope", scope), ("scope_ja", scope_ja)):
            if value is not None:
                if not isinstance(value, str):
                    raise BadInput(f"{key} must be text", field=key)
                fields[key] = value.strip()
        fields = {k: v for k, v in fields.items() if audit[k] != v}
        if not fields:
            return
        with self.change("edit_profile", "audit", audit_id, audit_id=audit_id) as log:
            self.guard_audit(audit, log, reason)
            log.diff(audit, fields)
            self.update("audits", audit_id, self.stamp(fields), before=audit)
