"""Find English left in the Japanese UI: collect every text a widget tree shows (labels,
buttons, titles, tabs, tooltips, placeholders, menus and actions, table headers and cells,
combo items, tree rows) and report the Latin words that are not in a small, explicit
allow-list of proper names, codes and units.

What the user typed or the data holds (supplier names, findings, notes, file names) is not
UI text: `data_values(ws)` lists those values, and they are masked out before the check.
The checklist's Japanese texts are masked too (they may quote ISO or RoHS); its English
texts are not, so an English question shown in the Japanese checklist is caught.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import (QAbstractListModel, QAbstractTableModel, QCoreApplication, QLocale,
                            QModelIndex, Qt, QTranslator)
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox,
                               QComboBox, QGroupBox, QHeaderView, QLabel, QLineEdit, QMenu,
                               QMenuBar, QPlainTextEdit, QProgressBar, QTabBar, QTextEdit,
                               QWidget)

# Names, codes and units that stay as they are in Japanese. Keep it small: every word here
# is one the check can no longer catch.
ALLOWED = {
    "SVA", "CAP", "PDF", "SVR", "OS", "USB", "HTTP", "EXIF", "JPEG", "PNG", "HEIC",
    "Excel", "HTML", "OK", "English",                      # "English" in the language combo
    "Windows", "macOS",
    "Python", "Qt", "SQLite",                              # Help → About: product names
    "HR", "OHS", "FT", "ENV", "ISEC", "PQS",               # risk-area codes
    "MB", "KB", "GB", "px",
}
KEYS = ("Ctrl", "Shift", "Alt", "Meta", "Esc", "Enter", "Return", "Space", "Tab", "Delete",
        "Del", "Backspace", "PgUp", "PgDown", "Home", "End", "Left", "Right", "Up", "Down",
        "Ins")
_KEY = rf"(?:{'|'.join(KEYS)}|F\d{{1,2}}|[A-Z0-9]|[+=,.\-])"
_CODE_PATTERNS = [                                        # case-insensitive
    r"\t.*$",                                             # a menu item's shortcut column
    r"(?:(?:Ctrl|Shift|Alt|Meta)\+)+" + _KEY,             # Ctrl+Shift+S
    rf"\(\s*{_KEY}(?:\s*[,/]\s*{_KEY})*\s*\)",            # (Space), (PgUp), (E)
    rf"\b{_KEY}\s*キー",                                  # Enter キー
    r"https?://\S+",
    r"\bsva(?:-hq)?(?:\s+[a-z][a-z-]*)+",                   # a command line: sva db encrypt
    r"Secret Service",                                    # the freedesktop keyring's name
    r"[「`]sva(?:-hq)?\b[^」`]*[」`]",                      # a command: 「sva-hq bundle import」
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",                      # e-mail addresses
    r"(?:~|\.{1,2})?(?:/[^\s/:;,()（）「」“”]+)+/?",        # paths
    r"[\w.*-]+\.(?:jpe?g|png|heic|heif|pdf|xlsx|svab|db|ini|ts|qm)\b",  # file names, *.jpg
    r"\b[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+\b",      # dotted names, hq.example.com
    r"\b[0-9a-f]{8,}\b",                                  # hashes, ids
    r"\d{4}-\d{2}-\d{2}T[\d:.+]+Z?",                      # ISO times
]
_CASED_PATTERNS = [
    r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Error|Exception)\b",  # an exception's class name
    r"\b[A-Z]{2,}(?:-[A-Z0-9]+)+\b",                      # item ids: SVR-HR-01, HR-01
    r"\bS\d{3,}\b",                                       # supplier codes
]
_CODES = re.compile("|".join(f"(?:{p})" for p in _CODE_PATTERNS), re.M | re.I)
_CASED = re.compile("|".join(f"(?:{p})" for p in _CASED_PATTERNS))
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


def english_words(text: str, masked: list[str] = ()) -> list[str]:
    """Latin words of `text` that are neither allowed names nor codes nor data."""
    text = text.replace("&&", "\0").replace("&", "")
    words = _words(text)
    if words and masked:
        for value in masked:
            if value in text:
                text = text.replace(value, " ")
        words = _words(text)
    return words


def _words(text: str) -> list[str]:
    text = _CODES.sub(" ", _CASED.sub(" ", text))
    return [w for w in _WORD.findall(text)
            if w not in ALLOWED and not (len(w) == 1 and w.isupper())]


def data_values(ws) -> list[str]:
    """Free text of the store and of the checklists' Japanese side, longest first."""
    columns = {
        "suppliers": ("code", "name_en", "name_ja", "country", "categories"),
        "sites": ("name", "address", "timezone", "contact_name", "contact_email"),
        "audits": ("template_ref", "auditors", "scope"),
        "answers": ("note",),
        "findings": ("requirement", "observed", "evidence", "required_action", "root_cause",
                     "corrective_action", "preventive_action", "responsible",
                     "supplier_comment", "rejection_reason"),
        "photos": ("filename", "caption"),
        "signatures": ("signer_name", "role", "organisation"),
        "sync_server": ("url", "user_name"),
    }
    values: set[str] = set()
    for table, names in columns.items():
        for row in ws.db.query(f"SELECT {', '.join(names)} FROM {table}"):
            for name in names:
                value = row[name]
                if not isinstance(value, str) or not value.strip():
                    continue
                if value.startswith("["):
                    try:
                        values.update(str(v) for v in json.loads(value))
                        continue
                    except ValueError:
                        pass
                values.add(value)
                values.update(line for line in value.splitlines() if line.strip())
    # Typed answers and conflicting CAP texts are data; the codes of answers ("conforms") and
    # of statuses are not: the UI must show them translated.
    templates = {r["template_ref"]: ws.templates.get(r["template_ref"])
                 for r in ws.db.query("SELECT DISTINCT template_ref FROM audits")}
    for row in ws.db.query("SELECT a.template_ref, n.item_id, n.result FROM answers n "
                           "JOIN audits a ON a.id = n.audit_id WHERE n.result IS NOT NULL"):
        item = templates[row["template_ref"]].items.get(row["item_id"])
        if item is not None and item.answer in ("text", "number"):
            values.add(row["result"])
    values.update(v for r in ws.db.query("SELECT base, mine, theirs FROM sync_conflicts "
                                         "WHERE field != 'status'")
                  for v in (r["base"], r["mine"], r["theirs"]) if isinstance(v, str))
    for ref in templates:
        for section in ws.templates.get(ref).sections:
            values.add(section.title.get("ja", ""))
            for item in section.items:
                values.update((item.question.get("ja", ""), item.guidance.get("ja", "")))
                values.update(labels.get("ja", "") for _, labels in item.choices)
    # only values with a word in them: masking a number would cut an id such as HR-01
    return sorted((v for v in values if re.search("[A-Za-z]{2}", v)), key=len, reverse=True)


@pytest.fixture
def japanese(qapp, tmp_path):
    """The Japanese UI as the app starts it (`i18n.install`: ours and Qt's catalogues),
    taken down afterwards."""
    from ui import i18n
    from ui.i18n_build import build
    build(out=tmp_path / "qm")
    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    assert i18n.install(qapp, "ja", tmp_path / "qm") == "ja"
    loaded = [t for t in qapp.findChildren(QTranslator) if t not in before]
    yield loaded
    for translator in loaded:
        QCoreApplication.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(locale)


# -- collecting texts --------------------------------------------------------------------

def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def action_texts(actions, where: str) -> Iterator[tuple[str, str]]:
    for act in actions:
        if not isinstance(act, QAction) or not act.isVisible() or act.isSeparator():
            continue
        name = f"{where}/{act.objectName() or act.text()}"
        yield name, act.text()
        if act.toolTip() and act.toolTip() != act.text().replace("&", ""):
            yield name + ".toolTip", act.toolTip()
        if act.menu() is not None:
            yield from action_texts(act.menu().actions(), name)


def _columns(model, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):   # columnCount is private there
        return 1
    return model.columnCount(parent)


def model_texts(view: QAbstractItemView, where: str,
                limit: int = 400) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    headers = []
    if hasattr(view, "horizontalHeader") and not view.horizontalHeader().isHidden():
        headers.append(Qt.Orientation.Horizontal)
    if hasattr(view, "header") and not view.header().isHidden():
        headers.append(Qt.Orientation.Horizontal)
    for orientation in dict.fromkeys(headers):
        for column in range(_columns(model, QModelIndex())):
            for role in roles:
                value = model.headerData(column, orientation, role)
                if isinstance(value, str) and value:
                    yield f"{where}.header[{column}]", value
    seen = 0

    def walk(parent: QModelIndex, path: str):
        nonlocal seen
        for row in range(model.rowCount(parent)):
            if seen >= limit:
                return
            seen += 1
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in roles:
                    value = index.data(role)
                    if isinstance(value, str) and value:
                        yield f"{where}{path}[{row},{column}]", value
            first = model.index(row, 0, parent)
            flat = isinstance(model, (QAbstractListModel, QAbstractTableModel))
            if not flat and model.hasChildren(first):      # private in the flat models
                yield from walk(first, f"{path}[{row}]")

    yield from walk(QModelIndex(), "")


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """Every text `root` and its visible descendants show (menus included)."""
    widgets = [root] + [w for w in root.findChildren(QWidget) if w.isVisible()]
    if root.isWindow():
        yield f"{root.objectName()}.windowTitle", root.windowTitle()
    for w in widgets:
        name = w.objectName() or type(w).__name__
        if w.toolTip():
            yield f"{name}.toolTip", _plain(w.toolTip())
        if w.whatsThis():
            yield f"{name}.whatsThis", _plain(w.whatsThis())
        if isinstance(w, QLabel):
            yield f"{name}.text", _plain(w.text())
        elif isinstance(w, QAbstractButton):
            yield f"{name}.text", w.text()
        elif isinstance(w, QGroupBox):
            yield f"{name}.title", w.title()
        elif isinstance(w, QTabBar):
            for n in range(w.count()):
                yield f"{name}.tab[{n}]", w.tabText(n)
                yield f"{name}.tabToolTip[{n}]", w.tabToolTip(n)
        elif isinstance(w, QLineEdit):
            yield f"{name}.placeholder", w.placeholderText()
            if w.isReadOnly():
                yield f"{name}.text", w.text()
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            yield f"{name}.placeholder", w.placeholderText()
            if w.isReadOnly():
                yield f"{name}.text", w.toPlainText()
        elif isinstance(w, QComboBox):
            for n in range(w.count()):
                yield f"{name}.item[{n}]", w.itemText(n)
                tip = w.itemData(n, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    yield f"{name}.itemToolTip[{n}]", tip
        elif isinstance(w, QAbstractSpinBox):
            yield f"{name}.special", getattr(w, "specialValueText", lambda: "")()
            for part in ("prefix", "suffix"):
                if hasattr(w, part):
                    yield f"{name}.{part}", getattr(w, part)()
        elif isinstance(w, QProgressBar):
            yield f"{name}.text", w.text()
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            yield from model_texts(w, name)
        if isinstance(w, QMenuBar):
            yield from action_texts(w.actions(), name)
        elif isinstance(w, QMenu):
            yield f"{name}.title", w.title()
            yield from action_texts(w.actions(), name)
        else:
            # toolbar buttons show their actions; widget actions with a text are offered
            # in menus (the editor's and the windows' actions)
            yield from ((f"{name}/{a.objectName()}", a.text())
                        for a in w.actions() if a.isVisible() and a.text())


def english_in(root: QWidget, masked: list[str] = (), ignore: str | None = None) -> list[str]:
    """'where: text  → [words]' for every text of `root` with English left in it; texts
    whose place matches the regular expression `ignore` are not looked at."""
    found = []
    for where, text in widget_texts(root):
        if not text or (ignore and re.search(ignore, where)):
            continue
        words = english_words(text, masked)
        if words:
            found.append(f"{where}: {text[:120]!r} → {sorted(set(words))}")
    return found
