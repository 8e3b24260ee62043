"""Fonts the app ships (resources/fonts/): Noto Emoji, monochrome, SIL OFL 1.1.

On a machine without an emoji font, Qt draws 🔒 (the lock line of a signed audit) and emoji
an auditor types into a note as empty boxes. At start-up the bundled font is registered and,
when the system's fonts cannot draw emoji, made the application's emoji font; a system that
has its own (a colour emoji font) keeps it.
"""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout

from sva.paths import resource

EMOJI_FAMILY = "Noto Emoji"
PROBE = "🔒😀👍📷"      # the lock line's symbol and common emoji from notes


def draws_boxes(text: str, font: QFont) -> bool:
    """True if `font` and Qt's fallback fonts draw some of `text` as a box (glyph 0,
    .notdef), as Qt lays the text out for a label or a note."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return any(glyph == 0 for run in layout.glyphRuns() for glyph in run.glyphIndexes())


def install_fonts(font: QFont) -> list[str]:
    """Register the bundled fonts; use Noto Emoji for emoji if `font` (the application's)
    and the system's fallbacks draw some of PROBE as boxes. Returns the emoji families the
    application added (empty: the system draws emoji itself)."""
    if not any(draws_boxes(symbol, font) for symbol in PROBE):
        return []
    for path in sorted(resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    if EMOJI_FAMILY in QFontDatabase.families() and \
            EMOJI_FAMILY not in QFontDatabase.applicationEmojiFontFamilies():
        QFontDatabase.addApplicationEmojiFontFamily(EMOJI_FAMILY)
    return QFontDatabase.applicationEmojiFontFamilies()
