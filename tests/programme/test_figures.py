"""Yearly figures on a small hand-made data set; every expected value is counted by hand
in the comments next to the data."""
from __future__ import annotations

import csv
import io

import pytest

from sva.checklists import load_template
from sva.hq.programme.figures import figures, topic_titles
from sva.hq.programme.figures_render import figures_csv, figures_table
from sva.hq.programme.levels import SaqResult
from sva.paths import resource

SUPPLIERS = [
    {"code": "S1", "country": "JP", "region": "JP", "annual_spend": 600, "large_amount": 1},
    {"code": "S2", "country": "JP", "annual_spend": 100},
    {"code": "S3", "country": "CN", "annual_spend": 200, "rare_product": True},
    {"code": "S4", "country": "US", "annual_spend": 100},
    {"code": "S5", "country": "DE", "annual_spend": 1000, "deleted": 1},
]   # live spend 1000: JP 700 (70%), ASIA 200 (20%), NA 100 (10%)


def _saq(code, fy, level, missing=()):
    scores = {a: (None if a in missing else 90.0)
              for a in ("HR", "OHS", "FT", "ENV", "ISEC", "PQS")}
    return SaqResult(code, fy, f"{fy}-06-01", "saq@1", 1, scores, level, ())


SAQ = [_saq("S1", 2020, "A"), _saq("S2", 2020, "C", missing=("ENV",)), _saq("S3", 2020, "B"),
       _saq("S4", 2019, "A"), _saq("S1", 2021, "B")]
# FY2020: S1, S2, S3 answered (critical: S1, S3). ENV answered by S1, S3 only.

AUDITS = [
    {"id": "A1", "supplier_code": "S1", "kind": "svr", "date": "2020-04-01", "status": "completed"},
    {"id": "A2", "supplier_code": "S2", "kind": "infosec", "date": "2021-03-31",
     "status": "signed"},
    {"id": "A3", "supplier_code": "S1", "kind": "infosec", "date": "2020-10-10",
     "status": "synced"},
    {"id": "A4", "supplier_code": "S3", "kind": "svr", "date": "2021-04-01", "status": "completed"},
    {"id": "A5", "supplier_code": "S4", "kind": "svr", "date": "2020-06-01", "status": "planned"},
    {"id": "A6", "supplier_code": "S3", "kind": "svr", "date": "2021-03-31T16:00:00Z",
     "status": "completed"},   # 1 April 01:00 in Tokyo: FY2021
    {"id": "A7", "supplier_code": "S3", "kind": "svr", "date": "2020-12-01",
     "status": "in_progress"},
]   # FY2020 done: A1 (svr), A2, A3 (infosec); suppliers visited S1, S2

FINDINGS = [
    {"audit_id": "A1", "item_id": "SVR-HR-01", "area": "HR", "severity": "minor",
     "status": "verified_closed", "closed_at": "2020-04-11T10:00:00+09:00"},         # 10 days
    {"audit_id": "A3", "item_id": "ISEC-ASSET-01", "area": "ISEC", "severity": "minor",
     "status": "verified_closed", "verified_at": "2020-11-09"},                       # 30 days
    {"audit_id": "A2", "item_id": "ISEC-ASSET-01", "area": "ISEC", "severity": "minor",
     "status": "open"},
    {"audit_id": "A3", "item_id": "ISEC-ASSET-01", "area": "ISEC", "severity": "minor",
     "status": "cap_submitted"},                          # S1 again: still one supplier
    {"audit_id": "A2", "item_id": "ISEC-MEDIA-02", "area": "ISEC", "severity": "significant",
     "status": "verified_closed", "closed_at": "2021-05-30"},                         # 60 days
    {"audit_id": "A1", "item_id": None, "area": "OHS", "severity": "observation", "status": "open"},
    {"audit_id": "A1", "item_id": "SVR-ENV-01", "area": "ENV", "severity": "good_practice",
     "status": "open"},
    {"audit_id": "A4", "item_id": "SVR-HR-01", "area": "HR", "severity": "minor",
     "status": "open"},                                   # FY2021 audit: not counted
    {"audit_id": "A3", "item_id": "ISEC-MEDIA-02", "area": "ISEC", "severity": "minor",
     "status": "cap_accepted"},
    {"audit_id": "A2", "item_id": "ISEC-ASSET-01", "area": "ISEC", "severity": "minor",
     "status": "verified_closed", "closed_at": "2021-04-05"},                         # 5 days
    {"audit_id": "A2", "item_id": "ISEC-ASSET-02", "area": "ISEC", "severity": "minor",
     "status": "open", "deleted": 1},
]
# FY2020 findings: significant 1; minor 6 (HR 1, ISEC 5); observation 1; good practice 1.
# Needing a CAP: 7; closed 4 -> 57.1 %; days to close 5, 10, 30, 60 -> median 20.
# Guidance topics (minor, distinct suppliers): ISEC-ASSET-01 {S1, S2} = 2,
# ISEC-MEDIA-02 {S1} = 1, SVR-HR-01 {S1} = 1.

TOPICS = {"ISEC-ASSET-01": {"en": "Confidential labelling", "ja": "機密表示"},
          "SVR-HR-01": "Forced labour"}


@pytest.fixture
def fig():
    return figures(2020, SUPPLIERS, SAQ, AUDITS, FINDINGS, topics=TOPICS)


def test_document_checks_by_area_at_critical_suppliers_and_all(fig):
    dc = fig["document_checks"]
    assert dc["suppliers"] == {"critical": 2, "all": 3}
    assert dc["by_area"]["HR"] == {"critical": 2, "all": 3}
    assert dc["by_area"]["ENV"] == {"critical": 2, "all": 2}
    assert fig["infosec_document_checks"] == 3
    assert fig["isec_levels"] == {"A": 1, "B": 1, "C": 1}


def test_onsite_assessments_and_suppliers_visited(fig):
    assert fig["onsite_assessments"] == {"infosec": 2, "svr": 1}
    assert fig["suppliers_visited"] == 2
    assert fig["suppliers_visited_by_kind"] == {"infosec": 2, "svr": 1}
    assert figures(2021, SUPPLIERS, SAQ, AUDITS, FINDINGS)["onsite_assessments"]["svr"] == 2


def test_findings_by_severity_and_area(fig):
    assert fig["findings_by_severity"] == {"significant": 1, "minor": 6, "observation": 1,
                                           "good_practice": 1}
    assert fig["findings_by_area"]["ISEC"] == {"significant": 1, "minor": 5, "observation": 0,
                                               "good_practice": 0}
    assert fig["findings_by_area"]["HR"]["minor"] == 1
    assert sum(sum(v.values()) for v in fig["findings_by_area"].values()) == 9


def test_improvement_topics_count_distinct_suppliers(fig):
    assert [(t["item_id"], t["suppliers"]) for t in fig["improvement_topics"]] == [
        ("ISEC-ASSET-01", 2), ("ISEC-MEDIA-02", 1), ("SVR-HR-01", 1)]
    titles = {t["item_id"]: t["title"] for t in fig["improvement_topics"]}
    assert titles["ISEC-ASSET-01"] == {"en": "Confidential labelling", "ja": "機密表示"}
    assert titles["SVR-HR-01"] == {"en": "Forced labour", "ja": "Forced labour"}
    assert titles["ISEC-MEDIA-02"]["en"] == "ISEC-MEDIA-02"      # no title given: the id


def test_cap_closure_rate_and_median_days(fig):
    assert fig["cap"] == {"needing_cap": 7, "closed": 4, "closure_rate": 57.1,
                          "median_days_to_close": 20.0}


def test_procurement_share_by_region(fig):
    assert fig["procurement_by_region"] == {"JP": {"spend": 700, "share": 70.0},
                                            "ASIA": {"spend": 200, "share": 20.0},
                                            "NA": {"spend": 100, "share": 10.0}}


def test_an_empty_year_has_zeros_not_errors():
    fig = figures(2010, SUPPLIERS, SAQ, AUDITS, FINDINGS)
    assert fig["suppliers_visited"] == 0 and fig["improvement_topics"] == []
    assert fig["cap"] == {"needing_cap": 0, "closed": 0, "closure_rate": None,
                          "median_days_to_close": None}


def test_table_in_english_and_japanese(fig):
    en = figures_table(fig, "en")
    assert en.startswith("Programme figures FY2020 (2020-04-01 – 2021-03-31)")
    assert "Confidential labelling" in en and "57.1" in en and "70.0%" in en
    ja = figures_table(fig, "ja")
    assert "機密表示" in ja and "訪問サプライヤー数" in ja and "日本" in ja


def test_csv_holds_every_figure(fig):
    rows = list(csv.DictReader(io.StringIO(figures_csv(fig))))
    get = {(r["section"], r["key"], r["subkey"]): r["value"] for r in rows}
    assert get[("document_checks", "ENV", "all")] == "2"
    assert get[("onsite_assessments", "infosec", "")] == "2"
    assert get[("improvement_topics", "ISEC-ASSET-01", "Confidential labelling")] == "2"
    assert get[("cap", "median_days_to_close", "")] == "20.0"
    assert get[("procurement_by_region", "ASIA", "share")] == "20.0"
    assert {r["fy"] for r in rows} == {"2020"}


def test_topic_titles_from_checklists():
    templates = [load_template(resource("checklists", n)) for n in ("svr.yaml", "infosec.yaml")]
    titles = topic_titles(templates)
    # the short improvement-guidance phrase the checklist gives each item (issue 18)
    assert titles["ISEC-ASSET-02"] == {"en": "confidential labelling", "ja": "機密表示"}
    assert titles["ISEC-ASSET-04"]["en"] == "disposal of confidential items"
    assert all(set(t) == {"en", "ja"} and t["en"] and t["ja"] for t in titles.values())


def test_items_of_a_repeated_section_count_under_their_checklist_item():
    """Findings on production lines 1 and 2 of one supplier ('SVR-LINE-01#1', '#2') and on
    line 1 of another: one topic, SVR-LINE-01, with two suppliers (its title from the
    checklist), not one topic per line."""
    audits = [{"id": "L1", "supplier_code": "S1", "kind": "svr", "date": "2020-05-01",
               "status": "signed"},
              {"id": "L2", "supplier_code": "S2", "kind": "svr", "date": "2020-06-01",
               "status": "signed"}]
    findings = [{"audit_id": a, "item_id": item, "area": "OHS", "severity": "minor",
                 "status": "open"}
                for a, item in (("L1", "SVR-LINE-01#1"), ("L1", "SVR-LINE-01#2"),
                                ("L2", "SVR-LINE-01#1"))]
    titles = topic_titles([load_template(resource("checklists", "svr.yaml"))])
    fig = figures(2020, SUPPLIERS, [], audits, findings, topics=titles)
    assert [(t["item_id"], t["suppliers"]) for t in fig["improvement_topics"]] == [
        ("SVR-LINE-01", 2)]
    assert fig["improvement_topics"][0]["title"] == titles["SVR-LINE-01"]
