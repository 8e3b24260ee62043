"""Issue 18, point 3: the figures workbook holds numbers, not text like '103 / 56'; the HQ
PDF has a footer, 'page x of y', embedded fonts, title, author and language."""
from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader

from sva.hq.programme_figures import figures_for

from .conftest import hq_cli


def test_xlsx_figures_are_numbers(demo_master, demo_storage, tmp_path):
    fig = figures_for(demo_storage, 2024)
    path = tmp_path / "f.xlsx"
    assert hq_cli("figures", "--fy", 2024, "--format", "xlsx", "-o", path,
                  "--data-dir", demo_master).returncode == 0
    ws = load_workbook(path)["FY2024"]
    rows = {str(r[0].value): r for r in ws.iter_rows() if r[0].value}
    answering = rows["Suppliers answering (all / at critical suppliers)"]
    assert (answering[1].value, answering[2].value) == (
        fig["document_checks"]["suppliers"]["all"], fig["document_checks"]["suppliers"]["critical"])
    assert isinstance(answering[1].value, int)
    japan = rows["Japan"][1]
    assert japan.value == fig["procurement_by_region"]["JP"]["share"] / 100
    assert japan.number_format == "0.0%"
    assert isinstance(rows["Suppliers visited"][1].value, int)
    assert isinstance(rows["A"][1].value, int)                     # levels, one row each
    assert not any(isinstance(c.value, str) and " / " in c.value
                   for r in ws.iter_rows() for c in r[1:])


def test_pdf_has_footer_page_numbers_fonts_and_metadata(demo_master, tmp_path):
    path = tmp_path / "f.pdf"
    out = hq_cli("figures", "--fy", 2024, "--format", "pdf", "--lang", "ja", "-o", path,
                 "--data-dir", demo_master)
    assert out.returncode == 0, out.stderr
    reader = PdfReader(path)
    total = len(reader.pages)
    assert total >= 2
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"{n} / {total} ページ" in text and "SVA 本社 · プログラム実績" in text
    assert reader.metadata.title == "プログラム実績 FY2024"
    assert reader.metadata.author == "SVA HQ"
    assert reader.trailer["/Root"]["/Lang"] == "ja"
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            desc = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            fonts[font["/BaseFont"]] = bool(desc and any(
                k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts and all(fonts.values()), fonts                  # every font embedded


def test_improvement_topics_are_the_checklists_phrases(demo_master, demo_storage):
    """The figures count suppliers per improvement-guidance topic, named by the short phrase
    of the checklist item (data in resources/checklists/*.yaml, EN and JA)."""
    fig = figures_for(demo_storage, 2024)
    topics = fig["improvement_topics"]
    assert topics and all(t["suppliers"] > 0 for t in topics)
    from sva.checklists.loader import load_template
    from sva.paths import resource
    phrases = {i.id: i.topic for n in ("svr.yaml", "infosec.yaml")
               for i in load_template(resource("checklists", n)).items.values()}
    for t in topics:
        assert t["title"] == phrases[t["item_id"]], t
    text = hq_cli("figures", "--fy", 2024, "--lang", "ja", "--data-dir", demo_master).stdout
    assert phrases[topics[0]["item_id"]]["ja"] in text
