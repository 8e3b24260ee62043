"""Fonts embedded in every report: Bitstream Vera for Latin text, IPA fonts for Japanese.

reportlab's built-in CID fonts are not embedded (blank pages on a machine without
poppler-data, DESIGN §9), so Japanese uses the IPA TrueType fonts from Debian's
`fonts-ipafont`, which reportlab embeds as subsets. Latin text uses Vera (shipped with
reportlab) because IPA's Latin glyphs look out of place in English prose. A text mixing
both is split into runs, each wrapped in a `<font>` tag for the font that has its glyphs.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sva.errors import SvaError

LATIN, LATIN_BOLD, LATIN_ITALIC = "SVA-Sans", "SVA-Sans-Bold", "SVA-Sans-Italic"
CJK, CJK_SERIF, CJK_BOLD = "SVA-Gothic", "SVA-Mincho", "SVA-Gothic-Bold"
BOLD_FONTS = {LATIN_BOLD, CJK_BOLD}

# A real bold Japanese face, so a bold heading is not bold Latin beside regular kanji:
# MigMix 2P Bold from Debian's `fonts-migmix` (TrueType outlines, which reportlab embeds;
# its kanji are IPA Gothic's, emboldened, so they match the regular text). Without it bold
# Japanese falls back to the regular face.
MIGMIX_BOLD = ("migmix-2p-bold.ttf", "/usr/share/fonts/truetype/migmix/migmix-2p-bold.ttf")

# Debian's fonts-ipafont; SVA_FONT_DIR (or resources/fonts/) may hold the same files.
IPA_FILES = {
    CJK: ("ipagp.ttf", "/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf",
          "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
    CJK_SERIF: ("ipamp.ttf", "/usr/share/fonts/opentype/ipafont-mincho/ipamp.ttf",
                "/usr/share/fonts/truetype/fonts-japanese-mincho.ttf"),
}
VERA_FILES = {LATIN: "Vera.ttf", LATIN_BOLD: "VeraBd.ttf", LATIN_ITALIC: "VeraIt.ttf"}


class FontMissing(SvaError):
    """A font reports need is not installed: the message names the package to install."""


def _font_dirs() -> list[Path]:
    from sva.paths import resource
    dirs = [Path(os.environ["SVA_FONT_DIR"])] if os.environ.get("SVA_FONT_DIR") else []
    return dirs + [resource("fonts")]


def _find_ipa(name: str) -> Path:
    filename, *system = IPA_FILES[name]
    for candidate in [d / filename for d in _font_dirs()] + [Path(p) for p in system]:
        if candidate.is_file():
            return candidate
    raise FontMissing(
        f"the Japanese font {filename} is missing: install the Debian package "
        f"{'fonts-ipafont-gothic' if name == CJK else 'fonts-ipafont-mincho'} "
        "(apt-get install fonts-ipafont) or put the file into resources/fonts/")


def _find_bold() -> Path | None:
    filename, system = MIGMIX_BOLD
    for candidate in [d / filename for d in _font_dirs()] + [Path(system)]:
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register the report fonts once per process (reportlab keeps a global registry)."""
    for name, filename in VERA_FILES.items():
        pdfmetrics.registerFont(TTFont(name, filename))
    pdfmetrics.registerFontFamily(LATIN, normal=LATIN, bold=LATIN_BOLD, italic=LATIN_ITALIC,
                                  boldItalic=LATIN_BOLD)
    for name in (CJK, CJK_SERIF):
        pdfmetrics.registerFont(TTFont(name, str(_find_ipa(name))))
    bold = _find_bold()
    pdfmetrics.registerFont(TTFont(CJK_BOLD, str(bold or _find_ipa(CJK))))
    for name in (CJK, CJK_SERIF):
        heavy = CJK_BOLD if name == CJK else name
        pdfmetrics.registerFontFamily(name, normal=name, bold=heavy, italic=name,
                                      boldItalic=heavy)


@lru_cache(maxsize=2)
def _cmap(font: str) -> frozenset:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def needs_cjk(text: str) -> bool:
    latin = _cmap(LATIN)
    return any(ord(ch) not in latin and not ch.isspace() for ch in text)


def runs(text: str) -> list[tuple[bool, str]]:
    """Split text into (is_cjk, chunk) runs; spaces stay with the run they follow."""
    if text.isascii():
        return [(False, text)] if text else []       # Vera has every ASCII character
    latin, cjk = _cmap(LATIN), _cmap(CJK)
    out: list[tuple[bool, str]] = []
    for ch in text:
        code = ord(ch)
        if ch.isspace() or (code in latin and code in cjk and out and not ch.isalnum()):
            is_cjk = out[-1][0] if out else False      # neutral: keep the current run
        else:
            is_cjk = code not in latin and code in cjk
        if out and out[-1][0] == is_cjk:
            out[-1] = (is_cjk, out[-1][1] + ch)
        else:
            out.append((is_cjk, ch))
    return out


def markup(text: str) -> str:
    """Escape `text` for a Paragraph and put its Japanese runs into the CJK font."""
    return markup_runs(runs("" if text is None else str(text)))


def markup_runs(pieces: list[tuple[bool, str]], *, bold: bool = False) -> str:
    """Paragraph markup; `bold`: the Japanese runs of a bold style in the bold face."""
    face = CJK_BOLD if bold else CJK
    parts = []
    for is_cjk, chunk in pieces:
        chunk = escape(chunk).replace("\n", "<br/>")
        parts.append(f'<font name="{face}">{chunk}</font>' if is_cjk else chunk)
    return "".join(parts)


def font_for(text: str, *, bold: bool = False) -> str:
    """One font for a whole string (chart labels, canvas text, which take no markup)."""
    if needs_cjk(text):
        return CJK_BOLD if bold else CJK
    return LATIN_BOLD if bold else LATIN
