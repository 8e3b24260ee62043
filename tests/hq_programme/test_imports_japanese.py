"""Files as Japanese offices send them (issue 18, point 13): CP932 CSV with Japanese headers
under a title row, full-width codes and digits, ¥ amounts, 2025/04/10 dates, はい/いいえ/○/×;
an XLSX whose data is on a named sheet; refusals still name row and column."""
from __future__ import annotations

import csv
import io
import json

from openpyxl import Workbook

from sva.hq.programme.saq import load_questionnaire

from .conftest import hq_cli
from .test_imports import db_rows

JA_HEADER = ["取引先コード", "英文社名", "社名", "国", "カテゴリ", "年間取引額", "大口取引",
             "希少品", "代替困難", "宣誓日", "宣誓範囲"]
JA_ROWS = [
    ["ＳＵＰ００１", "Kanto Parts", "関東部品株式会社", "ＪＰ", "IT services", "￥1,200,000",
     "はい", "×", "いいえ", "2025/04/10", "行動規範"],
    ["SUP002", "Nagano Seimitsu", "長野精密", "JP", "printing", "３，５００，０００円", "○",
     "○", "", "2024/4/1", ""],
]


def _csv_text(rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _cp932_csv(path, rows, title="2025年度 取引先一覧（調達部）"):
    path.write_bytes(_csv_text([[title], JA_HEADER, *rows]).encode("cp932"))
    return path


def test_cp932_registry_with_japanese_headers_under_a_title_row(tmp_path):
    d = tmp_path / "hq"
    path = _cp932_csv(tmp_path / "torihikisaki.txt", JA_ROWS)    # no .csv: decoded, not named
    out = hq_cli("import", "suppliers", path, "--data-dir", d)
    assert out.returncode == 0, out.stderr
    assert "2 added" in out.stdout
    rows = {r["code"]: r for r in db_rows(d, "SELECT * FROM suppliers")}
    assert set(rows) == {"SUP001", "SUP002"}
    one, two = rows["SUP001"], rows["SUP002"]
    assert one["name_ja"] == "関東部品株式会社" and one["country"] == "JP"
    assert one["annual_spend"] == 1_200_000 and two["annual_spend"] == 3_500_000
    assert (one["large_amount"], one["rare_product"], one["hard_to_replace"]) == (1, 0, 0)
    assert (two["large_amount"], two["rare_product"]) == (1, 1)
    assert one["declaration_date"] == "2025-04-10" and two["declaration_date"] == "2024-04-01"
    assert one["declaration_scope"] == "行動規範"
    assert json.loads(one["categories"]) == ["IT services"]
    # categories by displayed name or key, levels in lower case: nobody has a level yet
    for cat in ("IT services", "it_services"):
        out = hq_cli("eligible", "--level", "d", "--category", cat, "--data-dir", d)
        assert out.returncode == 0, out.stderr
        assert "0 supplier(s) at level" in out.stdout
    # the same file saved as UTF-8 with BOM and a half-width ¥: an update, decoded as UTF-8
    utf8 = tmp_path / "r-utf8.csv"
    text = _csv_text([JA_HEADER, [*JA_ROWS[0][:5], "¥2,000,000", *JA_ROWS[0][6:]]])
    utf8.write_bytes(("\ufeff" + text).encode("utf-8"))
    out = hq_cli("import", "suppliers", utf8, "--data-dir", d)
    assert out.returncode == 0 and "1 updated" in out.stdout, out.stderr
    assert db_rows(d, "SELECT annual_spend FROM suppliers WHERE code = 'SUP001'") == [
        {"annual_spend": 2_000_000}]


def test_cp932_refusals_name_row_and_column_and_import_nothing(tmp_path):
    d = tmp_path / "hq"
    bad = [JA_ROWS[0], ["SUP003", "Bad Yen", "", "JP", "", "￥12.5", "はい", "", "", "", ""],
           ["SUP004", "Bad Flag", "", "JP", "", "1", "たぶん", "", "", "2025/02/30", ""]]
    out = hq_cli("import", "suppliers", _cp932_csv(tmp_path / "r.csv", bad), "--data-dir", d)
    assert out.returncode == 2, out.stdout
    # the title is row 1, the header row 2: data rows are 3, 4, 5 as the spreadsheet shows
    assert "row 4, column annual_spend" in out.stderr, out.stderr
    assert "row 5, column large_amount" in out.stderr and "はい, いいえ" in out.stderr
    assert "row 5, column declaration_date" in out.stderr
    assert db_rows(d, "SELECT COUNT(*) AS n FROM suppliers")[0]["n"] == 0
    # a header problem under the title names the header's row and stays fatal
    typo = tmp_path / "t.csv"
    typo.write_bytes(("一覧\r\n取引先コード,英文社名,国,年間取引額,取引額合計\r\n"
                      "S1,A,JP,1,2\r\n").encode("cp932"))
    out = hq_cli("import", "suppliers", typo, "--data-dir", d, "--skip-bad")
    assert out.returncode == 2 and "row 2, column 取引額合計: unknown column" in out.stderr


def test_saq_xlsx_on_a_named_sheet_with_japanese_headers_and_answers(tmp_path):
    d = tmp_path / "hq"
    assert hq_cli("import", "suppliers", _cp932_csv(tmp_path / "r.csv", JA_ROWS),
                  "--data-dir", d).returncode == 0
    saq = load_questionnaire()
    wb = Workbook()
    cover = wb.active
    cover.title = "表紙"
    cover.append(["自己評価 回答集計"])
    ws = wb.create_sheet("回答")
    ws.append(["2025年度 SAQ 回答一覧"])
    ws.append(["取引先コード", "年度", "回答日", *saq.questions])
    ws.append(["ＳＵＰ００１", "2025年度", "2025/06/01", *["はい"] * len(saq.questions)])
    ws.append(["SUP002", "FY2025", "2025/6/2", *["×"] * len(saq.questions)])
    wb.save(tmp_path / "saq.xlsx")
    out = hq_cli("import", "saq", tmp_path / "saq.xlsx", "--fy", 2025, "--sheet", "回答",
                 "--data-dir", d)
    assert out.returncode == 0, out.stderr
    levels = db_rows(d, "SELECT supplier_code, isec_level, submitted_on FROM saq_levels "
                        "ORDER BY supplier_code")
    assert levels == [{"supplier_code": "SUP001", "isec_level": "A",
                       "submitted_on": "2025-06-01"},
                      {"supplier_code": "SUP002", "isec_level": "D",
                       "submitted_on": "2025-06-02"}]
    # without --sheet the sheet with the header is found; a missing sheet is named
    assert hq_cli("import", "saq", tmp_path / "saq.xlsx", "--fy", 2025,
                  "--data-dir", d).returncode == 0
    out = hq_cli("import", "saq", tmp_path / "saq.xlsx", "--fy", 2025, "--sheet", "データ",
                 "--data-dir", d)
    assert out.returncode == 2 and "no sheet named 'データ'" in out.stderr and "回答" in out.stderr
    out = hq_cli("eligible", "--level", "a", "--category", "it_services", "--fy", 2025,
                 "--data-dir", d)
    assert out.returncode == 0 and "SUP001" in out.stdout and "1 supplier(s)" in out.stdout
