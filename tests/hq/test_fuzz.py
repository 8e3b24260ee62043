"""Schemathesis against the real server's published OpenAPI, with a manager's token, on
SQLite and on PostgreSQL (issue 15, point 6): every check schemathesis has (no 5xx, every
status and body as documented, schema-valid requests taken, schema-violating ones refused,
no auth bypass), a bounded number of examples per operation and a fixed seed.

The supplier code "0" is registered: it is the first text hypothesis tries for a required
string, so generated pushes get past the scope check into the storage code too. The counts
(cases, requests, 5xx) are printed for the closing note.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sva.hq import masterdata

EXAMPLES = int(os.environ.get("SVA_FUZZ_EXAMPLES", "40"))
SEED = int(os.environ.get("SVA_FUZZ_SEED", "1"))


def test_schemathesis_finds_no_server_error_and_no_schema_violation(hq, tmp_path, capsys):
    (tmp_path / "zero.csv").write_text("code,name_en,country\n0,Zero Co.,JP\n")
    masterdata.import_suppliers_csv(hq.storage, tmp_path / "zero.csv")
    token, _ = hq.token_for("fuzz.manager", role="manager")
    reports = tmp_path / "reports"
    st = Path(sys.executable).with_name("schemathesis")
    out = subprocess.run(
        [str(st), "run", hq.url + "/api/v1/openapi.json", "-H", f"Authorization: Bearer {token}",
         "--checks", "all", "--max-examples", str(EXAMPLES), "--seed", str(SEED),
         "--workers", "1", "--report", "json,har", "--report-dir", str(reports),
         "--request-timeout", "30"],
        capture_output=True, text=True, timeout=240, cwd=tmp_path)
    (summary,) = reports.glob("json-*.json")
    run = json.loads(summary.read_text())
    (har,) = reports.glob("har-*.json")
    statuses = Counter(entry["response"]["status"]
                       for entry in json.loads(har.read_text())["log"]["entries"])
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    with capsys.disabled():
        print(f"\nschemathesis {run['schemathesis_version']} on {hq.db.kind if hq.db else 'sqlite'}"
              f": {run['test_cases']['generated']} cases, {sum(statuses.values())} requests, "
              f"{server_errors} with 5xx, {len(run['failures'])} failures "
              f"(statuses {dict(sorted(statuses.items()))}, {run['running_time']:.0f} s)")
    assert out.returncode == 0, out.stdout[-4000:]
    assert run["failures"] == [] and run["errors"] == [], out.stdout[-4000:]
    assert server_errors == 0
    assert run["test_cases"]["generated"] >= 9 * EXAMPLES // 2        # it really ran
    assert statuses[200] and statuses[422] and statuses[401]     # deep, refused, unauthorised
