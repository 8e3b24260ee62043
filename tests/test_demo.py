"""Demo data: realistic coverage and determinism."""
import hashlib
import sqlite3
from collections import Counter

import pytest

from sva.demo import build_demo
from sva.errors import BadInput

TABLES = ("suppliers", "sites", "checklist_templates", "audits", "answers", "findings",
          "photos", "signatures", "audit_log", "local_meta")


def dump(folder):
    conn = sqlite3.connect(folder / "sva.db")
    content = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    conn.close()
    photos = sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest())
                    for p in (folder / "photos").rglob("*") if p.is_file())
    return content, photos


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    summary = build_demo(folder, seed=7)
    return folder, summary


def test_same_seed_gives_the_same_content(demo, tmp_path):
    folder, _ = demo
    build_demo(tmp_path, seed=7)
    assert dump(tmp_path) == dump(folder)


def test_another_seed_gives_other_content(demo, tmp_path):
    folder, _ = demo
    build_demo(tmp_path, seed=8)
    assert dump(tmp_path)[0]["suppliers"] != dump(folder)[0]["suppliers"]


def q(folder, sql):
    conn = sqlite3.connect(folder / "sva.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_suppliers_follow_the_spend_split(demo):
    folder, summary = demo
    assert summary["suppliers"] >= 60
    share = dict(q(folder, "SELECT region, SUM(annual_spend) * 1.0 /"
                           " (SELECT SUM(annual_spend) FROM suppliers)"
                           " FROM suppliers GROUP BY region"))
    for region, expected in {"JP": .72, "ASIA": .13, "NA": .12, "EMEA": .02, "CSA": .01}.items():
        assert share[region] == pytest.approx(expected, abs=0.005)
    names = q(folder, "SELECT name_en, name_ja FROM suppliers")
    assert all(en and ja for en, ja in names)
    assert q(folder, "SELECT COUNT(*) FROM suppliers WHERE large_amount OR rare_product"
                     " OR hard_to_replace")[0][0] >= 5
    assert {lvl for (lvl,) in q(folder, "SELECT DISTINCT isec_level FROM suppliers")} >= set("ABCD")
    zones = {z for (z,) in q(folder, "SELECT DISTINCT timezone FROM sites")}
    assert "Asia/Tokyo" in zones and len(zones) >= 5


def test_audits_cover_both_kinds_and_every_status(demo):
    folder, summary = demo
    assert summary["audits"] >= 12
    seen = set(q(folder, "SELECT kind, status FROM audits"))
    for kind in ("svr", "infosec"):
        for status in ("planned", "in_progress", "completed", "signed", "synced"):
            assert (kind, status) in seen


def test_findings_cover_every_severity_and_cap_state(demo):
    folder, _ = demo
    assert {s for (s,) in q(folder, "SELECT DISTINCT severity FROM findings")} == {
        "significant", "minor", "observation", "good_practice"}
    assert {s for (s,) in q(folder, "SELECT DISTINCT status FROM findings")} == {
        "open", "cap_submitted", "cap_accepted", "cap_rejected", "verified_closed"}


def test_signed_audits_carry_two_signatures(demo):
    folder, _ = demo
    counts = Counter(a for (a,) in q(folder, "SELECT audit_id FROM signatures"))
    signed = q(folder, "SELECT id FROM audits WHERE status IN ('signed', 'synced')")
    assert signed and all(counts[a] == 2 for (a,) in signed)


def test_photos_are_real_jpegs_with_capture_time(demo):
    folder, summary = demo
    from PIL import Image
    assert summary["photos"] >= 4
    rows = q(folder, "SELECT sha256, captured_at, finding_id FROM photos")
    for sha, captured, finding in rows:
        path = folder / "photos" / sha[:2] / sha
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
        with Image.open(path) as img:
            assert img.format == "JPEG"
        assert captured and finding


def test_demo_refuses_a_folder_that_holds_audits(demo):
    folder, _ = demo
    before = dump(folder)
    with pytest.raises(BadInput, match="already holds"):
        build_demo(folder, seed=7)
    assert dump(folder) == before
