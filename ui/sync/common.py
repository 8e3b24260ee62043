"""Pieces the sync dialogs share: an icon-and-text message line, sizes and times for
people, and what each kind of failure means for the user (translated)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from ui.sync import tasks


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the context lupdate gives `_tr` calls


def size_text(n: int) -> str:
    """1536 → '1.5 KB' in the UI language's number format."""
    return QLocale().formattedDataSize(max(int(n), 0), 1,
                                       QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def fit_height(dialog) -> None:
    """Grow a dialog to show every line of its wrapped texts after they changed."""
    layout = dialog.layout()
    layout.activate()
    width = dialog.width()
    height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if height > dialog.height():
        dialog.resize(width, height)


def local_time(utc_iso: str | None) -> str:
    """A stored UTC time as local date and time ('2026-05-12 14:03', like the app's dates
    elsewhere, in every language); '' if there is none."""
    if not utc_iso:
        return ""
    stamp = QDateTime.fromString(utc_iso, Qt.DateFormat.ISODateWithMs)
    if not stamp.isValid():
        stamp = QDateTime.fromString(utc_iso, Qt.DateFormat.ISODate)
    if not stamp.isValid():
        return utc_iso
    return stamp.toLocalTime().toString("yyyy-MM-dd HH:mm")



def enrol_failure(kind: str) -> str:
    return {
        tasks.OFFLINE: _tr("HQ cannot be reached at this address. Check the address and that "
                          "this device is online, then try again. Nothing was enrolled."),
        tasks.AUTH: _tr("HQ refused the enrolment code: it is unknown, already used or "
                       "expired. Ask HQ for a new code. Nothing was enrolled."),
        tasks.BAD_INPUT: _tr("The server address must look like https://hq.example.com."),
        tasks.KEYRING: _tr("This device has no safe OS keyring to keep the device token, so "
                          "nothing was enrolled. Install or unlock the desktop keyring "
                          "(Secret Service, macOS Keychain, Windows Credential Locker), then "
                          "try again."),
        tasks.SERVER: _tr("HQ answered with an error; nothing was enrolled. Try again later, "
                         "or tell HQ the detail below."),
    }.get(kind, _tr("Enrolment failed; nothing was enrolled."))


def sync_failure(kind: str) -> str:
    return {
        tasks.OFFLINE: _tr("HQ cannot be reached. Nothing was lost: your changes stay queued "
                          "on this device. Try again when you are online."),
        tasks.AUTH: _tr("HQ refused this device's token (revoked, or unknown at HQ). Nothing "
                       "was lost: your changes stay queued. Enrol again with a new code from "
                       "HQ (File ▸ Enrol with HQ…), then sync."),
        tasks.SERVER: _tr("HQ answered with an error. Nothing was lost: your changes stay "
                         "queued. Try again later; if it keeps happening, tell HQ the detail "
                         "below."),
        tasks.KEYRING: _tr("The device token cannot be read from the OS keyring. Nothing was "
                          "lost: your changes stay queued. Unlock or install the desktop "
                          "keyring, then sync again."),
        tasks.NOT_ENROLLED: _tr("This device is not enrolled with HQ yet. Enrol it once, while "
                               "online, with a code from HQ (File ▸ Enrol with HQ…)."),
        tasks.NO_TOKEN: _tr("The device token is missing from the OS keyring. Nothing was "
                           "lost: your changes stay queued. Enrol again with a new code from "
                           "HQ (File ▸ Enrol with HQ…), then sync."),
    }.get(kind, _tr("The sync stopped. Nothing was lost: whatever HQ has not confirmed stays "
                   "queued on this device. The detail below says why."))


def bundle_failure(kind: str) -> str:
    return {
        tasks.NOT_ENROLLED: _tr("Bundles are signed with the key this device registered when "
                               "it enrolled. Enrol this device once, while online (File ▸ "
                               "Enrol with HQ…)."),
        tasks.KEYRING: _tr("The device's key cannot be read from the OS keyring. Unlock or "
                          "install the desktop keyring, then try again."),
    }.get(kind, _tr("The bundle was not written. The detail below says why."))


NEEDS_ENROLMENT = (tasks.AUTH, tasks.NOT_ENROLLED, tasks.NO_TOKEN)


def detail_label(name: str) -> QLabel:
    """The core's own wording under a dialog's message: small print, selectable, hidden
    until there is something to show."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("color: palette(mid);")
    label.hide()
    return label


class MessageLine(QWidget):
    """A message with an icon, so a warning never relies on colour alone."""

    ICONS = {"info": QStyle.StandardPixmap.SP_MessageBoxInformation,
             "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
             "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
             "ok": QStyle.StandardPixmap.SP_DialogApplyButton}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.kind = ""
        self.hide()

    def set(self, kind: str, text: str, *, rich: bool = False) -> None:
        self.kind = kind
        self.text.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.text.setText(text)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(self.ICONS[kind]).pixmap(size, size))
        self.show()
        window = self.window()
        if window is not self and window.isVisible() and window.layout() is not None:
            fit_height(window)   # a long message makes the dialog taller, never the fields flat

    def clear(self) -> None:
        self.kind = ""
        self.text.clear()
        self.hide()
