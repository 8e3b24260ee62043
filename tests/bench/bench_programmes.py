"""Benchmark: the programmes' yearly figures (issue 19: declarations, dissemination,
climate, CMRT, chemicals) on a generated HQ database of 20,000 suppliers.

Prints the time of `sva.hq.programmes.panels.extra_figures` for one year (what `sva-hq
figures` and the dashboard add) next to a baseline measured in the same run on the same
database: one plain SQL count per headline figure. Target: ≤ 3× the baseline (the panels
also build the smelter roll-up and CO2 by region/category).
Run: .venv/bin/python tests/bench/bench_programmes.py
"""
from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sva.hq.programmes.panels import extra_figures  # noqa: E402
from sva.hq.storage import open_storage  # noqa: E402

SUPPLIERS, FY = 20_000, 2021
CATS = ["electronic components", "cables", "metal parts", "IT services", "logistics"]


def build(folder: Path) -> None:
    rng = random.Random(19)
    open_storage(folder).close()
    conn = sqlite3.connect(folder / "hq.db")
    codes = [f"S{i:05d}" for i in range(SUPPLIERS)]
    conn.executemany("INSERT INTO suppliers (id, code, name_en, country, region, categories, "
                     "updated_at, rev) VALUES (?,?,?,?,?,?,?,1)",
                     [(c, c, c, "JP", rng.choice(["JP", "ASIA", "NA"]),
                       json.dumps([rng.choice(CATS)]), "2020-01-01") for c in codes])
    receipts, requests = [], []
    for c in codes:
        day = f"{rng.randint(2015, 2022)}-{rng.randint(4, 12):02d}-{rng.randint(1, 28):02d}"
        requests.append((c + "q", c, "env_ohs", "new_supplier", day, day))
        if rng.random() < 0.9:
            receipts.append((c + "r", c, "env_ohs", 1, day, "x", day))
    conn.executemany("INSERT INTO declaration_requests VALUES (?,?,?,?,?,?)", requests)
    conn.executemany("INSERT INTO declaration_receipts (id, supplier_code, decl_type, version, "
                     "received_on, signed_by, imported_at) VALUES (?,?,?,?,?,?,?)", receipts)
    conn.execute("INSERT INTO dissemination_events VALUES ('e', 'partners_meeting', "
                 "'2021-06-01', 'Meeting', '[]', '2021')")
    conn.executemany("INSERT INTO dissemination_attendees VALUES ('e', ?, 'CEO', ?, 1)",
                     [(f"p{i}", rng.choice(codes)) for i in range(10_000)])
    conn.executemany("INSERT INTO climate_records VALUES (?,?,?,?,?,?,?,?,?)",
                     [(c, FY, 1, int(rng.random() < .8), "B", rng.uniform(1, 1e4), "hybrid", 1,
                       "certified") for c in codes])
    smelters = {(c, rng.choice(["Gold", "Tin"]), f"CID{rng.randint(0, 400):06d}")
                for c in rng.sample(codes, 5_000) for _ in range(20)}
    conn.executemany("INSERT INTO cmrt_smelters VALUES (?,?,?,?,'n','JAPAN')",
                     [(c, FY, m, s) for c, m, s in smelters])
    conn.executemany("INSERT INTO cmrt_reports VALUES (?,?,'6.31','c','A','{}','f','s','t','a')",
                     [(c, FY) for c in {c for c, _, _ in smelters}])
    conn.executemany("INSERT INTO cmrt_requests VALUES (?,?,'2021-05-01')",
                     [(c, FY) for c in codes[:6_000]])
    conn.executemany("INSERT INTO chemical_surveys VALUES (?,?,?,?,?,'','')",
                     [(c, FY, f, r, rng.choice(["compliant", "requested"]))
                      for c in codes for f in ("A", "B") for r in ("RoHS", "REACH")])
    conn.commit()
    conn.close()


BASELINE = [
    "SELECT COUNT(*) FROM declaration_receipts WHERE received_on BETWEEN '2021-04-01' AND "
    "'2022-03-31'",
    "SELECT COUNT(DISTINCT supplier_code) FROM declaration_receipts WHERE decl_type = 'env_ohs'",
    "SELECT COUNT(*) FROM declaration_requests q WHERE NOT EXISTS (SELECT 1 FROM "
    "declaration_receipts r WHERE r.supplier_code = q.supplier_code)",
    "SELECT COUNT(*), COUNT(DISTINCT supplier_code) FROM dissemination_attendees",
    "SELECT SUM(cdp_invited), SUM(cdp_responded), SUM(co2_t) FROM climate_records WHERE fy = 2021",
    "SELECT s.region, SUM(c.co2_t) FROM climate_records c JOIN suppliers s ON s.code = "
    "c.supplier_code WHERE c.fy = 2021 GROUP BY s.region",
    "SELECT COUNT(DISTINCT smelter_id) FROM cmrt_smelters WHERE fy = 2021",
    "SELECT COUNT(*) FROM cmrt_reports WHERE fy = 2021",
    "SELECT regulation, status, COUNT(*) FROM chemical_surveys WHERE fy = 2021 GROUP BY 1, 2",
]


def best(fn, runs=5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(folder)
        storage = open_storage(folder)
        conn = sqlite3.connect(folder / "hq.db")

        def ours():
            with storage.transaction(write=False) as tx:
                return extra_figures(tx, FY)

        base = best(lambda: [conn.execute(q).fetchall() for q in BASELINE])
        mine = best(ours)
        print(f"programmes figures, {SUPPLIERS:,} suppliers: {mine * 1000:.0f} ms; "
              f"baseline (plain counts) {base * 1000:.0f} ms; ratio {mine / base:.1f}x "
              "(target ≤ 3x)")
        storage.close()
        conn.close()


if __name__ == "__main__":
    main()
