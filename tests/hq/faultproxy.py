"""A loopback TCP proxy that misbehaves on purpose, from a seed (for tests/hq/test_faults.py).

Between the device and HQ it forwards bytes both ways and, per connection, as drawn from its
seeded random generator:

* **cuts** the connection after a random number of bytes in either direction (half of the
  cuts as a TCP reset, the others as a clean close);
* **delays** forwarding by a few milliseconds per piece;
* **repeats** what the client sent on that connection: the recorded request bytes are sent
  again to HQ on a new connection (whole or themselves cut short) and the answer dropped —
  a duplicated or half-duplicated request, as a retrying middlebox would produce.

Everything listens and connects on 127.0.0.1 only.
"""
from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass

PIECE = 16 * 1024


@dataclass
class Plan:
    cut_up: int | None = None          # close after this many client→server bytes
    cut_down: int | None = None        # close after this many server→client bytes
    reset: bool = False                # RST instead of FIN when cutting
    delay: float = 0.0                 # seconds before each forwarded piece
    replay: bool = False               # send the recorded request bytes again
    replay_cut: int | None = None      # … only this many of them


class FaultyProxy:
    def __init__(self, target_port: int, seed: int = 0, *, max_cut_up: int = 100_000):
        self.target = ("127.0.0.1", target_port)
        self.rng = random.Random(seed)
        self.max_cut_up = max_cut_up
        self.faults = False
        self.stats: Counter = Counter()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()
        self._closed = False
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self._acceptor.start()

    # -- plumbing -----------------------------------------------------------------------
    def _spawn(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def _track(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.add(sock)
        return sock

    def _plan(self) -> Plan:
        with self._lock:
            r = self.rng
            if not self.faults:
                return Plan()
            plan = Plan()
            if r.random() < 0.6:
                plan.cut_up = r.randrange(0, self.max_cut_up)
            if r.random() < 0.25:
                plan.cut_down = r.randrange(0, 4000)
            plan.reset = r.random() < 0.5
            if r.random() < 0.3:
                plan.delay = r.uniform(0.0005, 0.004)
            if r.random() < 0.25:
                plan.replay = True
                if r.random() < 0.4:
                    plan.replay_cut = r.randrange(1, 50_000)
            return plan

    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self._track(client)
            self._spawn(self._serve, client, self._plan())

    @staticmethod
    def _kill(sock: socket.socket, reset: bool) -> None:
        """Close now; with `reset` the peer gets a TCP RST instead of a FIN."""
        try:
            if reset:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.shutdown(socket.SHUT_RD)     # wakes our other thread, sends nothing
            else:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            sock.close()
        except OSError:
            pass

    def _serve(self, client: socket.socket, plan: Plan) -> None:
        try:
            upstream = self._track(socket.create_connection(self.target, timeout=30))
            client.settimeout(30)
        except OSError:
            self._kill(client, True)
            return
        recorded = bytearray()
        done = threading.Event()
        cut = {"by": None}

        def pump(src, dst, limit, record):
            moved = 0
            try:
                while not done.is_set():
                    data = src.recv(PIECE)
                    if not data:
                        break
                    if plan.delay:
                        time.sleep(plan.delay)
                    if limit is not None and moved + len(data) >= limit:
                        keep = limit - moved
                        if keep > 0:
                            dst.sendall(data[:keep])
                            if record:
                                recorded.extend(data[:keep])
                        cut["by"] = "up" if record else "down"
                        break
                    dst.sendall(data)
                    moved += len(data)
                    with self._lock:
                        self.stats["bytes_up" if record else "bytes_down"] += len(data)
                    if record and len(recorded) < 4 * 1024 * 1024:
                        recorded.extend(data)
            except OSError:
                pass
            finally:
                done.set()
                self._kill(client, plan.reset and cut["by"] is not None)
                self._kill(upstream, plan.reset and cut["by"] is not None)

        down = threading.Thread(target=pump, args=(upstream, client, plan.cut_down, False),
                                daemon=True)
        down.start()
        pump(client, upstream, plan.cut_up, True)
        down.join(timeout=60)
        with self._lock:
            self.stats["connections"] += 1
            if cut["by"]:
                self.stats["cuts_" + cut["by"]] += 1
            if plan.delay:
                self.stats["delayed"] += 1
        if plan.replay and recorded:
            self._replay(bytes(recorded[:plan.replay_cut] if plan.replay_cut else recorded))

    def _replay(self, data: bytes) -> None:
        """Send the same request bytes to HQ again; read and drop whatever comes back."""
        try:
            sock = self._track(socket.create_connection(self.target, timeout=30))
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            while sock.recv(PIECE):
                pass
            sock.close()
        except OSError:
            pass
        with self._lock:
            self.stats["replays"] += 1

    def quiet(self, timeout: float = 30) -> None:
        """Wait until every connection and replay started so far has finished."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()]
                busy = bool(self._threads)
            if not busy:
                return
            time.sleep(0.02)

    def close(self) -> None:
        self._closed = True
        try:
            self.listener.close()
        except OSError:
            pass
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            try:
                sock.close()
            except OSError:
                pass
