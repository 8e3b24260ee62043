"""Benchmark: sync to a real HQ (`sva-hq serve`, uvicorn subprocess on 127.0.0.1).

1. Push one signed audit with 40 photos (~100 MB of distinct, generated JPEGs) with
   `sva sync`; baseline in the same run: a plain HTTP PUT of the same bytes with httpx
   (one keep-alive client, one PUT per photo) to a minimal uvicorn endpoint
   (tests/bench/minimal_put_server.py: writes the body to a file, nothing else).
   Both sides run twice, alternating; the best of each is compared. Target ≥ 0.8×.
2. A second sync with nothing changed: time, and bytes on the wire both ways counted by a
   loopback TCP proxy. Targets < 0.3 s and < 20 KB.
3. 50 simulated devices (threads, one enrolled device and HTTP client each) pushing audits
   concurrently to one HQ — on SQLite and on PostgreSQL (a throwaway cluster started here):
   errors (must be 0) and p95 latency of a whole audit (push + photo upload + confirm) and
   of the push request alone.

Env: SVA_BENCH_PHOTOS (40), SVA_BENCH_DEVICES (50), SVA_BENCH_AUDITS (audits per device, 4).
"""
from __future__ import annotations

import hashlib
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import keyring  # noqa: E402

N_PHOTOS = int(os.environ.get("SVA_BENCH_PHOTOS", "40"))
N_DEVICES = int(os.environ.get("SVA_BENCH_DEVICES", "50"))
AUDITS_PER_DEVICE = int(os.environ.get("SVA_BENCH_AUDITS", "4"))
ROUNDS = 3
PHOTO_PIXELS = (2000, 1400)        # noise JPEG at q90: ~2.5 MB each, 40 → ~100 MB


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def make_photo(seed: int) -> bytes:
    from PIL import Image
    w, h = PHOTO_PIXELS
    img = Image.frombytes("RGB", (w, h), random.Random(seed).randbytes(w * h * 3))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def wait_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1, trust_env=False)
            return
        except httpx.TransportError:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
    raise RuntimeError(f"server did not start:\n{log.read_text()}")


# -- 1. throughput ------------------------------------------------------------------------
def baseline_put(photos: list[bytes], tmp: Path, streams: int = 1) -> float:
    from tests.hq.conftest import free_port
    port = free_port()
    log = tmp / "baseline.log"
    with open(log, "ab") as fh:
        proc = subprocess.Popen([sys.executable, str(ROOT / "tests/bench/minimal_put_server.py"),
                                 str(port), str(tmp / f"baseline-{port}")],
                                cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_up(url, proc, log)
        with httpx.Client(base_url=url, trust_env=False, timeout=60) as client:
            def put(data: bytes) -> None:
                r = client.put(f"/put/{hashlib.sha256(data).hexdigest()}", content=data,
                               headers={"Content-Type": "application/octet-stream"})
                r.raise_for_status()
            start = time.perf_counter()
            if streams == 1:
                for data in photos:
                    put(data)
            else:
                from concurrent.futures import ThreadPoolExecutor
                with ThreadPoolExecutor(streams) as pool:
                    list(pool.map(put, photos))
            return time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Device:
    """An enrolled device workspace with one assigned, signed audit holding the photos."""

    def __init__(self, hq, tmp: Path, name: str, photos: list[bytes]):
        from sva.hq import masterdata
        from sva.sync.engine import enrol, sync
        from sva.workspace import Workspace
        from tests.conftest import PNG_1x1, answer_all
        self.ws = Workspace(tmp / f"device-{name}")
        enrol(self.ws, hq.url, hq.auditor(name), device_name=name)
        masterdata.assign(hq.storage, name, "S001", "Kawasaki plant", kind="svr",
                          planned_date="2026-05-12")
        (self.audit_id,) = sync(self.ws).new_audits
        answer_all(self.ws, self.audit_id)
        for i, data in enumerate(photos):
            self.ws.photos.add_bytes(self.audit_id, data, filename=f"IMG_{i:04d}.JPG")
        self.ws.audits.complete(self.audit_id)
        self.ws.audits.sign(self.audit_id, signer_name="Taro Yamada", role="Plant manager",
                            organisation="Kanto Parts", image_png=PNG_1x1)


def sva_push(hq, tmp: Path, photos: list[bytes], round_no: int) -> tuple[float, int, Device]:
    from sva.sync.engine import sync
    device = Device(hq, tmp, f"bench-{round_no}", photos)
    start = time.perf_counter()
    report = sync(device.ws)
    took = time.perf_counter() - start
    assert report.push.marked_synced == [device.audit_id], report
    return took, report.push.bytes_uploaded, device


def second_sync(hq, device: Device) -> tuple[float, int, int]:
    """(seconds, bytes up, bytes down) of a sync with nothing to do."""
    from sva.sync import state
    from sva.sync.engine import sync
    from tests.hq.faultproxy import FaultyProxy
    times = []
    for _ in range(5):
        start = time.perf_counter()
        report = sync(device.ws)
        times.append(time.perf_counter() - start)
        assert report.push.pushed == [] and report.push.bytes_uploaded == 0
    proxy = FaultyProxy(hq.port)          # faults off: it only counts the bytes
    url = state.server(device.ws.db)["url"]
    with device.ws.db.atomic():
        device.ws.db.execute("UPDATE sync_server SET url = ? WHERE id = 1", [proxy.url])
    try:
        sync(device.ws)
        proxy.quiet()
    finally:
        with device.ws.db.atomic():
            device.ws.db.execute("UPDATE sync_server SET url = ? WHERE id = 1", [url])
        proxy.close()
    return statistics.median(times), proxy.stats["bytes_up"], proxy.stats["bytes_down"]


# -- 3. many devices ------------------------------------------------------------------------
def audit_doc(rng: random.Random, photo: bytes) -> dict:
    answers = [{"id": str(uuid.uuid4()), "item_id": f"I{i:03d}",
                "result": rng.choice(["conforms", "observation", "not_applicable"]),
                "note": "seen on the floor " * rng.randint(0, 5),
                "answered_at": "2026-05-12T01:00:00Z"} for i in range(40)]
    findings = [{"id": str(uuid.uuid4()), "item_id": f"I{i:03d}", "area": "OHS",
                 "severity": "minor", "requirement": "exits clear", "observed": "pallets",
                 "required_action": "clear them", "due_date": "2026-06-12", "status": "open"}
                for i in range(3)]
    return {"id": str(uuid.uuid4()), "supplier_id": "x", "supplier_code": "S001", "site_id": "y",
            "site_name": "Kawasaki plant", "template_ref": "svr@1", "kind": "svr",
            "planned_date": "2026-05-12", "status": "signed", "content_hash": "0" * 64,
            "answers": answers, "findings": findings,
            "photos": [{"id": str(uuid.uuid4()), "sha256": hashlib.sha256(photo).hexdigest(),
                        "size": len(photo), "media_type": "image/jpeg", "width": 1,
                        "height": 1, "rendering": "redacted"}]}


def many_devices(hq, label: str) -> None:
    from sva.sync.http import HqClient
    from sva.sync.push import upload_blob
    from sva.hq import masterdata
    from tests.hq.conftest import jpeg
    tokens = [hq.token_for(f"{label}-device-{i}")[0] for i in range(N_DEVICES)]
    for i in range(N_DEVICES):          # HQ takes pushes only within an auditor's assignments
        masterdata.assign(hq.storage, f"{label}-device-{i}", "S001", "Kawasaki plant",
                          kind="svr", planned_date="2026-05-12")
    errors: list[str] = []
    audit_times: list[float] = []
    push_times: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(N_DEVICES)
    folder = Path(tempfile.mkdtemp(prefix="sva-bench-photos-"))

    def device(i: int) -> None:
        rng = random.Random(i)
        try:
            with HqClient(hq.url, tokens[i]) as client:
                work = []
                for n in range(AUDITS_PER_DEVICE):
                    # a real JPEG (HQ keeps only bytes it sniffs as a photo) of 100–300 KB
                    photo = jpeg(i * 1000 + n, size=(rng.randint(400, 660), 280))
                    path = folder / f"{label}-{i}-{n}"
                    path.write_bytes(photo)
                    work.append((audit_doc(rng, photo), path, photo))
                barrier.wait(timeout=120)
                for doc, path, photo in work:
                    start = time.perf_counter()
                    answer = client.push(doc)
                    pushed = time.perf_counter()
                    for sha in answer["missing_blobs"]:
                        upload_blob(client, path, sha, len(photo))
                    confirmed = client.confirm(doc["id"])
                    end = time.perf_counter()
                    with lock:
                        push_times.append(pushed - start)
                        audit_times.append(end - start)
                        if not confirmed["complete"]:
                            errors.append(f"device {i}: audit not complete")
        except Exception as exc:  # noqa: BLE001 - every failure counts as an error
            with lock:
                errors.append(f"device {i}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=device, args=(i,)) for i in range(N_DEVICES)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    with hq.storage.transaction(write=False) as tx:
        held = tx.scalar("SELECT COUNT(*) FROM audits WHERE supplier_code = 'S001' AND "
                         "owner_id IN (SELECT id FROM users WHERE name LIKE ?)", (f"{label}-%",))
    expected = N_DEVICES * AUDITS_PER_DEVICE
    if held != expected:
        errors.append(f"HQ holds {held} of {expected} audits")

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=100)[94] if len(values) >= 2 else float("nan")

    print(f"  {label:10} {N_DEVICES} devices × {AUDITS_PER_DEVICE} audits: errors {len(errors)}"
          f" (target 0); audit push+photo+confirm p95 {p95(audit_times) * 1000:.0f} ms, "
          f"median {statistics.median(audit_times) * 1000:.0f} ms; push request p95 "
          f"{p95(push_times) * 1000:.0f} ms; {expected / wall:.1f} audits/s overall"
          + ("" if not errors else f"  [{'; '.join(errors[:3])}]"))


# -- main ---------------------------------------------------------------------------------
def main() -> int:
    from tests.hq.conftest import HQ, MemoryKeyring
    from tests.hq.pgcluster import Cluster
    keyring.set_keyring(MemoryKeyring())
    tmp = Path(tempfile.mkdtemp(prefix="sva-bench-sync-"))
    print(f"generating {N_PHOTOS} photos …", flush=True)
    photos = [make_photo(10_000 + i) for i in range(N_PHOTOS)]
    total = sum(map(len, photos))
    print(f"  {N_PHOTOS} distinct JPEGs, {mb(total)}")

    print(f"1. push one audit with all photos (best of {ROUNDS}, alternating with the "
          "baseline; a fresh HQ each round)", flush=True)
    from sva.sync.push import UPLOAD_STREAMS
    ours, base, base2, hq, device = [], [], [], None, None
    try:
        for r in range(ROUNDS):
            base.append(baseline_put(photos, tmp))
            base2.append(baseline_put(photos, tmp, UPLOAD_STREAMS))
            if hq is not None:
                hq.stop()
                hq.storage.close()
            hq = HQ(tmp / f"hq-{r}")
            hq.master_data(tmp)
            hq.start()
            took, sent, device = sva_push(hq, tmp, photos, r)
            assert sent == total, (sent, total)
            ours.append(took)
        t_ours, t_base = min(ours), min(base)
        ratio = (total / t_ours) / (total / t_base)
        print(f"  sva sync      : {mb(total)} in {t_ours:.2f} s = {total / t_ours / 1e6:.1f} MB/s"
              f"  (runs: {', '.join(f'{t:.2f}' for t in ours)})")
        print(f"  baseline PUT  : {mb(total)} in {t_base:.2f} s = {total / t_base / 1e6:.1f} MB/s"
              f"  (runs: {', '.join(f'{t:.2f}' for t in base)})")
        print(f"  ratio         : {ratio:.2f}× the baseline (target ≥ 0.8) "
              f"{'OK' if ratio >= 0.8 else 'MISSED'}")
        t_base2 = min(base2)
        print(f"  for reference : sva sync sends {UPLOAD_STREAMS} photos at once; the same "
              f"baseline with {UPLOAD_STREAMS} parallel PUTs: {total / t_base2 / 1e6:.1f} MB/s "
              f"→ ratio {t_base2 / t_ours:.2f}×")

        print("2. second sync, nothing changed", flush=True)
        seconds, up, down = second_sync(hq, device)
        print(f"  time {seconds * 1000:.0f} ms (median of 5; target < 300 ms) "
              f"{'OK' if seconds < 0.3 else 'MISSED'}; on the wire {up} B up + {down} B down"
              f" = {(up + down) / 1000:.1f} KB (target < 20 KB) "
              f"{'OK' if up + down < 20_000 else 'MISSED'}")
    finally:
        if hq is not None:
            hq.stop()
            hq.storage.close()

    print(f"3. {N_DEVICES} devices pushing concurrently", flush=True)
    hq = HQ(tmp / "hq-sqlite")
    hq.master_data(tmp)
    hq.start()
    try:
        many_devices(hq, "sqlite")
    finally:
        hq.stop()
        hq.storage.close()
    cluster = Cluster()
    try:
        cluster.start()
        hq = HQ(tmp / "hq-pg", cluster.create_database("sva_bench"))
        hq.master_data(tmp)
        hq.start()
        try:
            many_devices(hq, "postgresql")
        finally:
            hq.stop()
            hq.storage.close()
    finally:
        cluster.stop()
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
