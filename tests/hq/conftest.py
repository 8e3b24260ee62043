"""A real HQ: `sva-hq serve` in a subprocess on 127.0.0.1 (random free port), real files."""
from __future__ import annotations

import io
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import keyring
import keyring.backend
import pytest
from PIL import Image

from sva.hq import accounts, masterdata
from sva.hq.storage import open_storage

ROOT = Path(__file__).resolve().parents[2]
CHECKLISTS = ROOT / "resources" / "checklists"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """In-memory keyring for tests (DESIGN §9): nothing touches disk."""
    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict = {}

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def get_password(self, service, username):
        return self.items.get((service, username))

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


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


class HQ:
    """A running server plus direct access to its storage for admin steps and checks."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.storage = open_storage(folder)
        self.proc: subprocess.Popen | None = None
        self.log = folder / "server.log"

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SVA_")}
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "sva.cli.hq", "serve", "--data-dir", str(self.folder),
                 "--host", "127.0.0.1", "--port", str(self.port)],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=1, trust_env=False).status_code == 200:
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


@pytest.fixture
def hq(tmp_path):
    server = HQ(tmp_path / "hq")
    server.master_data(tmp_path)
    server.start()
    yield server
    server.stop()


def jpeg(seed: int, size=(640, 480)) -> bytes:
    """A real, distinct JPEG (noise so it does not compress to nothing)."""
    img = Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()
