"""Read a supplier's Conflict Minerals Reporting Template (RMI CMRT, revisions 6.x).

The template's layout as published (revisions 6.01 … 6.5 differ in wording, not shape):
* sheet **Declaration** — the title area names the revision ("Revision 6.22"); label cells
  in column B ("Company Name (*):", "Declaration Scope or Class (*):") with the answer in
  column D; questions "1) … 7)" in column B, each followed by one row per metal (column C:
  Tantalum, Tin, Gold, Tungsten) with the answer in column D;
* sheet **Smelter List** — a header row holding "Metal (*)", "Smelter Look-up (*)",
  "Smelter Name", "Smelter Country (*)", "Smelter Identification" (the RMI id, CID + six
  digits), one smelter per row below it.

Fields are found by their labels, not by fixed cells, so a revision that moved a row still
reads. Every problem names sheet and cell; a file with any problem is refused whole.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from sva.hq.programme.tabular import cell_text

METALS = ("Tantalum", "Tin", "Gold", "Tungsten")
DECLARATION, SMELTERS = "Declaration", "Smelter List"
SUPPORTED = re.compile(r"^6\.\d{1,2}$")
SMELTER_ID = re.compile(r"^CID\d{6}$")
_REVISION = re.compile(r"(?:revision|version|cmrt)\s*(\d+\.\d+)", re.IGNORECASE)
_QUESTION = re.compile(r"^\s*(\d)\)")
# answers the template's drop-downs offer to questions 1 and 2 (per metal)
ANSWERS = ("Yes", "No", "Unknown", "Not declaring")
REQUIRED_QUESTIONS = (1, 2)
COLUMNS = {"metal": "metal", "smelter look-up": "lookup", "smelter name": "name",
           "smelter country": "country", "smelter identification": "smelter_id"}
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str | None
    cell: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file] + ([f"sheet {self.sheet!r}"] if self.sheet else []) + \
            ([f"cell {self.cell}"] if self.cell else [])
        return f"{', '.join(where)}: {self.message}"


@dataclass
class Cmrt:
    version: str
    company: str
    scope: str
    answers: dict = field(default_factory=dict)      # "1" -> {metal: answer}
    smelters: list[dict] = field(default_factory=list)

    def metals_in_scope(self) -> list[str]:
        """Metals the supplier says are necessary (question 1 answered Yes)."""
        return [m for m in METALS if self.answers.get("1", {}).get(m) == "Yes"]


def parse_cmrt(data: bytes, name: str) -> tuple[Cmrt | None, list[Problem]]:
    """(the report, []) or (None, every problem found)."""
    if len(data) > MAX_BYTES:
        return None, [Problem(name, None, None, "file is larger than 20 MB")]
    if not data.startswith(b"PK"):
        hint = " (it looks like text, e.g. a CSV renamed to .xlsx)" if _texty(data) else ""
        return None, [Problem(name, None, None, "not an XLSX workbook" + hint +
                              "; send the CMRT as the .xlsx the RMI template produces")]
    from openpyxl import load_workbook
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return None, [Problem(name, None, None, f"not a readable XLSX workbook: {exc}")]
    try:
        missing = [s for s in (DECLARATION, SMELTERS) if s not in wb.sheetnames]
        if missing:
            return None, [Problem(name, s, None, f"no sheet named {s!r} (the workbook has: "
                                  f"{', '.join(wb.sheetnames)}); is this a CMRT?")
                          for s in missing]
        declaration = _cells(wb[DECLARATION])
        smelters = _cells(wb[SMELTERS])
    finally:
        wb.close()
    problems: list[Problem] = []
    version = _version(declaration)
    if version is None:
        problems.append(Problem(name, DECLARATION, None, "no template revision found (a CMRT "
                                "names it, e.g. 'Revision 6.22', above the declaration)"))
    elif not SUPPORTED.match(version):
        problems.append(Problem(name, DECLARATION, None, f"template revision {version} is not "
                                "supported; ask for the current CMRT 6.x"))
    company, scope, answers = _declaration(name, declaration, problems)
    rows = _smelters(name, smelters, problems)
    if problems:
        return None, problems
    return Cmrt(version or "", company, scope, answers, rows), []


def _texty(data: bytes) -> bool:
    head = data[:512]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"," in head or b";" in head or b"\t" in head


def _cells(ws) -> dict[tuple[int, int], str]:
    out = {}
    for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
        for c, value in enumerate(row, start=1):
            text = cell_text(value)
            if text:
                out[(r, c)] = text
    return out


def _ref(row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter
    return f"{get_column_letter(col)}{row}"


def _version(cells) -> str | None:
    for (r, _), text in sorted(cells.items()):
        if r > 6:
            break
        match = _REVISION.search(text)
        if match:
            return match.group(1)
    return None


def _label(cells, prefix: str) -> tuple[int, int] | None:
    for (r, c), text in sorted(cells.items()):
        if c <= 3 and text.lower().startswith(prefix):
            return r, c
    return None


def _declaration(name, cells, problems) -> tuple[str, str, dict]:
    values = {}
    for key, prefix in (("company", "company name"), ("scope", "declaration scope")):
        at = _label(cells, prefix)
        if at is None:
            problems.append(Problem(name, DECLARATION, None,
                                    f"no '{prefix.title()}' label in column B"))
            values[key] = ""
            continue
        values[key] = cells.get((at[0], 4), "")
        if not values[key]:
            problems.append(Problem(name, DECLARATION, _ref(at[0], 4),
                                    f"{prefix} is empty (a required field)"))
    answers: dict = {}
    question = None
    cells_of: dict = {}
    for (r, c), text in sorted(cells.items()):
        if c == 2 and _QUESTION.match(text):
            question = _QUESTION.match(text).group(1)
        elif c == 3 and question and text in METALS:
            cells_of.setdefault(question, {})[text] = r
            answers.setdefault(question, {})[text] = cells.get((r, 4), "")
    for q in map(str, REQUIRED_QUESTIONS):
        if q not in answers:
            problems.append(Problem(name, DECLARATION, None,
                                    f"question {q} (one answer per metal) is missing"))
            continue
        for metal in METALS:
            row = cells_of[q].get(metal)
            answer = answers[q].get(metal, "")
            if row is None:
                problems.append(Problem(name, DECLARATION, None,
                                        f"question {q} has no row for {metal}"))
            elif answer not in ANSWERS:
                problems.append(Problem(name, DECLARATION, _ref(row, 4),
                                        f"question {q}, {metal}: "
                                        + (f"{answer!r} is not an answer the template offers "
                                           f"({', '.join(ANSWERS)})" if answer
                                           else "no answer (required)")))
    return values["company"], values["scope"], answers


def _smelters(name, cells, problems) -> list[dict]:
    header_row, columns = None, {}
    for (r, c), text in sorted(cells.items()):
        if r > 10:
            break
        low = text.lower().replace("(*)", "").replace("(1)", "").strip()
        for label, key in COLUMNS.items():
            if low == label and key not in columns:
                columns[key], header_row = c, r
    missing = [label for label, key in COLUMNS.items()
               if key not in columns and key != "lookup"]
    if missing:
        problems.append(Problem(name, SMELTERS, None, "the header row lacks column(s): "
                                + ", ".join(f"'{m.title()}'" for m in missing)))
        return []
    rows, seen = [], {}
    last = max((r for r, _ in cells), default=header_row)
    for r in range(header_row + 1, last + 1):
        get = {k: cells.get((r, c), "") for k, c in columns.items()}
        if not any(get.values()):
            continue
        metal = get["metal"].strip().title()
        if metal not in METALS:
            problems.append(Problem(name, SMELTERS, _ref(r, columns["metal"]),
                                    f"metal {get['metal'] or '(empty)'!r} is not one of "
                                    f"{', '.join(METALS)}"))
            continue
        sid = get["smelter_id"].strip().upper()
        if not sid:
            problems.append(Problem(name, SMELTERS, _ref(r, columns["smelter_id"]),
                                    "smelter identification is missing (the RMI id, e.g. "
                                    "CID002082); look the smelter up in the template"))
            continue
        if not SMELTER_ID.match(sid):
            problems.append(Problem(name, SMELTERS, _ref(r, columns["smelter_id"]),
                                    f"{sid!r} is not a smelter identification (CID + 6 digits)"))
            continue
        if not get["country"]:
            problems.append(Problem(name, SMELTERS, _ref(r, columns["country"]),
                                    "smelter country is empty (a required field)"))
            continue
        if (metal, sid) in seen:
            problems.append(Problem(name, SMELTERS, _ref(r, columns["smelter_id"]),
                                    f"{metal} smelter {sid} is listed twice (also row "
                                    f"{seen[(metal, sid)]})"))
            continue
        seen[(metal, sid)] = r
        rows.append({"metal": metal, "smelter_id": sid,
                     "smelter_name": get["name"] or get.get("lookup", ""),
                     "country": get["country"]})
    return rows
