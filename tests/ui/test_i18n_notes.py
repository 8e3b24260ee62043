"""Translation notes (i18n-notes/*.tsv) fill the unfinished entries of a real .ts made by
pyside6-lupdate, which pyside6-lrelease then compiles and a QTranslator reads back."""
from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QTranslator

from ui import i18n_notes
from ui.i18n_build import _tool

SOURCE = '''
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def _tr(text, disambiguation=None):
    return QCoreApplication.translate("", text, disambiguation)


class Box(QWidget):
    def texts(self):
        return (self.tr("Save"), self.tr("Open", "button: open the audit"),
                self.tr("{0} photo(s) & \\"notes\\""), self.tr("Line one\\nline two"),
                self.tr("Already done"), self.tr("Nobody wrote this one"),
                _tr("Open", "finding status"), _tr("Due"))
'''


@pytest.fixture
def ts(tmp_path):
    """A .ts as lupdate writes it for SOURCE, with one entry already translated."""
    (tmp_path / "box.py").write_text(SOURCE, "utf-8")
    path = tmp_path / "box_ja.ts"
    subprocess.run([_tool("pyside6-lupdate"), "-tr-function-alias", "tr+=_tr", "box.py",
                    "-ts", path.name], cwd=tmp_path, check=True, capture_output=True)
    text = path.read_text("utf-8")
    done = ('<source>Already done</source>\n        <translation type="unfinished">'
            '</translation>')
    assert done in text
    path.write_text(text.replace(done, "<source>Already done</source>\n        "
                                       "<translation>済み</translation>"), "utf-8")
    return path


def notes(folder, name: str, *lines: str):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text("\n".join(lines) + "\n", "utf-8")


def compiled(ts, tmp_path) -> QTranslator:
    qm = tmp_path / "box_ja.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def test_notes_fill_the_unfinished_entries(qapp, ts, tmp_path):
    folder = tmp_path / "i18n-notes"
    notes(folder, "photos.tsv", "# new strings of the photos branch", "",
          "Save\t保存",
          '{0} photo(s) & "notes"\t写真 {0} 枚と「メモ」',
          "Line one\\nline two\t一行目\\n二行目",
          "Already done\tやり直し")
    notes(folder, "lifecycle.tsv",
          "Open\t開く\tbutton: open the audit",
          "Open\t未対応\tfinding status",
          "Due\t期限")
    (result,) = i18n_notes.apply([ts], folder)
    assert sorted(result.filled) == sorted(["Save", "Open", "Open", '{0} photo(s) & "notes"',
                                            "Line one\nline two", "Due"])
    assert result.left == ["Nobody wrote this one"] and result.refused == []
    translator = compiled(ts, tmp_path)
    assert translator.translate("Box", "Save") == "保存"
    assert translator.translate("Box", "Open", "button: open the audit") == "開く"
    assert translator.translate("", "Open", "finding status") == "未対応"
    assert translator.translate("Box", '{0} photo(s) & "notes"') == "写真 {0} 枚と「メモ」"
    assert translator.translate("Box", "Line one\nline two") == "一行目\n二行目"
    assert translator.translate("Box", "Already done") == "済み"       # finished: kept
    assert translator.translate("", "Due") == "期限"
    assert translator.translate("Box", "Nobody wrote this one") == ""

    before = ts.read_text("utf-8")                 # a second run changes nothing
    (again,) = i18n_notes.apply([ts], folder)
    assert again.filled == [] and ts.read_text("utf-8") == before


def test_a_note_without_disambiguation_fills_every_meaning_unless_one_is_given(qapp, ts,
                                                                              tmp_path):
    folder = tmp_path / "notes"
    notes(folder, "a.tsv", "Open\t開く", "Open\t未対応\tfinding status")
    i18n_notes.apply([ts], folder)
    translator = compiled(ts, tmp_path)
    assert translator.translate("Box", "Open", "button: open the audit") == "開く"
    assert translator.translate("", "Open", "finding status") == "未対応"


def test_wrong_placeholders_and_disagreeing_notes_are_refused(qapp, ts, tmp_path):
    folder = tmp_path / "notes"
    notes(folder, "a.tsv", "{0} photo(s) & \"notes\"\t写真と「メモ」", "Save\t保存")
    notes(folder, "b.tsv", "Save\tセーブ")
    (result,) = i18n_notes.apply([ts], folder)
    assert result.filled == []
    assert '{0} photo(s) & "notes"' in result.left and "Save" in result.left
    assert any("placeholders" in r for r in result.refused)
    assert any("b.tsv:1" in r and "differently" in r for r in result.refused)
    assert i18n_notes.main(["--notes", str(folder), "--ts", str(ts)]) == 1


def test_a_malformed_line_names_its_file_and_line(ts, tmp_path, capsys):
    folder = tmp_path / "notes"
    notes(folder, "bad.tsv", "Save\t保存", "just one column")
    with pytest.raises(i18n_notes.NotesError, match=r"bad\.tsv:2"):
        i18n_notes.apply([ts], folder)
    assert i18n_notes.main(["--notes", str(folder), "--ts", str(ts)]) == 2
    assert "bad.tsv:2" in capsys.readouterr().err


def test_no_notes_folder_changes_nothing(ts, tmp_path):
    before = ts.read_text("utf-8")
    (result,) = i18n_notes.apply([ts], tmp_path / "absent")
    assert result.filled == [] and len(result.left) == 7
    assert ts.read_text("utf-8") == before
