"""The programmes' panels on the overview (in-process ASGI client over the demo): managers
see them with the same values as the figures; an auditor's overview does not show them."""
from __future__ import annotations

import re

import pytest

from sva.hq.app import create_app
from sva.hq.programmes.panels import figures_with_panels
from sva.hq.storage import open_storage
from tests.hq_programme.test_dashboard_http import client


@pytest.fixture(scope="module")
def app(demo_master):
    return create_app(open_storage(demo_master))


def test_manager_sees_the_panels_with_the_figures_values(app, demo_storage):
    html = client(app, "mgr.kato").get("/dashboard/?fy=2020&lang=en").text
    fig = figures_with_panels(demo_storage, 2020)["programmes"]
    assert 'id="programmes"' in html
    assert re.search(r'class="n">297</span><span>new suppliers declared', html)
    cells = re.findall(r"<td>([^<]+)</td><td class=\"num\">([^<]+)</td>", html)
    assert ("Suppliers surveyed", str(fig["cmrt"]["surveyed"])) in cells
    assert ("Declarations received", str(fig["declarations"]["received"])) in cells


def test_auditor_overview_has_no_programme_panels(app):
    html = client(app, "aud.tanaka").get("/dashboard/?fy=2020").text
    assert "aud.tanaka" in html and 'id="programmes"' not in html


def test_figures_download_has_the_programmes(app):
    c = client(app, "mgr.kato")
    text = c.get("/dashboard/figures.csv?fy=2020").text
    assert "2020,declarations,new_suppliers_declared,,297" in text
    assert "2020,climate,green_rate,,100.0" in text


def test_supplier_page_lists_its_programme_records(app, demo_storage):
    with demo_storage.transaction(write=False) as tx:
        code = tx.scalar("SELECT supplier_code FROM cmrt_reports WHERE fy = 2020 "
                         "ORDER BY supplier_code LIMIT 1")
        n = tx.scalar("SELECT COUNT(*) FROM cmrt_smelters WHERE supplier_code = ? AND fy = 2020",
                      (code,))
        award = tx.one("SELECT supplier_code, award FROM dissemination_awards LIMIT 1")
    c = client(app, "mgr.kato")
    html = c.get(f"/dashboard/suppliers/{code}?lang=en").text
    assert 'id="supplier-programmes"' in html and "Conflict minerals (CMRT)" in html
    assert re.search(rf"<td>FY2020</td><td>6\.31</td><td class=\"num\">{n}</td>", html)
    assert "Environment &amp; OHS" in html                 # a declaration received
    ja = c.get(f"/dashboard/suppliers/{award['supplier_code']}?lang=ja").text
    assert "参加したイベント" in ja and award["award"] in ja
    assert "not_applicable" not in ja and "certified" not in ja          # statuses in words


def test_smelters_page_lists_the_roll_up_and_keeps_names_inert(app, demo_copy, tmp_path):
    from sva.hq.programmes.cmrt_store import import_cmrt
    from .workbooks import cmrt
    storage = open_storage(demo_copy)
    evil = '<script>document.title="owned"</script>'
    import_cmrt(storage, cmrt(tmp_path / "x.xlsx", smelters=[("Gold", evil, "JAPAN",
                                                               "CID000082")]),
                supplier="S0001", fy=2024)
    c = client(create_app(storage), "mgr.sato")
    html = c.get("/dashboard/smelters?fy=2024&metal=Gold").text
    assert "<td>CID000082</td>" in html and "<script>document" not in html
    assert "&lt;script&gt;" in html
    assert client(create_app(storage), "aud.tanaka").get("/dashboard/smelters").status_code \
        == 403
    with storage.transaction(write=False) as tx:
        n = tx.scalar("SELECT COUNT(DISTINCT smelter_id) FROM cmrt_smelters WHERE fy = 2020")
    page = client(app, "mgr.sato").get("/dashboard/smelters?fy=2020").text
    assert page.count("<tr><td>") == n


def _upload(c, path, supplier="S0001", fy="2024", csrf=None):
    from tests.hq_programme.test_dashboard_http import csrf_token
    token = csrf if csrf is not None else csrf_token(c, "/dashboard/smelters")
    with open(path, "rb") as fh:
        return c.post("/dashboard/cmrt", data={"csrf": token, "supplier": supplier, "fy": fy},
                      files={"file": (path.name, fh, "application/octet-stream")})


def test_cmrt_upload_from_the_dashboard(demo_copy, tmp_path):
    from .workbooks import cmrt
    storage = open_storage(demo_copy)
    app = create_app(storage)
    c = client(app, "mgr.sato")
    good = cmrt(tmp_path / "S0001 cmrt.xlsx")
    r = _upload(c, good)
    assert r.status_code == 200 and "CMRT 6.22 of S0001 for FY2024: 5 smelter(s) kept." in r.text
    bad = cmrt(tmp_path / "bad.xlsx", smelters=[("Cobalt", "X", "CHINA", "CID009999")])
    r = _upload(c, bad, supplier="S0002")
    assert r.status_code == 422
    assert "sheet &#39;Smelter List&#39;, cell B5: metal &#39;Cobalt&#39;" in r.text
    assert _upload(c, good, csrf="0" * 64).status_code == 403
    assert _upload(client(app, "aud.tanaka"), good, supplier="S0003").status_code == 403
    with storage.transaction(write=False) as tx:
        assert [r["supplier_code"] for r in tx.all(
            "SELECT supplier_code FROM cmrt_reports WHERE fy = 2024")] == ["S0001"]
        assert tx.scalar("SELECT actor FROM event_log WHERE entity = 'cmrt' ORDER BY at DESC "
                         "LIMIT 1") == "mgr.sato"


def test_a_cmrt_upload_may_be_larger_than_other_forms(demo_copy, tmp_path):
    import os
    big = tmp_path / "big.xlsx"
    big.write_bytes(b"PK" + os.urandom(1_500_000))      # over the 1 MB of other forms
    c = client(create_app(open_storage(demo_copy)), "mgr.sato")
    r = _upload(c, big)
    assert r.status_code == 422 and "not a readable XLSX workbook" in r.text
