"""Declarations on SQLite and PostgreSQL: receipts with their scans, requests, the figures
(new suppliers declared, coverage by type, outstanding requests) and bad files refused
whole."""
from __future__ import annotations

import pytest

from sva.errors import BadInput
from sva.hq.programmes import declarations, files
from tests.hq_programme.conftest import write_csv

from .conftest import counts

RECEIPT = ["supplier_code", "decl_type", "version", "received_on", "signed_by", "file"]
REQUEST = ["supplier_code", "decl_type", "requested_on", "reason"]


def test_receipts_requests_and_figures(storage, tmp_path):
    (tmp_path / "s001.pdf").write_bytes(b"%PDF-1.4 scanned declaration")
    write_csv(tmp_path / "req.csv", REQUEST, [
        ["S001", "env_ohs", "2020-05-01", "new_supplier"],
        ["S002", "env_ohs", "2020-06-01", "new_supplier"],
        ["S003", "env_ohs", "2021-02-01", "new_supplier"],      # never answered
        ["S004", "rbc", "2021-05-01", "renewal"]])
    declarations.import_requests(storage, tmp_path / "req.csv")
    write_csv(tmp_path / "rec.csv", RECEIPT, [
        ["s001", "env_ohs", "1", "2020-05-20", "Taro Yamada", "s001.pdf"],
        ["S002", "ENV_OHS", "1", "2020-07-01", "Jiro Sato", ""],
        ["S004", "env_ohs", "1", "2019-10-01", "Ken Ito", ""],  # declared long before
        ["S004", "rbc", "1", "2021-06-01", "Ken Ito", ""]])
    declarations.import_receipts(storage, tmp_path / "rec.csv")
    with storage.transaction(write=False) as tx:
        sha = tx.scalar("SELECT file_sha FROM declaration_receipts WHERE supplier_code = 'S001'")
        fy2020, fy2021 = declarations.figures(tx, 2020), declarations.figures(tx, 2021)
    assert files.read(storage, sha) == b"%PDF-1.4 scanned declaration"
    assert fy2020["new_suppliers_declared"] == 2 and fy2020["received"] == 2
    assert fy2020["coverage"] == {"env_ohs": {"suppliers": 3, "share": 75.0},
                                  "isec_pledge": {"suppliers": 0, "share": 0.0}}   # no rbc yet
    assert fy2020["outstanding_requests"] == 1                      # S003's
    assert fy2021["coverage"]["rbc"] == {"suppliers": 1, "share": 25.0}
    assert fy2021["new_suppliers_declared"] == 0


@pytest.mark.parametrize("row, message", [
    (["S009", "env_ohs", "1", "2020-05-20", "A", ""], "column supplier_code: no supplier with "
                                                      "code S009"),
    (["S001", "coc", "1", "2020-05-20", "A", ""], "column decl_type: declaration type 'coc'"),
    (["S001", "rbc", "2", "2021-05-20", "A", ""], "column version: rbc has no version 2"),
    (["S001", "rbc", "1", "2020-05-20", "A", ""], "column received_on: received 2020-05-20, "
                                                  "before version 1 of rbc existed"),
    (["S001", "env_ohs", "1", "2020-02-30", "A", ""], "column received_on: 2020-02-30 is not a "
                                                      "real calendar date"),
    (["S001", "env_ohs", "1", "2020-05-20", "", ""], "column signed_by: signed_by is empty"),
    (["S001", "env_ohs", "1", "2020-05-20", "A", "gone.pdf"], "column file: no file 'gone.pdf'"),
])
def test_bad_receipts_are_refused_whole(sqlite_storage, tmp_path, row, message):
    write_csv(tmp_path / "rec.csv", RECEIPT,
              [["S002", "env_ohs", "1", "2020-07-01", "Jiro Sato", ""], row])
    with pytest.raises(BadInput, match="nothing was imported") as err:
        declarations.import_receipts(sqlite_storage, tmp_path / "rec.csv")
    assert f"row 3, {message}" in str(err.value)
    assert counts(sqlite_storage, "declaration_receipts") == {"declaration_receipts": 0}


def test_bad_request_reason_is_refused(storage, tmp_path):
    write_csv(tmp_path / "req.csv", REQUEST, [["S001", "env_ohs", "2020-05-01", "because"]])
    with pytest.raises(BadInput, match="row 2, column reason: reason 'because' is not one of"):
        declarations.import_requests(storage, tmp_path / "req.csv")
    assert counts(storage, "declaration_requests") == {"declaration_requests": 0}


def test_importing_the_same_receipts_again_adds_nothing(storage, tmp_path):
    rows = [["S001", "env_ohs", "1", "2020-05-20", "Taro Yamada", ""],
            ["S002", "env_ohs", "1", "2020-07-01", "Jiro Sato", ""]]
    write_csv(tmp_path / "rec.csv", RECEIPT, rows)
    assert declarations.import_receipts(storage, tmp_path / "rec.csv") == \
        {"receipts": 2, "replaced": 0}
    rows[1][4] = "Jiro Sato (corrected)"
    write_csv(tmp_path / "rec.csv", RECEIPT, rows)
    assert declarations.import_receipts(storage, tmp_path / "rec.csv") == \
        {"receipts": 2, "replaced": 2}
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT signed_by FROM declaration_receipts WHERE supplier_code = "
                         "'S002'") == "Jiro Sato (corrected)"
    assert counts(storage, "declaration_receipts") == {"declaration_receipts": 2}


def test_a_receipt_twice_in_one_file_is_refused(sqlite_storage, tmp_path):
    row = ["S001", "env_ohs", "1", "2020-05-20", "Taro Yamada", ""]
    write_csv(tmp_path / "rec.csv", RECEIPT, [row, [*row[:4], "Someone else", ""]])
    with pytest.raises(BadInput, match=r"row 3, column supplier_code: the same receipt is on "
                                       r"row\(s\) 2"):
        declarations.import_receipts(sqlite_storage, tmp_path / "rec.csv")
    assert counts(sqlite_storage, "declaration_receipts") == {"declaration_receipts": 0}


def test_one_declaration_received_with_its_scan(storage, tmp_path):
    scan = tmp_path / "S003-rbc.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    out = declarations.receive(storage, supplier="s003", decl_type="rbc", version=1,
                               received_on="2021-07-01", signed_by="Aki Sato", scan=scan)
    assert (out["supplier"], out["replaced"]) == ("S003", 0)
    assert files.read(storage, out["sha"]) == b"%PDF-1.4 signed"
    with pytest.raises(BadInput, match=r"^--version: rbc has no version 3 \(known: 1\); "
                                       r"nothing was recorded$"):
        declarations.receive(storage, supplier="S003", decl_type="rbc", version=3,
                             received_on="2021-07-01", signed_by="Aki Sato")
    with pytest.raises(BadInput, match=r"--scan: no file 'gone.pdf'"):
        declarations.receive(storage, supplier="S003", decl_type="rbc", version=1,
                             received_on="2021-07-02", signed_by="A", scan=tmp_path / "gone.pdf")
    assert counts(storage, "declaration_receipts") == {"declaration_receipts": 1}
