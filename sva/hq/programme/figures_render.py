"""Text renderings of `figures()`: an aligned table (en or ja) and a long-format CSV."""
from __future__ import annotations

import csv
import io
import unicodedata
from functools import lru_cache

import yaml

from sva.errors import BadInput
from sva.hq.programme.fiscal import fy_label
from sva.paths import resource
from sva.reports.cell_safety import csv_cell
from sva.vocabulary import LANGS


@lru_cache(maxsize=1)
def _labels() -> dict:
    return yaml.safe_load(resource("programme", "figures_labels.yaml").read_text("utf-8"))


def _width(text: str) -> int:
    """Display width: CJK characters take two terminal columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return str(value)


def display(value) -> str:
    """A row value as text: numbers with separators, a pair as 'all / critical', a share
    (Share) with '%'."""
    if isinstance(value, tuple):
        return " / ".join(display(v) for v in value)
    if isinstance(value, Share):
        return f"{float(value):.1f}%"
    return _fmt(value)


class Share(float):
    """A percentage (72.1 means 72.1 %), so renderers can show and store it as one."""


def figures_rows(fig: dict, lang: str = "en") -> list[tuple[str, object]]:
    """(label, value) pairs in reading order; a value of '' marks a heading. Values stay typed
    — int, float, Share, None, a tuple (all, critical), or text — so a workbook keeps numbers
    as numbers; `display` turns one into text."""
    if lang not in LANGS:
        raise BadInput(f"unknown language {lang!r} (en or ja)", field="lang")
    L = _labels()[lang]
    dc = fig["document_checks"]
    rows = [(f"{L['title']} {fy_label(fig['fy'])}", "")]
    if fig.get("closed"):
        rows.append((_labels()[lang]["status"], closed_text(fig["closed"], lang)))
    rows.append((L["document_checks"], ""))
    rows.append((f"  {L['suppliers']} ({L['all']} / {L['critical']})",
                 (dc["suppliers"]["all"], dc["suppliers"]["critical"])))
    for area, n in dc["by_area"].items():
        rows.append((f"  {L['areas'][area]}", (n["all"], n["critical"])))
    rows.append((L["infosec_document_checks"], fig["infosec_document_checks"]))
    if "critical_suppliers" in fig:
        rows.append((L["critical_suppliers"], fig["critical_suppliers"]))
    rows.append((L["isec_levels"], "" if fig["isec_levels"] else L["none"]))
    rows += [(f"  {level}", n) for level, n in fig["isec_levels"].items()]
    rows.append((L["onsite_assessments"], ""))
    rows += [(f"  {L['kinds'].get(k, k)}", n) for k, n in fig["onsite_assessments"].items()]
    rows.append((L["suppliers_visited"], fig["suppliers_visited"]))
    rows.append((L["findings_by_severity"], ""))
    rows += [(f"  {L['severities'][s]}", n) for s, n in fig["findings_by_severity"].items()]
    rows.append((L["findings_by_area"], ""))
    for area, counts in fig["findings_by_area"].items():
        text = ", ".join(f"{L['severities'][s]} {n}" for s, n in counts.items() if n)
        rows.append((f"  {L['areas'][area]}", text or "0"))
    rows.append((L["improvement_topics"], "" if fig["improvement_topics"] else L["none"]))
    rows += [(f"  {t['title'][lang]}", t["suppliers"]) for t in fig["improvement_topics"]]
    rows.append((L["cap"], ""))
    rows += [(f"  {L[k]}", fig["cap"][k])
             for k in ("needing_cap", "closed", "closure_rate", "median_days_to_close")]
    rows.append((L["procurement_by_region"], ""))
    rows += [(f"  {L['regions'].get(r, r)}", Share(v["share"]))
             for r, v in fig["procurement_by_region"].items()]
    from sva.hq.programmes.panels import panel_rows     # issue 19: the programmes' panels
    return rows + panel_rows(fig, lang)


def closed_text(closed: dict, lang: str = "en") -> str:
    """'Closed on 2026-05-10 by mgr.sato (content hash 1a2b3c4d5e6f)' in the language."""
    return _labels()[lang]["closed_on"].format(on=closed["at"][:10], by=closed["by"],
                                               hash=closed["hash"][:12])


def figures_table(fig: dict, lang: str = "en") -> str:
    rows = figures_rows(fig, lang)
    width = max(_width(label) for label, _ in rows)
    lines = []
    for label, value in rows:
        if isinstance(value, str) and value == "":
            lines.append(label)
        else:
            lines.append(label + " " * (width - _width(label) + 2) + display(value))
    return "\n".join(lines) + "\n"


def figures_csv(fig: dict) -> str:
    """Long format, one figure per line: section,key,subkey,value (codes, not labels)."""
    out = io.StringIO()
    w = _SafeWriter(csv.writer(out, lineterminator="\n"))
    w.writerow(["fy", "section", "key", "subkey", "value"])
    fy = fig["fy"]
    for key in ("at", "by", "hash"):
        if fig.get("closed"):
            w.writerow([fy, "closed", key, "", fig["closed"][key]])
    dc = fig["document_checks"]
    for scope, n in dc["suppliers"].items():
        w.writerow([fy, "document_checks", "suppliers", scope, n])
    for area, counts in dc["by_area"].items():
        for scope, n in counts.items():
            w.writerow([fy, "document_checks", area, scope, n])
    w.writerow([fy, "infosec_document_checks", "", "", fig["infosec_document_checks"]])
    if "critical_suppliers" in fig:
        w.writerow([fy, "critical_suppliers", "", "", fig["critical_suppliers"]])
    for level, n in fig["isec_levels"].items():
        w.writerow([fy, "isec_levels", level, "", n])
    for kind, n in fig["onsite_assessments"].items():
        w.writerow([fy, "onsite_assessments", kind, "", n])
    w.writerow([fy, "suppliers_visited", "", "", fig["suppliers_visited"]])
    for kind, n in fig["suppliers_visited_by_kind"].items():
        w.writerow([fy, "suppliers_visited", kind, "", n])
    for sev, n in fig["findings_by_severity"].items():
        w.writerow([fy, "findings_by_severity", sev, "", n])
    for area, counts in fig["findings_by_area"].items():
        for sev, n in counts.items():
            w.writerow([fy, "findings_by_area", area, sev, n])
    for t in fig["improvement_topics"]:
        w.writerow([fy, "improvement_topics", t["item_id"], t["title"]["en"], t["suppliers"]])
    for key, value in fig["cap"].items():
        w.writerow([fy, "cap", key, "", "" if value is None else value])
    for region, v in fig["procurement_by_region"].items():
        w.writerow([fy, "procurement_by_region", region, "spend", v["spend"]])
        w.writerow([fy, "procurement_by_region", region, "share", v["share"]])
    from sva.hq.programmes.panels import panel_csv      # issue 19: the programmes' panels
    for row in panel_csv(fig):
        w.writerow(row)
    return out.getvalue()


class _SafeWriter:
    """A csv writer whose text cells a spreadsheet never runs as formulas."""

    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row) -> None:
        self.writer.writerow([csv_cell(value) for value in row])
