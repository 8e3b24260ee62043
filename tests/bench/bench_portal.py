"""Benchmark: supplier sessions saving questionnaire answers concurrently against a real
`sva-hq serve` on loopback, on SQLite and on PostgreSQL (a throwaway cluster started here).

Set-up (not timed): N suppliers, one contact each, an infosec campaign to all of them, and a
portal session per contact made directly at HQ (the login's scrypt is not what is measured;
tests/hq/test_login_flood.py covers the login under load). Then N sessions, each with its own
HTTP client and connection, post SAVES answer forms (CSRF field included) to their own
questionnaire, all at once. Printed: errors (target 0), p95 and median per save; next to it,
the baseline of the same run: the same number of clients at once on GET /api/v1/health (one
read transaction through the same server), p95.

Two load shapes: "burst" — every session posts its next save as soon as the last one
returned (all N at once: a queue, the worst case); "paced" — each session waits a random
think time (mean SVA_BENCH_PORTAL_THINK seconds, like a person answering) before each save,
so N sessions are open and saving concurrently at a human pace.

Env: SVA_BENCH_PORTAL_SESSIONS (200; the issue's target is 1500), SVA_BENCH_PORTAL_SAVES (3),
SVA_BENCH_PORTAL_THINK (10). Target: 0 errors, p95 per save < 150 ms.
"""
from __future__ import annotations

import asyncio
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

SESSIONS = int(os.environ.get("SVA_BENCH_PORTAL_SESSIONS", "200"))
SAVES = int(os.environ.get("SVA_BENCH_PORTAL_SAVES", "3"))
THINK = float(os.environ.get("SVA_BENCH_PORTAL_THINK", "10"))
ANSWERS = [{"a:IS-LAB-01": "yes", "a:IS-DSP-01": "partial"},
           {"a:IS-ACC-01": "no", "a:IS-STF-02": "14"},
           {"a:IS-NOTE": "Badge readers at every door; visitors escorted.", "a:IS-OUT-01": "na"}]


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def set_up(hq, tmp: Path) -> list[dict]:
    """N suppliers, a contact and a live session each, one infosec campaign to all."""
    from sva.hq.accounts import now_iso
    from sva.hq.portal import campaigns, contacts
    from sva.hq.programme_store import import_registry
    from sva.hq.web import csrf
    from sva.hq.web.passwords import hash_password
    from tests.hq_programme.conftest import REGISTRY_HEADER, write_csv
    rows = [[f"B{i:05d}", f"Bench Supplier {i}", "", "JP", "IT services", "1000", "0", "0",
             "0", "", ""] for i in range(SESSIONS)]
    import_registry(hq.storage, write_csv(tmp / "registry.csv", REGISTRY_HEADER, rows))
    hashed = hash_password("bench-password-long-1")
    with hq.storage.transaction() as tx:
        for s in tx.all("SELECT id, code FROM suppliers WHERE code LIKE 'B%'"):
            tx.execute("INSERT INTO portal_contacts (id, supplier_id, name, email, lang, "
                       "is_primary, password_hash, created_at, created_by) VALUES "
                       "(?,?,?,?,?,?,?,?,?)",
                       (str(uuid.uuid4()), s["id"], s["code"], f"{s['code'].lower()}@b.example",
                        "ja", 1, hashed, now_iso(), "bench"))
    campaigns.launch(hq.storage, fy=2026, questionnaire="infosec", due="2026-12-31",
                     t=campaigns.Targets(categories=("IT services",)), actor="bench")
    out = []
    with hq.storage.transaction(write=False) as tx:
        people = tx.all("SELECT c.*, r.id AS request_id FROM portal_contacts c JOIN "
                        "portal_requests r ON r.supplier_id = c.supplier_id")
    for person in people:
        cookie = csrf.new_cookie()
        out.append({"request": person["request_id"],
                    "session": contacts.start_session(hq.storage, person),
                    "csrf_cookie": cookie, "csrf": csrf.token_for(hq.storage, cookie)})
    return out


async def _session(base: str, s: dict, times: list, errors: list, start: asyncio.Event,
                   think: float = 0.0):
    cookies = {"sva_portal": s["session"], "sva_csrf": s["csrf_cookie"]}
    # Idle connections are dropped before the server's 5 s keep-alive ends, as browsers do:
    # otherwise a paced save may go out on a connection the server is closing (ReadError).
    async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=60, trust_env=False,
                                 limits=httpx.Limits(keepalive_expiry=4)) as client:
        start.ready += 1
        await start.wait()
        pace = random.Random(s["request"])
        for n in range(SAVES):
            if think:
                await asyncio.sleep(pace.uniform(0, 2 * think))
            t0 = time.perf_counter()
            try:
                r = await client.post(f"/portal/requests/{s['request']}/save",
                                      data={"csrf": s["csrf"], **ANSWERS[n % len(ANSWERS)]})
                if r.status_code != 303:
                    errors.append(f"HTTP {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
                continue
            times.append(time.perf_counter() - t0)


async def _health(base: str, times: list, errors: list, start: asyncio.Event,
                  think: float = 0.0):
    async with httpx.AsyncClient(base_url=base, timeout=60, trust_env=False,
                                 limits=httpx.Limits(keepalive_expiry=4)) as client:
        pace = random.Random(start.ready)      # each client its own think times
        start.ready += 1
        await start.wait()
        for _ in range(SAVES):
            if think:
                await asyncio.sleep(pace.uniform(0, 2 * think))
            t0 = time.perf_counter()
            try:
                r = await client.get("/api/v1/health")
                if r.status_code != 200:
                    errors.append(f"HTTP {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
                continue
            times.append(time.perf_counter() - t0)


async def _run(make) -> tuple[list, list, float]:
    times, errors, start = [], [], asyncio.Event()
    start.ready = 0
    tasks = [asyncio.create_task(make(times, errors, start)) for _ in range(SESSIONS)]
    while start.ready < SESSIONS:              # every client made before the clock starts
        await asyncio.sleep(0.05)
    t0 = time.perf_counter()
    start.set()
    await asyncio.gather(*tasks)
    return times, errors, time.perf_counter() - t0


def measure(hq, label: str, tmp: Path) -> None:
    sessions = set_up(hq, tmp)
    for shape, think in (("burst", 0.0), ("paced", THINK)):
        with hq.storage.transaction() as tx:
            tx.execute("DELETE FROM portal_answers")
        base_times, base_errors, _ = asyncio.run(_run(
            lambda t, e, s, think=think: _health(hq.url, t, e, s, think)))
        queue = list(sessions)
        times, errors, wall = asyncio.run(_run(
            lambda t, e, s, think=think, q=queue: _session(hq.url, q.pop(), t, e, s, think)))
        with hq.storage.transaction(write=False) as tx:
            saved = tx.scalar("SELECT COUNT(*) FROM portal_answers")
        expected = SESSIONS * len({k for a in ANSWERS[:SAVES] for k in a})
        print(f"  {label:10} {shape} ({'think ' + str(think) + ' s' if think else 'no think'})"
              f" {SESSIONS} sessions × {SAVES} saves: errors {len(errors)} (target 0), "
              f"answers stored {saved}/{expected}; save p95 {p95(times) * 1000:.0f} ms "
              f"(target < 150), median {statistics.median(times) * 1000:.0f} ms, "
              f"{len(times) / wall:.0f} saves/s; baseline GET /health, same clients and pace: "
              f"p95 {p95(base_times) * 1000:.0f} ms, errors {len(base_errors)}"
              + ("" if not errors else f"  [{'; '.join(sorted(set(errors))[:3])}]"), flush=True)


def main() -> int:
    from tests.hq.conftest import HQ
    from tests.hq.pgcluster import Cluster
    print(f"load: {os.getloadavg()[0]:.2f} (1 min average, {os.cpu_count()} CPUs)")
    tmp = Path(tempfile.mkdtemp(prefix="sva-bench-portal-"))
    try:
        hq = HQ(tmp / "hq-sqlite")
        hq.start()
        try:
            measure(hq, "sqlite", tmp)
        finally:
            hq.stop()
            hq.storage.close()
        cluster = Cluster()
        try:
            cluster.start()
            hq = HQ(tmp / "hq-pg", cluster.create_database("sva_bench"))
            hq.start()
            try:
                measure(hq, "postgresql", tmp)
            finally:
                hq.stop()
                hq.storage.close()
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
