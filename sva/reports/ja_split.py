"""Where a Japanese paragraph may continue on the next page (issue 21).

Japanese wraps between any two characters, and within a page that is how Japanese is set.
Across a page end it reads badly: "南京" at the foot of one page and "錠" at the top of the
next. A paragraph with Japanese text is therefore split only where the text allows a break
of more weight — after punctuation (。、」）！？ …), before an opening bracket, at a space, or
where the script changes (a kanji or katakana run followed by hiragana, hiragana followed by
kanji, Japanese next to Latin) — moving the lines after that point to the next page. When no
such point leaves at least two lines on the page, the paragraph splits as reportlab would.
"""
from __future__ import annotations

import unicodedata

from reportlab.platypus import Paragraph

# A page may end after these, or start with these.
CLOSING = set("。、，．」』）】〕〉》｝］！？!?,.:;)]}…‥：；")
OPENING = set("「『（【〔〈《｛［(")


def script(ch: str) -> str:
    """The script class of one character: kanji, hiragana, katakana, latin (letters and
    digits, full width too), or other."""
    code = ord(ch)
    if 0x3040 <= code <= 0x309F:
        return "hiragana"
    if 0x30A0 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "katakana"                     # ー (long vowel) included: part of the word
    if 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or ch in "々〆〇":
        return "kanji"
    if ch.isalnum():
        return "latin"
    return "other"


def breaks_well(before: str, after: str) -> bool:
    """May a page end between the character `before` and the character `after`?"""
    if not before or not after:
        return True
    if before in CLOSING or after in OPENING or before.isspace() or after.isspace():
        return True
    if unicodedata.category(before).startswith("P"):
        return True
    first, second = script(before), script(after)
    return first != second or first == "other"


def line_text(para: Paragraph, index: int) -> str:
    line = para.blPara.lines[index]
    if isinstance(line, tuple):             # kind 0: (extra space, [words])
        return " ".join(line[1])
    return "".join(getattr(f, "text", "") for f in line.words)


def _offset(source: str, visible: int) -> int:
    """The index in `source` after its first `visible` non-space characters."""
    seen = 0
    for index, ch in enumerate(source):
        if seen == visible:
            return index
        if not ch.isspace():
            seen += 1
    return len(source)


class JaParagraph(Paragraph):
    """A Paragraph with Japanese text: its page split falls on a break of weight.

    `remake(text)`, when given, makes a paragraph of a piece of the same plain text (what
    `styles.para` made this one from): the split may then fall inside a line, the line on
    this page ending early. Without it only the ends of lines are candidates."""

    def __init__(self, text, style, *args, source: str | None = None, remake=None, **kw):
        super().__init__(text, style, *args, **kw)
        self.source, self.remake = source, remake

    def _cut(self, fits: int) -> tuple[int, int, bool] | None:
        """(line, visible characters before the cut, whether the cut is that line's end) of
        the last good break that keeps at least two lines here, searching back from the end
        of line `fits - 1`."""
        texts = ["".join(line_text(self, i).split()) for i in range(len(self.blPara.lines))]
        ends, total = [], 0
        for text in texts:
            total += len(text)
            ends.append(total)
        chars = "".join(texts)
        inside = self.remake is not None and self.source is not None \
            and chars == "".join(self.source.split())
        for line in range(fits - 1, 0, -1):
            start = ends[line] - len(texts[line])
            low = start + 1 if inside else ends[line]
            for cut in range(ends[line], low - 1, -1):
                if breaks_well(chars[cut - 1], chars[cut] if cut < len(chars) else ""):
                    return line, cut, cut == ends[line]
        return None

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        if not hasattr(self, "blPara"):
            self.wrap(availWidth, availHeight)
        lines = self.blPara.lines
        leading = self.style.leading
        fits = int(availHeight / float(leading))
        if getattr(self.style, "autoLeading", "") not in ("", "off") \
                or fits >= len(lines) or fits < 2:
            return super().split(availWidth, availHeight)
        found = self._cut(fits)
        if found is None:
            return super().split(availWidth, availHeight)     # no better place: as before
        line, cut, line_end = found
        if line_end:                        # at the end of a line: keep lines 0..line here
            return super().split(availWidth, (line + 1) * leading + 1e-3)
        at = _offset(self.source, cut)
        first, rest = self.remake(self.source[:at]), self.remake(self.source[at:].lstrip())
        if first.wrap(availWidth, availHeight)[1] > availHeight + 1e-6:
            return super().split(availWidth, availHeight)
        return [first, rest]
