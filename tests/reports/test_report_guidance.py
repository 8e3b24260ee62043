"""The improvement-guidance PDF, read back with pypdf (and rendered with pdftoppm)."""
from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from report_checks import pdf_text, squash
from sva.errors import BadInput, NotFound
from sva.reports import write_guidance
from sva.reports.blocks import photo_box
from sva.reports.guidance import build_guidance
from sva.reports.images import print_size
from sva.reports.page import frame_width, page_size
from sva.reports.report_data import load_report_data

LANGS = ["en", "ja", "en+ja"]


@pytest.fixture(scope="module")
def pdfs(demo, signed_id):
    return {lang: build_guidance(demo, signed_id, lang=lang, issued="2026-11-20")
            for lang in LANGS}


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Base font name -> embedded (has a font file)."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            fonts[font["/BaseFont"]] = any(k in descriptor for k in
                                           ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def _images(reader: PdfReader) -> list[tuple[int, int, int]]:
    """(width px, height px, stream bytes) of every image XObject."""
    seen = {}
    for page in reader.pages:
        for obj in (page["/Resources"].get("/XObject") or {}).values():
            image = obj.get_object()
            if image.get("/Subtype") == "/Image":
                seen[obj.idnum] = (image["/Width"], image["/Height"], len(image._data))
    return list(seen.values())


@pytest.mark.parametrize("lang", LANGS)
def test_supplier_and_every_requirement_are_extractable(demo, signed_id, pdfs, lang):
    data = load_report_data(demo, signed_id)
    text = squash(pdf_text(pdfs[lang]))
    names = {"en": [data.supplier["name_en"]], "ja": [data.supplier["name_ja"]],
             "en+ja": [data.supplier["name_en"], data.supplier["name_ja"]]}[lang]
    for name in names:
        assert squash(name) in text
    assert data.findings, "the demo audit should have findings"
    for finding in data.findings:
        for part in lang.split("+"):
            wanted = finding["item"].question[part] if finding["item"] else finding["requirement"]
            assert squash(wanted) in text, (finding["no"], part)


@pytest.mark.parametrize("lang, present, absent", [
    ("en", ["Improvement guidance report", "Findings", "Compliance hotline"], ["改善指導報告書"]),
    ("ja", ["改善指導報告書", "指摘事項", "コンプライアンス・ホットライン", "対応期限"],
     ["Improvement guidance report"]),
    ("en+ja", ["Improvement guidance report", "改善指導報告書", "Due date", "対応期限",
               "Summary", "概要"], []),
])
def test_headings_follow_the_language(pdfs, lang, present, absent):
    text = squash(pdf_text(pdfs[lang]))
    for word in present:
        assert squash(word) in text, word
    for word in absent:
        assert squash(word) not in text, word


@pytest.mark.parametrize("lang", LANGS)
def test_every_font_is_embedded_and_japanese_uses_the_ipa_font(pdfs, lang):
    fonts = _fonts(PdfReader(io.BytesIO(pdfs[lang])))
    assert fonts and all(fonts.values()), fonts
    if lang != "en":
        assert any("IPAPGothic" in name for name in fonts), fonts


def test_photos_are_downscaled_to_print_size(pdfs, demo, signed_id):
    reader = PdfReader(io.BytesIO(pdfs["en"]))
    images = _images(reader)
    photos = [p for f in load_report_data(demo, signed_id).findings for p in f["photos"]]
    assert photos and len(images) >= len(photos)
    most = print_size(*photo_box(frame_width(page_size("a4"))))
    assert max(w for w, h, _ in images) <= most[0]
    assert max(h for w, h, _ in images) <= most[1]
    assert max(w * h for w, h, _ in images) < 1600 * 1200      # never the original


def test_page_count_is_sensible(pdfs, demo, signed_id):
    findings = len(load_report_data(demo, signed_id).findings)
    for lang in LANGS:
        pages = len(PdfReader(io.BytesIO(pdfs[lang])).pages)
        assert 3 <= pages <= 4 + findings, (lang, pages)


def test_signed_report_is_marked_signed(pdfs, demo, signed_id):
    text = pdf_text(pdfs["en"])
    assert "Signed" in text and "DRAFT" not in text
    for signature in demo.audits.signatures(signed_id):
        assert signature["signer_name"] in text
    meta = PdfReader(io.BytesIO(pdfs["en"])).metadata
    assert "signed" in meta["/Keywords"]


def test_draft_report_is_marked_draft(demo, draft_id):
    pdf = build_guidance(demo, draft_id, lang="en+ja")
    text = pdf_text(pdf)
    assert "DRAFT" in text and "草案" in text
    assert "Draft - not yet signed" in text
    assert "draft" in PdfReader(io.BytesIO(pdf)).metadata["/Keywords"]


def test_metadata_names_report_supplier_and_auditors(pdfs, demo, signed_id):
    data = load_report_data(demo, signed_id)
    meta = PdfReader(io.BytesIO(pdfs["en"])).metadata
    assert meta.title.startswith("Improvement guidance report")
    assert data.supplier["name_en"] in meta.title
    assert all(a in meta.author for a in data.auditors)
    assert data.supplier["name_en"] in meta.subject
    assert PdfReader(io.BytesIO(pdfs["ja"])).metadata.title.startswith("改善指導報告書")


def test_page_x_of_y_and_confidential_footer(pdfs):
    reader = PdfReader(io.BytesIO(pdfs["en"]))
    total = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Page {n} of {total}" in text
        assert "Confidential" in text
    assert f"1 / {len(PdfReader(io.BytesIO(pdfs['ja'])).pages)} ページ" in pdf_text(pdfs["ja"])


def test_letter_paper(demo, signed_id):
    pdf = build_guidance(demo, signed_id, size="letter")
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_long_japanese_finding_splits_across_pages(ws, audit):
    long_ja = "是正処置として、手順書を改訂し、全従業員への教育を実施すること。" * 160
    long_en = "The procedure must be revised and every worker trained on it. " * 120
    finding = ws.findings.add(audit, area="OHS", severity="minor", requirement=long_en,
                              observed=long_ja, required_action=long_ja)
    pdf = build_guidance(ws, audit, lang="en+ja")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 5
    text = squash(pdf_text(pdf))
    assert text.count(squash("全従業員への教育を実施すること。")) >= 2 * 160 - 2
    assert ws.findings.finding(finding)["observed"] == long_ja


def test_findings_without_photos_and_missing_photo_files(ws, audit, tmp_path):
    from sva.demo.pictures import site_photo
    import random
    with_photo = ws.findings.add(audit, area="ENV", severity="significant",
                                 requirement="Waste must be labelled", observed="Unlabelled drums")
    ws.findings.add(audit, area="HR", severity="minor", requirement="Working hours",
                    observed="No record")
    photo = ws.photos.add_bytes(audit, site_photo(random.Random(1), "drums", "2026:05:12 10:00:00"),
                                filename="a.jpg", finding_id=with_photo)
    sha = next(p["sha256"] for p in ws.photos.of_audit(audit) if p["id"] == photo)
    assert len(_images(PdfReader(io.BytesIO(build_guidance(ws, audit))))) == 1
    blobs = ws.photos.blobs
    derived = sorted(blobs.display(sha).parent.glob(f"{sha}.*"))
    assert len(derived) == 4            # display, thumbnail, a print copy for A4 and Letter
    for path in [blobs.original(sha), *derived]:
        path.unlink()
    for cached in (ws.folder / "cache" / "print").glob("*"):
        cached.unlink()
    text = pdf_text(build_guidance(ws, audit))
    assert "not available" in text and "Unlabelled drums" in text


def test_unknown_audit_and_bad_options_are_bad_input(demo, signed_id, tmp_path):
    with pytest.raises(NotFound):
        build_guidance(demo, "no-such-audit")
    with pytest.raises(BadInput):
        build_guidance(demo, signed_id, lang="fr")
    with pytest.raises(BadInput):
        build_guidance(demo, signed_id, size="a3")
    with pytest.raises(BadInput):
        write_guidance(demo, signed_id, tmp_path / "missing" / "x.pdf")


def test_written_atomically_without_temp_files_left(demo, signed_id, tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    write_guidance(demo, signed_id, target, lang="ja")
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("lang", LANGS)
def test_pages_render_with_poppler(pdfs, tmp_path, lang):
    source = tmp_path / "r.pdf"
    source.write_bytes(pdfs[lang])
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "2", str(source),
                    str(tmp_path / "page")], check=True, capture_output=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    with Image.open(pages[0]) as img:
        grey = img.convert("L")
        # The cover holds text: a good share of the page is not white.
        dark = sum(grey.histogram()[:128])
        assert dark > grey.width * grey.height * 0.01
    fonts = subprocess.run(["pdffonts", str(source)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts
