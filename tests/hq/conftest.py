"""A real HQ: `sva-hq serve` in a subprocess on 127.0.0.1 (random free port), real files.

Every test that uses `hq` or `hq_db` runs twice: on SQLite (the default, one file in the HQ
folder) and on PostgreSQL (a fresh database per test in one throwaway cluster per session,
see tests/hq/pgcluster.py). Where CI is set, a PostgreSQL that cannot start fails those
tests; elsewhere they are skipped with the reason.
"""
from __future__ import annotations

import io
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import keyring
import pytest
from PIL import Image

from sva.hq import accounts, masterdata
from sva.hq.storage import open_storage
from sva.sync.engine import enrol
from sva.workspace import Workspace
from tests.hq.pgcluster import Cluster, ClusterError
from tests.keyrings import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
CHECKLISTS = ROOT / "resources" / "checklists"


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(previous)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the server child: get SIGTERM when the test process dies, however it dies."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _teardown_on_sigterm() -> None:
    """A SIGTERM (e.g. a CI job timeout) becomes KeyboardInterrupt, so pytest still runs the
    finalizers: servers stopped, the PostgreSQL cluster stopped and deleted."""
    if threading.current_thread() is threading.main_thread() and \
            signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        def interrupt(signum, frame):
            raise KeyboardInterrupt(f"signal {signum}")
        signal.signal(signal.SIGTERM, interrupt)


class HQ:
    """A running server plus direct access to its storage for admin steps and checks."""

    def __init__(self, folder: Path, db: HqDb | str | None = None):
        self.folder = folder
        self.db = db if isinstance(db, HqDb) or db is None else HqDb("postgresql", db)
        self.db_url = self.db.url if self.db else None
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.storage = open_storage(folder, self.db_url)
        self.proc: subprocess.Popen | None = None
        self.log = folder / "server.log"
        self.extra_args: list[str] = []        # more `sva-hq serve` options (TLS, proxy)
        self.scheme = "http"

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SVA_")}
        db = ["--db", self.db_url] if self.db_url else []
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "sva.cli.hq", "serve", "--data-dir", str(self.folder),
                 *db, "--host", "127.0.0.1", "--port", str(self.port), *self.extra_args],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=1, trust_env=False,
                             verify=False).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
            if self.proc.poll() is not None:
                break
        raise RuntimeError("HQ did not start:\n" + self.log.read_text())

    def stop(self, *, kill: bool = False) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill() if kill else self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None

    def database_bytes(self) -> bytes:
        """Every byte the database keeps on disk (SQLite file + WAL, or PostgreSQL files)."""
        if self.db_url:
            return self.db.raw_bytes()
        return b"".join(p.read_bytes() for p in sorted(self.folder.glob("hq.db*")))

    # admin shortcuts (the same functions `sva-hq` runs)
    def auditor(self, name: str, role: str = "auditor") -> str:
        accounts.add_user(self.storage, name, role)
        return accounts.new_enrol_code(self.storage, name)[0]

    def token_for(self, name: str, role: str = "auditor") -> tuple[str, str]:
        """Enrol a device for a new user directly; returns (token, device_id)."""
        code = self.auditor(name, role)
        r = httpx.post(self.url + "/api/v1/enrol", json={"code": code}, trust_env=False)
        assert r.status_code == 200, r.text
        return r.json()["token"], r.json()["device_id"]

    def master_data(self, tmp: Path) -> None:
        csv = tmp / "suppliers.csv"
        csv.write_text("code,name_en,name_ja,country,annual_spend,isec_level,site_name,"
                       "site_country,site_timezone,site_address\n"
                       "S001,Kanto Parts Co.,関東部品,JP,1000000,B,Kawasaki plant,JP,Asia/Tokyo,"
                       "Kawasaki\n"
                       "S002,Penang Circuits,,MY,500000,C,Penang fab,MY,Asia/Kuala_Lumpur,\n",
                       encoding="utf-8")
        masterdata.import_suppliers_csv(self.storage, csv)
        for path in sorted(CHECKLISTS.glob("*.yaml")):
            masterdata.publish_checklist(self.storage, path)


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes", "on")


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster for the whole session, always stopped at the end."""
    _teardown_on_sigterm()
    cluster = None
    try:
        cluster = Cluster().start()
    except ClusterError as exc:
        if cluster is not None:
            cluster.stop()
        message = f"PostgreSQL could not start: {exc}"
        if _ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        yield cluster
    finally:
        cluster.stop()


class HqDb:
    """Which database an HQ test runs on: `url` is None for SQLite (the file in the folder)."""

    def __init__(self, kind: str, url: str | None = None, cluster: Cluster | None = None):
        self.kind, self.url, self.cluster = kind, url, cluster

    @property
    def args(self) -> list[str]:
        """The `sva-hq … --db URL` arguments (none for SQLite)."""
        return ["--db", self.url] if self.url else []

    def raw_bytes(self) -> bytes:
        return b"".join(p.read_bytes() for p in self.cluster.database_files(self.url))

    def __repr__(self) -> str:
        return f"HqDb({self.kind})"


@pytest.fixture(params=["sqlite", "postgresql"])
def hq_db(request):
    """The HQ database of one test: SQLite, or a fresh database in the session cluster."""
    if request.param == "sqlite":
        yield HqDb("sqlite")
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database("sva_test")
    yield HqDb("postgresql", url, cluster)
    cluster.drop_database(url)


@pytest.fixture
def hq(tmp_path, hq_db):
    server = HQ(tmp_path / "hq", hq_db)
    server.master_data(tmp_path)
    server.start()
    yield server
    server.stop()
    server.storage.close()


def jpeg(seed: int, size=(640, 480)) -> bytes:
    """A real, distinct JPEG (noise so it does not compress to nothing)."""
    img = Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.fixture
def device(tmp_path, hq, memory_keyring):
    """A device workspace enrolled at `hq` as the auditor haruka."""
    code = hq.auditor("haruka")
    ws = Workspace(tmp_path / "device")
    assert ws.encrypted     # a keyring is there: sync and bundles run on encrypted data
    enrol(ws, hq.url, code, device_name="laptop-1")
    yield ws
    ws.close()
