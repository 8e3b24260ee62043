"""Login throttling on a real server (issue 15, point 2): per account and per address, with
a lock and a message that says how long; forwarded addresses count only from a trusted
proxy; the hash pool answers "busy" instead of queueing without end."""
from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

from sva.hq.web import throttle
from tests.hq.conftest import HQ
from tests.hq.web import PASSWORD, csrf_of, web_user


def attempt(url: str, name: str, password: str, *, address: str = "127.0.0.1",
            headers: dict | None = None) -> httpx.Response:
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(base_url=url, transport=transport, trust_env=False, timeout=60,
                      headers=headers or {}) as c:
        token = csrf_of(c.get("/dashboard/login").text)
        return c.post("/dashboard/login", data={"name": name, "password": password,
                                                "csrf": token})


def test_account_is_locked_after_failures_with_a_clear_message(hq):
    web_user(hq, "mgr")
    for n in range(1, throttle.ACCOUNT_LIMIT):
        assert attempt(hq.url, "mgr", f"wrong-{n}").status_code == 401
    r = attempt(hq.url, "mgr", "wrong-last")
    assert r.status_code == 429 and "locked for 15 minute(s)" in r.text
    assert int(r.headers["Retry-After"]) > 800
    r = attempt(hq.url, "mgr", PASSWORD)                       # even the right password
    assert r.status_code == 429 and "sva_session" not in r.headers.get("set-cookie", "")
    web_user(hq, "other")
    assert attempt(hq.url, "other", PASSWORD).status_code == 303     # others still log in


def test_address_is_paused_after_many_failures_others_are_not(hq):
    web_user(hq, "mgr")
    for n in range(throttle.ADDRESS_LIMIT - 1):
        assert attempt(hq.url, f"guess-{n}", "wrong-password", address="127.0.0.2"
                       ).status_code == 401
    r = attempt(hq.url, "guess-last", "wrong-password", address="127.0.0.2")
    assert r.status_code == 429 and "network address" in r.text
    assert attempt(hq.url, "mgr", PASSWORD, address="127.0.0.2").status_code == 429
    assert attempt(hq.url, "mgr", PASSWORD, address="127.0.0.3").status_code == 303


@pytest.mark.parametrize("trusted", [False, True])
def test_forwarded_addresses_count_only_from_a_trusted_proxy(tmp_path, trusted):
    server = HQ(tmp_path / "hq")
    server.extra_args = ["--proxy-headers", "--forwarded-allow-ips", "127.0.0.1"] \
        if trusted else []
    server.start()
    try:
        web_user(server, "mgr")
        for n in range(throttle.ADDRESS_LIMIT):
            attempt(server.url, f"guess-{n}", "wrong-password",
                    headers={"X-Forwarded-For": f"10.0.0.{n}"})
        r = attempt(server.url, "mgr", PASSWORD, headers={"X-Forwarded-For": "10.9.9.9"})
    finally:
        server.stop()
    # behind a trusted proxy each client is itself; otherwise the header is ignored and the
    # one real address (the proxy's) was paused by the twenty failures
    assert r.status_code == (303 if trusted else 429)


def test_a_lock_ends_and_a_good_login_clears_the_count(tmp_path):
    from sva.hq.storage import open_storage
    storage = open_storage(tmp_path / "hq")
    now = 1_800_000_000
    for n in range(throttle.ACCOUNT_LIMIT - 1):
        assert throttle.failed(storage, "Mgr", "10.0.0.1", now=now + n) is None
    lock = throttle.failed(storage, "mgr", "10.0.0.1", now=now + 5)       # names fold case
    assert lock and lock.kind == "account" and lock.minutes == 15
    assert throttle.locked(storage, "MGR", "10.0.0.2", now=now + 60).kind == "account"
    assert throttle.locked(storage, "mgr", "10.0.0.2", now=now + 5 + 15 * 60 + 1) is None
    throttle.failed(storage, "ana", "10.0.0.3", now=now)
    throttle.succeeded(storage, "ana")
    for n in range(throttle.ACCOUNT_LIMIT - 1):
        assert throttle.failed(storage, "ana", "10.0.0.3", now=now + n) is None


def test_hash_pool_answers_busy_instead_of_queueing_without_end():
    pool = throttle.HashPool(workers=1, queue=1)
    release = threading.Event()

    async def scenario():
        first = asyncio.ensure_future(pool.run(release.wait, 10))
        second = asyncio.ensure_future(pool.run(release.wait, 10))
        await asyncio.sleep(0.05)
        with pytest.raises(throttle.Busy):
            await pool.run(time.sleep, 0)
        release.set()
        await asyncio.gather(first, second)
        await pool.run(time.sleep, 0)                     # slots come back when work ends

    asyncio.run(scenario())
