"""What the report prints in the supplier's language travels with the sync (issue 21): a
site's Japanese name from HQ's supplier import to the device; the Japanese scope and the
site profile from the device to HQ with the audit (SQLite and PostgreSQL)."""
from __future__ import annotations

import json

from sva.hq import masterdata
from sva.hq.audits import document_hash
from sva.sync.document import audit_document
from sva.sync.engine import sync
from tests.conftest import PNG_1x1, answer_all
from tests.hq.test_roundtrip import assigned_audit
from tests.hq.web import login, web_user

PROFILE = {"workers_total": 240, "workers_foreign": 31, "interviews_individual": 12,
           "scope_limits": {"en": "Dormitory not visited", "ja": "寮は訪問していない"}}


def test_the_site_name_goes_down_and_the_profile_goes_up(hq, device, tmp_path):
    csv = tmp_path / "names.csv"
    csv.write_text("code,name_en,name_ja,country,annual_spend,isec_level,site_name,"
                   "site_name_ja,site_country,site_timezone,site_address\n"
                   "S001,Kanto Parts Co.,関東部品,JP,1000000,B,Kawasaki plant,川崎工場,JP,"
                   "Asia/Tokyo,Kawasaki\n", encoding="utf-8")
    masterdata.import_suppliers_csv(hq.storage, csv)
    audit_id = assigned_audit(hq, device)
    site = device.audits.get("sites", device.audits.audit(audit_id)["site_id"])
    assert (site["name"], site["name_ja"]) == ("Kawasaki plant", "川崎工場")

    answer_all(device, audit_id)
    device.profiles.set_profile(audit_id, PROFILE, scope="Whole site",
                                scope_ja="事業所全体")
    device.audits.complete(audit_id)
    device.audits.sign(audit_id, signer_name="Taro Yamada", role="Plant Manager",
                       organisation="Kanto Parts", image_png=PNG_1x1)
    assert sync(device).push.pushed == [audit_id]
    with hq.storage.transaction(write=False) as tx:
        doc = json.loads(tx.one("SELECT document FROM audits WHERE id = ?",
                                (audit_id,))["document"])
    assert doc["scope_ja"] == "事業所全体"
    assert {k: v for k, v in doc["profile"].items() if v is not None} == PROFILE

    # The manager sees them on the audit's page, worded as the report words them
    web_user(hq, "maki")
    with login(hq.url, "maki") as c:
        en = _profile_card(c.get(f"/dashboard/audits/{audit_id}?lang=en").text)
        ja_page = c.get(f"/dashboard/audits/{audit_id}?lang=ja").text
    ja = _profile_card(ja_page)
    assert "Site profile" in en and "事業所の概要" in ja
    assert "<dt>Workers in total</dt><dd>240</dd>" in en
    assert "<dt>Foreign / migrant workers</dt><dd>31 (12.9% of all workers)</dd>" in en
    assert "<dt>Women</dt><dd>Not recorded</dd>" in en           # never a made-up 0
    assert "<dt>Individual interviews</dt><dd>12</dd>" in en
    assert "<dd>Dormitory not visited</dd>" in en and "<dd>寮は訪問していない</dd>" in ja
    assert "<dt>従業員数（合計）</dt><dd>240人</dd>" in ja
    assert "<dt>うち女性</dt><dd>記録なし</dd>" in ja
    assert "<dd>事業所全体</dd>" in ja_page and "川崎工場" in ja_page


def _profile_card(html: str) -> str:
    start = html.index('id="site-profile"')
    return html[start:html.index("</div>", start)]


def test_an_audit_page_without_a_profile_says_none_was_recorded(hq, device):
    audit_id = assigned_audit(hq, device)
    answer_all(device, audit_id)
    device.audits.complete(audit_id)
    device.audits.sign(audit_id, signer_name="Taro Yamada", role="Plant Manager",
                       organisation="Kanto Parts", image_png=PNG_1x1)
    assert sync(device).push.pushed == [audit_id]
    web_user(hq, "maki")
    with login(hq.url, "maki") as c:
        card = _profile_card(c.get(f"/dashboard/audits/{audit_id}?lang=en").text)
    # the visit's own times give its duration (as the report prints it); nothing is made up
    assert "<dt>Audit duration</dt><dd>" in card and "site time)</dd>" in card
    assert "<dt>Workers in total</dt><dd>Not recorded</dd>" in card


def test_the_page_words_only_what_the_document_holds():
    """No times, no profile: the page says none was recorded. A value HQ did not check
    (a string count, a negative one) is left out, not shown; an unknown time zone gives
    no clock times."""
    from sva.hq.web.queries import site_profile
    assert site_profile({}, "Asia/Tokyo", "en")["rows"] == []
    assert site_profile({}, None, "ja")["none"] == "この監査では事業所の概要が記録されていません。"
    doc = {"started_at": "2026-03-02T00:10:00Z", "completed_at": "2026-03-02T07:40:00Z",
           "profile": {"workers_total": "240", "workers_women": -3, "workers_young": 0}}
    rows = dict(site_profile(doc, "Asia/Tokyo", "en")["rows"])
    assert rows["Workers in total"] == rows["Women"] == "Not recorded"
    assert rows["Young workers (under 18)"] == "0"
    assert rows["Audit duration"] == "7.5 hours (09:10-16:40, site time)"
    assert dict(site_profile(doc, "Nowhere/Else", "en")["rows"])["Audit duration"] == \
        "Not recorded"


def test_a_document_without_profile_hashes_as_before(device, hq):
    """Sent only when recorded: an audit without them makes the document (and hash) of
    before, whether HQ's model filled the new fields with their defaults or not."""
    audit_id = assigned_audit(hq, device)
    doc = audit_document(device, audit_id)
    assert "profile" not in doc and "scope_ja" not in doc
    assert document_hash(doc) == document_hash({**doc, "scope_ja": "", "profile": None})


def test_the_site_import_takes_the_japanese_name(hq, tmp_path):
    """`sva-hq import sites`: the optional column site_name_ja; a second import changes it."""
    from sva.hq.programme_store import import_sites
    csv = tmp_path / "sites.csv"
    for name_ja in ("川崎工場", "川崎事業所"):
        csv.write_text("code,site_name,country,timezone,site_name_ja\n"
                       f"S002,Penang fab,MY,Asia/Kuala_Lumpur,{name_ja}\n", encoding="utf-8")
        assert import_sites(hq.storage, csv) == {"sites": 1}
        with hq.storage.transaction(write=False) as tx:
            assert tx.scalar("SELECT name_ja FROM sites WHERE name = 'Penang fab'") == name_ja
