"""The programmes' `sva-hq` commands in a subprocess: a good CMRT is imported and shows in
the smelter roll-up; a bad one exits 2 with the problem named and nothing kept."""
from __future__ import annotations

from tests.hq_programme.conftest import REGISTRY_HEADER, hq_cli, write_csv

from .workbooks import cmrt


def test_cmrt_commands(tmp_path):
    hq = tmp_path / "hq"
    write_csv(tmp_path / "reg.csv", REGISTRY_HEADER,
              [["S001", "Supplier", "", "JP", "parts", 10, "no", "no", "no", "", ""]])
    assert hq_cli("import", "suppliers", tmp_path / "reg.csv", "--data-dir", hq).returncode == 0
    bad = tmp_path / "bad.xlsx"
    bad.write_text("metal,smelter\nGold,CID000082\n")
    out = hq_cli("cmrt", "import", bad, "--supplier", "S001", "--fy", "2024", "--data-dir", hq)
    assert out.returncode == 2
    assert "bad.xlsx: not an XLSX workbook (it looks like text" in out.stderr
    assert "Traceback" not in out.stderr
    out = hq_cli("cmrt", "smelters", "--fy", "2024", "--data-dir", hq)
    assert out.stdout.strip().count("\n") == 0          # the header only
    out = hq_cli("cmrt", "import", cmrt(tmp_path / "good.xlsx"), "--supplier", "S001",
                 "--fy", "2024", "--data-dir", hq)
    assert out.returncode == 0, out.stderr
    assert "CMRT 6.22 of S001 for FY2024: 5 smelter(s) kept" in out.stdout
    out = hq_cli("cmrt", "smelters", "--fy", "2024", "--data-dir", hq)
    assert "Gold,CID000082,Asahi Pretec Corp.,JAPAN,1,no,S001" in out.stdout
