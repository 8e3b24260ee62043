"""The report catalogue: both languages for every key, validated on load."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sva.errors import BadInput
from sva.reports.i18n import Texts, load_catalogue, validate_catalogue

SOURCES = Path(__file__).resolve().parents[2] / "sva" / "reports"


def test_every_key_has_english_and_japanese():
    catalogue = load_catalogue()
    assert len(catalogue) > 100
    for key, entry in catalogue.items():
        assert entry["en"] and entry["ja"], key


def test_every_literal_key_used_in_the_code_exists():
    catalogue = load_catalogue()
    pattern = re.compile(r'\bt(?:\.get|\.each)?\(\s*"([a-z_]+\.[a-z_.]+)"')
    used = {m for p in SOURCES.glob("*.py") for m in pattern.findall(p.read_text())}
    assert len(used) > 40
    assert sorted(used - set(catalogue)) == []


@pytest.mark.parametrize("doc, message", [
    ({"strings": {"a.b": {"en": "x"}}}, "needs non-empty 'en' and 'ja'"),
    ({"strings": {"a.b": {"en": "{n} x", "ja": "x"}}}, "different {placeholders}"),
    ({"strings": {"a.b": {"en": {"one": "x"}, "ja": "x"}}}, "plural"),
    ({}, "'strings'"),
])
def test_broken_catalogue_is_refused(doc, message):
    with pytest.raises(BadInput, match=re.escape(message)):
        validate_catalogue(doc, "strings.yaml")


def test_bilingual_texts_and_plurals():
    assert Texts("en+ja")("finding.due_date") == "Due date / 対応期限"
    assert Texts("en").get("summary.minor", n=1) == "improvement guidance on 1 topic"
    assert Texts("en").get("summary.minor", n=2) == "improvement guidance on 2 topics"
    assert Texts("ja").date("2026-05-12") == "2026年5月12日"
    assert Texts("en").date("2026-05-12") == "12 May 2026"
    with pytest.raises(BadInput):
        Texts("de")


def test_english_wraps_at_spaces_and_japanese_between_characters():
    from sva.reports.styles import make_styles, para, rich
    styles = make_styles()
    english = para("Fire exits are kept clear and marked", styles["body"])
    japanese = para("非常口は常に通行可能で表示されている", styles["body"])
    mixed = rich([("Due date", "b"), (" · 対応期限", None)], styles["body"])
    assert english.style.wordWrap is None and english.style.fontSize == styles["body"].fontSize
    assert japanese.style is styles["body"] and japanese.style.wordWrap == "CJK"
    assert mixed.style.wordWrap == "CJK"
    # Japanese without spaces still breaks inside a narrow frame; English only at spaces.
    japanese.wrap(60, 1000)
    assert len(japanese.blPara.lines) > 1
    english.wrap(120, 1000)
    lines = [words for _, words in english.blPara.lines]
    assert len(lines) > 1
    assert [w for words in lines for w in words] == "Fire exits are kept clear and marked".split()


def test_one_line_labels_draw_like_their_paragraph_and_wrap_when_too_long():
    import io

    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate
    from sva.reports.styles import OneLine, make_styles, para
    styles = make_styles()
    short = OneLine("Due date  ·  対応期限", styles["label"])
    assert short.wrap(400, 100) == (pytest.approx(short.width), styles["label"].leading)
    assert short._para is None                          # drawn directly, one line
    as_para = para("Due date  ·  対応期限", styles["label"])
    assert as_para.wrap(400, 100)[1] == short.height     # the same height as its Paragraph
    long = OneLine("Required action " * 12, styles["label"])
    _, height = long.wrap(150, 1000)
    assert long._para is not None and height > 3 * styles["label"].leading
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([short, long])
    text = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert "Due date · 対応期限" in text and text.count("Required action") == 12
