"""Issue 18, point 14: Japanese dashboard pages show no raw keys — statuses (cap_submitted,
synced), critical flags (large_amount), plan factor names, English category names."""
from __future__ import annotations

import re

import pytest

from sva.hq.app import create_app
from sva.hq.demo import CATEGORIES
from sva.hq.programme.planning_rules import FACTORS
from sva.hq.storage import open_storage
from sva.vocabulary import AUDIT_STATUSES, FINDING_STATUSES, SUPPLIER_FLAGS

from .test_dashboard_http import client

RAW = {*FINDING_STATUSES, *AUDIT_STATUSES, *SUPPLIER_FLAGS, *FACTORS, *CATEGORIES} - {
    "open", "planned", "signed", "completed"}     # plain words that also occur in names


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def japanese(demo_master):
    c = client(create_app(open_storage(demo_master)), "mgr.sato")
    c.get("/dashboard/?lang=ja")
    return c


def test_japanese_pages_show_no_raw_keys(japanese):
    caps = japanese.get("/dashboard/caps").text
    audit = re.search(r'/dashboard/audits/([\w-]+)"', caps).group(1)
    critical = re.search(r'/dashboard/suppliers/(S\d+)".*?●', japanese.get(
        "/dashboard/suppliers").text, flags=re.S).group(1)
    for path in ("/dashboard/", "/dashboard/caps", "/dashboard/caps?status=cap_submitted",
                 f"/dashboard/suppliers/{critical}", f"/dashboard/audits/{audit}",
                 "/dashboard/plan", "/dashboard/eligibility?fy=2025"):
        text = visible_text(japanese.get(path).text)
        found = sorted(k for k in RAW if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text))
        assert not found, (path, found)
    supplier = visible_text(japanese.get(f"/dashboard/suppliers/{critical}").text)
    assert any(w in supplier for w in ("大口取引", "希少品", "代替困難"))
    assert "取引規模" in visible_text(japanese.get("/dashboard/plan").text)
