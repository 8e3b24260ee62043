"""`make screenshots` renders the sample reports' pages (sva.reports.render_pages): the README
points at some of them by name, so the names must not change with the page count."""
from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader

from sva.demo import build_demo
from sva.reports.render_pages import render

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")


def test_pages_are_numbered_without_padding_and_an_earlier_run_leaves_nothing(tmp_path):
    data = tmp_path / "demo"
    build_demo(data, seed=1)
    out = tmp_path / "pages"
    out.mkdir()
    (out / "report-guidance-ja-02.png").write_bytes(b"an earlier run, padded")
    (out / "report-record-en-99.png").write_bytes(b"a page the report no longer has")

    made = render(out, data, dpi=10)

    for name in ("guidance-en", "guidance-ja", "guidance-en-ja", "record-en"):
        count = len(PdfReader(out / f"report-{name}.pdf").pages)
        pages = sorted(p.name for p in out.glob(f"report-{name}-*.png")
                       if p.stem[len(f"report-{name}-"):].isdigit())
        assert pages == sorted(f"report-{name}-{n}.png" for n in range(1, count + 1))
    ja_pages = len(PdfReader(out / "report-guidance-ja.pdf").pages)
    assert ja_pages >= 10, "the demo's Japanese report has 10+ pages (the padded case)"
    assert (out / "report-guidance-ja-2.png").read_bytes().startswith(b"\x89PNG")
    assert not (out / "report-guidance-ja-02.png").exists()
    assert not (out / "report-record-en-99.png").exists()
    assert made[0].name == "report-guidance-en-1.png" and all(p.exists() for p in made)
