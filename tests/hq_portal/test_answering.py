"""Answering online: save as you go, resume in a new session, a bad answer refused with its
question named, submit refused with the missing required answers listed, then read-only;
HQ returns it with a comment, the supplier edits and resubmits, every version is kept with
its level and explanation. Evidence sniffed and size-limited. SQLite and PostgreSQL."""
from __future__ import annotations

import io
import re

from openpyxl import Workbook

from sva.hq.portal import evidence
from tests.hq_portal.conftest import (ALL_YES, contact, csrf_of, launch_infosec, portal_client,
                                      post, staff_client)


def _form(answers: dict) -> dict:
    return {f"a:{k}": v for k, v in answers.items()}


def _submitted(storage, app, answers: dict):
    """A Japanese contact of S001 saves `answers` to this year's infosec request and submits
    it: (request id, the contact's client, the request's page)."""
    contact(storage, "S001", "aiko@kanto.example", lang="ja")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    page = f"/portal/requests/{rid}"
    post(c, page, f"{page}/save", _form(answers))
    assert post(c, page, f"{page}/submit").status_code == 303
    return rid, c, page


def test_answers_are_saved_as_you_go_and_resumed_in_a_new_session(storage, app):
    contact(storage, "S001", "aiko@kanto.example", lang="ja")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    page = f"/portal/requests/{rid}"
    assert "未開封" not in c.get(page).text                       # opening it marks it opened
    r = post(c, page, f"{page}/save", _form({"IS-LAB-01": "partial", "IS-STF-02": "7"}))
    assert r.status_code == 303
    post(c, "/portal/", "/portal/logout")
    again = portal_client(app, "aiko@kanto.example").get(page).text
    assert re.search(r'name="a:IS-LAB-01" value="partial"\s+checked', again)
    assert 'name="a:IS-STF-02" inputmode="decimal" value="7"' in again
    assert "1 / 3 回答済み" in again and "1 / 3" in again      # handling: 1 of 3, access: 1 of 3
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT status FROM portal_requests WHERE id = ?",
                         (rid,)) == "in_progress"


def test_a_bad_answer_is_refused_naming_the_question_and_nothing_is_saved(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    page = f"/portal/requests/{rid}"
    for bad in ({"IS-LAB-01": "maybe"}, {"IS-STF-02": "twelve"}, {"IS-INC-02": "2026-13-01"},
                {"IS-DSP-01": "na"}, {"NOPE": "yes"}):
        r = post(c, page, f"{page}/save", _form({"IS-ACC-01": "yes", **bad}))
        assert r.status_code == 422 and "IS-ACC-01" not in r.text.split("error")[0]
        assert (next(iter(bad)) if "NOPE" not in bad else "NOPE") in r.text
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM portal_answers") == 0


def test_submit_lists_missing_answers_then_the_questionnaire_is_read_only(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    page = f"/portal/requests/{rid}"
    post(c, page, f"{page}/save", _form({"IS-LAB-01": "yes"}))
    r = post(c, page, f"{page}/submit")
    assert r.status_code == 422
    missing = re.findall(r'<li><a href="#q-([\w-]+)">', r.text)
    assert missing == ["IS-DSP-01", "IS-ACC-01", "IS-STF-01", "IS-STF-02", "IS-OUT-01",
                       "IS-INC-01"]
    post(c, page, f"{page}/save", _form(ALL_YES))
    review = c.get(f"{page}/review").text
    assert 'id="submit"' in review and 'id="missing"' not in review
    assert post(c, page, f"{page}/submit").status_code == 303
    done = c.get(page).text
    assert 'id="read-only"' in done and 'id="save"' not in done and 'type="file"' not in done
    assert post(c, page, f"{page}/save", _form({"IS-LAB-01": "no"})).status_code == 409
    assert post(c, page, f"{page}/submit").status_code == 409
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT value FROM portal_answers WHERE question_id = "
                         "'IS-LAB-01'") == "yes"
        receipt = tx.one("SELECT * FROM portal_outbox WHERE kind = 'receipt'")
    assert receipt["to_addr"] == "aiko@kanto.example" and "version 1" in receipt["subject"]


def test_hq_returns_it_the_supplier_resubmits_and_every_version_is_kept(storage, app):
    rid, c, page = _submitted(storage, app, {**ALL_YES, "IS-LAB-01": "no"})
    staff = staff_client(app, storage)
    hq_page = f"/dashboard/portal/requests/{rid}"
    seen = staff.get(hq_page).text
    assert 'id="level">C<' in seen and "ISEC-01" in seen            # level and why, at HQ
    assert "レベル" not in c.get(page).text and 'id="level"' not in c.get(page).text
    r = post(staff, hq_page, f"{hq_page}/return", {"comment": "Attach the labelling rule"})
    assert r.status_code == 303
    back = c.get(page).text
    assert "Attach the labelling rule" in back and 'id="save"' in back
    post(c, page, f"{page}/save", _form({"IS-LAB-01": "yes"}))
    assert post(c, page, f"{page}/submit").status_code == 303
    seen = staff.get(hq_page).text
    assert 'id="level">A<' in seen and seen.count('class="version"') == 2
    with storage.transaction(write=False) as tx:
        rows = tx.all("SELECT version, level, return_comment, answers FROM portal_versions "
                      "ORDER BY version")
        mails = [m["kind"] for m in tx.all("SELECT kind FROM portal_outbox ORDER BY created_at")]
    assert [(v["version"], v["level"], v["return_comment"]) for v in rows] == \
        [(1, "C", "Attach the labelling rule"), (2, "A", None)]
    assert '"IS-LAB-01": "no"' in rows[0]["answers"]                  # v1 kept as submitted
    assert mails.count("returned") == 1 and mails.count("receipt") == 2
    # a request not submitted cannot be returned
    assert post(staff, hq_page, f"{hq_page}/return", {"comment": "x"}).status_code == 303
    assert post(staff, hq_page, f"{hq_page}/return", {"comment": "x"}).status_code == 422


def _xlsx() -> bytes:
    wb = Workbook()
    wb.active["A1"] = "labelling rule"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_evidence_is_sniffed_size_limited_and_stored_once_by_hash(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    page, url = f"/portal/requests/{rid}", f"/portal/upload/{rid}/IS-LAB-02"

    def upload(name, data):
        return c.post(url, data={"csrf": csrf_of(c.get(page).text)},
                      files={"file": (name, data, "application/pdf")}, follow_redirects=False)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    assert upload("rule.png", pdf).status_code == 303               # named png, is a PDF
    assert upload("again.pdf", pdf).status_code == 303              # same bytes, one blob
    assert upload("book.xlsx", _xlsx()).status_code == 303
    for name, data in (("fake.pdf", b"<html><script>alert(1)</script>"),
                       ("zip.xlsx", b"PK\x03\x04not a zip at all"),
                       ("big.pdf", b"%PDF-" + b"0" * evidence.EVIDENCE_MAX)):
        r = upload(name, data)
        assert r.status_code in (413, 422), name
    with storage.transaction(write=False) as tx:
        rows = tx.all("SELECT filename, media_type, sha256 FROM portal_evidence "
                      "ORDER BY uploaded_at")
    assert [(r["filename"], r["media_type"]) for r in rows] == [
        ("rule.pdf", "application/pdf"), ("again.pdf", "application/pdf"),
        ("book.xlsx", evidence.XLSX)]
    assert len(list((storage.blob_dir / "evidence").rglob("*"))) == 2 + 2   # 2 dirs, 2 files
    served = c.get(re.search(r'href="(/portal/evidence/[\w-]+)"', c.get(page).text).group(1))
    assert served.content == pdf and served.headers["content-type"] == "application/pdf"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-disposition"].startswith("attachment")


def test_a_submitted_infosec_questionnaire_is_the_suppliers_saq_result_of_the_year(storage,
                                                                                   app):
    from sva.hq.programme_store import load_results
    contact(storage, "S001", "aiko@kanto.example")
    with storage.transaction() as tx:          # an earlier file import gave HR a score
        tx.execute("INSERT INTO saq_levels (supplier_code, fy, submitted_on, saq_ref, "
                   "rules_version, isec_level, score_hr, score_isec, explanation, computed_at) "
                   "VALUES ('S001', 2026, '2026-05-01', 'saq v1', 1, 'D', 55.0, 10.0, "
                   "'{\"reasons\": []}', '2026-05-01')")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    page = f"/portal/requests/{rid}"
    post(c, page, f"{page}/save", _form(ALL_YES))
    assert post(c, page, f"{page}/submit").status_code == 303
    with storage.transaction(write=False) as tx:
        (result,) = load_results(tx, code="S001", fy=2026)
        level = tx.scalar("SELECT isec_level FROM suppliers WHERE code = 'S001'")
    assert (result.isec_level, result.saq_ref, level) == ("A", "infosec v1", "A")
    assert result.area_scores["ISEC"] == 100.0 and result.area_scores["HR"] == 55.0


def test_every_shipped_questionnaire_renders_every_question_in_both_languages(storage, app):
    from sva.hq.portal import campaigns, questionnaires
    contact(storage, "S001", "aiko@kanto.example")
    c = portal_client(app, "aiko@kanto.example")
    for q in questionnaires.shipped().values():
        campaigns.launch(storage, fy=2026, questionnaire=q.id, due="2026-09-30",
                         t=campaigns.Targets(codes=("S001",)), actor="t")
        with storage.transaction(write=False) as tx:
            rid = tx.scalar("SELECT r.id FROM portal_requests r JOIN portal_campaigns c ON "
                            "c.id = r.campaign_id WHERE c.questionnaire = ?", (q.id,))
        for lang in ("en", "ja"):
            html = c.get(f"/portal/requests/{rid}?lang={lang}").text
            for x in q.questions.values():
                assert f'id="q-{x.id}"' in html and x.text[lang] in html
                assert (f'id="file-{x.id}"' if x.type == "file" else f'name="a:{x.id}"') in html
            for value, label in (c for x in q.questions.values() for c in x.choices):
                assert f'value="{value}"' in html and label[lang] in html


def test_what_a_supplier_types_is_shown_as_text_at_hq_never_as_markup(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    page = f"/portal/requests/{rid}"
    note = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    post(c, page, f"{page}/save", _form({**ALL_YES, "IS-NOTE": note}))
    assert post(c, page, f"{page}/submit").status_code == 303
    for html in (staff_client(app, storage).get(f"/dashboard/portal/requests/{rid}").text,
                 c.get(page).text):
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_hq_reads_the_answers_in_its_own_language_not_as_keys(storage, app):
    """The HQ page of a submission words yes/partly/n.a. (and choices) in the page's
    language, as the supplier saw them, not as the stored keys."""
    rid, _, _ = _submitted(storage, app, {**ALL_YES, "IS-LAB-01": "partial"})
    staff = staff_client(app, storage)
    for lang, partly, yes in (("ja", "一部", "はい"), ("en", "Partly", "Yes")):
        html = staff.get(f"/dashboard/portal/requests/{rid}?lang={lang}").text
        cells = re.findall(r'<td class="answer">([^<]*)</td>', html)
        assert partly in cells and yes in cells, cells
        assert not {"partial", "yes", "na"} & set(cells), cells
