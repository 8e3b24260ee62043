"""Issue 18, point 1, for every path that changes the registry: the master-data CSV import
(`masterdata.import_suppliers_csv`, the one the HQ tests and sites-with-suppliers files use)
records the registry's history exactly as `import_registry` does, so a year's figures are the
same whichever import brought the data, and an earlier year's figures do not move. On SQLite
and PostgreSQL."""
from __future__ import annotations

from sva.hq import masterdata
from sva.hq.programme_figures import figures_for
from sva.hq.programme_store import import_registry
from sva.hq.storage import open_storage

MASTER = "code,name_en,name_ja,country,annual_spend,isec_level\n"
REGISTRY = "code,name_en,name_ja,country,annual_spend,large_amount\n"


def _write(path, header, rows):
    path.write_text(header + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _history(storage):
    with storage.transaction(write=False) as tx:
        spend = {(r["supplier_code"], int(r["fy"])): (int(r["annual_spend"]), r["region"])
                 for r in tx.all("SELECT supplier_code, fy, annual_spend, region "
                                 "FROM supplier_spend")}
        attrs = {r["supplier_code"]: (r["valid_from"], int(r["large_amount"]))
                 for r in tx.all("SELECT supplier_code, valid_from, large_amount "
                                 "FROM supplier_attributes")}
    return spend, attrs


def test_master_data_import_records_history_like_the_registry_import(tmp_path, hq_db):
    storage = open_storage(tmp_path / "hq", hq_db.url)
    try:
        import_registry(storage, _write(tmp_path / "fy2024.csv", REGISTRY, [
            ["S1", "Kanto Parts", "関東部品", "JP", "700", "yes"],
            ["S2", "Austin Cable", "", "US", "300", "no"]]), fy=2024)
        before = figures_for(storage, 2024)
        assert before["critical_suppliers"] == 1
        # FY2025 through the master-data path: a large new supplier, S1 spends more
        out = masterdata.import_suppliers_csv(storage, _write(tmp_path / "fy2025.csv", MASTER, [
            ["S1", "Kanto Parts", "関東部品", "JP", "900", "B"],
            ["S3", "Shenzhen Boards", "", "CN", "9000", ""]]), fy=2025)
        assert out["suppliers"] == 2
        assert figures_for(storage, 2024) == before              # FY2024 as it was
        spend, attrs = _history(storage)
        assert spend[("S1", 2025)] == (900, "JP") and spend[("S3", 2025)] == (9000, "ASIA")
        assert spend[("S1", 2024)] == (700, "JP")
        # the file carries no flags: S1 keeps its own (still critical), S3 has none
        assert attrs["S3"] == ("2025-04-01", 0)
        fy2025 = figures_for(storage, 2025)
        assert fy2025["procurement_by_region"] == {
            "ASIA": {"spend": 9000, "share": 90.9}, "JP": {"spend": 900, "share": 9.1}}
        assert fy2025["critical_suppliers"] == 1
        # an older year's file only adds history: today's row keeps FY2025's spend
        masterdata.import_suppliers_csv(storage, _write(tmp_path / "fy2023.csv", MASTER, [
            ["S1", "Kanto Parts", "関東部品", "JP", "500", "B"]]), fy=2023)
        with storage.transaction(write=False) as tx:
            assert tx.scalar("SELECT annual_spend FROM suppliers WHERE code = 'S1'") == 900
        assert figures_for(storage, 2023)["procurement_by_region"] == {
            "JP": {"spend": 500, "share": 100.0}}
    finally:
        storage.close()


def test_a_years_figures_do_not_depend_on_the_import_path(tmp_path, hq_db):
    rows = [["S1", "Kanto Parts", "関東部品", "JP", "721"],
            ["S2", "Austin Cable", "", "US", "279"],
            ["S4", "Penang Circuits", "", "MY", "150"]]
    figures = []
    for name, load in (("registry", lambda s, p: import_registry(s, p, fy=2025)),
                       ("master", lambda s, p: masterdata.import_suppliers_csv(s, p, fy=2025))):
        header = REGISTRY if name == "registry" else MASTER
        storage = open_storage(tmp_path / name, hq_db.url if name == "registry" else None)
        try:
            load(storage, _write(tmp_path / f"{name}.csv", header,
                                 [[*r, "no" if name == "registry" else ""] for r in rows]))
            figures.append(figures_for(storage, 2025))
        finally:
            storage.close()
    assert figures[0]["procurement_by_region"]["JP"]["share"] == 62.7
    assert figures[0] == figures[1]
