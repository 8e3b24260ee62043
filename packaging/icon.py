"""The app icon, drawn with Pillow at build time (no binary kept in the repository).

    python packaging/icon.py OUT_DIR     # writes sva.png (256 px), sva.ico and sva.icns

A clipboard with three ticked lines on a navy tile: an audit checklist. Drawn at 1024 px and
scaled down, so the small sizes of the .ico stay smooth.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

NAVY, PAPER, CLIP, LINE, TICK = "#1f3a5f", "#ffffff", "#9aa8b8", "#c9d2dc", "#2e9d5b"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = 1024) -> Image.Image:
    s = size / 1024
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([40 * s, 40 * s, 984 * s, 984 * s], radius=190 * s, fill=NAVY)
    d.rounded_rectangle([230 * s, 190 * s, 794 * s, 880 * s], radius=60 * s, fill=PAPER)
    d.rounded_rectangle([380 * s, 140 * s, 644 * s, 260 * s], radius=40 * s, fill=CLIP)
    for n in range(3):
        y = (390 + n * 160) * s
        d.line([(300 * s, y), (360 * s, y + 55 * s), (470 * s, y - 60 * s)],
               fill=TICK, width=round(42 * s), joint="curve")
        d.rounded_rectangle([510 * s, y - 22 * s, 720 * s, y + 22 * s], radius=22 * s,
                            fill=LINE)
    return img


def write(out: Path) -> dict[str, Path]:
    """sva.png, sva.ico and sva.icns in `out`; returns their paths by suffix."""
    out.mkdir(parents=True, exist_ok=True)
    big = draw()
    paths = {"png": out / "sva.png", "ico": out / "sva.ico", "icns": out / "sva.icns"}
    big.resize((256, 256), Image.Resampling.LANCZOS).save(paths["png"])
    big.save(paths["ico"], sizes=ICO_SIZES)
    big.resize((512, 512), Image.Resampling.LANCZOS).save(paths["icns"])
    return paths


if __name__ == "__main__":
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icon").resolve()
                      ).values():
        print(path)
