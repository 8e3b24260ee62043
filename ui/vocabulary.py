"""Translated names for the core's codes (statuses, kinds, regions), in one place.

The core stores codes such as 'in_progress' or 'infosec'; every screen shows the same words
for them, so combos, tables and tooltips cannot drift apart. The codes and their order come
from the core's vocabulary (sva/vocabulary.py); this module holds only their labels, one
table per code list, and tests/ui/test_vocabulary_labels.py checks that each table names
exactly the codes of its list.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sva.vocabulary import SUPPLIER_FLAGS
from ui.i18n import ui_language


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


def site_name(row: dict) -> str:
    """An audit row's site in the UI language (its Japanese name comes from HQ's registry),
    like the supplier's name."""
    return supplier_name(row.get("site_name"), row.get("site_name_ja"))


# -- one table per code list of sva.vocabulary (built per call: the language may change) ---

def status_labels() -> dict[str, str]:                 # AUDIT_STATUSES
    return {
        "planned": _tr("Planned"),
        "in_progress": _tr("In progress"),
        "completed": _tr("Completed"),
        "signed": _tr("Signed"),
        "synced": _tr("Synced"),
    }


def kind_labels() -> dict[str, str]:                   # AUDIT_KINDS
    return {"svr": _tr("SVR"), "infosec": _tr("Information security")}


def kind_short_labels() -> dict[str, str]:
    """For narrow table cells; the full name goes in the tooltip."""
    return {"svr": _tr("SVR"), "infosec": _tr("Info-sec")}


def region_labels() -> dict[str, str]:                 # REGIONS
    return {
        "JP": _tr("Japan"),
        "ASIA": _tr("Asia"),
        "NA": _tr("North America"),
        "EMEA": _tr("EMEA"),
        "CSA": _tr("Central & South America"),
    }


def flag_labels() -> dict[str, str]:                   # SUPPLIER_FLAGS
    return {
        "large_amount": _tr("large amount"),
        "rare_product": _tr("rare product"),
        "hard_to_replace": _tr("hard to replace"),
    }


def result_labels() -> dict[str, str]:                 # the results of KEYED_RESULTS
    return {
        "conforms": _tr("Conforms"),
        "nonconformity": _tr("Nonconformity"),
        "observation": _tr("Observation"),
        "not_applicable": _tr("Not applicable"),
        "yes": _tr("Yes"),
        "no": _tr("No"),
    }


def severity_labels() -> dict[str, str]:               # SEVERITIES
    return {
        "significant": _tr("Significant"),
        "minor": _tr("Minor"),
        "observation": _tr("Observation"),
        "good_practice": _tr("Good practice"),
    }


def area_labels() -> dict[str, str]:                   # AREAS
    return {
        "HR": _tr("Human rights"),
        "OHS": _tr("Occupational health and safety"),
        "FT": _tr("Fair trade"),
        "ENV": _tr("Environment"),
        "ISEC": _tr("Information security"),
        "PQS": _tr("Product quality and safety"),
    }


def evidence_labels() -> dict[str, str]:               # EVIDENCE_METHODS
    return {
        "interview": _tr("Interview"),
        "document": _tr("Document"),
        "inspection": _tr("Inspection"),
    }


def role_labels() -> dict[str, str]:                   # ROLES
    """An HQ account's role (enrolment, sync status)."""
    return {
        "admin": _tr("administrator"),
        "manager": _tr("programme manager"),
        "auditor": _tr("auditor"),
    }


def finding_status_labels() -> dict[str, str]:         # FINDING_STATUSES
    return {
        "open": _tr("Open", "finding status: no corrective action yet"),
        "cap_submitted": _tr("CAP submitted"),
        "cap_accepted": _tr("CAP accepted"),
        "cap_rejected": _tr("CAP rejected"),
        "verified_closed": _tr("Verified closed"),
    }


# -- one code's label (an unknown code shows as it is) -------------------------------------

def status_label(status: str) -> str:
    return status_labels().get(status, status)


def kind_label(kind: str) -> str:
    return kind_labels().get(kind, kind)


def kind_short_label(kind: str) -> str:
    return kind_short_labels().get(kind, kind)


def region_label(region: str | None) -> str:
    return region_labels().get(region or "", region or "")


def critical_flags(row: dict) -> list[str]:
    """Why a supplier counts as critical (any one of the three flags makes it so)."""
    labels = flag_labels()
    return [labels[flag] for flag in SUPPLIER_FLAGS if row.get(flag)]


def result_label(result: str | None) -> str:
    return result_labels().get(result or "", result or "")


def severity_label(severity: str) -> str:
    return severity_labels().get(severity, severity)


def area_label(area: str) -> str:
    return area_labels().get(area, area)


def evidence_label(method: str) -> str:
    return evidence_labels().get(method, method)


def role_label(role: str) -> str:
    return role_labels().get(role, role)


def finding_status_label(status: str) -> str:
    return finding_status_labels().get(status, status)
