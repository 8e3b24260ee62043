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
