"""Read a CSV or a sheet of an XLSX into numbered rows, and the all-or-nothing policy every
programme import shares.

Files come from real offices: a CSV is UTF-8 (with or without BOM) or, failing that, CP932
(Shift-JIS as Excel writes it in Japan) — decided by decoding, not by the file name; an XLSX is
recognised by its content. Every cell is NFKC-normalised (full-width digits and letters become
ASCII). Column headers may be the documented aliases of resources/programme/
column_aliases.yaml (e.g. 取引先コード for `code`), and the header need not be the first row:
the first of the top rows that holds every required column is the header (a title row above
it is skipped). Without a named sheet, the first sheet that has such a header is read.

Row numbers are the ones the user sees in a spreadsheet (a header on row 1 makes the first
data row row 2). Blank rows are skipped but keep their numbers.
"""
from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sva.errors import BadInput
from sva.hq.programme.column_aliases import canonical_header
from sva.reports.cell_safety import csv_text
from sva.validation.checks import check

MAX_BYTES = 20 * 1024 * 1024
XLSX_SUFFIXES = (".xlsx", ".xlsm")
HEADER_SEARCH_ROWS = 10          # a header may sit below a title block this deep


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong with one cell (or a whole row when column is None)."""
    file: str
    row: int | None
    column: str | None
    message: str
    in_header: bool = False

    @property
    def fatal(self) -> bool:
        """File and header problems cannot be skipped: no row can be trusted."""
        return self.row is None or self.in_header

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


@dataclass
class Table:
    file: str
    header: list[str] = field(default_factory=list)
    header_row: int = 1
    rows: list[tuple[int, dict]] = field(default_factory=list)   # (row number, column -> cell)


@dataclass(frozen=True)
class Skipped:
    file: str
    row: int
    problems: tuple[RowProblem, ...]

    def __str__(self) -> str:
        return f"{self.file}, row {self.row} skipped: " + "; ".join(
            (f"{p.column}: " if p.column else "") + p.message for p in self.problems)


def cell_text(value) -> str:
    """A cell as the text the user typed, NFKC-normalised: 1001.0 from Excel is '1001', dates
    are ISO, '\uff33\uff10\uff11' is 'S01'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (value.date().isoformat() if value.time() == datetime.min.time()
                else value.isoformat())
    if isinstance(value, date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def read_table(path: str | Path, *, required=(), kind: str = "",
               sheet: str | None = None) -> tuple[Table, list[RowProblem]]:
    """The table of a file: its header (canonical column names of `kind`, lower case) and
    numbered rows. `required` columns locate the header row (and, without `sheet`, the sheet)."""
    path = Path(path)
    table = Table(str(path))
    try:
        if path.stat().st_size > MAX_BYTES:
            return table, [RowProblem(table.file, None, None, "file is larger than 20 MB")]
        with path.open("rb") as fh:
            is_xlsx = fh.read(4) == b"PK\x03\x04"
    except OSError as exc:
        return table, [RowProblem(table.file, None, None, f"cannot read: {exc.strerror or exc}")]
    if is_xlsx or path.suffix.lower() in XLSX_SUFFIXES:
        sheets, problems = _xlsx_sheets(path, sheet)
    else:
        if sheet:
            return table, [RowProblem(table.file, None, None,
                                      f"--sheet {sheet!r} given but the file is a CSV")]
        sheets, problems = _csv_rows(path)
    if problems:
        return table, problems
    if not any(any(cell_text(c) for c in r) for _, rows in sheets for r in rows):
        return table, [RowProblem(table.file, None, None, "the file is empty (no header row)")]
    name, raw_rows, at = _find_header(sheets, required, kind)
    if name is not None and sheet is None and len(sheets) > 1:
        table.file = f"{table.file} [{name}]"
    table.header_row = at + 1
    table.header, problems = _header(table.file, raw_rows[at], kind, table.header_row)
    for number, cells in enumerate(raw_rows[at + 1:], start=at + 2):
        texts = [cell_text(c) for c in cells]
        if not any(texts):
            continue
        extra = [t for t in texts[len(table.header):] if t]
        if extra:
            problems.append(RowProblem(table.file, number, None,
                                       f"row has {len(table.header) + len(extra)} or more cells "
                                       f"but the header names only {len(table.header)} columns"))
        texts += [""] * (len(table.header) - len(texts))
        table.rows.append((number, dict(zip(table.header, texts))))
    return table, problems


def _find_header(sheets, required, kind):
    """(sheet name, its rows, index of the header row): the first row among the top rows of a
    sheet that names every required column; else the first non-blank row of the first sheet
    that has one (its header problems are then reported as usual)."""
    wanted = set(required)
    for name, rows in sheets:
        for i, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
            names = {canonical_header(cell_text(c), kind) for c in cells}
            if wanted and wanted <= names:
                return name, rows, i
    for name, rows in sheets:
        for i, cells in enumerate(rows):
            if any(cell_text(c) for c in cells):
                return name, rows, i
    return None, sheets[0][1], 0


def _header(file: str, cells, kind: str = "", row: int = 1) -> tuple[list[str], list[RowProblem]]:
    """Canonical column names (aliases resolved, lower case); an empty or repeated one is a
    problem of the header row."""
    header = [canonical_header(cell_text(c), kind) for c in cells]
    while header and not header[-1]:
        header.pop()
    problems, seen = [], set()
    for i, name in enumerate(header):
        if not name:
            problems.append(RowProblem(file, row, f"#{i + 1}", "header cell is empty", True))
        elif name in seen:
            problems.append(RowProblem(file, row, name, "column appears twice in the header",
                                       True))
        seen.add(name)
    return header, problems


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (a BOM is dropped), else CP932; UnicodeDecodeError of the
    UTF-8 attempt when neither decodes."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp932"), "cp932"
        except UnicodeDecodeError:
            raise utf8_error from None


def _csv_rows(path: Path):
    try:
        text, _ = decode_text(path.read_bytes())
    except UnicodeDecodeError as exc:
        return [], [RowProblem(str(path), None, None,
                               f"neither UTF-8 nor Shift-JIS (CP932) text (byte {exc.start}); "
                               "save the CSV as UTF-8")]
    try:
        # a field SVA exported as '=… (formula neutralised) reads back as written
        return [(None, [[csv_text(c) for c in row]
                        for row in csv.reader(io.StringIO(text, newline=""))])], []
    except csv.Error as exc:
        return [], [RowProblem(str(path), None, None, f"not a valid CSV file: {exc}")]


def _xlsx_sheets(path: Path, sheet: str | None):
    """[(sheet name, rows)]: the named sheet only, or every sheet in workbook order."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return [], [RowProblem(str(path), None, None, f"not a readable XLSX workbook: {exc}")]
    try:
        if sheet is not None:
            by_name = {unicodedata.normalize("NFKC", ws.title).strip(): ws for ws in wb.worksheets}
            ws = by_name.get(unicodedata.normalize("NFKC", sheet).strip())
            if ws is None:
                return [], [RowProblem(str(path), None, None,
                                       f"no sheet named {sheet!r} (sheets: "
                                       + ", ".join(wb.sheetnames) + ")")]
            chosen = [ws]
        else:
            chosen = wb.worksheets
        return [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)])
                for ws in chosen], []
    finally:
        wb.close()


def require_columns(table: Table, required, known) -> list[RowProblem]:
    """Header check: required columns present, no unknown (probably misspelt) ones."""
    at = table.header_row
    problems = [RowProblem(table.file, at, c, "required column is missing from the header", True)
                for c in required if c not in table.header]
    problems += [RowProblem(table.file, at, c, "unknown column (known: " + ", ".join(known) + ")",
                            True)
                 for c in table.header if c and c not in known]
    return problems


def open_table(path: str | Path, required, known, *, kind: str = "",
               sheet: str | None = None) -> tuple[Table | None, list[RowProblem]]:
    """Read a table and check its header: (table, problems), or (None, problems) when a file
    or header problem means no row can be trusted. `kind` names the alias list of its
    headers (registry, sites, saq)."""
    table, problems = read_table(path, required=required, kind=kind, sheet=sheet)
    if not any(p.fatal for p in problems) and table.header:
        problems += require_columns(table, required, known)
    if any(p.fatal for p in problems) or not table.header:
        return None, problems
    return table, problems


def check_rows(table: Table, model, *, context: dict | None = None):
    """Check every row with a row model: ([(row number, model)] of the good rows, problems
    with row and column of the bad ones)."""
    good, problems = [], []
    for number, cells in table.rows:
        row, issues = check(model, cells, context=context)
        problems += [RowProblem(table.file, number, i.loc[0] if i.loc else None, i.message)
                     for i in issues]
        if row is not None:
            good.append((number, row))
    return good, problems


def repeated(table: Table, keys: dict[int, object], column: str, say) -> list[RowProblem]:
    """A problem on every row whose key (row number -> key, None for none) another row has
    too; `say(key, others)` words it, `others` being the other rows' numbers."""
    rows_of: dict = {}
    for number, key in keys.items():
        if key is not None:
            rows_of.setdefault(key, []).append(number)
    return [RowProblem(table.file, number, column,
                       say(key, ", ".join(str(n) for n in numbers if n != number)))
            for key, numbers in rows_of.items() if len(numbers) > 1 for number in numbers]


def apply_policy(good: list, problems: list[RowProblem],
                 skip_bad: bool) -> tuple[list, list[Skipped]]:
    """All or nothing: any problem raises BadInput listing every one, unless skip_bad, in which
    case the good rows go ahead and the bad ones come back as a list of what was skipped.
    File and header problems always raise."""
    fatal = [p for p in problems if p.fatal]
    if problems and (fatal or not skip_bad):
        shown = fatal or problems
        raise BadInput(f"{len(shown)} problem(s), nothing was imported:\n"
                       + "\n".join(str(p) for p in shown),
                       file=shown[0].file, row=shown[0].row, field=shown[0].column)
    by_row: dict[tuple[str, int], list[RowProblem]] = {}
    for p in problems:
        by_row.setdefault((p.file, p.row), []).append(p)
    skipped = [Skipped(file, row, tuple(ps)) for (file, row), ps in sorted(by_row.items())]
    return list(good), skipped
