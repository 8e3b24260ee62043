"""One vocabulary (sva/vocabulary.py): the SQL CHECKs of both databases, the HQ API and every
rule use its code lists, and no list is written out a second time anywhere in sva/ or ui/."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import sqlite_utils

from sva import vocabulary
from sva.vocabulary import CODE_LISTS

ROOT = Path(__file__).resolve().parents[1]

# (table, column) -> the vocabulary list its CHECK (... IN (...)) must hold, in this order.
DEVICE_CHECKS = {
    ("suppliers", "region"): "REGIONS",
    ("suppliers", "isec_level"): "ISEC_LEVELS",
    ("suppliers", "declaration_status"): "DECLARATION_STATUSES",
    ("audits", "status"): "AUDIT_STATUSES",
    ("findings", "area"): "AREAS",
    ("findings", "severity"): "SEVERITIES",
    ("findings", "status"): "FINDING_STATUSES",
    ("findings", "verification_method"): "VERIFICATION_METHODS",
    ("sync_ids", "kind"): "SYNCED_MASTER_KINDS",
    ("sync_conflicts", "resolution"): "CONFLICT_CHOICES",
}
HQ_CHECKS = {
    ("users", "role"): "ROLES",
    ("plan_drafts", "status"): "PLAN_STATUSES",
}
_IN_LIST = re.compile(r"(\w+)\s+IN\s*\(([^()]*)\)", re.I)


def check_lists(tables: list[tuple[str, str]]) -> dict[tuple[str, str], tuple]:
    """Every `column IN ('a', 'b')` in the CREATE TABLE statements, as a tuple of codes."""
    found = {}
    for table, sql in tables:
        for column, values in _IN_LIST.findall(sql or ""):
            found[(table, column)] = tuple(v.strip().strip("'") for v in values.split(","))
    return found


def device_tables() -> list[tuple[str, str]]:
    from sva.store.migrations import migrate
    db = sqlite_utils.Database(memory=True)
    migrate(db)
    return [tuple(r) for r in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()]


def hq_tables(folder: Path) -> list[tuple[str, str]]:
    from sva.hq.storage import open_storage
    storage = open_storage(folder)
    with storage.transaction(write=False) as tx:
        return [(r["name"], r["sql"]) for r in tx.all(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'")]


@pytest.mark.parametrize("side", ["device", "hq"])
def test_every_sql_check_list_equals_the_vocabulary(side, tmp_path):
    """Migrations already run on users' databases never change; their CHECKs must still say
    exactly what the vocabulary says (a new code needs a migration, and this test says so)."""
    tables = device_tables() if side == "device" else hq_tables(tmp_path / "hq")
    expected = DEVICE_CHECKS if side == "device" else HQ_CHECKS
    found = check_lists(tables)
    assert set(found) == set(expected), "a CHECK list the vocabulary does not name"
    for where, name in expected.items():
        assert found[where] == getattr(vocabulary, name), (where, name)


def test_check_lists_are_read_from_the_schema():
    """The reader finds what it must: a list written into a CHECK shows up."""
    sql = ("CREATE TABLE t (a TEXT CHECK (a IN ('x','y')), "
           "b TEXT CHECK (b IS NULL OR b IN ('p', 'q')))")
    assert check_lists([("t", sql)]) == {("t", "a"): ("x", "y"), ("t", "b"): ("p", "q")}


# -- no copies -----------------------------------------------------------------------------

def _vocab_sets() -> dict[frozenset, str]:
    out: dict[frozenset, str] = {}
    for name, codes in CODE_LISTS.items():
        if len(codes) >= 2:
            out.setdefault(frozenset(codes), name)
    return out


_SQL_LIST = re.compile(r"\bIN\s*\(\s*('[^']*'(?:\s*,\s*'[^']*')+)\s*\)", re.I)


def copies_in(source: str, known: dict[frozenset, str]) -> list[tuple[int, str]]:
    """(line, vocabulary name) of every tuple, list or set of distinct string literals, and
    every SQL `IN ('a', 'b')` inside a string, that holds exactly the codes of a vocabulary
    list (in any order)."""
    hits = []
    for node in ast.walk(ast.parse(source)):
        values = None
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and node.elts and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            values = [e.value for e in node.elts]
            if len(set(values)) == len(values) and frozenset(values) in known:
                hits.append((node.lineno, known[frozenset(values)]))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for match in _SQL_LIST.finditer(node.value):
                values = [v.strip().strip("'") for v in match.group(1).split(",")]
                if frozenset(values) in known:
                    hits.append((node.lineno, known[frozenset(values)]))
    return sorted(hits)


def test_the_scan_finds_a_copy():
    known = _vocab_sets()
    source = ('SEV = ("significant", "minor", "observation", "good_practice")\n'
              'x = status in ("signed", "synced")\n'
              'q = "SELECT 1 WHERE severity IN (\'significant\', \'minor\')"\n'
              'fine = ("planned", "planned", "signed")\n')
    assert copies_in(source, known) == [(1, "SEVERITIES"), (2, "LOCKED_STATUSES"),
                                        (3, "CAP_SEVERITIES")]


def test_no_code_list_is_written_out_outside_the_vocabulary():
    known = _vocab_sets()
    offenders = []
    for path in sorted([*(ROOT / "sva").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]):
        if path == ROOT / "sva" / "vocabulary.py":
            continue
        for line, name in copies_in(path.read_text("utf-8"), known):
            offenders.append(f"{path.relative_to(ROOT)}:{line}: a copy of {name}")
    assert offenders == [], "import it from sva.vocabulary instead:\n" + "\n".join(offenders)


# -- derived, not copied -------------------------------------------------------------------

def test_the_hq_api_publishes_the_vocabulary():
    from sva.hq.api.models import AuditDocument, CapUpdate, Finding
    finding = Finding.model_json_schema()["properties"]
    assert finding["area"]["enum"] == list(vocabulary.AREAS)
    assert finding["severity"]["enum"] == list(vocabulary.SEVERITIES)
    assert finding["status"]["enum"] == list(vocabulary.FINDING_STATUSES)
    audit = AuditDocument.model_json_schema()["properties"]
    assert audit["kind"]["enum"] == list(vocabulary.AUDIT_KINDS)
    assert audit["status"]["enum"] == list(vocabulary.AUDIT_STATUSES)
    assert set(CapUpdate.model_fields) == set(vocabulary.CAP_SYNC_FIELDS)


def test_the_pushed_document_carries_exactly_the_synced_fields(ws, audit):
    from sva.hq.api.models import Answer, Finding, Photo
    from sva.sync.document import audit_document
    ws.findings.add(audit, area="HR", severity="minor", observed="x")
    doc = audit_document(ws, audit)
    assert set(doc["findings"][0]) == {*vocabulary.FINDING_DOC_FIELDS, "cap_base"}
    assert set(Finding.model_fields) == {*vocabulary.FINDING_DOC_FIELDS, "cap_base"}
    assert set(vocabulary.ANSWER_DOC_FIELDS) <= set(Answer.model_fields)
    assert set(vocabulary.PHOTO_DOC_FIELDS) <= set(Photo.model_fields)


# -- HQ uses shared modules, never the device core's insides --------------------------------

DEVICE_ONLY = ("sva.domain", "sva.store", "sva.workspace", "sva.demo.builder")


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.lineno, node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []


def test_hq_imports_no_device_only_module_and_no_private_name():
    offenders = []
    for path in sorted((ROOT / "sva" / "hq").rglob("*.py")):
        for line, module, names in _imports(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            if module.startswith(DEVICE_ONLY):
                offenders.append(f"{where}: imports the device-only {module}")
            elif module.startswith("sva.") and not module.startswith("sva.hq"):
                private = [n for n in names if n.startswith("_")]
                if private:
                    offenders.append(f"{where}: imports {', '.join(private)} from {module}")
    assert offenders == []


def test_loading_every_hq_module_loads_no_device_core():
    """Not even through a package's __init__ (sva.demo, sva.photos): HQ shares modules with
    the device, never the device's store, services or demo builder."""
    import subprocess
    import sys
    script = ("import importlib, pkgutil, sys\nimport sva.hq\n"
              "for m in pkgutil.walk_packages(sva.hq.__path__, 'sva.hq.'):\n"
              "    importlib.import_module(m.name)\n"
              "from sva.photos import annotate, probe\nimport sva.demo.pictures\n"
              f"print(sorted(m for m in sys.modules if m.startswith({DEVICE_ONLY[:2]!r}) "
              "or m == 'sva.demo.builder'))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
