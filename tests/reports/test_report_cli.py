"""`sva report …` and `sva cap …` from the command line: outputs, exit codes, no debris."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from report_checks import pdf_text
from sva.reports.cap_workbook import COLUMN_OF, FIRST_ROW, MAIN_SHEET

ROOT = Path(__file__).resolve().parents[2]


def sva(*args):
    return subprocess.run([sys.executable, "-m", "ui.launcher", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def folder(demo):
    return demo.folder


@pytest.mark.parametrize("lang", ["en", "ja", "en+ja"])
def test_report_guidance_writes_a_pdf(folder, signed_id, tmp_path, lang):
    out = tmp_path / "g.pdf"
    done = sva("report", "guidance", signed_id, "--lang", lang, "-o", out, "--data-dir", folder)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF") and str(out) in done.stdout


def test_report_record_and_letter_paper(folder, signed_id, tmp_path):
    out = tmp_path / "r.pdf"
    done = sva("report", "record", signed_id, "--page-size", "letter", "-o", out,
               "--data-dir", folder)
    assert done.returncode == 0, done.stderr
    assert "Full audit record" in pdf_text(out)


@pytest.mark.parametrize("args", [
    ["report", "guidance", "no-such-audit", "-o", "{tmp}/x.pdf"],
    ["report", "record", "no-such-audit", "-o", "{tmp}/x.pdf"],
    ["report", "guidance", "{audit}", "--lang", "fr", "-o", "{tmp}/x.pdf"],
    ["report", "guidance", "{audit}", "-o", "{tmp}/no-folder/x.pdf"],
    ["cap", "export", "no-such-audit", "-o", "{tmp}/x.xlsx"],
    ["cap", "import", "{tmp}/missing.xlsx"],
])
def test_bad_input_exits_2_and_writes_nothing(folder, signed_id, tmp_path, args):
    argv = [a.format(tmp=tmp_path, audit=signed_id) for a in args]
    done = sva(*argv, "--data-dir", folder)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.strip()
    assert list(tmp_path.iterdir()) == []


def test_cap_export_fill_import_and_refusal(folder, demo, tmp_path):
    audit = next(a["id"] for a in demo.queries.audits(status="completed"))
    path = tmp_path / "cap.xlsx"
    assert sva("cap", "export", audit, "--lang", "ja", "-o", path,
               "--data-dir", folder).returncode == 0
    book = load_workbook(path)
    book[MAIN_SHEET].cell(FIRST_ROW, COLUMN_OF["requirement"], "edited")
    book[MAIN_SHEET].cell(FIRST_ROW, COLUMN_OF["planned_date"], "someday")
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    refused = sva("cap", "import", bad, "--data-dir", folder)
    assert refused.returncode == 2
    assert "column E" in refused.stderr and "column N" in refused.stderr
    book = load_workbook(path)
    book[MAIN_SHEET].cell(FIRST_ROW, COLUMN_OF["supplier_comment"], "確認しました")
    book.save(path)
    first = sva("cap", "import", path, "--audit", audit, "--data-dir", folder)
    assert first.returncode == 0, first.stderr
    assert "updated F-01" in first.stdout
    second = sva("cap", "import", path, "--data-dir", folder)
    assert second.returncode == 0 and "nothing to change" in second.stdout
