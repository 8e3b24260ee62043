"""Everything a report or CAP workbook shows about one audit, read once from the workspace.

Findings get their report numbers here (F-01, F-02, … by severity, then risk area), so the
PDF and the CAP workbook always agree on which finding is which.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from sva import due_dates
from sva.errors import BadInput
from sva.paths import resource
from sva.vocabulary import (AREAS, CAP_SEVERITIES, FINDING_JA_FIELDS, LANGS, LOCKED_STATUSES,
                            SEVERITIES)


NEEDS_CAP = ("open", "cap_rejected")


@lru_cache(maxsize=4)
def load_contact(path: Path | None = None) -> dict:
    """The buyer's name, compliance hotline text and CAP return days (resources/reports)."""
    path = Path(path or resource("reports", "contact.yaml"))
    try:
        doc = yaml.safe_load(path.read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BadInput(f"cannot read the contact settings: {exc}", file=str(path)) from None
    for key in ("buyer", "hotline"):
        value = doc.get(key)
        if not isinstance(value, dict) or not all(value.get(lang) for lang in LANGS):
            raise BadInput(f"'{key}' needs non-empty en and ja texts", file=str(path), field=key)
    days = doc.get("cap_return_days")
    if not isinstance(days, int) or days < 1:
        raise BadInput("cap_return_days must be a positive whole number", file=str(path),
                       field="cap_return_days")
    return doc


@dataclass
class ReportData:
    audit: dict
    supplier: dict
    site: dict
    template: object
    visit_date: str
    auditors: list
    findings: list                      # numbered, sorted; each with "photos" and "item"
    photos: list                        # every photo of the audit
    signatures: list
    answers: dict
    contact: dict
    history: list = field(default_factory=list)
    content_hash: str = ""
    # Photos on checklist items that have no finding, by item id (see place_photos). A part
    # of a report that shows such an item takes its photos from here (pop), so none is
    # shown twice; the guidance report shows what is left in "Photos of checklist items".
    item_photos: dict = field(default_factory=dict)
    # Answers recording a nonconformity that no finding covers (each with "item" and the
    # auditor's "no_finding_reason"): the guidance report lists them, never omits them.
    without_finding: list = field(default_factory=list)
    # The supplier's previous audit of this kind and its findings that needed a CAP: the
    # report follows them up (closed / still open).
    previous: dict | None = None
    previous_findings: list = field(default_factory=list)
    # The audit's score, e.g. {"value": 82, "max": 100, "band": "B"}: see report_score.
    score: dict | None = None
    # Who the supplier asks about the report: name, email, phone (the app's settings).
    auditor_contact: dict | None = None
    # The site profile the auditor recorded (sva.domain.site_profile; {} when none).
    profile: dict = field(default_factory=dict)

    @property
    def signed(self) -> bool:
        return self.audit["status"] in LOCKED_STATUSES

    @property
    def zone(self) -> str:
        return self.site["timezone"]

    @property
    def actionable(self) -> list:
        return [f for f in self.findings if f["severity"] in CAP_SEVERITIES]

    @property
    def open_actions(self) -> list:
        """Findings that still need something from the supplier (not verified closed)."""
        return [f for f in self.actionable if f["status"] != "verified_closed"]

    @property
    def closed_actions(self) -> list:
        return [f for f in self.actionable if f["status"] == "verified_closed"]

    @property
    def awaiting_cap(self) -> list:
        """Open findings whose CAP the supplier has yet to send (or send again)."""
        return [f for f in self.actionable if f["status"] in NEEDS_CAP]

    def cap_return_by(self, issued: str) -> str | None:
        """When the supplier returns the CAP (sva.due_dates.cap_return_by): counted from the
        day the report is issued, over the findings still waiting for a CAP only."""
        waiting = self.awaiting_cap
        return due_dates.cap_return_by(
            [f["severity"] for f in waiting], issued, [f["due_date"] for f in waiting],
            fallback_days=self.contact["cap_return_days"])

    def counts(self) -> dict[str, dict[str, int]]:
        """Findings per area × severity (every area of the checklist, even with none)."""
        areas = [a for a in AREAS if any(i.area == a for i in self.template.items.values())
                 or any(f["area"] == a for f in self.findings)]
        table = {a: {s: 0 for s in SEVERITIES} for a in areas}
        for f in self.findings:
            table[f["area"]][f["severity"]] += 1
        return table

    def supplier_name(self, lang: str) -> str:
        return (self.supplier.get(f"name_{lang}") or self.supplier["name_en"]).strip()

    def supplier_text(self, lang: str) -> tuple[str, bool]:
        """The supplier's name in `lang`, and whether it is in the other language (a
        supplier without a Japanese name, in a Japanese report)."""
        return in_lang(self.supplier["name_en"], self.supplier.get("name_ja") or "", lang)

    def site_name(self, lang: str) -> tuple[str, bool]:
        """The site's name in `lang` (its Japanese name where recorded), and whether what
        is shown is in the other language."""
        return in_lang(self.site["name"], self.site.get("name_ja") or "", lang)

    def scope(self, lang: str) -> tuple[str, bool]:
        """The audit scope in `lang` ("" when none was written), and whether it is in the
        other language."""
        return in_lang(self.audit.get("scope") or "", self.audit.get("scope_ja") or "", lang)


def in_lang(en: str, ja: str, lang: str) -> tuple[str, bool]:
    """A text kept as an English one and an optional Japanese one, for a report in `lang`:
    the Japanese where the report is Japanese and it exists, else the English (or the
    Japanese when only that exists); and whether the text shown is in the other language
    (a Latin-script name such as "Kawasaki plant" in a Japanese report)."""
    en, ja = (en or "").strip(), (ja or "").strip()
    text = ja if lang == "ja" and ja else (en or ja)
    if not text:
        return "", False
    japanese = looks_japanese(text)
    return text, (japanese if lang == "en" else
                  (not japanese and any(c.isalpha() for c in text)))


def item_text(finding: dict, what: str, field_name: str, lang: str) -> str:
    """The finding's text in `lang`: the checklist's translation when the auditor kept the
    checklist wording (requirement = question, required action = expected practice), else
    as written.

    The required action is written for the supplier: where it is empty, or is a copy of the
    auditor's guidance (findings recorded before items had an `expected` text), the item's
    expected practice stands in, so the supplier never reads instructions meant for the
    auditor."""
    written = finding.get(field_name) or ""
    item = finding.get("item")
    if item is None:
        return written
    if what == "expected":
        guidance = {text.strip() for text in (item.guidance or {}).values()}
        if item.expected and (not written.strip() or written.strip() in guidance):
            return item.text("expected", lang)
        if written.strip() in guidance:
            return ""
    if item.text(what, "en") and written.strip() == item.text(what, "en").strip():
        return item.text(what, lang) or written
    return written


def looks_japanese(text: str) -> bool:
    """Kana or kanji anywhere: the text is (at least partly) Japanese."""
    return any("\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" for ch in text)


def finding_text(finding: dict, what: str, field_name: str, lang: str) -> tuple[str, bool]:
    """A finding's text for a report in `lang`, and whether it is in the other language.

    Japanese: the Japanese version the auditor wrote (e.g. `observed_ja`) where present,
    else the checklist's translation (see item_text), else the text as written. English:
    the text as written, or the Japanese version when only that exists."""
    ja_field = FINDING_JA_FIELDS.get(field_name)
    if lang == "ja" and ja_field and (finding.get(ja_field) or "").strip():
        return finding[ja_field].strip(), False
    text = (item_text(finding, what, field_name, lang) if what
            else finding.get(field_name) or "").strip()
    if not text and ja_field:
        text = (finding.get(ja_field) or "").strip()
    if not text:
        return "", False
    japanese = looks_japanese(text)
    other = japanese if lang == "en" else (not japanese and any(c.isalpha() for c in text))
    return text, other


def place_photos(findings: list, photos: list) -> dict[str, list]:
    """Put each photo where the reports show it, and return the ones still to be placed.

    A photo linked to a finding goes with that finding. A photo on a checklist item and on
    no (live) finding goes with the item's first finding in report order, next to the other
    evidence of that item. What remains — photos on items without any finding — comes back
    by item id, in photo order; photos on neither stay only in the full record's evidence.
    """
    live = {f["id"]: f for f in findings}
    first_of_item: dict[str, dict] = {}
    for finding in findings:
        finding["photos"] = []
        if finding["item_id"]:
            first_of_item.setdefault(finding["item_id"], finding)
    unplaced: dict[str, list] = {}
    for photo in photos:
        if photo["finding_id"] in live:
            live[photo["finding_id"]]["photos"].append(photo)
        elif photo["item_id"] in first_of_item:
            first_of_item[photo["item_id"]]["photos"].append(photo)
        elif photo["item_id"]:
            unplaced.setdefault(photo["item_id"], []).append(photo)
    return unplaced


def sort_key(finding: dict):
    return (SEVERITIES.index(finding["severity"]), AREAS.index(finding["area"]),
            finding["created_at"], finding["id"])


def report_score(template, answers: dict) -> dict | None:
    """The audit's overall score for the executive summary, as a percentage of the points
    possible (sva.domain.scores: conforms = full weight, observation = half, nonconformity =
    0; not applicable and items a rule hides left out), or None when nothing is scored yet."""
    from sva.domain.relevance import hidden_items
    from sva.domain.scores import scores
    _, overall = scores(template, answers, hidden_items(template, answers))
    if overall.percent is None:
        return None
    return {"value": round(overall.percent), "max": 100}


def load_report_data(ws, audit_id: str, *, with_history: bool = False,
                     contact: dict | None = None,
                     auditor_contact: dict | None = None) -> ReportData:
    audit = ws.audits.audit(audit_id)
    template = ws.audits.checklist_of(audit)        # with repeated sections' instances
    photos = ws.photos.of_audit(audit_id)
    findings = sorted(ws.findings.of_audit(audit_id), key=sort_key)
    for number, finding in enumerate(findings, start=1):
        finding["no"] = f"F-{number:02d}"
        finding["item"] = template.items.get(finding["item_id"]) if finding["item_id"] else None
    item_photos = place_photos(findings, photos)
    previous, previous_findings = ws.queries.previous_findings(audit_id)
    answers = ws.audits.answers(audit_id)
    return ReportData(
        audit=audit,
        supplier=ws.suppliers.get("suppliers", audit["supplier_id"], include_deleted=True),
        site=ws.suppliers.get("sites", audit["site_id"], include_deleted=True),
        template=template,
        visit_date=ws.audits.visit_date(audit),
        auditors=json.loads(audit["auditors"] or "[]"),
        findings=findings,
        photos=photos,
        signatures=ws.audits.signatures(audit_id),
        answers=answers,
        contact=contact or load_contact(),
        # In time order (a log merged from devices may hold entries out of sequence order).
        history=sorted(ws.audits.history(audit_id), key=lambda e: (e["at"], e["seq"]))
        if with_history else [],
        content_hash=ws.audits.content_hash(audit_id) if with_history else "",
        item_photos=item_photos,
        without_finding=ws.audits.without_finding(audit_id),
        previous=previous, previous_findings=previous_findings,
        score=report_score(template, answers), auditor_contact=auditor_contact,
        profile=json.loads(audit.get("profile") or "{}"),
    )
