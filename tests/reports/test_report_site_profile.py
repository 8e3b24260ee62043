"""The "Site profile" block of the improvement-guidance report (issue 21): headcount and
worker mix, audit duration (from the visit times where recorded), interviews held and scope
limits, in EN, JA and EN+JA; a profile not recorded says so and prints no zeros."""
from __future__ import annotations

import pytest

from report_checks import pdf_text, squash
from sva.reports.guidance import build_guidance
from sva.reports.i18n import Texts
from tests.conftest import answer_all

PROFILE = {"workers_total": 240, "workers_women": 96, "workers_foreign": 31,
           "workers_agency": 18, "workers_young": 0, "duration_hours": 7.5,
           "interviews_individual": 12, "interviews_group": 3,
           "scope_limits": {"en": "Dormitory not visited", "ja": "寮は訪問していない"}}


def _block(ws, audit_id, lang) -> str:
    """The text of the site profile block (up to the severity legend that follows)."""
    t = Texts(lang)
    text = squash(pdf_text(build_guidance(ws, audit_id, lang=lang)))
    start = text.index(squash(t.get("profile.heading")))
    return text[start:text.index(squash(t.get("legend.heading")), start)]


@pytest.mark.parametrize("lang, expected", [
    ("en", ["Workersintotal240", "Women96(40%ofallworkers)", "Foreign/migrantworkers31",
            "Agency/dispatchedworkers18", "Youngworkers(under18)0", "7.5hours",
            "Individualinterviews12", "Groupinterviews3", "Dormitorynotvisited"]),
    ("ja", ["従業員数（合計）240人", "うち女性96人（全体の40%）", "うち外国人・移住労働者31人",
            "うち派遣・請負労働者18人", "うち年少者（18歳未満）0人", "7.5時間",
            "個別インタビュー12件", "グループインタビュー3件", "寮は訪問していない"]),
    ("en+ja", ["240/240人", "96(40%ofallworkers)/96人（全体の40%）", "7.5hours/7.5時間",
               "Dormitorynotvisited", "寮は訪問していない"]),
])
def test_the_profile_prints_in_the_report_language(ws, audit, lang, expected):
    ws.profiles.set_profile(audit, PROFILE)
    block = _block(ws, audit, lang)
    for text in expected:
        assert text in block, (text, block)
    assert "記録なし" not in block and "Notrecorded" not in block


def test_an_empty_profile_says_what_was_not_recorded_never_zero(ws, audit):
    for lang, said in (("en", "Notrecorded:headcountandworkermix,auditduration,interviews"
                               "held,scopelimits."),
                       ("ja", "記録なし：従業員数と構成、監査の所要時間、実施したインタビュー、"
                              "監査範囲の制約。")):
        block = _block(ws, audit, lang)
        assert said in block, block
        assert "0" not in block


def test_fields_not_recorded_say_so_next_to_those_recorded(ws, audit):
    ws.profiles.set_profile(audit, {"workers_total": 80})
    block = _block(ws, audit, "en")
    assert "Workersintotal80" in block and "WomenNotrecorded" in block
    assert "GroupinterviewsNotrecorded" in block and "ScopelimitsNotrecorded" in block


def test_the_duration_comes_from_the_visit_times_when_recorded(ws, audit):
    """Started and completed on the same day: the span of the visit in site time wins over
    an entered duration."""
    answer_all(ws, audit)
    ws.db.execute("UPDATE audits SET started_at = '2026-11-20T00:30:00.000000Z' WHERE id = ?",
                  [audit])
    ws.clock = lambda: "2026-11-20T07:00:00.000000Z"
    ws.audits.complete(audit)
    ws.profiles.set_profile(audit, {"duration_hours": 3})
    block = _block(ws, audit, "en")
    assert "6.5hours(09:30-16:00,sitetime)" in block
    assert "3hours" not in block


def test_the_full_record_carries_the_profile_too(ws, audit):
    """The auditor's full record holds everything the visit recorded, the profile with it."""
    from sva.reports.record import build_record
    ws.profiles.set_profile(audit, PROFILE)
    text = squash(pdf_text(build_record(ws, audit, lang="en")))
    for expected in ("Workersintotal240", "Women96(40%ofallworkers)", "Dormitorynotvisited"):
        assert expected in text
