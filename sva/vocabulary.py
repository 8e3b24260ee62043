"""Every code SVA stores, checks or sends, in one place: statuses and their moves, severities,
risk areas, roles, answer results, evidence methods, and the fields that sync between a
device and HQ.

Everything else derives from here: the device and HQ rules, the Pydantic `Literal`s of the
HQ API (`Literal[SEVERITIES]`), the UI's code lists (ui/vocabulary.py keeps only their
translated labels), the command-line choices. The SQL CHECKs written by past migrations
cannot change; tests/test_vocabulary.py asserts that every `CHECK (... IN (...))` of a
freshly migrated device or HQ database equals the list here, and that no list written here
is written out again anywhere else in `sva/` or `ui/`.

Order matters where it is shown: severities most serious first, statuses in the order of
the work, areas as the programme lists its six priority risks.
"""
from __future__ import annotations

from types import MappingProxyType

# -- audits (visits) ---------------------------------------------------------------------
AUDIT_KINDS = ("svr", "infosec")
AUDIT_STATUSES = ("planned", "in_progress", "completed", "signed", "synced")
# Allowed status moves of an audit; anything else is an IllegalTransition.
AUDIT_TRANSITIONS = MappingProxyType({
    "planned": ("in_progress",),
    "in_progress": ("completed",),
    "completed": ("in_progress", "signed"),
    "signed": ("synced",),
    "synced": ("signed",),      # an amendment queues it for HQ again (Service.guard_audit)
})
# A visit being worked on (answers may still change without an amendment).
UNDER_WAY_STATUSES = ("in_progress", "completed")
# Not yet visited, or the visit is still going on: what a plan still counts as to do.
NOT_DONE_STATUSES = ("planned", "in_progress")
# Signed audits are locked: a change is an amendment with a reason.
LOCKED_STATUSES = ("signed", "synced")

# -- findings and their corrective action plans (CAPs) -------------------------------------
SEVERITIES = ("significant", "minor", "observation", "good_practice")
# Severities that need a CAP from the supplier (the others are shared, not followed up).
CAP_SEVERITIES = ("significant", "minor")
# Severities of a finding that answer for a nonconformity (a good practice does not).
NONCONFORMITY_SEVERITIES = ("significant", "minor", "observation")
FINDING_STATUSES = ("open", "cap_submitted", "cap_accepted", "cap_rejected", "verified_closed")
# Explicit table of CAP status moves (DESIGN §4); cap_rejected may be resubmitted.
FINDING_TRANSITIONS = MappingProxyType({
    "open": ("cap_submitted",),
    "cap_submitted": ("cap_accepted", "cap_rejected"),
    "cap_rejected": ("cap_submitted",),
    "cap_accepted": ("verified_closed",),
    "verified_closed": (),
})
# Findings whose CAP can no longer change (accepted, or verified and closed).
CAP_SETTLED_STATUSES = ("cap_accepted", "verified_closed")
# What a supplier may do in the CAP workbook, per status: submit the CAP (from open, or
# again after it was rejected); a submitted CAP waits for the buyer.
SUPPLIER_CAP_MOVES = MappingProxyType({
    status: tuple(m for m in FINDING_TRANSITIONS[status] if m == "cap_submitted")
    for status in FINDING_STATUSES if status not in CAP_SETTLED_STATUSES})
# Findings not yet verified closed.
UNCLOSED_FINDING_STATUSES = tuple(s for s in FINDING_STATUSES if s != "verified_closed")
VERIFICATION_METHODS = ("document", "follow_up_visit")

# -- checklists and answers ----------------------------------------------------------------
AREAS = ("HR", "OHS", "FT", "ENV", "ISEC", "PQS")
LANGS = ("en", "ja")
EVIDENCE_METHODS = ("interview", "document", "inspection")
ANSWER_TYPES = ("conformity", "yes_no", "number", "choice", "text")
# What a result may be, per answer type; None means "checked by its own rule" (a number in
# range, one of the item's choices, a non-empty text).
RESULTS = MappingProxyType({
    "conformity": ("conforms", "nonconformity", "observation", "not_applicable"),
    "yes_no": ("yes", "no", "not_applicable"),
    "number": None,
    "choice": None,
    "text": None,
})
# Answer types whose results are a closed list, and those results (keys 1-4 answer them).
KEYED_RESULTS = MappingProxyType({kind: results for kind, results in RESULTS.items() if results})
KEYED_ANSWER_TYPES = tuple(KEYED_RESULTS)
# Results of a conformity item that record a nonconformity (an observation is a weak one);
# the checklist may require a photo on them (`photo_required_on`).
NONCONFORMITY_RESULTS = ("nonconformity", "observation")
PHOTO_TRIGGERS = NONCONFORMITY_RESULTS

# -- the site profile the report prints (issue 21) ------------------------------------------
# Headcount and worker mix at the site: the total and how many of them are women, foreign /
# migrant workers, agency / dispatched workers and young workers (under 18).
SITE_PROFILE_COUNTS = ("workers_total", "workers_women", "workers_foreign", "workers_agency",
                       "workers_young")
# Interviews held: with one worker at a time, and in groups.
SITE_PROFILE_INTERVIEWS = ("interviews_individual", "interviews_group")
# Who signs a report: each role has an EN/JA label (resources/reports/strings.yaml role.*,
# the sign dialog's suggestions); a role outside the list is kept as written.
SIGNATORY_ROLES = ("auditor", "lead_auditor", "supplier_representative", "plant_manager",
                   "site_director", "general_affairs_manager", "hr_manager", "ehs_manager",
                   "quality_manager", "information_security_manager")

# -- suppliers -----------------------------------------------------------------------------
REGIONS = ("JP", "ASIA", "NA", "EMEA", "CSA")
ISEC_LEVELS = ("A", "B", "C", "D")          # best first
SUPPLIER_FLAGS = ("large_amount", "rare_product", "hard_to_replace")
DECLARATION_STATUSES = ("none", "requested", "received")

# -- HQ accounts ---------------------------------------------------------------------------
ROLES = ("admin", "manager", "auditor")
ROLES_SEEING_ALL = ("admin", "manager")     # see every audit, not only their own
# A saved visit plan at HQ: a draft until a manager approves it (issue 18).
PLAN_STATUSES = ("draft", "approved")

# -- what syncs between a device and HQ ----------------------------------------------------
# What the auditor wrote: part of the signed content, locked after signing.
FINDING_CONTENT_FIELDS = ("area", "severity", "requirement", "observed", "evidence",
                          "required_action", "due_date")
# Written by the auditor too (issue 21): the Japanese version of a finding's texts and its
# evidence references. Signed and synced like the fields above, but left out of the content
# hash and the pushed document while empty, so older signatures and documents keep theirs.
FINDING_JA_FIELDS = MappingProxyType({"observed": "observed_ja", "evidence": "evidence_ja",
                                      "required_action": "required_action_ja"})
FINDING_EVIDENCE_FIELDS = ("documents_seen", "interviews", "sample_size")
FINDING_EXTRA_FIELDS = (*FINDING_JA_FIELDS.values(), *FINDING_EVIDENCE_FIELDS)
# The supplier's answer: changes after signing are normal work.
CAP_FIELDS = ("root_cause", "corrective_action", "preventive_action", "responsible",
              "planned_date", "supplier_comment", "containment", "completion_evidence",
              "position", "position_comment")
# The supplier's response (issue 21, CAP workbook): immediate containment, evidence of
# completion, whether it agrees with or disputes the finding, and why. Left out of the
# pushed document's hash while empty, so documents from before keep theirs.
CAP_RESPONSE_FIELDS = ("containment", "completion_evidence", "position", "position_comment")
CAP_POSITIONS = ("agree", "dispute")
# A status carries these with it (why rejected, how and when verified).
STATUS_COMPANIONS = ("rejection_reason", "verification_method", "verified_at")
# The part of a finding HQ follows up; it flows back down to the device.
CAP_SYNC_FIELDS = ("status", *STATUS_COMPANIONS, *CAP_FIELDS)
# The audit document a device pushes (sva/sync/document.py, sva/hq/api/models.py).
AUDIT_DOC_FIELDS = ("id", "template_ref", "kind", "planned_date", "scope", "status",
                    "started_at", "completed_at", "signed_at")
ANSWER_DOC_FIELDS = ("id", "item_id", "result", "note", "answered_at", "no_finding_reason",
                     "deleted")
FINDING_DOC_FIELDS = ("id", "item_id", *FINDING_CONTENT_FIELDS, *CAP_FIELDS, "status",
                      *STATUS_COMPANIONS, "deleted", *FINDING_EXTRA_FIELDS)
PHOTO_DOC_FIELDS = ("id", "finding_id", "item_id", "filename", "captured_at", "caption",
                    "position", "annotations", "deleted")
LOG_FIELDS = ("seq", "at", "actor", "device", "action", "entity", "entity_id", "changes",
              "amendment", "reason")
# Master data HQ owns and a device pulls (besides `id`, `code`/`supplier_id` and `deleted`).
SUPPLIER_SYNC_FIELDS = ("name_en", "name_ja", "country", "categories", "annual_spend",
                        *SUPPLIER_FLAGS, "isec_level", "declaration_status", "declaration_date")
SITE_SYNC_FIELDS = ("name", "name_ja", "address", "country", "timezone", "contact_name",
                    "contact_email", "contact_phone")
# Rows a device maps to HQ ids, and how a sync conflict was settled.
SYNCED_MASTER_KINDS = ("supplier", "site")
CONFLICT_CHOICES = ("mine", "theirs")


def _lists() -> dict[str, tuple]:
    """Every code list above by name (tests compare SQL CHECKs and scan for copies)."""
    out = {}
    for name, value in globals().items():
        if name.isupper() and isinstance(value, tuple):
            out[name] = value
    for name in ("AUDIT_TRANSITIONS", "FINDING_TRANSITIONS", "RESULTS"):
        out[name] = tuple(globals()[name])
    for kind, results in RESULTS.items():
        if results:
            out[f"RESULTS[{kind}]"] = results
    return out


CODE_LISTS = MappingProxyType(_lists())

# -- supplier portal (issue 17) --------------------------------------------------------------
# Question types of a portal questionnaire; yes/no answers may add "partial", and any
# question that says allow_na takes "na".
PORTAL_QUESTION_TYPES = ("yes_no", "yes_no_partial", "choice", "number", "text", "date",
                         "file")
PORTAL_NA = "na"
# A supplier's questionnaire in a campaign: invited → opened → in_progress → submitted,
# and back to in_progress after HQ returned it (status "returned" until the supplier edits).
PORTAL_REQUEST_STATUSES = ("invited", "opened", "in_progress", "submitted", "returned")
PORTAL_EDITABLE = ("invited", "opened", "in_progress", "returned")
