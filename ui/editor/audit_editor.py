"""The audit editor: run one visit, keyboard first.

Left the checklist tree, centre the item (question, guidance, answer, note), below it the
audit's findings. Every edit is saved as it is made, as one operation of the core (undone
and redone by the core's undo stack); a signed audit asks for an amendment reason first.
The editor refreshes only from the workspace hub's broadcast of what each operation
changed, whoever made it (ui/operations/hub.py).
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from sva.domain.changes import Changes
from sva.checklists import repeats
from sva.domain.scores import points, scores
from sva.errors import SvaError
from sva.workspace import Done, Workspace
from ui.dialogs import reason_dialog
from ui.dialogs.finding_dialog import FindingDialog
from ui.editor.checklist_model import ChecklistFilterProxy, ChecklistModel, short_id
from ui.editor.checklist_tree import ChecklistTree
from ui.editor.editor_header import EditorHeader
from ui.editor.findings_panel import FindingsPanel
from ui.editor.instances import Instances
from ui.editor.site_profile_ui import SiteProfileUi
from ui.editor.item_panel import ItemPanel
from ui.editor.lifecycle import Lifecycle
from ui.editor.value_entry import ValueEntry
from ui.core_messages import message_of
from ui.operations.hub import REDO, UNDO, hub_of
from ui.photos.editor_photos import EditorPhotos
from ui.reports.report_actions import ReportActions
from ui.settings import CHECKLIST_LANGUAGE, EDITOR_SPLITTER, app_settings
from sva.vocabulary import KEYED_RESULTS, LOCKED_STATUSES
from ui.vocabulary import result_label
from ui.widgets.actions import make_action

LOCKED = LOCKED_STATUSES
STAY_ON = ("nonconformity", "observation", "no")   # answers that usually need a finding next
_CANCELLED = object()


class AuditEditor(QWidget):
    def __init__(self, ws: Workspace, audit_id: str, *, settings: QSettings | None = None,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("auditEditor")
        self.ws, self.audit_id = ws, audit_id
        self.settings = settings if settings is not None else app_settings()
        self.audit = ws.audits.audit(audit_id)
        self.base_template = ws.audits.template_of(self.audit)
        # With the instances of repeated sections the auditor added (reload_answers).
        self.template = ws.audits.checklist_of(self.audit)
        self.amend_reason: str | None = None
        self.hub = hub_of(ws)
        self.finding_dialog: FindingDialog | None = None

        self.header = EditorHeader(self)
        self.model = ChecklistModel(self.template, self)
        self.proxy = ChecklistFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree = ChecklistTree(self)
        self.tree.setModel(self.proxy)
        self.panel = ItemPanel(self)
        self.findings = FindingsPanel(self)
        self.lifecycle = Lifecycle(self)

        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.addWidget(self.panel)
        self.centre.addWidget(self.findings)
        self.centre.setStretchFactor(0, 3)
        self.centre.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.centre)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([430, 700])
        self.centre.setSizes([480, 170])
        state = self.settings.value(EDITOR_SPLITTER)
        if state is not None:
            self.splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

        self._build_actions()
        self.photos_ui = EditorPhotos(self)      # photo strip, P / Ctrl+V, viewer, annotator
        self.reports = ReportActions(self)       # guidance / record / CAP, built in workers
        self.values = ValueEntry(self)           # number and text answers typed in the field
        self.instances = Instances(self)         # another instance of a repeated section
        self.profile_ui = SiteProfileUi(self)    # the site profile the report prints
        self._connect()
        self.hub.operation_did_execute.connect(self._operation_did_execute)
        lang = CHECKLIST_LANGUAGE.get(self.settings)
        self.header.language.setCurrentIndex(self.header.language.findData(lang))
        self.set_language(lang)
        self.reload()
        first = self._first_open_item()
        if first:
            self.select_item(first)
        self.tree.setFocus()

    # -- set-up ------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(name: str, keys: str, slot, *, on=self) -> QAction:
            return make_action(self, name, "", keys, slot, add_to=on, context=(
                Qt.ShortcutContext.WidgetWithChildrenShortcut if on is self
                else Qt.ShortcutContext.WidgetShortcut))

        self.answer_actions = [action(f"answer{n}", str(n), lambda _=False, n=n: self.answer_key(n))
                               for n in range(1, 5)]
        self.note_action = action("noteAction", "N", self.focus_note)
        self.finding_action = action("findingAction", "F", lambda: self.new_finding())
        self.clear_action = action("clearAction", "Delete", self.clear_answer, on=self.tree)

    def _connect(self) -> None:
        self.tree.item_selected.connect(self._show_item)
        self.panel.answer_chosen.connect(self.answer)
        self.panel.clear_requested.connect(self.clear_answer)
        self.panel.note_committed.connect(self.save_note)
        self.panel.finding_requested.connect(lambda: self.new_finding())
        self.panel.done_editing.connect(lambda: self.tree.setFocus())
        self.findings.add_requested.connect(lambda: self.new_finding(from_item=False))
        self.findings.edit_requested.connect(self.edit_finding)
        self.findings.delete_requested.connect(self.delete_finding)
        self.header.language.currentIndexChanged.connect(
            lambda _: self.set_language(self.header.language.currentData(), remember=True))
        self.header.filter.currentIndexChanged.connect(
            lambda _: self.set_filter(self.header.filter.currentData()))

    # -- reading the store ---------------------------------------------------------------
    def reload(self) -> None:
        self.reload_audit()
        self.reload_findings()
        self.reload_answers()

    def reload_audit(self) -> None:
        self.audit = self.ws.audits.audit(self.audit_id)
        info = self.ws.queries.audit(self.audit_id)
        self.header.show_audit(info, self.ws.audits.visit_date(self.audit))
        self.lifecycle.update_actions()
        locked = self.is_read_only()
        self.panel.set_locked(locked)
        self.findings.set_locked(locked)
        if self.is_planned():
            self.header.show_lock(self.lifecycle.not_started_text())
        elif self.audit["status"] in LOCKED:
            self.header.show_lock(
                self.tr("Amending a signed audit — reason: {0}").format(self.amend_reason)
                if self.amend_reason else
                self.tr("🔒 Signed {0} — read-only. Use “Amend…” to change it with a reason.")
                .format(self.ws.audits.site_day(self.audit, self.audit.get("signed_at"))))
        else:
            self.header.show_lock("")

    def reload_answers(self) -> None:
        answers = self.ws.audits.answers(self.audit_id)
        if self.instances.repeated:
            self._reshape(repeats.expand(self.base_template, answers))
        self.model.set_answers(answers)
        item_id = self.tree.current_item_id()
        if item_id and self.panel.item is not None and self.panel.item.id == item_id:
            self.panel.show_result(self.model.result(item_id))
            self.panel.show_note(self.model.note(item_id))
        hidden = self.model.hidden
        relevant = [i for i in self.template.items.values() if i.id not in hidden]
        answered = sum(1 for i in relevant if self.model.result(i.id) is not None)
        missing = sum(1 for i in relevant if i.required and self.model.result(i.id) is None)
        sections, overall = scores(self.template, answers, hidden)
        self.model.set_scores({section.id: score.percent
                               for section, score in zip(self.template.sections, sections)})
        areas: dict[str, list] = {}        # area -> [answered, total, earned, possible]
        for item in relevant:
            result = self.model.result(item.id)
            area = areas.setdefault(item.area, [0, 0, 0.0, 0.0])
            area[0] += result is not None
            area[1] += 1
            got = points(item, result)
            if got is not None:
                area[2] += item.weight * got
                area[3] += item.weight
        self.header.show_progress(
            answered, len(relevant), missing,
            [(a, d, t, 100 * e / p if p else None) for a, (d, t, e, p) in areas.items()],
            overall.percent)

    def _reshape(self, template) -> None:
        """An instance of a repeated section was added (or undone): rebuild the tree."""
        if [s.id for s in template.sections] == [s.id for s in self.template.sections]:
            return
        current = self.tree.current_item_id()
        self.template = template
        self.model.set_template(template)
        self.tree.expandAll()
        if current in template.items:
            self.select_item(current)

    def reload_findings(self) -> None:
        rows = self.ws.findings.of_audit(self.audit_id)
        self.findings.set_rows(rows)
        counts: dict[str, int] = {}
        for row in rows:
            if row["item_id"]:
                counts[row["item_id"]] = counts.get(row["item_id"], 0) + 1
        self.model.set_finding_counts(counts)

    def is_locked(self) -> bool:
        return self.audit["status"] in LOCKED and not self.amend_reason

    def is_planned(self) -> bool:
        return self.audit["status"] == "planned"

    def is_read_only(self) -> bool:
        """Signed (and not being amended), or a visit not started yet."""
        return self.is_locked() or self.is_planned()

    def not_started_hint(self) -> bool:
        """On a planned visit, say in the item panel how to start it (nothing is recorded,
        no box pops up on every key); True when the visit is planned."""
        if not self.is_planned():
            return False
        self.panel.set_notice(self.lifecycle.not_started_text())
        return True

    # -- navigation --------------------------------------------------------------------------
    def current_item(self):
        item_id = self.tree.current_item_id()
        return self.template.items.get(item_id) if item_id else None

    def select_item(self, item_id: str) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(item_id))
        if not index.isValid():          # hidden by the filter: show everything
            self.header.filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index_of(item_id))
        self.tree.select_index(index)

    def set_filter(self, mode: str) -> None:
        current = self.tree.current_item_id()
        self.proxy.set_mode(mode)
        self.tree.expandAll()
        index = self.proxy.mapFromSource(self.model.index_of(current)) if current else None
        if index is not None and index.isValid():
            self.tree.select_index(index)
        else:
            self.tree.step(+1)

    def set_language(self, lang: str, *, remember: bool = False) -> None:
        self.model.set_language(lang)
        self.panel.set_language(lang)
        if remember:
            CHECKLIST_LANGUAGE.set(self.settings, lang)

    def _first_open_item(self) -> str:
        ids = self.model.item_ids()
        return next((i for i in ids if self.model.result(i) is None and i not in self.model.hidden),
                    ids[0] if ids else "")

    def _show_item(self, item_id: str) -> None:
        item = self.template.items.get(item_id) if item_id else None
        self.panel.show_item(item, self.model.result(item_id) if item else None,
                             self.model.note(item_id) if item else "")
        self.panel.set_locked(self.is_read_only())

    def _visible_ids(self) -> list[str]:
        """Items in tree order that the filter shows (asked twice per answer: no indexes)."""
        return [i for i in self.model.item_ids() if self.proxy.shows(i)]

    def focus_note(self) -> None:
        if self.not_started_hint():
            return
        if self.current_item() is not None:
            self.panel.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- editing -----------------------------------------------------------------------------
    def edit_reason(self):
        """None for an open audit; the amendment reason for a signed one (asked once)."""
        if self.audit["status"] not in LOCKED:
            return None
        if not self.amend_reason:
            reason = reason_dialog.ask_amendment_reason(self)
            if not reason:
                return _CANCELLED
            self.start_amendment(reason)
        return self.amend_reason

    def start_amendment(self, reason: str) -> None:
        """Edits from now on are amendments with this reason (shown in the header)."""
        self.amend_reason = reason
        self.reload_audit()

    def perform(self, label: str | None, fn, /, *args, **kw) -> Done | None:
        """Run one operation of the core (the hub broadcasts what it changed, and it is one
        undo step); its error, if any, is shown and the editor re-read. None: not done."""
        try:
            return self.hub.perform(label, fn, *args, initiator=self, **kw)
        except SvaError as exc:
            self.show_error(exc)
            return None

    def perform_edit(self, label: str, fn, /, *args, merge: object = None,
                     **kw) -> Done | None:
        """An edit of the audit's content: on a signed audit it carries the amendment reason
        (asked once); `fn` takes it as `reason=`."""
        reason = self.edit_reason()
        if reason is _CANCELLED:
            return None
        return self.perform(label, fn, *args, merge=merge, reason=reason, **kw)

    def _operation_did_execute(self, changes: Changes, initiator) -> None:
        """The one refresh path: re-read what an operation changed in this audit."""
        if not changes.concerns(self.audit_id):
            return
        if changes.audit or changes.master:
            self.reload_audit()
        if changes.findings:
            self.reload_findings()
        if changes.answers or changes.findings or changes.audit:
            self.reload_answers()
        if changes.audit_data:
            self.panel.set_saved_text(
                self.tr("Saved {0}").format(datetime.now().strftime("%H:%M:%S")))
        if initiator in (UNDO, REDO):
            self.reveal(changes)

    def undo(self) -> None:
        """Ctrl+Z (the main window's action does the same): the core's last operation,
        whichever widget made it."""
        self._replay(self.hub.undo)

    def redo(self) -> None:
        self._replay(self.hub.redo)

    def _replay(self, replay) -> None:
        try:
            replay()
        except SvaError as exc:
            self.show_error(exc)

    def reveal(self, changes: Changes) -> None:
        """After Ctrl+Z / Ctrl+Shift+Z: select the item the step changed and, for a finding
        that is there now, its row in the findings table, so the auditor sees what changed."""
        item_id = next((i for i in changes.item_ids if i in self.template.items), None)
        if item_id and self.tree.current_item_id() != item_id:
            self.select_item(item_id)
        table, proxy, model = self.findings.table, self.findings.proxy, self.findings.model
        for finding_id in changes.finding_ids:
            row = next((n for n, r in enumerate(model.rows()) if r["id"] == finding_id), None)
            if row is not None:
                index = proxy.mapFromSource(model.index(row, 0))
                table.setCurrentIndex(index)
                table.scrollTo(index)
                break

    def show_error(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), message_of(exc))
        self.reload()

    def answer_key(self, n: int) -> None:
        if self.not_started_hint():
            return
        item = self.current_item()
        if item is None:
            return
        if item.answer in KEYED_RESULTS:
            values = KEYED_RESULTS[item.answer]
            if n <= len(values):
                self.answer(values[n - 1])
        elif item.answer == "choice":
            if n <= len(item.choices):
                self.answer(item.choices[n - 1][0])
        else:                                    # number, text: typed in the value field
            self.values.answer_key(n)

    def answer(self, result: str, *, item=None, confirmed: bool = False,
               advance: bool = True) -> bool:
        """Answer `item` (the current one by default) and, if `advance`, move on.
        `confirmed`: the auditor kept a number above what the question expects."""
        if self.not_started_hint():
            return False
        item = item or self.current_item()
        if item is None:
            return False
        visible = self._visible_ids()
        label = result_label(result) if item.answer in KEYED_RESULTS else result.strip()
        done = self.perform_edit(self.tr("Answer {0}: {1}").format(short_id(item.id), label),
                                 self.ws.audits.record_answer, self.audit_id, item.id, result,
                                 confirmed=confirmed)
        if done and advance:
            self._after_answer(item.id, result, visible)
        return done is not None

    def _after_answer(self, item_id: str, result: str, visible: list[str]) -> None:
        now_visible = set(self._visible_ids())
        if result in STAY_ON and item_id in now_visible:
            self.select_item(item_id)
            return
        # The next item shown now: a follow-up this answer made relevant comes next.
        order = self.model.item_ids()
        later = order[order.index(item_id) + 1:] if item_id in visible else []
        target = next((i for i in later if i in now_visible), None)
        if target:
            self.select_item(target)
        elif item_id in now_visible:
            self.select_item(item_id)

    def clear_answer(self) -> None:
        if self.not_started_hint():
            return
        item = self.current_item()
        if item is None or (self.model.result(item.id) is None and not self.model.note(item.id)):
            return
        self.perform_edit(self.tr("Clear {0}").format(short_id(item.id)),
                          self.ws.audits.clear_answer, self.audit_id, item.id)

    def save_note(self, item_id: str, note: str) -> None:
        """Consecutive saves of one note (while it is typed) undo as one step."""
        if not self.perform_edit(self.tr("Note on {0}").format(short_id(item_id)),
                                 self.ws.audits.set_note, self.audit_id, item_id, note,
                                 merge=("note", self.audit_id, item_id)):
            if self.panel.item is not None and self.panel.item.id == item_id:
                self.panel.show_item(self.panel.item, self.model.result(item_id),
                                     self.model.note(item_id))

    # -- findings -------------------------------------------------------------------------
    def new_finding(self, from_item: bool = True) -> None:
        self.panel.flush_note()
        if self.not_started_hint():
            return
        item = self.current_item() if from_item else None
        if from_item and item is None:       # F on a section title (or nothing)
            self.panel.set_notice(self.tr(
                "Choose an item first: a finding belongs to a checklist item. For a finding "
                "without an item, use “Add finding…” under Findings."))
            return
        if self.is_locked() and self.edit_reason() is _CANCELLED:
            return
        dialog = FindingDialog(
            visit_date=self.ws.audits.visit_date(self.audit), item=item,
            result=self.model.result(item.id) if item else None,
            note=self.model.note(item.id) if item else "", lang=self.model.lang, parent=self)
        dialog.accepted.connect(lambda: self._add_finding(item, dialog.fields()))
        self._open_dialog(dialog)

    def _add_finding(self, item, fields: dict) -> None:
        if item is not None:
            fields["item_id"] = item.id
        self.perform_edit(self.tr("New finding on {0}").format(short_id(item.id) if item else "—"),
                          self.ws.findings.add, self.audit_id, **fields)

    def edit_finding(self, finding_id: str) -> None:
        finding = self.ws.findings.finding(finding_id)
        dialog = FindingDialog(visit_date=self.ws.audits.visit_date(self.audit),
                               finding=finding, lang=self.model.lang, parent=self)
        self.photos_ui.attach_to_finding_dialog(dialog, finding_id)
        dialog.accepted.connect(lambda: self._edit_finding(finding_id, dialog.changed_fields()))
        self._open_dialog(dialog)

    def _edit_finding(self, finding_id: str, fields: dict) -> None:
        if fields:
            self.perform_edit(self.tr("Edit finding"), self.ws.findings.edit, finding_id,
                              **fields)

    def delete_finding(self, finding_id: str) -> None:
        self.perform_edit(self.tr("Delete finding"), self.ws.findings.delete, finding_id)

    def _open_dialog(self, dialog) -> None:
        self.finding_dialog = dialog
        dialog.finished.connect(lambda _: (dialog.deleteLater(), self.tree.setFocus()))
        dialog.open()

    # -- closing ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Save what is still being typed (called before closing)."""
        self.panel.flush_note()
        self.panel.value.flush()
        self.settings.setValue(EDITOR_SPLITTER, self.splitter.saveState())
