"""Translated names for the core's codes (statuses, kinds, regions), in one place.

The core stores codes such as 'in_progress' or 'infosec'; every screen shows the same words
for them, so combos, tables and tooltips cannot drift apart.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.i18n import ui_language

AUDIT_STATUSES = ("planned", "in_progress", "completed", "signed", "synced")
AUDIT_KINDS = ("svr", "infosec")
REGIONS = ("JP", "ASIA", "NA", "EMEA", "CSA")


def _tr(text: str, disambiguation: str | None = None) -> str:
    # The empty context is what lupdate gives `_tr` calls; the disambiguation tells apart
    # one English word with two meanings (e.g. "Open": a finding's status, or an action).
    return QCoreApplication.translate("", text, disambiguation)


def supplier_name(name_en: str | None, name_ja: str | None) -> str:
    """A supplier's name in the UI language: the Japanese name in the Japanese UI when the
    supplier has one, else the English name."""
    if name_ja and ui_language() == "ja":
        return name_ja
    return name_en or name_ja or ""


def status_label(status: str) -> str:
    return {
        "planned": _tr("Planned"),
        "in_progress": _tr("In progress"),
        "completed": _tr("Completed"),
        "signed": _tr("Signed"),
        "synced": _tr("Synced"),
    }.get(status, status)


def kind_label(kind: str) -> str:
    return {"svr": _tr("SVR"), "infosec": _tr("Information security")}.get(kind, kind)


def kind_short_label(kind: str) -> str:
    """For narrow table cells; the full name goes in the tooltip."""
    return {"svr": _tr("SVR"), "infosec": _tr("Info-sec")}.get(kind, kind)


def region_label(region: str | None) -> str:
    return {
        "JP": _tr("Japan"),
        "ASIA": _tr("Asia"),
        "NA": _tr("North America"),
        "EMEA": _tr("EMEA"),
        "CSA": _tr("Central & South America"),
    }.get(region or "", region or "")


def critical_flags(row: dict) -> list[str]:
    """Why a supplier counts as critical (any one of the three flags makes it so)."""
    flags = []
    if row.get("large_amount"):
        flags.append(_tr("large amount"))
    if row.get("rare_product"):
        flags.append(_tr("rare product"))
    if row.get("hard_to_replace"):
        flags.append(_tr("hard to replace"))
    return flags


RESULT_KEYS = {  # what keys 1–4 answer, per answer type
    "conformity": ("conforms", "nonconformity", "observation", "not_applicable"),
    "yes_no": ("yes", "no", "not_applicable"),
}
SEVERITIES = ("significant", "minor", "observation", "good_practice")
AREAS = ("HR", "OHS", "FT", "ENV", "ISEC", "PQS")
FINDING_STATUSES = ("open", "cap_submitted", "cap_accepted", "cap_rejected", "verified_closed")


def result_label(result: str | None) -> str:
    return {
        "conforms": _tr("Conforms"),
        "nonconformity": _tr("Nonconformity"),
        "observation": _tr("Observation"),
        "not_applicable": _tr("Not applicable"),
        "yes": _tr("Yes"),
        "no": _tr("No"),
    }.get(result or "", result or "")


def severity_label(severity: str) -> str:
    return {
        "significant": _tr("Significant"),
        "minor": _tr("Minor"),
        "observation": _tr("Observation"),
        "good_practice": _tr("Good practice"),
    }.get(severity, severity)


def area_label(area: str) -> str:
    return {
        "HR": _tr("Human rights"),
        "OHS": _tr("Occupational health and safety"),
        "FT": _tr("Fair trade"),
        "ENV": _tr("Environment"),
        "ISEC": _tr("Information security"),
        "PQS": _tr("Product quality and safety"),
    }.get(area, area)


def evidence_label(method: str) -> str:
    return {
        "interview": _tr("Interview"),
        "document": _tr("Document"),
        "inspection": _tr("Inspection"),
    }.get(method, method)


def role_label(role: str) -> str:
    """An HQ account's role (enrolment, sync status)."""
    return {
        "admin": _tr("administrator"),
        "manager": _tr("programme manager"),
        "auditor": _tr("auditor"),
    }.get(role, role)


def finding_status_label(status: str) -> str:
    return {
        "open": _tr("Open", "finding status: no corrective action yet"),
        "cap_submitted": _tr("CAP submitted"),
        "cap_accepted": _tr("CAP accepted"),
        "cap_rejected": _tr("CAP rejected"),
        "verified_closed": _tr("Verified closed"),
    }.get(status, status)
