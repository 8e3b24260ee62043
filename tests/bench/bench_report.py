"""Benchmark: the improvement-guidance report of an audit with 30 findings, 2 photos each
(12-MP originals).

Baseline, measured in the same run: a plain reportlab document (SimpleDocTemplate,
Paragraphs, Images) with the same texts and the same photos already downscaled to print
size, so what we measure on top is reading and downscaling the originals, the layout and
the fonts. Targets: build time <= 1.5 x baseline; PDF size <= 1.2 x the embedded image
bytes + 300 KB.

Two figures for our build: *cold* (the print-rendering cache of the workspace is empty, so
every photo's redacted rendering is decoded and downscaled) and *warm* (the renderings are
cached, as for a second language, the record or a reprint).
"""
from __future__ import annotations

import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PIL import Image, ImageDraw, ImageFilter  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Image as RLImage, Paragraph, SimpleDocTemplate, Spacer  # noqa: E402

from sva.reports.blocks import photo_box  # noqa: E402
from sva.reports.guidance import build_guidance  # noqa: E402
from sva.reports.images import print_image  # noqa: E402
from sva.reports.page import frame_width, page_size  # noqa: E402
from sva.workspace import Workspace  # noqa: E402

FINDINGS = int(os.environ.get("SVA_BENCH_FINDINGS", "30"))
PHOTOS_PER_FINDING = 2
ROUNDS = int(os.environ.get("SVA_BENCH_ROUNDS", "3"))
SIZE_12MP = (4000, 3000)


def camera_photo(rng: random.Random, base: Image.Image) -> bytes:
    """A 12-MP JPEG with camera-like detail (noise survives compression like a real one)."""
    img = base.copy()
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y = rng.randint(0, 3600), rng.randint(0, 2600)
        draw.rectangle([x, y, x + rng.randint(100, 400), y + rng.randint(100, 400)],
                       fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def make_audit(folder: Path) -> tuple[Workspace, str, list[dict]]:
    rng = random.Random(7)
    ws = Workspace(folder)
    ws.templates.install_shipped()
    sid = ws.suppliers.add(code="B1", name_en="Bench Parts Co., Ltd.", name_ja="ベンチ部品株式会社",
                           country="JP")
    site = ws.suppliers.add_site(sid, name="Kawasaki plant", country="JP", timezone="Asia/Tokyo")
    audit = ws.audits.create(supplier_id=sid, site_id=site, template_ref="svr@1",
                             planned_date="2026-11-25", auditors=["Haruka Sato"])
    items = list(ws.audits.template_of(ws.audits.audit(audit)).items.values())
    noise = Image.effect_noise(SIZE_12MP, 40).convert("RGB")
    base = Image.blend(Image.new("RGB", SIZE_12MP, (120, 140, 160)), noise, 0.35)
    base = base.filter(ImageFilter.GaussianBlur(0.6))
    texts = []
    for n in range(FINDINGS):
        item = items[n % len(items)]
        fid = ws.findings.add(audit, item_id=item.id, severity=("minor", "significant")[n % 2],
                              observed=f"Seen at line {n}: " + item.question["en"],
                              evidence="Records for the last 3 months reviewed",
                              required_action=item.guidance["en"])
        for k in range(PHOTOS_PER_FINDING):
            ws.photos.add_bytes(audit, camera_photo(rng, base), filename=f"IMG_{n}_{k}.jpg",
                                finding_id=fid, caption=f"Finding {n + 1}, photo {k + 1}")
        texts.append({"requirement": item.question["en"], "observed": f"Seen at line {n}",
                      "action": item.guidance["en"], "id": fid})
    return ws, audit, texts


def baseline_pdf(texts: list[dict], jpegs: dict[str, list[bytes]], box) -> bytes:
    styles = getSampleStyleSheet()
    story = [Paragraph("Improvement guidance report", styles["Title"])]
    for t in texts:
        story += [Paragraph(t["requirement"], styles["BodyText"]),
                  Paragraph(t["observed"], styles["BodyText"]),
                  Paragraph(t["action"], styles["BodyText"])]
        for data in jpegs[t["id"]]:
            with Image.open(io.BytesIO(data)) as img:
                w, h = img.size
            scale = min(box[0] / w, box[1] / h)
            story += [RLImage(io.BytesIO(data), w * scale, h * scale), Spacer(1, 6)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def image_bytes(pdf: bytes) -> int:
    seen = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for obj in (page["/Resources"].get("/XObject") or {}).values():
            image = obj.get_object()
            if image.get("/Subtype") == "/Image":
                seen[obj.idnum] = len(image._data)
    return sum(seen.values())


def timed(fn, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        ws, audit, texts = make_audit(Path(tmp) / "ws")
        originals = sum(p.stat().st_size for p in (Path(tmp) / "ws" / "photos").rglob("*")
                        if p.is_file())
        print(f"set-up: {FINDINGS} findings, {FINDINGS * PHOTOS_PER_FINDING} photos of "
              f"{SIZE_12MP[0]}x{SIZE_12MP[1]} ({originals / 1e6:.0f} MB) in "
              f"{time.perf_counter() - start:.1f} s")
        box = photo_box(frame_width(page_size("a4")))
        jpegs: dict[str, list[bytes]] = {}
        for photo in ws.photos.of_audit(audit):
            jpegs.setdefault(photo["finding_id"], []).append(
                print_image(ws.photos.path_of(photo["sha256"]), *box))
        build_guidance(ws, audit)                                  # warm fonts and imports
        baseline_pdf(texts, jpegs, box)
        cold = []
        for _ in range(ROUNDS):
            shutil.rmtree(ws.folder / "cache", ignore_errors=True)
            cold.append(timed(lambda: build_guidance(ws, audit, lang="en"), 1)[0])
        ours, pdf = timed(lambda: build_guidance(ws, audit, lang="en"), ROUNDS)
        base, plain = timed(lambda: baseline_pdf(texts, jpegs, box), ROUNDS)
        ws.close()
    cold_median = statistics.median(cold)
    images = image_bytes(pdf)
    limit = 1.2 * images + 300_000
    print(f"CPUs: {os.cpu_count()}")
    print(f"baseline plain reportlab, median of {ROUNDS}:            {base * 1000:7.0f} ms")
    print(f"guidance report (en), warm cache, median of {ROUNDS}:   {ours * 1000:7.0f} ms"
          f"   ratio {ours / base:.2f} (target <= 1.5)")
    print(f"guidance report (en), cold cache, median of {ROUNDS}:   {cold_median * 1000:7.0f} ms"
          f"   ratio {cold_median / base:.2f} (decodes {FINDINGS * PHOTOS_PER_FINDING} photos)")
    print(f"PDF size: {len(pdf) / 1024:.0f} KB; embedded image bytes: {images / 1024:.0f} KB; "
          f"limit 1.2 x images + 300 KB = {limit / 1024:.0f} KB; "
          f"size / limit = {len(pdf) / limit:.2f} (target <= 1.0)")
    print(f"baseline PDF size: {len(plain) / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
