"""A bounded login flood against a real `sva-hq serve` on loopback (issue 15, point 2).

Eight clients, each from its own loopback address (127.0.0.2 … 127.0.0.9, so the per-address
lock takes a while to close them all), post wrong passwords for random user names as fast as
HQ answers, for a few seconds. Meanwhile an enrolled device pulls, one request after the
other; its latency is compared with the same pulls without the flood, measured in the same
run. scrypt runs in HQ's bounded hash pool, so the API keeps its share of the machine.
"""
from __future__ import annotations

import math
import secrets
import statistics
import threading
import time
from collections import Counter

import httpx

from tests.hq.conftest import HQ
from tests.hq.web import csrf_of

FLOODERS = 8
FLOOD_SECONDS = 8.0
SAMPLES = 60


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def pulls(url: str, token: str, n: int, budget: float = 30.0) -> list[float]:
    """`n` pulls one after the other (fewer if they take longer than `budget` seconds)."""
    times = []
    deadline = time.monotonic() + budget
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"},
                      trust_env=False, timeout=60) as c:
        for _ in range(n):
            if time.monotonic() > deadline:
                break
            start = time.perf_counter()
            assert c.get("/api/v1/pull").status_code == 200
            times.append(time.perf_counter() - start)
            time.sleep(0.02)
    return times


def flooder(url: str, address: str, stop: threading.Event, answers: Counter,
            lock: threading.Lock) -> None:
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(base_url=url, transport=transport, trust_env=False, timeout=60) as c:
        page = c.get("/dashboard/login")
        token = csrf_of(page.text) if 'name="csrf"' in page.text else ""
        while not stop.is_set():
            r = c.post("/dashboard/login", data={"name": "user-" + secrets.token_hex(4),
                                                 "password": "wrong-" + secrets.token_hex(8),
                                                 "csrf": token})
            with lock:
                answers[r.status_code] += 1


def test_login_flood_leaves_the_api_responsive(tmp_path, capsys):
    server = HQ(tmp_path / "hq")
    server.master_data(tmp_path)
    server.start()
    try:
        token, _ = server.token_for("kai")
        pulls(server.url, token, 5)                           # warm up
        quiet = pulls(server.url, token, SAMPLES)
        stop, answers, lock = threading.Event(), Counter(), threading.Lock()
        threads = [threading.Thread(target=flooder, args=(server.url, f"127.0.0.{2 + i}", stop,
                                                          answers, lock), daemon=True)
                   for i in range(FLOODERS)]
        started = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(0.5)                                       # the flood is on
        flooded = pulls(server.url, token, SAMPLES)
        stop.wait(max(0.0, FLOOD_SECONDS - (time.monotonic() - started)))
        stop.set()
        for t in threads:
            t.join(60)
        flood_seconds = time.monotonic() - started
    finally:
        server.stop()
    logins = sum(answers.values())
    with capsys.disabled():
        report(logins, flood_seconds, answers, quiet, flooded)
    assert logins >= FLOODERS * 5, answers                   # it really was a flood
    assert set(answers) <= {401, 429, 503}, answers          # refused, never an error
    assert p95(flooded) <= max(4 * p95(quiet), p95(quiet) + 0.25), (quiet, flooded)


def report(logins, flood_seconds, answers, quiet, flooded) -> None:
    print(f"\nlogin flood: {FLOODERS} clients, {logins} login posts in {flood_seconds:.1f} s "
          f"({dict(sorted(answers.items()))})\n"
          f"/api/v1/pull without flood: p50 {statistics.median(quiet) * 1000:.1f} ms, "
          f"p95 {p95(quiet) * 1000:.1f} ms; with flood: p50 "
          f"{statistics.median(flooded) * 1000:.1f} ms, p95 {p95(flooded) * 1000:.1f} ms "
          f"({len(quiet)} and {len(flooded)} pulls)")
