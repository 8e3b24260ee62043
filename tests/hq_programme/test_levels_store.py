"""Levels kept per fiscal year at HQ: history across two years, explanation, current level,
eligibility from the latest year — through `sva-hq` on a real data folder."""
from __future__ import annotations

import json
import sqlite3

from sva.hq.programme.saq import load_questionnaire

from .conftest import REGISTRY_HEADER, hq_cli, write_csv
from .test_imports import GOOD, saq_rows


def test_history_across_two_fiscal_years(tmp_path):
    saq = load_questionnaire()
    header = ["supplier_code", "fiscal_year", "submitted_on", *saq.questions]
    d = tmp_path / "hq"
    assert hq_cli("import", "suppliers", write_csv(tmp_path / "r.csv", REGISTRY_HEADER, GOOD),
                  "--data-dir", d).returncode == 0
    y1 = write_csv(tmp_path / "2024.csv", header,
                   saq_rows(saq, ["S1"], 2024, ISEC_01="no") + saq_rows(saq, ["S2"], 2024))
    y2 = write_csv(tmp_path / "2025.csv", header, saq_rows(saq, ["S1"], 2025, ISEC_06="partly"))
    assert hq_cli("import", "saq", y1, "--fy", 2024, "--data-dir", d).returncode == 0
    assert hq_cli("import", "saq", y2, "--fy", 2025, "--data-dir", d).returncode == 0
    out = hq_cli("levels", "--supplier", "S1", "--format", "json", "--data-dir", d)
    assert out.returncode == 0, out.stderr
    history = json.loads(out.stdout)
    assert [(h["fy"], h["level"]) for h in history] == [(2024, "C"), (2025, "B")]
    assert any("knock-out ISEC-01" in line and "at most C" in line
               for line in history[0]["explanation"])
    assert any("knock-out ISEC-06" in line and "at most B" in line
               for line in history[1]["explanation"])
    assert "FY2025 submitted 2025-06-01" in history[1]["basis"]
    ja = hq_cli("levels", "--supplier", "S1", "--fy", 2024, "--lang", "ja", "--data-dir", d)
    assert "ノックアウト ISEC-01" in ja.stdout and "FY2025" not in ja.stdout
    with sqlite3.connect(d / "hq.db") as conn:
        current = dict(conn.execute("SELECT code, isec_level FROM suppliers").fetchall())
    assert current == {"S1": "B", "S2": "A", "S3": None}      # the latest FY's level
    out = hq_cli("eligible", "--level", "B", "--explain", "--fy", 2025, "--data-dir", d)
    assert out.returncode == 0
    assert "S1" in out.stdout and "FY2025" in out.stdout and "S2" in out.stdout
    assert "S3" not in out.stdout                              # no SAQ result: never eligible
    out = hq_cli("eligible", "--level", "A", "--category", "IT services", "--data-dir", d)
    assert "S2" in out.stdout and "S1" not in out.stdout
    # a re-import of FY2025 replaces that year only
    y2b = write_csv(tmp_path / "2025b.csv", header, saq_rows(saq, ["S1"], 2025))
    assert hq_cli("import", "saq", y2b, "--fy", 2025, "--data-dir", d).returncode == 0
    history = json.loads(hq_cli("levels", "--supplier", "S1", "--format", "json",
                                "--data-dir", d).stdout)
    assert [(h["fy"], h["level"]) for h in history] == [(2024, "C"), (2025, "A")]
    assert hq_cli("levels", "--supplier", "NOPE", "--data-dir", d).returncode == 2
    assert hq_cli("eligible", "--level", "Z", "--data-dir", d).returncode == 2
