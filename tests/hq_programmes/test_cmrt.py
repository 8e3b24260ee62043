"""CMRT import on SQLite and PostgreSQL: a good workbook is kept with its file; each bad
one is refused with its sheet and cell named and nothing imported; the smelter roll-up
deduplicates by smelter id and checks conformance against the imported list."""
from __future__ import annotations

import pytest

from sva.errors import BadInput
from sva.hq.programmes import cmrt_store, files
from tests.hq_programme.conftest import write_csv

from .conftest import counts
from .workbooks import GOOD_SMELTERS, cmrt

TABLES = ("cmrt_reports", "cmrt_smelters")


def _documents(storage) -> list:
    folder = files.documents(storage).folder
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_good_cmrt_is_kept_with_its_file(storage, tmp_path):
    path = cmrt(tmp_path / "s001.xlsx")
    out = cmrt_store.import_cmrt(storage, path, supplier="s001", fy=2024)
    assert out == {"supplier": "S001", "fy": 2024, "version": "6.22", "smelters": 5,
                   "sha": out["sha"]}
    assert files.read(storage, out["sha"]) == path.read_bytes()
    with storage.transaction(write=False) as tx:
        report = tx.one("SELECT * FROM cmrt_reports")
        assert (report["company"], report["scope"]) == ("Supplier S001 Co., Ltd.", "A. Company")
        assert {(r["metal"], r["smelter_id"]) for r in tx.all("SELECT * FROM cmrt_smelters")} \
            == {(m, sid) for m, _, _, sid in GOOD_SMELTERS}
    # a second CMRT for the same year replaces the first
    cmrt(path, smelters=GOOD_SMELTERS[:2])
    cmrt_store.import_cmrt(storage, path, supplier="S001", fy=2024)
    assert counts(storage, *TABLES) == {"cmrt_reports": 1, "cmrt_smelters": 2}


def _csv_named_xlsx(path):
    path.write_text("Metal,Smelter Name,Smelter Identification\nGold,Asahi,CID000082\n")
    return path


BAD = {
    "wrong sheet": (lambda p: cmrt(p, smelter_sheet="Smelters"),
                    "sheet 'Smelter List': no sheet named 'Smelter List'"),
    "missing smelter id": (lambda p: cmrt(p, smelters=[*GOOD_SMELTERS, ("Tin", "X", "PERU", "")]),
                           "sheet 'Smelter List', cell F10: smelter identification is missing"),
    "unknown metal": (lambda p: cmrt(p, smelters=[("Cobalt", "X", "CHINA", "CID009999")]),
                      "cell B5: metal 'Cobalt' is not one of Tantalum, Tin, Gold, Tungsten"),
    "duplicate row": (lambda p: cmrt(p, smelters=[*GOOD_SMELTERS, GOOD_SMELTERS[2]]),
                      "cell F10: Tin smelter CID001898 is listed twice (also row 7)"),
    "wrong version": (lambda p: cmrt(p, revision="Revision 5.12"),
                      "template revision 5.12 is not supported"),
    "no version": (lambda p: cmrt(p, revision=None), "no template revision found"),
    "csv named xlsx": (_csv_named_xlsx, "not an XLSX workbook (it looks like text, e.g. a CSV"),
    "bad answer": (lambda p: cmrt(p, answers={(2, "Gold"): "Maybe"}),
                   "cell D32: question 2, Gold: 'Maybe' is not an answer"),
    "no answer": (lambda p: cmrt(p, answers={(1, "Tin"): None}),
                  "cell D25: question 1, Tin: no answer (required)"),
    "no company": (lambda p: cmrt(p, company=None), "cell D8: company name is empty"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_cmrt_is_refused_whole(sqlite_storage, tmp_path, case):
    make, message = BAD[case]
    path = make(tmp_path / "bad.xlsx")
    with pytest.raises(BadInput) as err:
        cmrt_store.import_cmrt(sqlite_storage, path, supplier="S001", fy=2024)
    assert "nothing was imported" in str(err.value)
    assert message in str(err.value)
    assert "bad.xlsx" in str(err.value)
    assert counts(sqlite_storage, *TABLES) == {"cmrt_reports": 0, "cmrt_smelters": 0}
    assert _documents(sqlite_storage) == []


def test_unknown_supplier_is_refused(storage, tmp_path):
    with pytest.raises(BadInput, match="no supplier with code S999"):
        cmrt_store.import_cmrt(storage, cmrt(tmp_path / "a.xlsx"), supplier="S999", fy=2024)
    assert counts(storage, *TABLES)["cmrt_reports"] == 0


def test_rollup_dedupes_smelters_and_checks_conformance(storage, tmp_path):
    write_csv(tmp_path / "req.csv", ["supplier_code", "requested_on"],
              [[c, "2024-05-01"] for c in ("S001", "S002", "S003", "S004")])
    cmrt_store.import_cmrt_requests(storage, tmp_path / "req.csv", 2024)
    cmrt_store.import_cmrt(storage, cmrt(tmp_path / "1.xlsx"), supplier="S001", fy=2024)
    cmrt_store.import_cmrt(storage, cmrt(tmp_path / "2.xlsx", smelters=[
        GOOD_SMELTERS[0], ("Tin", "Malaysia Smelting Corporation", "MALAYSIA", "CID001105")]),
        supplier="S002", fy=2024)
    write_csv(tmp_path / "conformant.csv", ["smelter_id", "metal", "smelter_name", "status"],
              [["CID000082", "Gold", "Asahi Pretec Corp.", "Conformant"],
               ["CID001898", "Tin", "Thaisarco", "Conformant"],
               ["CID001105", "Tin", "Malaysia Smelting Corporation", "Active"]])
    cmrt_store.import_conformant(storage, tmp_path / "conformant.csv")
    with storage.transaction(write=False) as tx:
        rows = {r["smelter_id"]: r for r in cmrt_store.rollup(tx, 2024)}
        fig = cmrt_store.figures(tx, 2024)
    assert len(rows) == 6
    assert rows["CID000082"]["supplier_codes"] == ["S001", "S002"]
    assert rows["CID000082"]["conformant"] and not rows["CID001105"]["conformant"]
    assert fig["surveyed"] == 4 and fig["responded"] == 2 and fig["response_rate"] == 50.0
    assert fig["smelters"] == 6 and fig["conformant"] == 2
    assert fig["conformant_share"] == round(100 * 2 / 6, 1)
    assert fig["by_metal"]["Tin"] == {"smelters": 2, "conformant": 1}


@pytest.mark.parametrize("rows, message", [
    ([["CID00008", "Gold", "A", "Conformant"]], "row 2, column smelter_id: CID00008 is not"),
    ([["CID000082", "Copper", "A", "Conformant"]], "row 2, column metal: metal 'Copper'"),
    ([["CID000082", "Gold", "A", "Conformant"], ["CID000082", "Gold", "A", "Conformant"]],
     "row 3, column smelter_id: CID000082 also appears on row(s) 2"),
])
def test_bad_conformant_list_is_refused(sqlite_storage, tmp_path, rows, message):
    write_csv(tmp_path / "good.csv", ["smelter_id", "metal", "smelter_name", "status"],
              [["CID001898", "Tin", "Thaisarco", "Conformant"]])
    cmrt_store.import_conformant(sqlite_storage, tmp_path / "good.csv")
    write_csv(tmp_path / "c.csv", ["smelter_id", "metal", "smelter_name", "status"], rows)
    with pytest.raises(BadInput, match="nothing was imported") as err:
        cmrt_store.import_conformant(sqlite_storage, tmp_path / "c.csv")
    assert message in str(err.value)
    # the old list stays
    assert counts(sqlite_storage, "cmrt_conformant") == {"cmrt_conformant": 1}
