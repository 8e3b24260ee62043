"""The store worker: one thread that owns the workspace's only SQLite connection.

Every access to the device database runs on this thread, one call at a time, so two parts of
the app (an edit in the editor, a photo import, a sync) never race on two connections: they
queue. The connection is opened on the worker itself, and SQLite's own thread check
(`check_same_thread`) refuses it to any other thread.

* `call(fn, *args)` runs `fn` on the worker and returns its result or raises its error; on
  the worker itself it is a plain call (a service calling another service).
* `submit(fn, *args)` returns a Future, for callers that must not wait.
* `leased()` hands the worker to the calling thread for a while: its calls then run on the
  worker one after the other, and nobody else's in between. A transaction opened from a pool
  thread (`with ws.db.atomic(): ...`) holds the worker like this until it ends.

Calls carry the caller's context variables (contextvars), so what the caller set for an
operation (its undo text, whether it is undoable) holds on the worker too.
"""
from __future__ import annotations

import _thread
import contextvars
import queue
import threading
import weakref
from concurrent.futures import Future
from contextlib import contextmanager
from collections.abc import Callable, Iterator
from typing import Any

from sva.errors import StoreClosed

_STOP = None


def _run(job) -> None:
    future, context, fn, args, kw = job
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = context.run(fn, *args, **kw)
    except BaseException as exc:  # noqa: BLE001 - handed to the caller
        future.set_exception(_typed(exc))
    else:
        future.set_result(result)


class _Waiting:
    """What `call` waits on: a Future's part of the protocol `_run` uses, on one bare lock
    (held until the worker has the result). A Future wakes its caller through a Condition,
    which costs an autosave a measurable share of its time (tests/bench/bench_answers.py)."""
    __slots__ = ("_done", "_result", "_error")

    def __init__(self):
        self._done = _thread.allocate_lock()
        self._done.acquire()
        self._result = self._error = None

    def set_running_or_notify_cancel(self) -> bool:
        return True

    def set_result(self, result) -> None:
        self._result = result
        self._done.release()

    def set_exception(self, error: BaseException) -> None:
        self._error = error
        self._done.release()

    def result(self):
        self._done.acquire()
        if self._error is not None:
            error, self._error = self._error, None     # no cycle through its traceback
            raise error
        return self._result


def _typed(exc: BaseException) -> BaseException:
    """SQLite's "database is locked" as the core's StoreBusy (see sva.store.database)."""
    from sva.store.database import busy_error, is_busy
    if is_busy(exc):
        error = busy_error(exc)
        error.__cause__ = exc
        return error
    return exc


def _serve(jobs: queue.SimpleQueue, opened: Future, open_store: Callable[[], Any]) -> None:
    """The worker's loop. It holds the queue and the store, never the StoreWorker, so a
    workspace dropped without close() still lets its worker end (see weakref.finalize)."""
    try:
        store = open_store()
    except BaseException as exc:  # noqa: BLE001 - handed to the opener
        opened.set_exception(exc)
        return
    opened.set_result(store)
    try:
        while (job := jobs.get()) is not _STOP:
            _run(job)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()


def _drain(jobs: queue.SimpleQueue) -> None:
    """Jobs of a lease: run until its holder ends it."""
    while (job := jobs.get()) is not _STOP:
        _run(job)


class StoreWorker:
    def __init__(self, open_store: Callable[[], Any], *, name: str = "sva-store"):
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._local = threading.local()
        self._closed = False
        opened: Future = Future()
        self._thread = threading.Thread(target=_serve, args=(self._jobs, opened, open_store),
                                        name=name, daemon=True)
        self._thread.start()
        self.ident = self._thread.ident
        self.store = opened.result()           # raises what opening raised (thread ended)
        weakref.finalize(self, self._jobs.put, _STOP)

    def on_worker(self) -> bool:
        return threading.get_ident() == self.ident

    def call(self, fn: Callable, /, *args, **kw):
        """Run `fn(*args, **kw)` on the worker and return its result (or raise its error)."""
        if threading.get_ident() == self.ident:
            return fn(*args, **kw)
        lease = getattr(self._local, "lease", None)
        return self._queue(self._jobs if lease is None else lease, fn, args, kw,
                           _Waiting()).result()

    def submit(self, fn: Callable, /, *args, **kw) -> Future:
        """Queue `fn(*args, **kw)` for the worker; its Future holds the result."""
        if threading.get_ident() == self.ident:
            future: Future = Future()
            _run((future, contextvars.copy_context(), fn, args, kw))
            return future
        return self._queue(self._jobs, fn, args, kw)

    def _queue(self, jobs: queue.SimpleQueue, fn, args, kw, future=None):
        if self._closed:
            raise StoreClosed("the workspace is closed")
        if future is None:
            future = Future()
        jobs.put((future, contextvars.copy_context(), fn, args, kw))
        return future

    @contextmanager
    def leased(self) -> Iterator[None]:
        """The worker runs only this thread's calls until the block ends."""
        if self.on_worker() or getattr(self._local, "lease", None) is not None:
            yield
            return
        lease: queue.SimpleQueue = queue.SimpleQueue()
        held = self.submit(_drain, lease)
        self._local.lease = lease
        try:
            yield
        finally:
            self._local.lease = None
            lease.put(_STOP)
            held.result()

    def close(self) -> None:
        """Finish the queued calls, close the store and end the thread."""
        if self._closed:
            return
        if self.on_worker():
            raise RuntimeError("the store worker cannot close itself")
        self._jobs.put(_STOP)
        self._closed = True
        self._thread.join()
