"""Symbols and emoji never show as empty boxes: every symbol our UI uses (found in ui/ and the
translations), the lock line of a signed audit and emoji an auditor types into a note are
drawn by the app's fonts, the bundled emoji font included (this machine has no emoji font).

The check is Qt's own layout: a glyph index 0 (.notdef) in any glyph run is the box."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QInputMethodEvent, QTextLayout
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
SYMBOLS = re.compile("[\u2190-\u2bff\U0001f300-\U0001faff]")
# Emoji as auditors type them into notes: faces, hands, objects, with variation selector,
# skin tone, a ZWJ sequence and a flag.
TYPED = ["😀", "🙂", "👍", "👍🏽", "📷", "🔥", "🧯", "🏭", "⚠️", "✅", "❌", "🚫", "♻️",
         "👷‍♀️", "🇯🇵", "🔒"]


def boxes(text: str, font: QFont) -> list[str]:
    """The glyph runs' fonts that draw part of `text` as the .notdef box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()
            if 0 in run.glyphIndexes()]


def ui_symbols() -> list[str]:
    found: set[str] = set()
    for path in [*ROOT.joinpath("ui").rglob("*.py"),
                 *ROOT.joinpath("resources", "translations").glob("*.ts")]:
        found.update(SYMBOLS.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


@pytest.fixture(scope="module")
def app_font(qapp):
    from ui.app import application
    return application().font()


def test_the_scan_finds_the_symbols_we_know_of():
    assert {"🔒", "⚑", "▸", "◀", "▶"} <= set(ui_symbols())


@pytest.mark.parametrize("symbol", ui_symbols() + TYPED)
def test_symbol_is_drawn_without_a_box(app_font, symbol):
    for font in (app_font, QFont(app_font.family(), 12, QFont.Weight.Bold)):
        assert boxes(symbol, font) == [], f"{symbol!r} U+{ord(symbol[0]):04X} is a box"


def test_the_lock_line_and_a_note_with_emoji_show_no_box(qtbot, app_font, open_editor, ws,
                                                          signed):
    editor = open_editor(signed)
    banner = editor.header.banner
    assert banner.isVisible() and banner.text().startswith("🔒")
    assert boxes(banner.text(), banner.font()) == []

    editor.amend_reason = "typo in a note"
    editor.reload_audit()
    note = editor.panel.note
    qtbot.keyClick(editor.tree, Qt.Key.Key_N)
    qtbot.keyClicks(note, "Exit blocked ")
    for emoji in ("🚫", "📷", "👍"):            # as an emoji picker or input method sends them
        commit = QInputMethodEvent()
        commit.setCommitString(emoji)
        QApplication.sendEvent(note, commit)
    assert note.toPlainText() == "Exit blocked 🚫📷👍"
    assert boxes(note.toPlainText(), note.font()) == []
