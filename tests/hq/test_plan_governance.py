"""Issue 18, points 4–6: `plan` previews and saves nothing; saved plans are named drafts,
listed, compared, approved by a manager (who, when); assignments only from an approved plan;
`--capacity 0` saves nothing; the planner never plans a supplier already assigned in the year;
overrides need reasons shown in the plan and its export; an assignment can be cancelled or
reassigned; the event log names the user who did each step. On SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io
import re

from sva.hq.storage import open_storage
from sva.paths import resource
from tests.hq_programme.conftest import hq_cli

REGISTRY = [["code", "name_en", "country", "annual_spend", "large_amount"],
            ["S1", "Kanto Parts", "JP", "9000000000", "yes"],
            ["S2", "Nagano Seimitsu", "JP", "5000000000", "yes"],
            ["S3", "Osaka Print", "JP", "20000000", "no"],
            ["S4", "Austin Cable", "US", "800000000", "no"]]


def _csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def ranking(stdout: str) -> list[str]:
    return re.findall(r"^\s*\d+\. (\S+)", stdout, flags=re.M)


def test_plans_are_drafted_approved_then_assigned(tmp_path, hq_db):
    d = tmp_path / "hq"

    def cli(*args, code=0):
        out = hq_cli(*args, "--data-dir", d, *hq_db.args)
        assert out.returncode == code, (args, out.stdout, out.stderr)
        return out

    def count(sql):
        storage = open_storage(d, hq_db.url)
        with storage.transaction(write=False) as tx:
            value = tx.scalar(sql)
        storage.close()
        return value

    cli("import", "suppliers", _csv(tmp_path / "r.csv", REGISTRY), "--fy", 2025)
    cli("import", "sites", _csv(tmp_path / "s.csv", [
        ["code", "site_name", "country", "timezone"]] + [
        [c, f"{c} plant", "US" if c == "S4" else "JP",
         "America/Chicago" if c == "S4" else "Asia/Tokyo"] for c in ("S1", "S2", "S3", "S4")]))
    cli("checklist", "publish", resource("checklists", "svr.yaml"))
    for name, role in (("mgr.sato", "manager"), ("aud.li", "auditor"), ("aud.mori", "auditor")):
        cli("user", "add", name, "--role", role)
    # a preview saves nothing; capacity 0 and overrides without reasons save nothing either
    out = cli("plan", "--fy", 2025, "--kind", "svr", "--capacity", 2)
    assert ranking(out.stdout) == ["S1", "S2"] and "nothing saved" in out.stdout
    assert "reason" in cli("plan", "--fy", 2025, "--kind", "svr", "--weight",
                           "transaction_scale=50", "--save", "w", code=2).stderr
    assert "CODE=REASON" in cli("plan", "--fy", 2025, "--exclude", "S2", "--save", "x",
                                code=2).stderr
    assert "nothing was saved" in cli("plan", "--fy", 2025, "--capacity", 0, "--save", "zero",
                                      code=2).stderr
    assert count("SELECT COUNT(*) FROM plans") == 0
    # a draft with reasons, by a named user
    out = cli("plan", "--fy", 2025, "--kind", "svr", "--capacity", 2, "--exclude",
              "S2=audited by the group team in May", "--include", "S3=new contract for "
              "confidential printing", "--save", "svr-a", "--by", "mgr.sato")
    assert ranking(out.stdout) == ["S3", "S1"]
    cli("plan", "--fy", 2025, "--kind", "svr", "--capacity", 2, "--save", "svr-b",
        "--by", "mgr.sato")
    shown = cli("plans", "show", "svr-a").stdout
    assert "draft" in shown and "exclude S2: audited by the group team in May" in shown
    assert "[included: new contract for confidential printing]" in shown
    export = list(csv.reader(io.StringIO(cli("plans", "show", "svr-a", "--format",
                                             "csv").stdout)))
    assert any("override exclude S2: audited by the group team in May" in r for r in export)
    assert any(r[5] == "S3" and r[7] == "included: new contract for confidential printing"
               for r in export[1:])
    compared = cli("plans", "compare", "svr-a", "svr-b").stdout
    assert "only in svr-a: S3" in compared and "only in svr-b: S2" in compared
    # assignments only from an approved plan; only a manager approves
    assert "draft" in cli("plans", "assign", "svr-a", "--auditor", "aud.li", "--date",
                          "2025-06-02", code=2).stderr
    assert "only a manager" in cli("plans", "approve", "svr-a", "--by", "aud.li",
                                   code=2).stderr
    cli("plans", "approve", "svr-a", "--by", "mgr.sato")
    assert re.search(r"svr-a .* approved by mgr\.sato on \d{4}-\d{2}-\d{2}",
                     cli("plans", "list").stdout)
    assert "approved plan only" in cli("plan", "--fy", 2025, "--assign", code=2).stderr
    # an auditor qualified for infosec visits only is not sent on an SVR visit
    cli("user", "qualify", "aud.li", "--kind", "infosec", "--by", "mgr.sato")
    assert "qualified for infosec visits, not svr" in cli(
        "plans", "assign", "svr-a", "--auditor", "aud.li", "--date", "2025-06-02", code=2).stderr
    cli("user", "qualify", "aud.li", "--kind", "svr", "--by", "mgr.sato")
    out = cli("plans", "assign", "svr-a", "--auditor", "aud.li", "--date", "2025-06-02",
              "--by", "mgr.sato")
    ids = dict(re.findall(r"assigned (\S+) to aud\.li on \S+ \((\S+)\)", out.stdout))
    assert set(ids) == {"S1", "S3"}
    # re-planning never plans them twice; an overlapping approved plan skips them
    assert ranking(cli("plan", "--fy", 2025, "--kind", "svr").stdout) == ["S2", "S4"]
    cli("plans", "approve", "svr-b", "--by", "mgr.sato")
    out = cli("plans", "assign", "svr-b", "--auditor", "aud.mori", "--date", "2025-06-02")
    assert "not assigned again: S1 (assigned 2025-06-03)" in out.stdout
    assert re.findall(r"assigned (\S+) to", out.stdout) == ["S2"]
    # cancel and reassign, each with a reason; the device hears of it by a new revision
    rev = count(f"SELECT rev FROM assignments WHERE id = '{ids['S3']}'")
    assert "reason" in cli("assignment", "cancel", ids["S3"], "--reason", "", code=2).stderr
    cli("assignment", "cancel", ids["S3"], "--reason", "supplier closed for renovation",
        "--by", "mgr.sato")
    assert count(f"SELECT deleted FROM assignments WHERE id = '{ids['S3']}'") == 1
    assert count(f"SELECT rev FROM assignments WHERE id = '{ids['S3']}'") > rev
    out = cli("assignment", "reassign", ids["S1"], "--auditor", "aud.mori", "--date",
              "2025-06-09", "--reason", "aud.li is on leave", "--by", "mgr.sato")
    assert "S1 now assigned to aud.mori on 2025-06-09" in out.stdout
    assert count("SELECT COUNT(*) FROM assignments a JOIN users u ON u.id = a.auditor_id "
                 "WHERE a.deleted = 0 AND u.name = 'aud.mori'") == 2
    assert count("SELECT COUNT(*) FROM assignments WHERE deleted = 0") == 2   # S1, S2
    # every step names who did it; nobody is "admin"
    storage = open_storage(d, hq_db.url)
    with storage.transaction(write=False) as tx:
        actors = {(r["action"], r["entity"]): r["actor"] for r in tx.all(
            "SELECT action, entity, actor FROM event_log WHERE entity IN ('plan', "
            "'assignment')")}
    storage.close()
    assert actors[("save", "plan")] == actors[("approve", "plan")] == "mgr.sato"
    assert actors[("cancel", "assignment")] == actors[("reassign", "assignment")] == "mgr.sato"
    assert "admin" not in actors.values()
