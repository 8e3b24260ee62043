"""The checklist as a two-level tree (sections → items) with each item's answer state.

Fed by the template and `ws.audits.answers()`; the editor calls `set_answers` /
`set_finding_counts` after every change, so the tree never reads the store itself.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractItemModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QColor, QFont

from sva.checklists.model import Item, Template
from sva.domain.relevance import hidden_items
from sva.vocabulary import KEYED_RESULTS, LANGS
from ui.vocabulary import result_label
from ui.widgets.answer_icons import answer_icon

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 10
STATE_ROLE = Qt.ItemDataRole.UserRole + 11   # "answered" | "missing" | "open" | "section"
_NO_PARENT = 0xFFFFFFFF
# Roles as plain ints: the view asks for ~7 roles per cell as ints, and a cell's answers
# are kept in a dict keyed by them (see ChecklistModel.data).
_DISPLAY, _DECORATION, _TOOLTIP, _FONT, _ALIGN, _FOREGROUND = (
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.DecorationRole),
    int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.FontRole),
    int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ForegroundRole))
_ITEM_ID, _STATE = int(ITEM_ID_ROLE), int(STATE_ROLE)

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the context lupdate gives `_tr` calls


def short_id(item_id: str) -> str:
    """'SVR-HR-01' → 'HR-01': the template prefix is the same on every row."""
    return item_id.split("-", 1)[1] if "-" in item_id else item_id


def text_in(texts: dict, lang: str) -> str:
    """A question/title in the checklist language; 'both' shows English in narrow places."""
    return texts.get("ja" if lang == "ja" else "en", "") or texts.get("en", "")


def tree_text(texts: dict, lang: str) -> str:
    """A section title or question in the tree: in 'both' the English line over the Japanese
    one (each line elided on its own; the tree's rows are then two lines high)."""
    if lang != "both":
        return text_in(texts, lang)
    en, ja = texts.get("en", ""), texts.get("ja", "")
    return f"{en}\n{ja}" if en and ja and en != ja else en or ja


class ChecklistModel(QAbstractItemModel):
    COLUMNS = 2
    # The items the checklist's rules hide changed (the filter proxy hides/shows rows).
    relevance_changed = Signal()

    def __init__(self, template: Template, parent=None):
        super().__init__(parent)
        self.lang = "en"
        self._answers: dict[str, dict] = {}
        self._findings: dict[str, int] = {}
        self._scores: dict[str, float | None] = {}     # section id -> score %
        self._take(template)

    def _take(self, template: Template) -> None:
        self.template = template
        self.sections = list(template.sections)
        self.hidden: dict[str, str] = {}        # item id -> the rule that hides it
        self._has_rules = any(section.rule is not None or item.rule is not None
                              for section in self.sections for item in section.items)
        self._where = {item.id: (s, r) for s, section in enumerate(self.sections)
                       for r, item in enumerate(section.items)}
        self._sizes = [len(section.items) for section in self.sections]
        # Every role of a cell, computed on first ask and dropped when the cell changes:
        # painting the tree asks ~600 times, and a full repaint (scrolling, focus moving to
        # the value field) cost ~25 ms when each ask recomputed its answer.
        self._cells: dict[tuple[int, int, int], dict[int, Any]] = {}

    def set_template(self, template: Template) -> None:
        """Another shape of the checklist (an instance of a repeated section was added or
        undone): the tree is rebuilt; answers and finding counts are kept."""
        self.beginResetModel()
        self._take(template)
        if self._has_rules:
            self.hidden = hidden_items(template, self._answers)
        self.endResetModel()

    # -- feeding -----------------------------------------------------------------------------
    def set_answers(self, answers: dict[str, dict]) -> None:
        """Hidden answers stay in `answers` (and so in the item panel when the item comes
        back); only the rows of the tree follow the rules."""
        old, self._answers = self._answers, answers
        changed = {i for i in old.keys() | answers.keys()
                   if self.result(i) != (old.get(i) or {}).get("result")}
        if self._has_rules:
            hidden = hidden_items(self.template, answers)
            if hidden != self.hidden:
                changed |= hidden.keys() ^ self.hidden.keys()
                self.hidden = hidden
                self._changed_items(changed)
                self.relevance_changed.emit()
                return
        self._changed_items(changed)

    def set_finding_counts(self, counts: dict[str, int]) -> None:
        old, self._findings = self._findings, counts
        self._changed_items({i for i in old.keys() | counts.keys() if old.get(i) != counts.get(i)})

    def _changed_items(self, item_ids: set[str]) -> None:
        """Signal only the cells that changed (and their sections' progress), one cell per
        signal: a range makes the tree repaint its whole viewport, and signalling the whole
        tree on every keystroke cost ~200 ms."""
        cells = []
        for item_id in item_ids & self._where.keys():
            s, r = self._where[item_id]
            for c in range(self.COLUMNS):
                self._cells.pop((s, r, c), None)
                self._cells.pop((_NO_PARENT, s, c), None)
            parent = self.index(s, 0)
            cells += [self.index(r, c, parent) for c in range(self.COLUMNS)]
            cells += [self.index(s, c) for c in range(self.COLUMNS)]
        for cell in dict.fromkeys(cells):
            self.dataChanged.emit(cell, cell)

    def set_scores(self, percents: dict[str, float | None]) -> None:
        """Each section's score (sva.domain.scores), shown next to its progress."""
        old, self._scores = self._scores, percents
        for s, section in enumerate(self.sections):
            if old.get(section.id) != percents.get(section.id):
                self._cells.pop((_NO_PARENT, s, 1), None)
                cell = self.index(s, 1)
                self.dataChanged.emit(cell, cell)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._cells.clear()
        self._changed_all()

    def _changed_all(self) -> None:
        for s, section in enumerate(self.sections):
            parent = self.index(s, 0)
            self.dataChanged.emit(parent, self.index(s, self.COLUMNS - 1))
            if section.items:
                self.dataChanged.emit(self.index(0, 0, parent),
                                      self.index(len(section.items) - 1, self.COLUMNS - 1, parent))

    # -- reading -----------------------------------------------------------------------------
    def result(self, item_id: str) -> str | None:
        row = self._answers.get(item_id)
        return row["result"] if row else None

    def note(self, item_id: str) -> str:
        row = self._answers.get(item_id)
        return (row or {}).get("note") or ""

    def state(self, item: Item) -> str:
        if item.id in self.hidden:
            return "hidden"
        if self.result(item.id) is not None:
            return "answered"
        return "missing" if item.required else "open"

    def relevant_items(self, s: int) -> list[Item]:
        return [i for i in self.sections[s].items if i.id not in self.hidden]

    def section_progress(self, s: int) -> tuple[int, int]:
        items = self.relevant_items(s)
        return sum(self.result(i.id) is not None for i in items), len(items)

    def section_hidden(self, s: int) -> bool:
        return all(i.id in self.hidden for i in self.sections[s].items)

    def item_at(self, index: Index) -> Item | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self.sections[index.internalId()].items[index.row()]

    def index_of(self, item_id: str, column: int = 0) -> QModelIndex:
        s, r = self._where[item_id]
        return self.index(r, column, self.index(s, 0))

    def item_ids(self) -> list[str]:
        return list(self._where)

    def fixed_answer_texts(self) -> list[str]:
        """What the answer column can show for any item besides typed values and choices:
        the view sizes the column for these once instead of widening it (a full repaint)
        the first time each appears."""
        kinds = {item.answer for section in self.sections for item in section.items}
        return [_tr("required")] + [result_label(r) for kind in sorted(kinds & KEYED_RESULTS.keys())
                                    for r in KEYED_RESULTS[kind]]

    # -- QAbstractItemModel ------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        # The bounds checked here, not by hasIndex(): that calls rowCount and columnCount
        # back in Python, and the view and the filter proxy ask for ~900 indexes a repaint.
        if row < 0 or not 0 <= column < self.COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            return (self.createIndex(row, column, _NO_PARENT) if row < len(self.sections)
                    else QModelIndex())
        if parent.internalId() != _NO_PARENT or parent.column() != 0:
            return QModelIndex()
        s = parent.row()
        return self.createIndex(row, column, s) if row < self._sizes[s] else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return self._sizes[parent.row()]
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_tr("Item"), _tr("Answer"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (index.internalId(), index.row(), index.column())
        roles = self._cells.get(key)
        if roles is None:
            s, row, column = key
            roles = self._cells[key] = (
                self._section_roles(row, column) if s == _NO_PARENT
                else self._item_roles(self.sections[s].items[row], column))
        return roles.get(int(role))

    def _section_roles(self, s: int, column: int) -> dict[int, Any]:
        section = self.sections[s]
        done, total = self.section_progress(s)
        missing = sum(1 for i in section.items if self.state(i) == "missing")
        font = QFont()
        font.setBold(True)
        title = tree_text(section.title, self.lang)
        score = self._scores.get(section.id)
        counts = f"{done}/{total}" + (f" · {score:.0f}%" if score is not None else "")
        roles = {_DISPLAY: title if column == 0 else counts,
                 _FONT: font, _STATE: "section",
                 _TOOLTIP: _tr("{0} of {1} answered; {2} required still open").format(
                     done, total, missing)}
        if column == 1:
            roles[_ALIGN] = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return roles

    def _item_roles(self, item: Item, column: int) -> dict[int, Any]:
        result = self.result(item.id)
        state = self.state(item)
        if column == 0:
            display = f"{short_id(item.id)}  {tree_text(item.question, self.lang)}"
        else:
            findings = self._findings.get(item.id, 0)
            display = self._answer_text(item, result) if result is not None else (
                _tr("required") if state == "missing" else "")
            display += f"  ⚑{findings}" if findings else ""
        langs = LANGS if self.lang == "both" else ("ja" if self.lang == "ja" else "en",)
        lines = [item.question.get(lang, "") for lang in langs]
        if state == "missing":
            lines.append(_tr("Required – not answered yet"))
        roles = {_DISPLAY: display, _ITEM_ID: item.id, _STATE: state,
                 _TOOLTIP: "\n".join(line for line in lines if line)}
        if column == 0:
            roles[_DECORATION] = answer_icon(
                state if result is None
                else result if item.answer in KEYED_RESULTS else "value")
        elif state == "missing":
            roles[_FOREGROUND] = QColor("#b03a2e")
        return roles

    def _answer_text(self, item: Item, result: str) -> str:
        if item.answer in KEYED_RESULTS:
            return result_label(result)
        if item.answer == "choice":
            for value, labels in item.choices:
                if value == result:
                    return text_in(labels, self.lang)
        return result


class ChecklistFilterProxy(QSortFilterProxyModel):
    """Shows every item, only the unanswered ones, or only nonconformities."""
    MODES = ("all", "unanswered", "nonconformities")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mode = "all"
        self.setRecursiveFilteringEnabled(True)

    def set_mode(self, mode: str) -> None:
        self.beginFilterChange()
        self.mode = mode
        self.endFilterChange()

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt name)
        super().setSourceModel(model)
        model.relevance_changed.connect(self._relevance_changed)

    def _relevance_changed(self) -> None:
        self.beginFilterChange()
        self.endFilterChange()

    def shows(self, item_id: str) -> bool:
        """Whether the item is in the filtered tree (plain Python: no model indexes). An item
        the checklist's rules hide is never shown."""
        model = self.sourceModel()
        if item_id in model.hidden:
            return False
        result = model.result(item_id)
        if self.mode == "unanswered":
            return result is None
        if self.mode == "nonconformities":
            return result in ("nonconformity", "no")
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model: ChecklistModel = self.sourceModel()
        if not source_parent.isValid():
            return self.mode == "all" and not model.section_hidden(source_row)
        return self.shows(model.item_at(model.index(source_row, 0, source_parent)).id)
