"""Benchmark: import 40 synthetic 12-MP JPEGs through the photo service.

Baseline, measured in the same run on the same files and disk: Pillow only — open, draft(),
thumbnail() and save of the display copy (≤ 2048 px) and the thumbnail (≤ 256 px). The
service additionally checks each file, hashes it, copies the original, fsyncs every file,
adds the rows with their audit-log entries in one transaction, and (since issue 7) makes the
reports' print copies (one per page-size photo box, PRINT_BOXES) from the decoded pixels.

The baseline child also times, separately, Pillow making those print copies from the
display-size pixels it holds (copy, thumbnail(), save per box), so two ratios are printed:
against the two-output baseline (the target's, comparable with figures from before print
copies: it shows the cost moved from the report build into the import) and against the
baseline making every output the service makes (like for like).

Each side runs in its own child process (so peak memory is the import's own), twice,
alternating; the best run of each is compared. Targets: ratio (two-output baseline) ≤ 1.3,
peak RSS < 500 MB.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

N = int(os.environ.get("SVA_BENCH_PHOTOS", "40"))
SIZE = (4000, 3000)                      # 12 MP
ROUNDS = int(os.environ.get("SVA_BENCH_ROUNDS", "2"))


def make_photos(folder: Path) -> list[Path]:
    """Camera-like JPEGs: gradients, shapes and sensor noise, EXIF time, some rotated."""
    from PIL import Image, ImageDraw
    w, h = SIZE
    noise = Image.effect_noise(SIZE, 24).convert("RGB")
    sky = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    base = Image.blend(Image.merge("RGB", [sky.getchannel(0), sky.getchannel(0).point(
        lambda v: 255 - v), Image.new("L", SIZE, 120)]), noise, 0.25)
    paths = []
    for n in range(N):
        img = base.copy()
        d = ImageDraw.Draw(img)
        for k in range(12):
            x, y = (n * 397 + k * 911) % (w - 600), (n * 211 + k * 577) % (h - 600)
            d.rectangle([x, y, x + 300 + 20 * k, y + 200 + 15 * k],
                        fill=((n * 40 + k * 20) % 255, (k * 60) % 255, (n * 13) % 255),
                        outline=(0, 0, 0), width=8)
        d.text((50, 50), f"bench photo {n}", fill=(255, 255, 0))
        exif = Image.Exif()
        exif[0x0112] = 6 if n % 4 == 0 else 1
        exif.get_ifd(0x8769)[0x9003] = f"2026:05:12 {9 + n // 10:02d}:{n % 60:02d}:00"
        path = folder / f"IMG_{n:04d}.JPG"
        img.save(path, "JPEG", quality=90, exif=exif.tobytes())
        paths.append(path)
    return paths


def child_baseline(folder: Path, out: Path) -> dict:
    from PIL import Image

    from sva.photos.limits import PRINT_BOXES, PRINT_QUALITY
    paths = sorted(folder.glob("*.JPG"))
    prints = 0.0
    start = time.perf_counter()
    for path in paths:
        with Image.open(path) as img:
            img.draft("RGB", (2048, 2048))
            img.thumbnail((2048, 2048))
            img.save(out / f"{path.stem}.display.jpg", "JPEG", quality=85)
            t0 = time.perf_counter()
            for w, h in PRINT_BOXES:
                copy = img.copy()
                copy.thumbnail((w, h))
                copy.save(out / f"{path.stem}.print-{w}x{h}.jpg", "JPEG",
                          quality=PRINT_QUALITY, optimize=True)
            prints += time.perf_counter() - t0
            img.thumbnail((256, 256))
            img.save(out / f"{path.stem}.thumb.jpg", "JPEG", quality=80)
    total = time.perf_counter() - start
    return {"seconds": total - prints, "seconds_all": total, "prints": prints}


def child_service(folder: Path, out: Path) -> dict:
    from sva.workspace import Workspace
    ws = Workspace(out)
    svr_ref = next(r for r in ws.templates.install_shipped() if r.startswith("svr@"))
    sid = ws.suppliers.add(code="B1", name_en="Bench Ltd.", country="JP")
    site = ws.suppliers.add_site(sid, name="Plant", country="JP", timezone="Asia/Tokyo")
    audit = ws.audits.create(supplier_id=sid, site_id=site, template_ref=svr_ref,
                             planned_date="2026-05-12")
    paths = sorted(folder.glob("*.JPG"))
    start = time.perf_counter()
    result = ws.photos.add_files(audit, paths)
    seconds = time.perf_counter() - start
    assert len(result.added) == len(paths) and len(ws.photos.of_audit(audit)) == len(paths)
    ws.close()
    return {"seconds": seconds}


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(kind: str, folder: Path, out: Path) -> dict:
    out.mkdir()
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(folder), str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    from sva.photos.limits import PRINT_BOXES
    with tempfile.TemporaryDirectory(dir=os.environ.get("SVA_BENCH_DIR")) as tmp:
        tmp = Path(tmp)
        src = tmp / "card"
        src.mkdir()
        t0 = time.perf_counter()
        paths = make_photos(src)
        total_mb = sum(p.stat().st_size for p in paths) / 1e6
        print(f"generated {len(paths)} JPEGs of {SIZE[0]}×{SIZE[1]} ({total_mb:.0f} MB) "
              f"in {time.perf_counter() - t0:.1f} s")
        runs: dict[str, list[dict]] = {"baseline": [], "service": []}
        for r in range(ROUNDS):
            for kind in ("baseline", "service"):
                runs[kind].append(run_child(kind, src, tmp / f"{kind}{r}"))
        for kind, label in (("baseline", "Pillow open+draft+thumbnail+save (display, "
                                          "thumbnail)"),
                            ("service", "ws.photos.add_files (check, hash, derivatives, "
                                        "fsync, rows + audit log)")):
            times = ", ".join(f"{x['seconds']:.2f} s" for x in runs[kind])
            best = min(runs[kind], key=lambda x: x["seconds"])
            print(f"  {kind:8}: best {best['seconds']:.2f} s ({best['seconds'] / N * 1000:.0f}"
                  f" ms/photo; runs: {times}); peak RSS "
                  f"{max(x['peak_rss_mb'] for x in runs[kind]):.0f} MB  — {label}")
        base = min(x["seconds"] for x in runs["baseline"])
        base_all = min(x["seconds_all"] for x in runs["baseline"])
        prints = min(x["prints"] for x in runs["baseline"])
        service = min(x["seconds"] for x in runs["service"])
        peak = max(x["peak_rss_mb"] for x in runs["service"])
        print(f"  baseline + print copies: best {base_all:.2f} s (Pillow making the "
              f"{len(PRINT_BOXES)} print copies from the display pixels: best {prints:.2f} s, "
              f"{prints / N * 1000:.0f} ms/photo)")
        print(f"  ratio service/baseline: {service / base:.2f}  (target <= 1.3; the service "
              f"also makes the print copies, the baseline does not)")
        print(f"  ratio service/(baseline + print copies): {service / base_all:.2f}  "
              f"(like for like)")
        print(f"  peak RSS of the import process: {peak:.0f} MB  (target < 500 MB)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        kind, folder, out = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
        measured = (child_baseline if kind == "baseline" else child_service)(folder, out)
        measured["peak_rss_mb"] = peak_rss_mb()
        print(json.dumps(measured))
        sys.exit(0)
    sys.exit(main())
