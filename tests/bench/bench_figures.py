"""Benchmark: yearly figures and the visit planner on a generated HQ database of 20,000
suppliers and 5 fiscal years (≈10,000 audits, 100,000 findings), with the registry's history
(spend per supplier per year, flags with validity dates).

Prints the time of `figures` for one year (sva.hq.programme_figures.figures_for: what
`sva-hq figures` and the dashboard run) next to a baseline measured in the same run on the
same database: one hand-written SQL aggregate query per figure. Target: ≤ 2× the baseline.
Then the planner's time for 20,000 suppliers. Run: .venv/bin/python tests/bench/bench_figures.py
"""
from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sva.vocabulary import AREAS  # noqa: E402
from sva.places import region_of  # noqa: E402
from sva.hq.programme_figures import figures_for  # noqa: E402
from sva.hq.programme_plans import plan_for  # noqa: E402
from sva.hq.storage import open_storage  # noqa: E402

SUPPLIERS, YEARS, AUDITS, FINDINGS = 20_000, (2020, 2021, 2022, 2023, 2024), 10_000, 100_000
FY = 2023
COUNTRIES = ["JP"] * 72 + ["CN", "TW", "VN", "TH", "MY"] * 2 + ["KR", "SG", "IN"] + \
    ["US"] * 10 + ["CA"] * 2 + ["DE", "GB"] + ["MX"]
CATS = ["it_services", "printing", "logistics", "electronic_components", "mechanical_parts"]
SEVERITIES = ["significant"] + ["minor"] * 8 + ["observation"] * 7 + ["good_practice"] * 4
STATUSES = ["open", "cap_submitted", "cap_accepted", "cap_rejected"] + ["verified_closed"] * 4


def build(folder: Path) -> None:
    rng = random.Random(42)
    uid = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))  # noqa: E731
    open_storage(folder)                     # create + migrate the real schema
    conn = sqlite3.connect(folder / "hq.db")
    conn.execute("INSERT INTO users (id, name, role, created_at) VALUES ('u1', 'aud', "
                 "'auditor', '2020-01-01')")
    suppliers = []
    for i in range(SUPPLIERS):
        c = rng.choice(COUNTRIES)
        suppliers.append((uid(), f"S{i:05d}", f"Supplier {i}", c, region_of(c),
                          json.dumps(rng.sample(CATS, 2)), int(rng.lognormvariate(18, 2)),
                          int(rng.random() < .1), int(rng.random() < .05),
                          int(rng.random() < .08), "2020-01-01", 1))
    conn.executemany("INSERT INTO suppliers (id, code, name_en, country, region, categories, "
                     "annual_spend, large_amount, rare_product, hard_to_replace, updated_at, "
                     "rev) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", suppliers)
    # the registry's history: spend per supplier per year, flags with validity dates (a tenth
    # of the suppliers change flags in FY2022)
    conn.executemany("INSERT INTO supplier_spend (supplier_code, fy, annual_spend, region, "
                     "imported_at) VALUES (?,?,?,?,?)",
                     [(code, fy, int(spend * rng.uniform(0.8, 1.2)), region, "2020-01-01")
                      for _, code, _, _, region, _, spend, *_ in suppliers for fy in YEARS])
    attributes = []
    for _, code, _, _, _, cats, _, large, rare, hard, *_ in suppliers:
        if rng.random() < 0.1:
            attributes.append((code, "2000-01-01", "2022-03-31", 1 - large, rare, hard, cats))
            attributes.append((code, "2022-04-01", None, large, rare, hard, cats))
        else:
            attributes.append((code, "2000-01-01", None, large, rare, hard, cats))
    conn.executemany("INSERT INTO supplier_attributes (supplier_code, valid_from, valid_to, "
                     "large_amount, rare_product, hard_to_replace, categories, recorded_at) "
                     "VALUES (?,?,?,?,?,?,?,'2020-01-01')", attributes)
    levels = []
    for fy in YEARS:
        for _, code, *_ in suppliers:
            if rng.random() < 0.8:
                scores = [round(rng.uniform(20, 100), 1) for _ in AREAS]
                isec = scores[AREAS.index("ISEC")]
                level = "A" if isec >= 85 else "B" if isec >= 65 else "C" if isec >= 40 else "D"
                levels.append((code, fy, f"{fy}-06-01", "saq@1", 1, level, *scores,
                               '{"reasons": []}', "2020-01-01"))
    conn.executemany("INSERT INTO saq_levels (supplier_code, fy, submitted_on, saq_ref, "
                     "rules_version, isec_level, score_hr, score_ohs, score_ft, score_env, "
                     "score_isec, score_pqs, explanation, computed_at) VALUES "
                     "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)", levels)
    audits, findings = [], []
    for i in range(AUDITS):
        fy = YEARS[i % len(YEARS)]
        day = f"{fy + (1 if i % 4 == 3 else 0)}-{[4, 7, 10, 1][i % 4]:02d}-{1 + i % 28:02d}"
        aid = uid()
        audits.append((aid, "u1", "dev", suppliers[rng.randrange(SUPPLIERS)][1],
                       rng.choice(["synced"] * 9 + ["in_progress"]), "h", "{}", day, day, 1,
                       rng.choice(["svr", "infosec"]), day, 1))
        for _ in range(FINDINGS // AUDITS):
            status = rng.choice(STATUSES)
            findings.append((uid(), aid, status, "2020-01-01", "dev", 1,
                             f"ITEM-{rng.randrange(60):02d}", rng.choice(AREAS),
                             rng.choice(SEVERITIES),
                             day if status == "verified_closed" else None))
    conn.executemany("INSERT INTO audits (id, owner_id, device_id, supplier_code, status, "
                     "doc_hash, document, first_received_at, received_at, rev, kind, "
                     "visit_date, facts_rev) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", audits)
    conn.executemany("INSERT INTO findings (id, audit_id, status, updated_at, updated_by, rev, "
                     "item_id, area, severity, verified_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     findings)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def baseline(db: Path, fy: int) -> None:
    """One hand-written aggregate query per figure, on a fresh connection like a request."""
    lo, hi = f"{fy}-04-01", f"{fy + 1}-03-31"
    done = "a.status NOT IN ('planned', 'in_progress') AND a.visit_date BETWEEN ? AND ?"
    join = f"FROM findings f JOIN audits a ON a.id = f.audit_id WHERE {done}"
    conn = sqlite3.connect(db)
    queries = [
        ("SELECT COUNT(*), SUM(h.large_amount + h.rare_product + h.hard_to_replace > 0) FROM "
         "saq_levels l LEFT JOIN supplier_attributes h ON h.supplier_code = l.supplier_code "
         "AND h.valid_from <= ? AND (h.valid_to IS NULL OR h.valid_to >= ?) WHERE l.fy = ?",
         (hi, hi, fy)),
        ("SELECT COUNT(*) FROM supplier_spend p JOIN supplier_attributes h ON h.supplier_code = "
         "p.supplier_code AND h.valid_from <= ? AND (h.valid_to IS NULL OR h.valid_to >= ?) "
         "WHERE p.fy = ? AND h.large_amount + h.rare_product + h.hard_to_replace > 0",
         (hi, hi, fy)),
        ("SELECT " + ", ".join(f"COUNT(score_{a.lower()})" for a in AREAS)
         + " FROM saq_levels WHERE fy = ?", (fy,)),
        ("SELECT isec_level, COUNT(*) FROM saq_levels WHERE fy = ? GROUP BY isec_level", (fy,)),
        (f"SELECT a.kind, COUNT(*) FROM audits a WHERE {done} GROUP BY a.kind", (lo, hi)),
        (f"SELECT COUNT(DISTINCT a.supplier_code) FROM audits a WHERE {done}", (lo, hi)),
        (f"SELECT f.area, f.severity, COUNT(*) {join} GROUP BY 1, 2", (lo, hi)),
        (f"SELECT f.item_id, COUNT(DISTINCT a.supplier_code) {join} AND f.severity = 'minor' "
         "GROUP BY 1", (lo, hi)),
        (f"SELECT COUNT(*), SUM(f.status = 'verified_closed') {join} AND f.severity IN "
         "('significant', 'minor')", (lo, hi)),
        (f"SELECT julianday(f.verified_at) - julianday(a.visit_date) {join} AND f.severity IN "
         "('significant', 'minor') AND f.status = 'verified_closed'", (lo, hi)),
        ("SELECT region, SUM(annual_spend) FROM supplier_spend WHERE fy = ? GROUP BY region",
         (fy,)),
    ]
    for sql, args in queries:
        conn.execute(sql, args).fetchall()
    conn.close()


def best(fn, runs=5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        build(folder)
        print(f"generated HQ database in {time.perf_counter() - t:.1f} s: {SUPPLIERS:,} "
              f"suppliers, {len(YEARS)} FYs, {AUDITS:,} audits, {FINDINGS:,} findings")
        storage = open_storage(folder)
        fig = figures_for(storage, FY)
        print(f"FY{FY}: {sum(fig['onsite_assessments'].values())} on-site assessments, "
              f"{sum(fig['findings_by_severity'].values())} findings, "
              f"{fig['document_checks']['suppliers']['all']} document checks")
        ours = best(lambda: figures_for(storage, FY))
        base = best(lambda: baseline(folder / "hq.db", FY))
        ratio = ours / base
        print(f"figures FY{FY}:      {ours * 1000:8.1f} ms")
        print(f"baseline (SQL/fig): {base * 1000:8.1f} ms")
        print(f"ratio:              {ratio:8.2f}x  (target <= 2x: "
              f"{'met' if ratio <= 2 else 'NOT met'})")
        t = time.perf_counter()
        rows = plan_for(storage, 2025, capacity=30, kind="infosec")
        planner = time.perf_counter() - t
        print(f"planner, {SUPPLIERS:,} suppliers (load + rank, top {len(rows)}): "
              f"{planner * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
