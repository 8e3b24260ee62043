"""Pictures for the demo, drawn with Pillow: site photos (with EXIF time) and signatures."""
from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw

EXIF_IFD = 0x8769
DATETIME_ORIGINAL = 0x9003
ORIENTATION = 0x0112

SCENES = ("blocked exit", "unlabelled drums", "open cabinet", "visitor log", "extinguisher",
          "waste area")


def site_photo(rng: random.Random, scene: str, taken: str, size=(1600, 1200)) -> bytes:
    """A simple drawn 'photo' of a site scene; `taken` is local 'YYYY:MM:DD HH:MM:SS'."""
    w, h = size
    img = Image.new("RGB", size, (rng.randint(150, 200), rng.randint(150, 190), 170))
    d = ImageDraw.Draw(img)
    d.rectangle([0, int(h * 0.7), w, h], fill=(110, 105, 100))            # floor
    d.rectangle([int(w * 0.1), int(h * 0.15), int(w * 0.4), int(h * 0.7)],
                fill=(60, 120, 70), outline=(20, 20, 20), width=6)        # door
    d.text((int(w * 0.14), int(h * 0.2)), "EXIT", fill=(255, 255, 255))
    for _ in range(rng.randint(3, 6)):                                    # boxes / drums
        x = rng.randint(int(w * 0.05), int(w * 0.85))
        y = rng.randint(int(h * 0.45), int(h * 0.75))
        s = rng.randint(80, 220)
        colour = (rng.randint(60, 220), rng.randint(60, 160), rng.randint(20, 90))
        if rng.random() < 0.5:
            d.rectangle([x, y, x + s, y + s], fill=colour, outline=(30, 30, 30), width=4)
        else:
            d.ellipse([x, y, x + s, y + int(s * 1.3)], fill=colour, outline=(30, 30, 30), width=4)
    d.rectangle([0, 0, w, 60], fill=(30, 30, 30))
    d.text((20, 20), f"{scene} - {taken}", fill=(255, 255, 0))
    exif = Image.Exif()
    exif[ORIENTATION] = 1
    exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = taken
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


def signature_png(rng: random.Random, size=(600, 200)) -> bytes:
    """A handwritten-looking stroke on a transparent background."""
    w, h = size
    img = Image.new("RGBA", size, (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    points = []
    phase, amp = rng.uniform(0, math.pi), rng.uniform(25, 55)
    for i in range(120):
        x = 30 + i * (w - 60) / 120
        y = h / 2 + amp * math.sin(i / rng.uniform(4, 7) + phase) * math.cos(i / 23)
        points.append((x, y))
    d.line(points, fill=(20, 30, 90, 255), width=4, joint="curve")
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()
