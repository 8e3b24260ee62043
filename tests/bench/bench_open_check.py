"""Benchmark: what the integrity check at open costs (sva/store/damage.py `verify`).

A process checks each database once (`PRAGMA quick_check`, read-only) before it writes to
it. Measured on the demo data and on a 2,000-audit store (tests/bench/big_store.py), each
against a baseline from the same run: the same open with the check skipped. Prints the
medians and the ratio; the check is what makes a damaged file a clear error instead of a
write into it.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sva.store import damage, open_db  # noqa: E402

RUNS = 7


def timed_open(folder: Path, check: bool) -> float:
    damage._verified.clear()
    real = damage.verify
    if not check:
        damage.verify = lambda folder: None
    try:
        start = time.perf_counter()
        db = open_db(folder)
        elapsed = time.perf_counter() - start
        db.close()
    finally:
        damage.verify = real
    return elapsed


def measure(name: str, folder: Path) -> None:
    timed_open(folder, True)                 # warm the page cache for both
    with_check = [timed_open(folder, True) for _ in range(RUNS)]
    without = [timed_open(folder, False) for _ in range(RUNS)]
    a, b = statistics.median(with_check), statistics.median(without)
    size = (folder / "sva.db").stat().st_size / (1024 * 1024)
    print(f"{name:28} {size:6.1f} MB  open {b * 1000:7.1f} ms  with check {a * 1000:7.1f} ms"
          f"  (+{(a - b) * 1000:.1f} ms, ratio {a / b:.2f})")


def main() -> None:
    from sva.demo import build_demo
    from tests.bench.big_store import build_big_store
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo"
        build_demo(demo, seed=1)
        measure("demo (18 audits)", demo)
        big = Path(tmp) / "big"
        build_big_store(big)
        measure("big store (2,000 audits)", big)


if __name__ == "__main__":
    main()
