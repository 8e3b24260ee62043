"""An information-security document check imported from a file: a header with the ISEC
questions and no other is taken and scored by the level rules; a file that names other
areas must still answer every question, and one missing an ISEC column is refused."""
from __future__ import annotations

import pytest

from sva.errors import BadInput
from sva.hq.programme_store import import_saq, load_results
from tests.hq_programme.conftest import write_csv

ISEC = ["ISEC-01", "ISEC-02", "ISEC-03", "ISEC-04", "ISEC-05", "ISEC-06"]
FIXED = ["supplier_code", "fiscal_year", "submitted_on"]


def test_an_infosec_only_file_is_imported_and_scored(storage, tmp_path):
    path = write_csv(tmp_path / "isec.csv", FIXED + ISEC,
                     [["S001", "2026", "2026-06-01", "yes", "yes", "yes", "na", "yes", "yes"],
                      ["S002", "2026", "2026-06-02", "no", "yes", "yes", "yes", "yes", "yes"]])
    out = import_saq(storage, path, 2026)
    assert out["responses"] == 2 and not out["skipped"]
    with storage.transaction(write=False) as tx:
        got = {r.supplier_code: r for r in load_results(tx, fy=2026)}
    assert got["S001"].isec_level == "A" and got["S001"].area_scores["HR"] is None
    assert got["S002"].isec_level == "C"                        # knock-out ISEC-01 "no"


@pytest.mark.parametrize("columns,missing", [
    (FIXED + ISEC[:-1], "ISEC-06"),                            # an ISEC column short
    (FIXED + ["HR-01"] + ISEC, "HR-02"),                       # names HR: every question
])
def test_a_partial_file_is_still_refused(storage, tmp_path, columns, missing):
    row = ["S001", "2026", "2026-06-01", *(["yes"] * (len(columns) - 3))]
    path = write_csv(tmp_path / "partial.csv", columns, [row])
    with pytest.raises(BadInput) as err:
        import_saq(storage, path, 2026)
    assert missing.lower() in str(err.value).lower()
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM saq_levels") == 0
