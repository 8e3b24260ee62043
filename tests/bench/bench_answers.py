"""Benchmark: record 10,000 answers one by one through the service API.

Baseline, measured in the same run on the same disk: bare sqlite3 INSERT + COMMIT of an
equivalent row with the same journal mode (WAL) and synchronous=FULL, one of each in
turn. Prints p50/p95 per
answer for both and the ratio of the medians (target: <= 2.0).
"""
from __future__ import annotations

import itertools
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sva.workspace import Workspace  # noqa: E402

N = int(os.environ.get("SVA_BENCH_N", "10000"))


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


class Service:
    """record_answer the way the editor makes it (ui/operations/hub.py): `ws.perform` with
    the answer's undo text, called from this (non-worker) thread — one transaction on the
    store worker, one undo step, the Changes for the broadcast."""

    def __init__(self, folder: Path):
        ws = self.ws = Workspace(folder)
        svr_ref = next(r for r in ws.templates.install_shipped() if r.startswith("svr@"))
        sid = ws.suppliers.add(code="B1", name_en="Bench Ltd.", country="JP")
        site = ws.suppliers.add_site(sid, name="Plant", country="JP", timezone="Asia/Tokyo")
        self.audit = ws.audits.create(supplier_id=sid, site_id=site, template_ref=svr_ref,
                                      planned_date="2026-11-25")
        ws.audits.start(self.audit)
        self.items = [i.id for i in ws.audits.template_of(ws.audits.audit(self.audit))
                      .items.values() if i.answer == "conformity"]
        self.results = itertools.cycle(["conforms", "nonconformity", "observation",
                                        "not_applicable"])

    def one(self, n: int) -> float:
        item, result = self.items[n % len(self.items)], next(self.results)
        start = time.perf_counter()
        self.ws.perform(f"Answer {item}: {result}", self.ws.audits.record_answer, self.audit,
                        item, result, f"note {n}", reason=None)
        return time.perf_counter() - start

    def on_worker(self, n: int) -> float:
        """The same, timed on the store worker itself: what the hop between threads costs is
        the difference (printed for the reader, not the target)."""
        return self.ws.run(self.one, n)


class Baseline:
    """Bare sqlite3: INSERT + COMMIT of an equivalent row, same journal mode and sync."""

    def __init__(self, folder: Path):
        self.conn = sqlite3.connect(folder / "base.db", isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("CREATE TABLE answers (id TEXT PRIMARY KEY, audit_id TEXT, "
                          "item_id TEXT, result TEXT, note TEXT, answered_at TEXT, "
                          "created_at TEXT, updated_at TEXT, updated_by TEXT, deleted INTEGER)")

    def one(self, n: int) -> float:
        row = (str(uuid.uuid4()), "audit", f"item{n % 50}", "conforms", f"note {n}",
               "2026-11-25T00:00:00Z", "2026-11-25T00:00:00Z", "2026-11-25T00:00:00Z",
               "device", 0)
        start = time.perf_counter()
        self.conn.execute("BEGIN")
        self.conn.execute("INSERT INTO answers VALUES (?,?,?,?,?,?,?,?,?,?)", row)
        self.conn.execute("COMMIT")
        return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory(dir=os.environ.get("SVA_BENCH_DIR")) as tmp:
        tmp = Path(tmp)
        (tmp / "svc").mkdir()
        baseline, svc = Baseline(tmp), Service(tmp / "svc")
        # Interleaved, one of each in turn: both see the same disk and the same load, so
        # the ratio holds on a busy machine too (an fsync costs what it costs at that moment).
        base, service, worker, hop = [], [], [], []
        for n in range(N):
            base.append(baseline.one(n))
            service.append(svc.one(n))
            if n % 4 == 0:
                worker.append(svc.on_worker(n))
                start = time.perf_counter()
                svc.ws.run(int)                 # the hop alone: a call that does nothing
                hop.append(time.perf_counter() - start)
        svc.ws.close()
        baseline.conn.close()
    ms = lambda s: f"{s * 1000:.3f} ms"  # noqa: E731
    print(f"record_answer x {N} as the editor makes it (WAL, synchronous=FULL, one "
          "transaction + audit-log row + undo step each)")
    print(f"  service : p50 {ms(statistics.median(service))}  p95 {ms(pct(service, .95))}")
    print(f"  baseline: p50 {ms(statistics.median(base))}  p95 {ms(pct(base, .95))}"
          "  (bare sqlite3 INSERT + COMMIT)")
    print(f"  of which on the store worker: p50 {ms(statistics.median(worker))}  (the rest is "
          "the hop from the caller's thread and back)")
    print(f"  the hop alone (a call that does nothing): p50 {ms(statistics.median(hop))}  "
          f"(two thread wake-ups; {os.cpu_count()} CPUs)")
    ratio = statistics.median(service) / statistics.median(base)
    print(f"  ratio p50 service/baseline: {ratio:.2f}  (target <= 2.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
