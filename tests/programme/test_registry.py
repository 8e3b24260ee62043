"""Supplier registry import: every bad row named by row and column, all or nothing."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from sva.errors import BadInput
from sva.hq.programme.registry import COLUMNS, apply_policy, load_registry, parse_registry

GOOD = [
    ["S001", "Kanto Parts", "関東部品", "jp", "electronic_components; logistics", "1,200,000",
     "yes", "no", "1", "2024-05-01", "code of conduct"],
    ["S002", "Shenzhen Boards", "", "CN", "", "350000", "false", "TRUE", "", "", ""],
]


def test_good_csv_is_parsed_with_region_flags_and_categories(write_csv):
    good, problems = parse_registry(write_csv("reg.csv", COLUMNS, GOOD))
    assert problems == []
    s1, s2 = good
    assert s1["country"] == "JP" and s1["region"] == "JP"
    assert s1["categories"] == ["electronic_components", "logistics"]
    assert s1["annual_spend"] == 1_200_000
    assert (s1["large_amount"], s1["rare_product"], s1["hard_to_replace"]) == (True, False, True)
    assert s1["declaration_date"] == "2024-05-01" and s1["declaration_status"] == "received"
    assert s2["region"] == "ASIA" and s2["rare_product"] is True and s2["hard_to_replace"] is False
    assert s2["declaration_status"] == "none"


def test_xlsx_first_sheet_gives_the_same_rows(tmp_path, write_csv):
    wb = Workbook()
    ws = wb.active
    ws.append(list(COLUMNS))
    ws.append(["S001", "Kanto Parts", "関東部品", "JP", "electronic_components;logistics",
               1200000, "yes", "no", 1, None, None])
    ws.append([1002, "Numeric Code Ltd", None, "US", None, 5000.0, 0, 0, 0, None, None])
    wb.create_sheet("notes").append(["ignored"])
    path = tmp_path / "reg.xlsx"
    wb.save(path)
    good, problems = parse_registry(path)
    assert problems == []
    assert [g["code"] for g in good] == ["S001", "1002"]
    assert good[1]["annual_spend"] == 5000 and good[1]["region"] == "NA"


BAD_CASES = [
    ("code", ""), ("code", "S 1"), ("name_en", ""), ("country", "Japan"), ("country", "XX"),
    ("annual_spend", "-5"), ("annual_spend", "12.5"), ("annual_spend", ""),
    ("large_amount", "maybe"), ("declaration_date", "01/05/2024"),
    ("declaration_date", "2024-02-30"),
]


@pytest.mark.parametrize("column,value", BAD_CASES)
def test_each_bad_cell_is_reported_with_row_and_column(write_csv, column, value):
    bad = list(GOOD[1])
    bad[COLUMNS.index(column)] = value
    path = write_csv("reg.csv", COLUMNS, [GOOD[0], bad])
    good, problems = parse_registry(path)
    assert [(p.row, p.column) for p in problems] == [(3, column)]
    assert [g["code"] for g in good] == ["S001"]
    with pytest.raises(BadInput) as exc:
        apply_policy(good, problems, skip_bad=False)
    assert "row 3" in str(exc.value) and f"column {column}" in str(exc.value)
    assert str(path) in str(exc.value)


def test_scope_without_date_is_a_problem(write_csv):
    bad = list(GOOD[1])
    bad[COLUMNS.index("declaration_scope")] = "conflict minerals"
    _, problems = parse_registry(write_csv("reg.csv", COLUMNS, [bad]))
    assert [(p.row, p.column) for p in problems] == [(2, "declaration_date")]


def test_every_problem_is_listed_and_nothing_applied(write_csv):
    rows = [GOOD[0], ["", "No Code", "", "JP", "", "1", "", "", "", "", ""],
            GOOD[1], ["S009", "", "", "ZZ", "", "x", "", "", "", "", ""]]
    path = write_csv("reg.csv", COLUMNS, rows)
    with pytest.raises(BadInput) as exc:
        load_registry(path)
    message = str(exc.value)
    assert message.startswith(f"file {path}") and "4 problem(s), nothing was imported" in message
    for where in ("row 3, column code", "row 5, column name_en", "row 5, column country",
                  "row 5, column annual_spend"):
        assert where in message


def test_duplicate_codes_mark_every_row_that_uses_them(write_csv):
    dup = list(GOOD[1])
    dup[0] = "s001"
    good, problems = parse_registry(write_csv("reg.csv", COLUMNS, [GOOD[0], GOOD[1], dup]))
    assert sorted((p.row, p.column) for p in problems) == [(2, "code"), (4, "code")]
    assert "row(s) 4" in problems[0].message
    assert [g["code"] for g in good] == ["S002"]


def test_skip_bad_applies_good_rows_and_lists_the_skipped(write_csv):
    bad = list(GOOD[1])
    bad[0], bad[3], bad[6] = "S003", "XX", "maybe"
    path = write_csv("reg.csv", COLUMNS, [GOOD[0], bad, GOOD[1]])
    good, skipped = load_registry(path, skip_bad=True)
    assert [g["code"] for g in good] == ["S001", "S002"]
    assert [(s.row, [p.column for p in s.problems]) for s in skipped] == \
        [(3, ["country", "large_amount"])]
    assert "row 3 skipped" in str(skipped[0])


def test_blank_rows_are_skipped_but_keep_their_numbers(write_csv):
    bad = list(GOOD[1])
    bad[3] = "XX"
    _, problems = parse_registry(write_csv("reg.csv", COLUMNS, [GOOD[0], [""] * 11, bad]))
    assert [p.row for p in problems] == [4]


@pytest.mark.parametrize("header,column", [
    ([c for c in COLUMNS if c != "country"], "country"),
    ([*COLUMNS, "anual_spend"], "anual_spend"),
])
def test_header_problems_cannot_be_skipped(write_csv, header, column):
    path = write_csv("reg.csv", header, [])
    good, problems = parse_registry(path)
    assert good == [] and [(p.row, p.column) for p in problems] == [(1, column)]
    with pytest.raises(BadInput):
        apply_policy(good, problems, skip_bad=True)


def test_too_many_cells_is_a_row_problem(write_csv):
    good, problems = parse_registry(write_csv("reg.csv", COLUMNS, [GOOD[0] + ["extra"]]))
    assert good == [] and [(p.row, p.column) for p in problems] == [(2, None)]


def test_shift_jis_is_read_and_a_file_in_neither_encoding_is_refused(tmp_path):
    path = tmp_path / "reg.csv"
    path.write_bytes(",".join(COLUMNS).encode() + "\nS1,関東,,JP,,1,,,,,\n".encode("shift_jis"))
    good, problems = parse_registry(path)
    assert problems == [] and good[0]["name_en"] == "関東"          # issue 18: CP932 detected
    path.write_bytes(",".join(COLUMNS).encode() + b"\nS1,\x81 ,,JP,,1,,,,,\n")
    good, problems = parse_registry(path)
    assert good == [] and "neither UTF-8 nor Shift-JIS" in problems[0].message
    assert problems[0].row is None


def test_broken_xlsx_is_refused(tmp_path):
    path = tmp_path / "reg.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    good, problems = parse_registry(path)
    assert good == [] and "XLSX" in problems[0].message
