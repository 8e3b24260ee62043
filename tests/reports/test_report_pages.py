"""Pages that read well: a finding never breaks away from its heading and a continued one
repeats its number; a real Japanese bold face, embedded; metadata in the report language,
/Lang, links and one bookmark per finding."""
from __future__ import annotations

import io
import random
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from report_checks import squash
from sva.reports.guidance import build_guidance
from sva.reports.record import build_record

pytestmark = pytest.mark.skipif(not shutil.which("pdffonts"), reason="needs poppler-utils")


@pytest.fixture
def many(ws, audit):
    rng = random.Random(7)
    words = "the lock on the exit was found closed during the shift and records were missing"
    for n in range(14):
        ws.findings.add(audit, area=rng.choice(["OHS", "HR", "ISEC"]),
                        severity=rng.choice(["minor", "significant", "observation"]),
                        requirement=" ".join(rng.choices(words.split(), k=rng.randint(8, 60))),
                        observed=f"Seen {n}: " + " ".join(rng.choices(words.split(),
                                                                    k=rng.randint(10, 140))),
                        required_action="Fix it.")
    return audit


def _pages(pdf: bytes) -> list[str]:
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _finding_pages(reader: PdfReader) -> dict[str, int]:
    """Finding number -> the page its bookmark points to (where its band is drawn)."""
    out = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            elif item.title.startswith("F-"):
                out[item.title[:4]] = reader.get_destination_page_number(item)
    walk(reader.outline)
    return out


@pytest.mark.parametrize("lang, observed", [("en", "Whatwesaw"), ("ja", "確認された状況")])
def test_a_finding_never_breaks_away_from_its_heading(ws, many, lang, observed):
    reader = PdfReader(io.BytesIO(build_guidance(ws, many, lang=lang)))
    pages = [squash(p.extract_text()) for p in reader.pages]
    where = _finding_pages(reader)
    assert len(where) == 14
    for band, page in where.items():
        text = pages[page]
        at = text.find(band)
        while at >= 0 and text[at + len(band):].startswith(("(", "（")):   # "continued"
            at = text.find(band, at + 1)
        assert at >= 0, (band, "bookmark on another page than its band")
        assert observed in text[at:], (band, "heading without what was seen")


def test_a_continued_finding_repeats_its_number(ws, audit):
    ws.findings.add(audit, area="OHS", severity="minor", requirement="Exits",
                    observed="The exit was locked. " * 400)
    pages = _pages(build_guidance(ws, audit, lang="en"))
    continued = [n for n, text in enumerate(pages) if "F-01(continued)" in text]
    assert continued, "no page repeats the finding's number"
    first = next(n for n, text in enumerate(pages) if "F-01" in text)
    assert all(n > first for n in continued)
    assert not any("F-01(continued)" in text for text in pages[continued[-1] + 1:])


def test_japanese_bold_is_a_real_bold_face_embedded(ws, many, tmp_path):
    path = tmp_path / "ja.pdf"
    path.write_bytes(build_guidance(ws, many, lang="ja"))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    bold = [line for line in fonts if "bold" in line.lower() and "Vera" not in line]
    assert bold, fonts
    for line in bold:
        assert "TrueType" in line and line.split()[-5] == "yes", line    # embedded
    assert all(line.split()[-5] == "yes" for line in fonts)


@pytest.mark.parametrize("lang, subject_has, keyword", [
    ("en", "improvement guidance", "improvement guidance"),
    ("ja", "改善指導", "改善指導")])
def test_metadata_in_the_report_language_and_lang_on_every_pdf(ws, many, lang, subject_has,
                                                               keyword):
    reader = PdfReader(io.BytesIO(build_guidance(ws, many, lang=lang)))
    assert subject_has in reader.metadata.subject
    assert keyword in reader.metadata["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == lang
    record = PdfReader(io.BytesIO(build_record(ws, many, lang=lang)))
    assert record.trailer["/Root"]["/Lang"] == lang
    assert ("社内用" if lang == "ja" else "internal") in record.metadata["/Keywords"]


def test_urls_and_email_addresses_are_links(ws, many):
    reader = PdfReader(io.BytesIO(build_guidance(ws, many, lang="en")))
    uris = {a.get_object()["/A"]["/URI"] for page in reader.pages
            for a in page.get("/Annots") or [] if "/A" in a.get_object()}
    assert "https://compliance.example.com/supplier-hotline" in uris
    assert "mailto:supplier-hotline@example.com" in uris


def test_one_bookmark_per_finding(ws, many):
    reader = PdfReader(io.BytesIO(build_guidance(ws, many, lang="en")))

    def titles(items):
        for item in items:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title
    found = [t for t in titles(reader.outline) if t.startswith("F-")]
    assert [t[:4] for t in found] == [f"F-{n:02d}" for n in range(1, 15)]
    assert "Findings" in list(titles(reader.outline))
