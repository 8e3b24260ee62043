"""Benchmark: encryption at rest, encrypted vs plain in the same run, on the same disk.

(a) Autosave per answer: `ws.audits.record_answer` (one transaction, WAL, synchronous=FULL),
    N answers in a plain store and in an encrypted one (SQLCipher, raw key).
(b) Photo import: `ws.photos.add_bytes` of 3000×2000 JPEGs (decode, display/thumbnail/print
    copies, the original kept), plain vs encrypted (every file sealed with AES-256-GCM).
(c) Reading a photo back (`ws.photos.original`), plain vs encrypted.
Rounds alternate plain and encrypted so that a busy neighbour costs both alike. Prints
p50/p95 and the ratio of the medians (target: <= 1.3 for (a) and (b)).

    python tests/bench/bench_encryption.py    (SVA_BENCH_N answers, default 2000)
"""
from __future__ import annotations

import io
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import keyring  # noqa: E402
from PIL import Image  # noqa: E402

from sva.workspace import Workspace  # noqa: E402
from tests.keyrings import MemoryKeyring  # noqa: E402

N = int(os.environ.get("SVA_BENCH_N", "2000"))
PHOTOS = int(os.environ.get("SVA_BENCH_PHOTOS", "12"))
ROUNDS = 4


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def store(folder: Path, encrypt: bool):
    ws = Workspace(folder, encrypt=encrypt)
    assert ws.encrypted == encrypt
    ws.templates.install_shipped()
    sid = ws.suppliers.add(code="B1", name_en="Bench Ltd.", country="JP")
    site = ws.suppliers.add_site(sid, name="Plant", country="JP", timezone="Asia/Tokyo")
    audit = ws.audits.create(supplier_id=sid, site_id=site, template_ref="svr@2",
                             planned_date="2026-11-25")
    ws.audits.start(audit)
    return ws, audit


def answers(ws, audit, n: int) -> list[float]:
    items = [i.id for i in ws.audits.template_of(ws.audits.audit(audit)).items.values()
             if i.answer == "conformity"]
    results = itertools.cycle(["conforms", "nonconformity", "observation", "not_applicable"])
    times = []
    for k in range(n):
        start = time.perf_counter()
        ws.audits.record_answer(audit, items[k % len(items)], next(results), f"note {k}")
        times.append(time.perf_counter() - start)
    return times


def jpeg(seed: int) -> bytes:
    rng = random.Random(seed)
    small = Image.frombytes("RGB", (300, 200), rng.randbytes(300 * 200 * 3))
    out = io.BytesIO()
    small.resize((3000, 2000), Image.Resampling.BICUBIC).save(out, "JPEG", quality=88)
    return out.getvalue()


def photos(ws, audit, images: list[bytes]) -> tuple[list[float], list[float]]:
    add, read = [], []
    for data in images:
        start = time.perf_counter()
        pid = ws.photos.add_bytes(audit, data, filename="IMG.JPG")
        add.append(time.perf_counter() - start)
        sha = ws.photos.photo(pid)["sha256"]
        start = time.perf_counter()
        assert ws.photos.original(sha) == data
        read.append(time.perf_counter() - start)
    return add, read


def ms(v: float) -> str:
    return f"{v * 1000:7.2f} ms"


def line(name: str, plain: list[float], enc: list[float], target: float | None) -> float:
    ratio = statistics.median(enc) / statistics.median(plain)
    print(f"{name}\n  plain      p50 {ms(statistics.median(plain))}  p95 {ms(pct(plain, .95))}"
          f"\n  encrypted  p50 {ms(statistics.median(enc))}  p95 {ms(pct(enc, .95))}"
          f"\n  ratio of medians {ratio:.2f}"
          + (f"  (target <= {target})" if target else ""))
    return ratio


def main() -> int:
    keyring.set_keyring(MemoryKeyring())
    images = [jpeg(seed) for seed in range(PHOTOS * ROUNDS * 2)]
    base = Path(tempfile.mkdtemp(prefix="sva-bench-enc-", dir=os.environ.get("SVA_BENCH_DIR")))
    got = {False: ([], [], []), True: ([], [], [])}
    stores = {enc: store(base / ("encrypted" if enc else "plain"), enc) for enc in (False, True)}
    try:
        answers(stores[False][0], stores[False][1], 50)          # warm-up of both
        answers(stores[True][0], stores[True][1], 50)
        feed = iter(images)
        for _ in range(ROUNDS):
            for enc in (False, True):
                ws, audit = stores[enc]
                got[enc][0].extend(answers(ws, audit, N // ROUNDS))
                add, read = photos(ws, audit, [next(feed) for _ in range(PHOTOS)])
                got[enc][1].extend(add)
                got[enc][2].extend(read)
    finally:
        for ws, _ in stores.values():
            ws.close()
    print(f"load average {os.getloadavg()[0]:.2f} (2 cores); {N} answers and "
          f"{PHOTOS * ROUNDS} photos (3000x2000 JPEG) each, rounds alternating")
    a = line("(a) autosave per answer (record_answer)", got[False][0], got[True][0], 1.3)
    b = line("(b) photo import (add_bytes)", got[False][1], got[True][1], 1.3)
    line("(c) reading an original back", got[False][2], got[True][2], None)
    return 0 if a <= 1.3 and b <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())
