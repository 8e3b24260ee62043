"""Render sample reports to PNG pages (pdftoppm) to look at them: guidance EN/JA/EN+JA and
the full record of a signed audit.

    python -m sva.reports.render_pages OUT_DIR [--data-dir D] [--audit ID] [--dpi 80]

Without --data-dir a demo data set is built in a temporary folder. `make screenshots` can
call this to put the report pages next to the app's screenshots.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sva.errors import SvaError
from sva.vocabulary import LOCKED_STATUSES


def _pick_audit(ws) -> str:
    """The signed audit with the most photos, then the most findings."""
    rows = [a for a in ws.queries.audits() if a["status"] in LOCKED_STATUSES]
    if not rows:
        raise SvaError("no signed audit to render; pass --audit")
    return max(rows, key=lambda a: (len(ws.photos.of_audit(a["id"])), a["findings"]))["id"]


def render(out_dir: Path, data_dir: Path, audit_id: str | None = None, dpi: int = 80) -> list[Path]:
    from sva.reports import write_guidance, write_record
    from sva.workspace import Workspace
    if shutil.which("pdftoppm") is None:
        raise SvaError("pdftoppm is missing: install the Debian package poppler-utils")
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    with Workspace(data_dir) as ws:
        audit_id = audit_id or _pick_audit(ws)
        jobs = [(f"guidance-{lang.replace('+', '-')}", write_guidance, {"lang": lang})
                for lang in ("en", "ja", "en+ja")] + [("record-en", write_record, {})]
        for name, write, options in jobs:
            pdf = out_dir / f"report-{name}.pdf"
            write(ws, audit_id, pdf, **options)
            for _, old in _pages(out_dir, name):                # pages of an earlier run
                old.unlink()
            subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf),
                            str(out_dir / f"report-{name}")], check=True)
            made += _unpadded(out_dir, name)
    return made


def _pages(out_dir: Path, name: str) -> list[tuple[int, Path]]:
    """The page images of report `name` (report-NAME-7.png, or padded -07), by number; not
    those of a longer name (guidance-en is not guidance-en-ja)."""
    found = []
    for path in out_dir.glob(f"report-{name}-*.png"):
        number = path.stem[len(f"report-{name}-"):]
        if number.isdigit():
            found.append((int(number), path))
    return sorted(found)


def _unpadded(out_dir: Path, name: str) -> list[Path]:
    """pdftoppm pads page numbers to the page count (-01 … -10); the pages are named -1 … -10
    whatever the count, so the README's pages keep their names when a report grows."""
    return [path.rename(path.with_name(f"report-{name}-{number}.png"))
            for number, path in _pages(out_dir, name)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--audit")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir
        if data_dir is None:
            from sva.demo import build_demo
            data_dir = Path(tmp) / "demo"
            build_demo(data_dir, seed=1)
        try:
            pages = render(args.out_dir, data_dir, args.audit, args.dpi)
        except SvaError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    print(f"{len(pages)} pages rendered into {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
