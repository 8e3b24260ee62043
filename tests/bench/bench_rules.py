"""Benchmark keystrokes with checklist rules (issue 20): the SVR checklist answered by keyboard
in an audit editor, once with every `relevant_if` stripped (the baseline) and once with a rule
on every item besides the shipped ones (each answer re-evaluates them all and may hide or show
rows). Rounds alternate in one process on one fresh store; each keystroke is timed from its
dispatch through the autosave and the following processEvents(), as in bench_ui.py (b).
Prints p50/p95 of both (target p95 <= 30 ms, aim <= 16 ms with rules).

    python tests/bench/bench_rules.py   (QT_QPA_PLATFORM=offscreen unless set;
                                         optional: SVA_BENCH_ROUNDS)
"""
from __future__ import annotations

import copy
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUNDS = int(os.environ.get("SVA_BENCH_ROUNDS", "3"))


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def templates():
    import yaml

    from sva.checklists import template_from_dict
    from sva.paths import resource

    shipped = yaml.safe_load(resource("checklists", "svr.yaml").read_text("utf-8"))
    plain, ruled = copy.deepcopy(shipped), copy.deepcopy(shipped)
    for section in plain["sections"]:
        section.pop("relevant_if", None)
        for item in section["items"]:
            item.pop("relevant_if", None)
    first = ruled["sections"][0]["items"][0]["id"]
    for section in ruled["sections"]:
        for item in section["items"]:
            if item["id"] != first and "relevant_if" not in item:
                item["relevant_if"] = f"not answered({first}) or {first} != 'not_applicable'"
    out = {}
    for name, doc, version in (("without rules", plain, 901), ("with rules", ruled, 902)):
        doc["version"] = version
        template, problems = template_from_dict(doc)
        if problems:
            raise SystemExit("\n".join(map(str, problems)))
        out[name] = template
    return out


def main() -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from sva.workspace import Workspace
    from ui.app import application
    from ui.editor.audit_editor import AuditEditor

    app = application(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="sva-bench-rules-"))
    settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
    ws = Workspace(folder / "data")
    refs = {name: ws.templates.install(t) for name, t in templates().items()}
    supplier = ws.suppliers.add(code="B001", name_en="Bench Co.", country="JP")
    site = ws.suppliers.add_site(supplier, name="Plant", country="JP", timezone="Asia/Tokyo")
    times: dict[str, list[float]] = {name: [] for name in refs}

    def key(widget, k, into) -> None:
        start = time.perf_counter()
        QTest.keyClick(widget, k)
        app.processEvents()
        into.append(time.perf_counter() - start)

    for _ in range(ROUNDS):
        for name, ref in refs.items():
            audit = ws.audits.create(supplier_id=supplier, site_id=site, template_ref=ref,
                                     planned_date="2026-05-12")
            ws.audits.start(audit)
            editor = AuditEditor(ws, audit, settings=settings)
            editor.resize(1366, 740)
            editor.show()
            QTest.qWait(100)
            editor.select_item(next(iter(editor.template.items)))
            editor.tree.setFocus()
            app.processEvents()
            keyed = 0
            while True:
                item = editor.current_item()
                if item is None or keyed > len(editor.template.items):
                    break
                if item.answer == "number":
                    key(editor.tree, Qt.Key.Key_3, times[name])    # focuses the value field
                    key(editor.panel.value_edit, Qt.Key.Key_Return, times[name])
                else:
                    key(editor.tree, Qt.Key.Key_1, times[name])
                keyed += 1
                if editor.model.result(item.id) is None:
                    raise SystemExit(f"{name}: {item.id} not answered by its key")
                if editor.tree.current_item_id() == item.id:
                    break                                      # the last item
            editor.close()
            editor.deleteLater()
            app.processEvents()
    ws.close()
    shutil.rmtree(folder, ignore_errors=True)
    for name, values in times.items():
        ms = [v * 1000 for v in values]
        print(f"keystroke {name:13s}: n={len(ms):4d}  p50 {statistics.median(ms):5.1f} ms  "
              f"p95 {pct(ms, 0.95):5.1f} ms")
    print("target: p95 <= 30 ms (aim <= 16 ms) with rules; 'without rules' is the baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
