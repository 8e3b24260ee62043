"""Issue 18, point 14: the Japanese dashboard shows no English the dashboard itself wrote.

The eligibility page holds nothing typed by people but names and reasons, so on it no ASCII
English word may appear at all (identifiers such as 'saq@1' and user names aside): it used to
print each level's basis ("SAQ saq@1 FY2025 submitted 2025-06-01, level rules v1") and why a
level was lowered in English. Every other page listed below is checked for the dashboard's
own English — raw keys (snake_case), the basis, lowered, follow-up and chart texts, English
role and category names — while the auditors' and suppliers' own texts (findings, event
titles, plan names) may stay as written."""
from __future__ import annotations

import json
import re
import sqlite3

import pytest
import yaml

from sva.hq.app import create_app
from sva.hq.demo import CATEGORIES
from sva.hq.storage import open_storage
from sva.paths import resource

from .test_dashboard_http import client
from .test_dashboard_japanese import visible_text

DEMO_CATEGORIES = {*CATEGORIES, *yaml.safe_load(resource("demo.yaml").read_text("utf-8"))[
    "categories"]}
# what the dashboard itself writes in English (never in the demo's own texts)
ENGLISH = [r"(?<![\w@./-])[a-z]+(?:_[a-z]+)+(?![\w@-])",              # raw keys
           r"\bsubmitted \d{4}", r"\blevel rules\b", r"\blowered from\b",
           r"\bpast their due date\b", r"\bfollow-up:", r"\bincluded:", r"\boverdue since\b",
           r"\bnot closed\b", r"\bISEC score\b", r"\((?:admin|manager|auditor)\)",
           r"\b(?:document|follow-up visit) \d{4}-\d\d-\d\d",
           *(rf"(?<![\w-]){re.escape(c)}(?![\w-])" for c in DEMO_CATEGORIES)]


@pytest.fixture(scope="module")
def site(demo_master):
    storage = open_storage(demo_master)
    c = client(create_app(storage), "mgr.sato")
    c.get("/dashboard/?lang=ja")
    with storage.transaction(write=False) as tx:
        users = [r["name"] for r in tx.all("SELECT name FROM users")]
        verified = tx.scalar("SELECT audit_id FROM findings WHERE verification_method = "
                             "'follow_up_visit' AND verified_at IS NOT NULL ORDER BY audit_id")
        plans = [r["name"] for r in tx.all("SELECT name FROM plan_drafts ORDER BY name")]
        critical = tx.scalar("SELECT code FROM suppliers WHERE large_amount = 1 AND "
                             "deleted = 0 AND code IN (SELECT supplier_code FROM saq_levels "
                             "WHERE score_isec IS NOT NULL) ORDER BY code")
    return c, users, verified, plans, critical


def _text(c, path, users) -> str:
    r = c.get(path)
    assert r.status_code == 200, path
    text = visible_text(r.text)
    for name in sorted(users, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def test_the_japanese_eligibility_page_has_no_english_word(site):
    c, users, *_ = site
    seen = set()
    for path in ("/dashboard/eligibility?fy=2025", "/dashboard/eligibility?level=D&fy=2025",
                 "/dashboard/eligibility?level=C&category=IT+services&fy=2026"):
        text = _text(c, path, users)
        words = re.findall(r"(?<![\w@./-])[A-Za-z][a-z]{2,}(?![\w@-])", text)
        assert not words, (path, sorted(set(words)))
        seen.add(text)
    text = " ".join(seen)
    assert "回答）、判定ルール 第1版" in text                       # the basis, in Japanese
    assert "に引き下げ：期限を過ぎて未完了の情報セキュリティ指摘" in text   # and why lowered


def test_japanese_dashboard_pages_show_no_english_of_the_dashboard(site):
    c, users, verified, plans, critical = site
    pages = ["/dashboard/", "/dashboard/?fy=2023", "/dashboard/caps",
             "/dashboard/caps?status=cap_submitted", "/dashboard/suppliers",
             f"/dashboard/suppliers/{critical}", f"/dashboard/audits/{verified}",
             "/dashboard/plan", *(f"/dashboard/plan?name={p}" for p in plans),
             "/dashboard/eligibility?fy=2025", "/dashboard/smelters"]
    texts = {}
    for path in pages:
        text = texts[path] = _text(c, path, users)
        found = sorted({m.group(0) for pattern in ENGLISH for m in re.finditer(pattern, text)})
        assert not found, (path, found)
    assert "(マネージャー)" in texts["/dashboard/"]
    assert "フォローアップ訪問 20" in texts[f"/dashboard/audits/{verified}"]
    assert "フォローアップ: " in texts["/dashboard/plan"]
    assert "(ISEC スコア " in texts[f"/dashboard/suppliers/{critical}"]


def test_a_finding_reads_in_the_auditors_japanese_where_it_has_it(demo_copy):
    """The audit page in Japanese shows what the auditor wrote in Japanese (observed_ja, as
    the portal does), the English where the finding has no Japanese; English page: English."""
    conn = sqlite3.connect(demo_copy / "hq.db")
    audit_id, document = conn.execute("SELECT id, document FROM audits WHERE document LIKE "
                                      "'%\"observed\"%' ORDER BY id LIMIT 1").fetchone()
    doc = json.loads(document)
    first = next(f for f in doc["findings"] if f.get("observed") and not f.get("deleted"))
    first["observed_ja"] = "消火器の点検記録が三か月分ない"
    with conn:
        conn.execute("UPDATE audits SET document = ? WHERE id = ?",
                     (json.dumps(doc, ensure_ascii=False), audit_id))
    conn.close()
    c = client(create_app(open_storage(demo_copy)), "mgr.sato")
    ja = visible_text(c.get(f"/dashboard/audits/{audit_id}?lang=ja").text)
    en = visible_text(c.get(f"/dashboard/audits/{audit_id}?lang=en").text)
    assert "消火器の点検記録が三か月分ない" in ja and "消火器" not in en
    # (other findings may say the same in English and have no Japanese: they stay)
    assert ja.count(first["observed"]) == en.count(first["observed"]) - 1
