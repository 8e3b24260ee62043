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
    back = tmp_path / "back.xlsx"
    out = hq_cli("cmrt", "file", "--supplier", "S001", "--fy", "2024", "-o", back,
                 "--data-dir", hq)
    assert out.returncode == 0, out.stderr
    assert back.read_bytes() == (tmp_path / "good.xlsx").read_bytes()
    out = hq_cli("cmrt", "file", "--supplier", "S001", "--fy", "2023", "-o", back,
                 "--data-dir", hq)
    assert out.returncode == 2 and "no CMRT of S001 for FY2023" in out.stderr


def test_declarations_events_climate_chemicals_commands(tmp_path):
    hq = tmp_path / "hq"
    write_csv(tmp_path / "reg.csv", REGISTRY_HEADER,
              [[c, "Supplier", "", "JP", "parts", 10, "no", "no", "no", "", ""]
               for c in ("S001", "S002")])
    assert hq_cli("import", "suppliers", tmp_path / "reg.csv", "--data-dir", hq).returncode == 0
    write_csv(tmp_path / "req.csv", ["supplier_code", "decl_type", "requested_on", "reason"],
              [["S001", "env_ohs", "2020-05-01", "new_supplier"],
               ["S002", "env_ohs", "2020-05-01", "new_supplier"]])
    out = hq_cli("declarations", "import", "requests", tmp_path / "req.csv", "--data-dir", hq)
    assert out.returncode == 0 and "2 request(s)" in out.stdout, out.stderr
    write_csv(tmp_path / "rec.csv", ["supplier_code", "decl_type", "version", "received_on",
                                     "signed_by"],
              [["S001", "env_ohs", "1", "2020-05-20", "Taro Yamada"]])
    assert hq_cli("declarations", "import", "receipts", tmp_path / "rec.csv",
                  "--data-dir", hq).returncode == 0
    out = hq_cli("declarations", "outstanding", "--data-dir", hq)
    assert out.stdout.splitlines()[1:] == ["S002,env_ohs,2020-05-01,new_supplier"]
    out = hq_cli("events", "add", "--kind", "partners_meeting", "--date", "2020-01-24",
                 "--title", "Partners meeting", "--topic", "environment", "--data-dir", hq)
    assert out.returncode == 0, out.stderr
    event = out.stdout.strip()
    listed = hq_cli("events", "list", "--fy", "2019", "--data-dir", hq).stdout
    assert listed.startswith(f"{event}  2020-01-24  partners_meeting") and "1 event(s)" in listed
    write_csv(tmp_path / "att.csv", ["person", "position", "supplier_code", "management"],
              [["A", "CEO", "S001", "yes"], ["B", "CFO", "S002", "yes"]])
    out = hq_cli("events", "attendance", event, tmp_path / "att.csv", "--data-dir", hq)
    assert "2 attendee(s)" in out.stdout, out.stderr
    write_csv(tmp_path / "cl.csv", ["supplier_code", "cdp_invited", "green_status"],
              [["S001", "yes", "certified"], ["S002", "no", "certified"]])
    assert hq_cli("climate", "import", tmp_path / "cl.csv", "--fy", "2019",
                  "--data-dir", hq).returncode == 0
    write_csv(tmp_path / "ch.csv", ["supplier_code", "product_family", "regulation", "status"],
              [["S001", "Cables", "REACH", "requested"]])
    out = hq_cli("chemicals", "import", tmp_path / "ch.csv", "--fy", "2019", "--data-dir", hq)
    assert out.returncode == 0, out.stderr
    out = hq_cli("figures", "--fy", "2019", "--data-dir", hq)
    assert "2 people (2 management) from 2 suppliers" in out.stdout
    assert "Green procurement rate" in out.stdout and "100.0%" in out.stdout
    assert "1 surveys at 1 suppliers, 0.0% answered, 1 open" in out.stdout
    bad = hq_cli("events", "attendance", event, tmp_path / "reg.csv", "--data-dir", hq)
    assert bad.returncode == 2 and "required column is missing" in bad.stderr
