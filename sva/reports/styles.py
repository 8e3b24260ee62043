"""The look of the PDF reports: colours, paragraph styles, and bilingual headings/labels."""
from __future__ import annotations

import re

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_LEFT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from sva.reports.ja_split import JaParagraph
from sva.reports.fonts import (BOLD_FONTS, CJK, CJK_BOLD, LATIN, LATIN_BOLD, markup_runs,
                               register_fonts, runs)

INK = colors.HexColor("#1d2430")
MUTED = colors.HexColor("#5b6574")
NAVY = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#c9d1dc")
BAND = colors.HexColor("#eef2f7")
PAPER = colors.white
SEVERITY_COLOURS = {
    "significant": colors.HexColor("#b3261e"),
    "minor": colors.HexColor("#d9822b"),
    "observation": colors.HexColor("#2f6fb0"),
    "good_practice": colors.HexColor("#2e7d4f"),
}
STATUS_COLOURS = {"draft": colors.HexColor("#9a5b00"), "signed": colors.HexColor("#2e7d4f"),
                  "not_visited": colors.HexColor("#6b6f76")}


def _style(name: str, **kw) -> ParagraphStyle:
    base = dict(fontName=LATIN, fontSize=9.5, leading=13.5, textColor=INK, wordWrap="CJK",
                splitLongWords=True)
    base.update(kw)
    return ParagraphStyle(name, **base)


def make_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": _style("title", fontName=LATIN_BOLD, fontSize=22, leading=28, textColor=NAVY),
        "title2": _style("title2", fontSize=14, leading=19, textColor=NAVY),
        "h1": _style("h1", fontName=LATIN_BOLD, fontSize=14, leading=18, textColor=NAVY,
                     spaceBefore=6, spaceAfter=0),
        "h1b": _style("h1b", fontSize=10, leading=13, textColor=MUTED, spaceAfter=6),
        "h2": _style("h2", fontName=LATIN_BOLD, fontSize=11, leading=14, textColor=NAVY,
                     spaceBefore=8, spaceAfter=2),
        "body": _style("body", spaceAfter=4),
        "label": _style("label", fontName=LATIN_BOLD, fontSize=7.5, leading=10,
                        textColor=MUTED, spaceBefore=5, spaceAfter=1),
        "label2": _style("label2", fontSize=7.5, leading=10, textColor=MUTED),
        "cell": _style("cell", fontSize=8.5, leading=11.5),
        "cell_b": _style("cell_b", fontName=LATIN_BOLD, fontSize=8.5, leading=11.5),
        "cell_c": _style("cell_c", fontSize=8.5, leading=11.5, alignment=TA_CENTER),
        "cell_r": _style("cell_r", fontSize=8.5, leading=11.5, alignment=TA_RIGHT),
        "head_c": _style("head_c", fontName=LATIN_BOLD, fontSize=7.5, leading=10,
                         textColor=PAPER, alignment=TA_CENTER),
        "head": _style("head", fontName=LATIN_BOLD, fontSize=7.5, leading=10, textColor=PAPER),
        "small": _style("small", fontSize=7.5, leading=10, textColor=MUTED),
        "caption": _style("caption", fontSize=7.5, leading=9.5, textColor=MUTED,
                          alignment=TA_CENTER),
        "message": _style("message", fontName=LATIN_BOLD, fontSize=10.5, leading=15,
                          textColor=NAVY),
        "band": _style("band", fontName=LATIN_BOLD, fontSize=10.5, leading=13, textColor=PAPER),
    }


def wrapping(style: ParagraphStyle, cjk: bool) -> ParagraphStyle:
    """`style` as it is for text with Japanese in it (CJK wrapping: a line may break between
    any two characters, Japanese has no spaces), else its twin that wraps at spaces — which
    measures words instead of every character, a third of an English report's build."""
    if cjk or style.wordWrap != "CJK":
        return style
    known = _WORD_WRAP.get(style.name)
    if known is None or known[0] is not style:     # one entry per style name: bounded
        known = _WORD_WRAP[style.name] = (style, ParagraphStyle(
            style.name + "-words", parent=style, wordWrap=None))
    return known[1]


_WORD_WRAP: dict[str, tuple[ParagraphStyle, ParagraphStyle]] = {}


def para(text, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: escaped, Japanese runs in the CJK font and CJK wrapping."""
    pieces = runs(str(text) if text not in (None, "") else "—")
    body = markup_runs(pieces, bold=style.fontName in BOLD_FONTS)
    cjk = any(c for c, _ in pieces)
    if cjk:          # a page split on a break of weight, inside a line where need be
        return JaParagraph(linked(body), wrapping(style, cjk), source=str(text),
                           remake=lambda piece: para(piece, style))
    return Paragraph(linked(body), wrapping(style, cjk))


_LINK = re.compile(r"(https?://[^\s<>\"]+[^\s<>\".,;:)）])|"
                   r"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def linked(body: str) -> str:
    """URLs and e-mail addresses in paragraph markup as links (mailto: for addresses)."""
    if "@" not in body and "http" not in body:
        return body

    def link(match) -> str:
        url, email = match.groups()
        href = url if url else f"mailto:{email}"
        return f'<a href="{href}" color="#1f3a5f"><u>{match.group(0)}</u></a>'
    return _LINK.sub(link, body)


def rich(parts: list[tuple[str, str | None]], style: ParagraphStyle) -> Paragraph:
    """A paragraph of (text, tag) pieces, e.g. [("Due", "b"), (" 12 May", None)]."""
    out, cjk = [], False
    for text, tag in parts:
        pieces = runs("" if text is None else str(text))
        cjk = cjk or any(c for c, _ in pieces)
        body = markup_runs(pieces, bold=tag == "b" or style.fontName in BOLD_FONTS)
        out.append(f"<{tag}>{body}</{tag}>" if tag else body)
    return (JaParagraph if cjk else Paragraph)("".join(out), wrapping(style, cjk))


class OneLine(Flowable):
    """A short plain text drawn as one line, as its Paragraph would draw it, without the
    markup parsing and line breaking a Paragraph pays for (field labels are a fifth of a
    report's paragraphs). Left-aligned styles only; a text that does not fit the width it
    gets becomes that Paragraph after all."""

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.style = style
        self.pieces = runs(text)
        self.breaks = "\n" in text
        # as a Paragraph shows plain text: runs of white space as one space, none at the ends
        self.drawn = runs(" ".join(text.split()))
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self._para: Paragraph | None = None

    def _runs(self) -> list[tuple[str, str]]:
        cjk = CJK_BOLD if self.style.fontName in BOLD_FONTS else CJK
        return [(cjk if is_cjk else self.style.fontName, chunk) for is_cjk, chunk in self.drawn]

    def wrap(self, avail_width, avail_height):
        style = self.style
        wide = sum(stringWidth(chunk, font, style.fontSize) for font, chunk in self._runs())
        if self.breaks or wide > avail_width or style.alignment != TA_LEFT:
            self._para = Paragraph(markup_runs(self.pieces,
                                               bold=style.fontName in BOLD_FONTS),
                                   wrapping(style, any(c for c, _ in self.pieces)))
            return self._para.wrap(avail_width, avail_height)
        self._para = None
        self.width, self.height = wide, style.leading
        return wide, style.leading

    def split(self, avail_width, avail_height):
        return self._para.split(avail_width, avail_height) if self._para is not None else []

    def draw(self):
        if self._para is not None:
            self._para.drawOn(self.canv, 0, 0)
            return
        canvas, style = self.canv, self.style
        text = canvas.beginText(0, self.height - style.fontSize)   # where Paragraph puts it
        text.setFillColor(style.textColor)
        for font, chunk in self._runs():
            text.setFont(font, style.fontSize)
            text.textOut(chunk)
        canvas.drawText(text)


def label(t, key: str, styles: dict, **fields) -> Flowable:
    """A field label: both languages on one line when bilingual ('Due date · 期限')."""
    return OneLine(t(key, sep="  ·  ", **fields), styles["label"])


def stacked(t, key: str, styles: dict, first: str = "cell_b", second: str = "label2",
            **fields) -> list[Paragraph]:
    """A label in the first language with the second language below it, smaller."""
    pieces = t.each(key, **fields)
    out = [para(pieces[0][1], styles[first])]
    if len(pieces) > 1:
        out.append(para(pieces[1][1], styles[second]))
    return out


def heading(t, key: str, styles: dict, *, number: str = "") -> list:
    """A section heading; in the bilingual mode the Japanese title sits under the English."""
    from sva.reports.outline import Bookmark
    pieces = t.each(key)
    prefix = f"{number}  " if number else ""
    out = [Bookmark(prefix + pieces[0][1], f"section-{key}-{number}"),
           para(prefix + pieces[0][1], styles["h1"])]
    if len(pieces) > 1:
        out.append(para(pieces[1][1], styles["h1b"]))
    else:
        out.append(Spacer(1, 6))
    for flowable in out[:-1]:
        flowable.keepWithNext = True
    out[-1].keepWithNext = True
    return out


class Grid(Table):
    """A reportlab Table whose cells default to the embedded Latin font, not Helvetica
    (reportlab sets a cell font even when the cell holds paragraphs, which would add an
    unembedded Helvetica to the PDF)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setStyle([("FONTNAME", (0, 0), (-1, -1), LATIN)])
