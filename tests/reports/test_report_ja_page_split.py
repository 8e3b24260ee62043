"""A Japanese paragraph that runs over a page end continues on the next page at a break of
weight — after punctuation, before an opening bracket, or where the script changes — never
inside a run of kanji or of katakana (issue 21). Read back with pypdf text positions."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reportlab.lib.units import mm

from sva.reports.guidance import build_guidance
from sva.reports.page import MARGIN_BOTTOM, MARGIN_TOP
from sva.reports.ja_split import breaks_well, script

# Long kanji and katakana runs with few places to break: a line end falls inside a run far
# more often than not.
SENTENCES = [
    "第{n}製造課プレス機械安全装置点検記録簿及びインターロックスイッチメンテナンスマニュアル"
    "管理状況確認結果報告書類一式未整備",
    "作業場所安全衛生委員会議事録保管責任者不在状態継続中、",
    "ヒューマンエラーリスクアセスメントシートフォーマット未更新。",
]
MARKER = "【長文】"


def observed_text(count: int = 100) -> str:
    return MARKER + "".join(SENTENCES[i % 3].format(n=i) for i in range(count))


def body_text(page) -> str:
    """The page's text between the header and the footer band, in reading order."""
    height = float(page.mediabox.height)
    parts: list[str] = []

    def keep(text, cm, tm, font, size):
        y = tm[5] if cm[3] == 0 else cm[5] + tm[5] * cm[3]
        if MARGIN_BOTTOM - 2 * mm < y < height - MARGIN_TOP:   # the frame, not the decor
            parts.append(text)
    page.extract_text(visitor_text=keep)
    return "".join("".join(parts).split())


def page_ends(pdf: bytes, text: str) -> list[tuple[str, str]]:
    """(last character on page N, first on page N + 1) wherever `text` crosses a page."""
    pages = [body_text(p) for p in PdfReader(io.BytesIO(pdf)).pages]
    start = next(n for n, body in enumerate(pages) if MARKER in body)
    done, out = 0, []
    for body in pages[start:]:
        offset = body.index(text[done:done + 8]) if done else body.index(MARKER)
        shown = 0
        while done + shown < len(text) and offset + shown < len(body) \
                and body[offset + shown] == text[done + shown]:
            shown += 1
        done += shown
        if done >= len(text):
            return out
        out.append((text[done - 1], text[done]))
    raise AssertionError(f"only {done} of {len(text)} characters found")


@pytest.fixture
def long_finding(ws, audit):
    ws.findings.add(audit, area="OHS", severity="minor", requirement="Machine safety",
                    observed="Interlocks bypassed", observed_ja=observed_text())
    return audit


@pytest.mark.parametrize("lang", ["ja", "en+ja"])
def test_a_japanese_paragraph_continues_on_the_next_page_at_a_break_of_weight(ws, long_finding,
                                                                              lang):
    text = observed_text()
    ends = page_ends(build_guidance(ws, long_finding, lang=lang), text)
    assert ends, "the paragraph should cross at least one page end"
    for before, after in ends:
        assert not (script(before) == script(after) and script(before) in ("kanji", "katakana")), \
            (before, after)
        assert breaks_well(before, after), (before, after)


@pytest.mark.parametrize("before, after, good", [
    ("安", "全", False), ("ス", "イ", False), ("。", "作", True), ("、", "ヒ", True),
    ("書", "の", True), ("の", "安", True), ("装", "置", False), ("ト", "未", True),
    ("中", "「", True), ("し", "て", False),
])
def test_which_places_a_page_may_end(before, after, good):
    assert breaks_well(before, after) is good
