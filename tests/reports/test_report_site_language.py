"""Site names, the audit scope and signatory roles in the report language (issue 21): the
Japanese report uses the Japanese where it was recorded, and marks text shown in English
the way a finding's texts are marked."""
from __future__ import annotations

import pytest

from report_checks import pdf_text, squash
from sva.reports.guidance import build_guidance
from sva.reports.i18n import Texts, load_catalogue, role_code
from sva.reports.record import build_record
from sva.vocabulary import SIGNATORY_ROLES
from tests.conftest import PNG_1x1, answer_all

MARK = "（英語で記載）"


def _text(ws, audit_id, lang) -> str:
    return squash(pdf_text(build_guidance(ws, audit_id, lang=lang)))


@pytest.fixture
def named(ws, audit):
    ws.suppliers.edit_site(ws.audits.audit(audit)["site_id"], name_ja="川崎工場")
    ws.profiles.set_profile(audit, scope="Moulding hall and warehouse",
                            scope_ja="成形工場および倉庫")
    return audit


def test_the_japanese_report_names_the_site_and_scope_in_japanese(ws, named):
    ja = _text(ws, named, "ja")
    cover, summary = ja.split(squash(Texts("ja")("exec.heading")), 1)
    for part in (cover, summary):
        assert "川崎工場" in part and "成形工場および倉庫" in part
    assert "Kawasakiplant" not in ja and "Mouldinghall" not in ja
    assert MARK not in ja
    en = _text(ws, named, "en")
    assert "Kawasakiplant" in en and "Mouldinghallandwarehouse" in en
    assert "川崎工場" not in en and "成形工場" not in en
    both = _text(ws, named, "en+ja")
    assert all(name in both for name in ("Kawasakiplant", "川崎工場", "成形工場および倉庫"))
    record = squash(pdf_text(build_record(ws, named, lang="ja")))
    assert "川崎工場" in record and "成形工場および倉庫" in record


def test_a_site_known_only_in_english_is_marked_in_the_japanese_report(ws, audit):
    ws.profiles.set_profile(audit, scope="Whole site")
    ja = _text(ws, audit, "ja")
    cover, summary = ja.split(squash(Texts("ja")("exec.heading")), 1)
    assert MARK + "Kawasakiplant" in cover and MARK + "Wholesite" in cover  # a line above
    assert "Kawasakiplant" + MARK in summary and "Wholesite" + MARK in summary  # in the text
    assert "(writteninJapanese)" not in _text(ws, audit, "en")


def test_a_supplier_without_a_japanese_name_is_marked_too(ws, audit):
    supplier = ws.audits.audit(audit)["supplier_id"]
    ws.suppliers.edit(supplier, name_ja="")
    cover, summary = _text(ws, audit, "ja").split(squash(Texts("ja")("exec.heading")), 1)
    assert MARK + "KantoPartsCo.,Ltd." in cover and "KantoPartsCo.,Ltd." + MARK in summary
    ws.suppliers.edit(supplier, name_ja="関東部品株式会社")
    cover = _text(ws, audit, "ja").split(squash(Texts("ja")("exec.heading")), 1)[0]
    assert "サプライヤー関東部品株式会社" in cover              # no mark between


def test_signatory_roles_come_in_the_report_language(ws, audit):
    """A role from the vocabulary (by code or by its label in either language) prints as
    the report language's label; a role outside it as written, marked when in English."""
    answer_all(ws, audit)
    ws.audits.complete(audit)
    ws.audits.sign_all(audit, [
        {"signer_name": "Haruka Sato", "role": "lead auditor", "organisation": "Buyer",
         "image_png": PNG_1x1},
        {"signer_name": "Taro Yamada", "role": "工場長", "organisation": "Kanto Parts",
         "image_png": PNG_1x1},
        {"signer_name": "Jiro Abe", "role": "Deputy shift leader", "organisation": "Kanto Parts",
         "image_png": PNG_1x1}])
    ja = _text(ws, audit, "ja")
    assert "主任監査員,Buyer" in ja and "工場長,KantoParts" in ja
    assert squash("Deputy shift leader") + MARK in ja
    en = _text(ws, audit, "en")
    assert "Leadauditor,Buyer" in en and "PlantManager,KantoParts" in en
    assert "工場長" not in en


def test_every_signatory_role_has_labels_in_both_languages():
    strings = load_catalogue()
    for code in SIGNATORY_ROLES:
        assert strings[f"role.{code}"]["en"] and strings[f"role.{code}"]["ja"]
        assert role_code(code) == code
        assert role_code(strings[f"role.{code}"]["ja"]) == code
        assert role_code(strings[f"role.{code}"]["en"].upper()) == code
    assert role_code("Deputy shift leader") is None
