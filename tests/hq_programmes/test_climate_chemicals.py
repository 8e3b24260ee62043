"""Climate and chemical-substance surveys on SQLite and PostgreSQL: imports from CSV and
XLSX, the year's figures, inconsistent rows refused whole."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from sva.errors import BadInput
from sva.hq.programmes import chemicals, climate
from tests.hq_programme.conftest import write_csv

from .conftest import counts

CLIMATE = list(climate.COLUMNS)
CHEM = list(chemicals.COLUMNS)


def test_climate_figures(storage, tmp_path):
    write_csv(tmp_path / "c.csv", CLIMATE, [
        ["S001", "yes", "yes", "A-", "1,200.5", "supplier_specific", "yes", "certified"],
        ["S002", "yes", "no", "", "300", "spend_based", "no", "certified"],
        ["S003", "yes", "yes", "b", "", "", "no", "in_progress"],
        ["S004", "no", "no", "", "", "", "no", "not_applicable"]])
    assert climate.import_climate(storage, tmp_path / "c.csv", 2021) == {"rows": 4}
    with storage.transaction(write=False) as tx:
        fig = climate.figures(tx, 2021)
        assert climate.figures(tx, 2020)["cdp_invited"] == 0
    assert (fig["cdp_invited"], fig["cdp_responded"], fig["cdp_response_rate"]) == (3, 2, 66.7)
    assert fig["cdp_scores"] == {"A-": 1, "B": 1}
    assert fig["co2_t"] == 1500.5 and fig["co2_validated_share"] == round(100 * 1200.5 / 1500.5, 1)
    assert fig["co2_by_region"] == {"JP": 1500.5} and fig["co2_by_category"] == {"parts": 1500.5}
    assert (fig["green_certified"], fig["green_assessed"], fig["green_rate"]) == (2, 3, 66.7)


@pytest.mark.parametrize("row, message", [
    (["S001", "no", "yes", "", "", "", "no", ""], "column cdp_responded: responded to CDP but "
                                                  "not invited"),
    (["S001", "yes", "yes", "AAA", "", "", "no", ""], "column cdp_score: CDP score 'AAA' is not"),
    (["S001", "no", "no", "", "-5", "hybrid", "no", ""], "column co2_t: -5 is not a number"),
    (["S001", "no", "no", "", "12", "", "no", ""], "column co2_method: CO2 given without"),
    (["S001", "no", "no", "", "", "", "no", "green"], "column green_status: green-procurement "
                                                      "status 'green' is not one of"),
])
def test_bad_climate_rows_are_refused_whole(sqlite_storage, tmp_path, row, message):
    write_csv(tmp_path / "c.csv", CLIMATE,
              [["S002", "yes", "no", "", "", "", "no", "certified"], row])
    with pytest.raises(BadInput, match="nothing was imported") as err:
        climate.import_climate(sqlite_storage, tmp_path / "c.csv", 2021)
    assert f"row 3, {message}" in str(err.value)
    assert counts(sqlite_storage, "climate_records") == {"climate_records": 0}


def _xlsx(path, header, rows):
    wb = Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_chemical_surveys_from_xlsx(storage, tmp_path):
    path = _xlsx(tmp_path / "chem.xlsx", CHEM, [
        ["S001", "Servers", "RoHS", "compliant", None, None],
        ["S001", "Servers", "REACH", "non_compliant", "DEHP", None],
        ["S002", "Cables", "RoHS", "exemption", None, "RoHS Annex III 7(c)-I"],
        ["S003", "Cables", "RoHS", "requested", None, None],
        ["S003", "Cables", "REACH", "received", None, None]])
    assert chemicals.import_chemicals(storage, path, 2020) == {"rows": 5}
    with storage.transaction(write=False) as tx:
        fig = chemicals.figures(tx, 2020)
    assert fig["RoHS"]["surveys"] == 3 and fig["RoHS"]["suppliers"] == 3
    assert fig["RoHS"]["coverage"] == round(200 / 3, 1) and fig["RoHS"]["open_issues"] == 1
    assert fig["REACH"]["by_status"]["non_compliant"] == 1 and fig["REACH"]["open_issues"] == 1
    assert fig["REACH"]["coverage"] == 100.0


@pytest.mark.parametrize("row, message", [
    (["S001", "Servers", "RoHS", "non_compliant", None, None], "column substance: non_compliant "
                                                               "needs the substance"),
    (["S001", "Servers", "RoHS", "exemption", None, None], "column exemption: exemption needs"),
    (["S001", "Servers", "TSCA", "compliant", None, None], "column regulation: regulation "
                                                           "'TSCA' is not one of RoHS, REACH"),
    (["S001", "Servers", "RoHS", "", None, None], "column status: status is empty"),
    (["S002", "Cables", "rohs", "compliant", None, None], "row 3, column supplier_code: S002 / "
                                                          "cables / rohs also on row(s) 2"),
])
def test_bad_chemical_rows_are_refused_whole(sqlite_storage, tmp_path, row, message):
    path = _xlsx(tmp_path / "chem.xlsx", CHEM,
                 [["S002", "Cables", "RoHS", "compliant", None, None], row])
    with pytest.raises(BadInput, match="nothing was imported") as err:
        chemicals.import_chemicals(sqlite_storage, path, 2020)
    assert message in str(err.value)
    assert counts(sqlite_storage, "chemical_surveys") == {"chemical_surveys": 0}


def test_csv_named_xlsx_is_refused(storage, tmp_path):
    path = tmp_path / "chem.xlsx"
    path.write_text(",".join(CHEM) + "\nS001,Servers,RoHS,compliant,,\n")
    with pytest.raises(BadInput, match="not a readable XLSX workbook"):
        chemicals.import_chemicals(storage, path, 2020)
    assert counts(storage, "chemical_surveys") == {"chemical_surveys": 0}
