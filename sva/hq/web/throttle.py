"""Login throttling, and the bounded pool where passwords are hashed.

A password check costs one scrypt (tens of milliseconds of CPU and 16 MB). Run on the event
loop, a handful of clients posting wrong passwords stalls every other request; so:

* scrypt runs in `HashPool`: a few worker threads (half the CPUs, at least one) and a short
  queue. When both are full a login is answered at once with 503 and `Retry-After` instead
  of waiting: the API and the other pages keep their share of the machine.
* Failures are counted per account and per network address in the database (every server
  instance agrees). At ACCOUNT_LIMIT failures within WINDOW seconds the account is locked,
  at ADDRESS_LIMIT the address; a locked login is refused before any scrypt runs, with a
  message saying how long the lock lasts. A good password clears the account's count.
"""
from __future__ import annotations

import asyncio
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sva.hq.storage import Storage

WINDOW = 15 * 60
LOCK_SECONDS = 15 * 60
ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20


@dataclass(frozen=True)
class Lock:
    kind: str           # "account" or "address"
    seconds: int        # left

    @property
    def minutes(self) -> int:
        return max(1, -(-self.seconds // 60))


def _keys(name: str, address: str) -> dict[str, str]:
    return {"account": "user:" + (name or "").strip().casefold()[:100],
            "address": "addr:" + (address or "unknown")[:100]}


def locked(storage: Storage, name: str, address: str, now: float | None = None) -> Lock | None:
    """The lock that refuses this login now, if any (account first)."""
    now = int(now or time.time())
    keys = _keys(name, address)
    with storage.transaction(write=False) as tx:
        rows = {r["key"]: r for r in tx.all(
            "SELECT key, locked_until FROM login_throttle WHERE key IN (?, ?)",
            (keys["account"], keys["address"]))}
    for kind in ("account", "address"):
        row = rows.get(keys[kind])
        if row and row["locked_until"] > now:
            return Lock(kind, int(row["locked_until"]) - now)
    return None


def failed(storage: Storage, name: str, address: str, now: float | None = None) -> Lock | None:
    """Count a failed login; returns the lock it caused, if any."""
    now = int(now or time.time())
    caused = None
    with storage.transaction() as tx:
        for kind, key in _keys(name, address).items():
            limit = ACCOUNT_LIMIT if kind == "account" else ADDRESS_LIMIT
            row = tx.one("SELECT failures, window_start FROM login_throttle WHERE key = ?",
                         (key,))
            if row is None or now - int(row["window_start"]) > WINDOW:
                failures, start = 1, now
            else:
                failures, start = int(row["failures"]) + 1, int(row["window_start"])
            until = now + LOCK_SECONDS if failures >= limit else 0
            tx.execute("DELETE FROM login_throttle WHERE key = ?", (key,))
            tx.execute("INSERT INTO login_throttle (key, failures, window_start, locked_until) "
                       "VALUES (?,?,?,?)", (key, 0 if until else failures,
                                            now if until else start, until))
            if until and caused is None:
                caused = Lock(kind, LOCK_SECONDS)
    return caused


def succeeded(storage: Storage, name: str) -> None:
    with storage.transaction() as tx:
        tx.execute("DELETE FROM login_throttle WHERE key = ?", (_keys(name, "")["account"],))


class Busy(Exception):
    """Every hashing worker and queue slot is taken: try again in a moment."""


class HashPool:
    """Runs password checks off the event loop, at most `workers + queue` at a time."""

    def __init__(self, workers: int | None = None, queue: int | None = None):
        self.workers = workers or max(1, (os.cpu_count() or 2) // 2)
        self.limit = self.workers + (queue if queue is not None else 4 * self.workers)
        self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="sva-scrypt")
        self._lock = threading.Lock()
        self._taken = 0

    def _release(self, _future) -> None:
        with self._lock:
            self._taken -= 1

    async def run(self, fn, *args):
        with self._lock:
            if self._taken >= self.limit:
                raise Busy()
            self._taken += 1
        # released when the work is done, not when the caller stops waiting: a client that
        # hangs up does not free a slot its scrypt still occupies
        future = self._executor.submit(fn, *args)
        future.add_done_callback(self._release)
        return await asyncio.wrap_future(future)


_pool: HashPool | None = None
_pool_lock = threading.Lock()


def hash_pool() -> HashPool:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = HashPool()
        return _pool
