"""Read a CSV (UTF-8, header row) or the first sheet of an XLSX into numbered rows, and the
all-or-nothing policy every programme import shares.

Row numbers are the ones the user sees in a spreadsheet: the header is row 1, the first data
row is row 2. Blank rows are skipped but keep their numbers.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sva.errors import BadInput
from sva.reports.cell_safety import csv_text
from sva.validation.checks import check

MAX_BYTES = 20 * 1024 * 1024
XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong with one cell (or a whole row when column is None)."""
    file: str
    row: int | None
    column: str | None
    message: str

    @property
    def fatal(self) -> bool:
        """File and header problems cannot be skipped: no row can be trusted."""
        return self.row is None or self.row <= 1

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
    """A cell as the text the user typed: 1001.0 from Excel is '1001', dates are ISO."""
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
    return str(value).strip()


def read_table(path: str | Path) -> tuple[Table, list[RowProblem]]:
    path = Path(path)
    table = Table(str(path))
    try:
        if path.stat().st_size > MAX_BYTES:
            return table, [RowProblem(table.file, None, None, "file is larger than 20 MB")]
    except OSError as exc:
        return table, [RowProblem(table.file, None, None, f"cannot read: {exc.strerror or exc}")]
    reader = _xlsx_rows if path.suffix.lower() in XLSX_SUFFIXES else _csv_rows
    raw_rows, problems = reader(path)
    if problems:
        return table, problems
    if not raw_rows:
        return table, [RowProblem(table.file, None, None, "the file is empty (no header row)")]
    table.header, problems = _header(table.file, raw_rows[0])
    for number, cells in enumerate(raw_rows[1:], start=2):
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


def _header(file: str, cells) -> tuple[list[str], list[RowProblem]]:
    """Column names in lower case; an empty or repeated one is a problem of row 1."""
    header = [cell_text(c).lower() for c in cells]
    while header and not header[-1]:
        header.pop()
    problems, seen = [], set()
    for i, name in enumerate(header):
        if not name:
            problems.append(RowProblem(file, 1, f"#{i + 1}", "header cell is empty"))
        elif name in seen:
            problems.append(RowProblem(file, 1, name, "column appears twice in the header"))
        seen.add(name)
    return header, problems


def _csv_rows(path: Path):
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [RowProblem(str(path), None, None,
                               f"not UTF-8 text (byte {exc.start}); save the CSV as UTF-8")]
    try:
        # a field SVA exported as '=… (formula neutralised) reads back as written
        return [[csv_text(c) for c in row] for row in csv.reader(io.StringIO(text,
                                                                           newline=""))], []
    except csv.Error as exc:
        return [], [RowProblem(str(path), None, None, f"not a valid CSV file: {exc}")]


def _xlsx_rows(path: Path):
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return [], [RowProblem(str(path), None, None, f"not a readable XLSX workbook: {exc}")]
    try:
        return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)], []
    finally:
        wb.close()


def require_columns(table: Table, required, known) -> list[RowProblem]:
    """Header check: required columns present, no unknown (probably misspelt) ones."""
    problems = [RowProblem(table.file, 1, c, "required column is missing from the header")
                for c in required if c not in table.header]
    problems += [RowProblem(table.file, 1, c, "unknown column (known: " + ", ".join(known) + ")")
                 for c in table.header if c and c not in known]
    return problems


def open_table(path: str | Path, required, known) -> tuple[Table | None, list[RowProblem]]:
    """Read a table and check its header: (table, problems), or (None, problems) when a file
    or header problem means no row can be trusted."""
    table, problems = read_table(path)
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
