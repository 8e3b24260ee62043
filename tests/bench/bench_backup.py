"""Benchmark: `sva backup` and `sva restore` of the demo folder with N extra 12-MP photos.

Baseline, measured in the same run on the same folder and disk: a plain copy of the folder
(`shutil.copytree`, then fsync of every file, as the backup fsyncs its output). The backup
adds the online database copy on the store worker, the tar stream and AES-256-GCM per 1 MiB
chunk; the restore decrypts, authenticates, writes and fsyncs every file, and checks the
restored database. Both include one scrypt key derivation (printed apart). Each is run
ROUNDS times alternating with the copy; the best of each is compared. Prints MB/s and the
ratio to the plain copy.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

N = int(os.environ.get("SVA_BENCH_BACKUP_PHOTOS", "20"))
ROUNDS = int(os.environ.get("SVA_BENCH_ROUNDS", "3"))
PASSPHRASE = "bench-passphrase-1"


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def plain_copy(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst)
    for path in dst.rglob("*"):
        if path.is_file():
            with open(path, "rb+") as fh:
                os.fsync(fh.fileno())


def build(folder: Path) -> None:
    from sva.demo import build_demo
    from sva.workspace import Workspace
    from tests.bench.bench_photos import make_photos
    build_demo(folder, seed=1)
    shots = folder.parent / "shots"
    shots.mkdir()
    import tests.bench.bench_photos as photos
    photos.N = N                                     # its generator makes N photos
    with Workspace(folder) as ws:
        audit = next(a["id"] for a in ws.queries.audits() if a["status"] == "in_progress")
        for path in make_photos(shots):
            ws.photos.add_bytes(audit, path.read_bytes(), filename=path.name)
    shutil.rmtree(shots)


def main() -> int:
    from sva.backup import container
    from sva.backup.device import create_backup, restore
    from sva.workspace import Workspace
    with tempfile.TemporaryDirectory(prefix="sva-bench-backup-") as tmp:
        tmp = Path(tmp)
        data = tmp / "data"
        build(data)
        size = folder_bytes(data)
        t = time.perf_counter()
        container.passphrase_kek(PASSPHRASE, {"kdf": container.new_kdf()})
        kdf = time.perf_counter() - t
        kek = lambda header: container.passphrase_kek(PASSPHRASE, header)  # noqa: E731
        best = {"copy": 1e9, "backup": 1e9, "restore": 1e9}
        plain_copy(data, tmp / "warm")                      # page cache warm for everyone
        shutil.rmtree(tmp / "warm")
        for r in range(ROUNDS):
            t = time.perf_counter()
            plain_copy(data, tmp / f"copy{r}")
            best["copy"] = min(best["copy"], time.perf_counter() - t)
            shutil.rmtree(tmp / f"copy{r}")
            out = tmp / f"b{r}.svab"
            with Workspace(data) as ws:
                t = time.perf_counter()
                made = create_backup(ws, out, kek)
                best["backup"] = min(best["backup"], time.perf_counter() - t)
            t = time.perf_counter()
            restore(out, tmp / f"restored{r}", kek)
            best["restore"] = min(best["restore"], time.perf_counter() - t)
            restored = tmp / f"restored{r}"
            assert folder_bytes(restored / "photos") == folder_bytes(data / "photos")
            shutil.rmtree(tmp / f"restored{r}")
            out.unlink()
        mb = size / 1e6
        load = os.getloadavg()[0]
        print(f"folder: demo + {N} 12-MP photos = {mb:.1f} MB, backup file {made.size / 1e6:.1f}"
              f" MB; load average {load:.2f}; best of {ROUNDS}")
        print(f"scrypt key derivation (in each of backup and restore): {kdf:.2f} s")
        for name in ("copy", "backup", "restore"):
            sec = best[name]
            ratio = "" if name == "copy" else f"   {sec / best['copy']:.2f}x the plain copy"
            print(f"{name:8} {sec:6.2f} s  {mb / sec:7.1f} MB/s{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
