"""Campaigns: target filters, launch by form and command line, the follow-up counts, overdue
and the non-responder list exported as CSV and XLSX. SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from sva.errors import BadInput
from sva.hq.portal import campaigns
from tests.hq_portal.conftest import (ALL_YES, contact, launch_infosec, portal_client, post,
                                      staff_client)
from tests.hq_programme.conftest import hq_cli


@pytest.mark.parametrize("targets,codes", [
    (campaigns.Targets(), ["S001", "S002", "S003", "S004"]),
    (campaigns.Targets(critical=("any",)), ["S001", "S003"]),
    (campaigns.Targets(critical=("rare_product",)), ["S003"]),
    (campaigns.Targets(regions=("JP",)), ["S001", "S004"]),
    (campaigns.Targets(categories=("electronics",)), ["S002", "S003"]),
    (campaigns.Targets(categories=("Electronics",), regions=("ASIA",)), ["S002"]),
    (campaigns.Targets(levels=("B",)), ["S002"]),
    (campaigns.Targets(codes=("S004", "S002")), ["S002", "S004"]),
])
def test_target_filters_pick_the_suppliers(storage, targets, codes):
    with storage.transaction() as tx:
        tx.execute("UPDATE suppliers SET isec_level = 'B' WHERE code = 'S002'")
    campaign_id, n = campaigns.launch(storage, fy=2026, questionnaire="csr_critical",
                                      due="2026-09-30", t=targets, actor="t")
    with storage.transaction(write=False) as tx:
        got = [r["code"] for r in campaigns.rows(tx, campaign_id)]
    assert got == codes and n == len(codes)


def test_bad_targets_are_refused_and_nothing_is_launched(storage):
    for kw, field in ((dict(t=campaigns.Targets(codes=("S999",))), "codes"),
                      (dict(t=campaigns.Targets(regions=("MARS",))), "region"),
                      (dict(t=campaigns.Targets(regions=("NA",), categories=("Logistics",))),
                       "targets"),
                      (dict(t=campaigns.Targets(), due="30/09/2026"), "due"),
                      (dict(t=campaigns.Targets(), questionnaire="nope"), "questionnaire")):
        args = {"fy": 2026, "questionnaire": "infosec", "due": "2026-09-30", **kw}
        with pytest.raises(BadInput) as err:
            campaigns.launch(storage, actor="t", **args)
        assert err.value.field == field
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM portal_campaigns") == 0


def test_the_campaign_page_counts_states_and_exports_non_responders(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    contact(storage, "S002", "li@penang.example")
    contact(storage, "S003", "joe@ohio.example")
    ids = launch_infosec(storage, ("S001", "S002", "S003", "S004"), due="2020-04-30")
    # S001 submits, S002 opens, S003 answers one question, S004 has no contact at all
    a = portal_client(app, "aiko@kanto.example")
    page = f"/portal/requests/{ids['S001']}"
    post(a, page, f"{page}/save", {f"a:{k}": v for k, v in ALL_YES.items()})
    assert post(a, page, f"{page}/submit").status_code == 303
    portal_client(app, "li@penang.example").get(f"/portal/requests/{ids['S002']}")
    j = portal_client(app, "joe@ohio.example")
    page = f"/portal/requests/{ids['S003']}"
    post(j, page, f"{page}/save", {"a:IS-LAB-01": "no"})
    staff = staff_client(app, storage)
    listing = staff.get("/dashboard/portal/campaigns").text
    url = re.search(r'class="campaign" href="([^"]+)"', listing).group(1)
    html = staff.get(url).text
    counts = dict(re.findall(r'id="n-(\w+)">(\d+)<', html))
    assert counts == {"invited": "1", "opened": "1", "in_progress": "1", "submitted": "1",
                      "returned": "0", "overdue": "3", "total": "4"}
    assert html.count('class="late"') == 3
    text = staff.get(f"{url}/non-responders.csv").content.decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    assert [(r["code"], r["status"], r["overdue"], r["primary_email"]) for r in table] == [
        ("S002", "opened", "yes", "li@penang.example"),
        ("S003", "in_progress", "yes", "joe@ohio.example"),
        ("S004", "invited", "yes", "")]
    book = load_workbook(io.BytesIO(staff.get(f"{url}/non-responders.xlsx").content))
    assert [row[0] for row in book.active.iter_rows(values_only=True)] == \
        ["code", "S002", "S003", "S004"]


def test_a_manager_launches_by_form_and_others_cannot(storage, app):
    staff = staff_client(app, storage)
    r = post(staff, "/dashboard/portal/campaigns", "/dashboard/portal/campaigns",
             {"fy": "2026", "questionnaire": "csr_critical", "due": "2026-10-31",
              "critical": "any", "region": "JP"})
    assert r.status_code == 303
    html = staff.get(r.headers["location"]).text
    assert 'id="n-total">1<' in html and "S001" in html
    auditor = staff_client(app, storage, "aud", "auditor")
    assert auditor.get("/dashboard/portal/campaigns").status_code == 403
    r = post(auditor, "/dashboard/", "/dashboard/portal/campaigns",
             {"fy": "2026", "questionnaire": "infosec", "due": "2026-10-31"})
    assert r.status_code == 403
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM portal_campaigns") == 1


def test_launch_from_the_command_line_mails_each_live_contact(storage, tmp_path, hq_db):
    contact(storage, "S001", "aiko@kanto.example", lang="ja")
    out = hq_cli("portal", "launch", "--fy", "2026", "--questionnaire", "infosec",
                 "--due", "2026-09-30", "--region", "JP", "--data-dir", tmp_path / "hq",
                 *hq_db.args)
    assert out.returncode == 0, out.stderr
    assert "sent to 2 suppliers" in out.stdout
    with storage.transaction(write=False) as tx:
        mails = tx.all("SELECT * FROM portal_outbox WHERE kind = 'request'")
    assert len(mails) == 1 and "情報セキュリティ書面調査" in mails[0]["body"]
