"""The core's error messages in the UI language.

The core is Qt-free and words its errors in English (the CLI shows them as they are). An
error the app can show carries a `code` and `params` (sva/errors.py); this module holds the
message for each code, translated like any UI string, and fills in the params. Any other
error, and every error in the English UI, shows the core's own English text.

tests/ui/test_core_messages.py checks that every code the core raises has a message here and
that the params it passes are the ones the message uses.
"""
from __future__ import annotations

import errno
import os
from collections.abc import Callable

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication

from ui.vocabulary import finding_status_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the context lupdate gives `_tr` calls


# code → message; {names} are the error's params. Lower case, like the core's English.
MESSAGES = {
    # answers (sva/domain/audits.py): a text answer outside the item's `pattern`
    "answer_pattern": QT_TR_NOOP("item {item}: “{value}” does not have the form this item "
                                 "expects ({pattern})"),
    # adding photos (sva/photos)
    "photo_empty": QT_TR_NOOP("the file is empty (0 bytes)"),
    "photo_too_large": QT_TR_NOOP("the file is {size} MB; photos over {limit} MB are refused"),
    "photo_bomb": QT_TR_NOOP("the image declares far more pixels than the {limit} MP limit; "
                             "it was refused before decoding"),
    "photo_too_many_pixels": QT_TR_NOOP("{width}×{height} pixels is more than the {limit} MP "
                                        "limit"),
    "photo_no_size": QT_TR_NOOP("the image declares an empty size {width}×{height}"),
    "photo_not_image": QT_TR_NOOP("not an image: the content is not JPEG, PNG or HEIC"),
    "photo_unsupported": QT_TR_NOOP("unsupported image format {format} (accepted: JPEG, PNG "
                                    "or HEIC)"),
    "photo_header_damaged": QT_TR_NOOP("the image header is damaged"),
    "photo_exif_ignored": QT_TR_NOOP("its EXIF data is damaged and was ignored: the photo is "
                                     "kept as stored (not rotated) and its capture time is "
                                     "the file's date"),
    "photo_exif_ignored_no_time": QT_TR_NOOP("its EXIF data is damaged and was ignored: the "
                                             "photo is kept as stored (not rotated) and has no "
                                             "capture time"),
    "photo_damaged": QT_TR_NOOP("the image data is damaged or truncated"),
    "photo_display_damaged": QT_TR_NOOP("the stored display copy is damaged"),
    "photo_is_folder": QT_TR_NOOP("is a folder, not a photo file"),
    "photo_changed": QT_TR_NOOP("the file changed while it was being imported"),
    "photos_refused": QT_TR_NOOP("{count} file(s) refused"),
    "photos_refused_none_added": QT_TR_NOOP("{count} file(s) refused; nothing was added"),
    "file_missing": QT_TR_NOOP("no such file"),
    "file_unreadable": QT_TR_NOOP("cannot be read (permission denied)"),
    "disk_full_photos": QT_TR_NOOP("the disk holding {folder} is full: no photo was added. "
                                   "Free some space and add them again."),
    # backup and restore (sva/backup/)
    "backup_not_a_backup": QT_TR_NOOP("this is not an SVA backup file"),
    "backup_too_new": QT_TR_NOOP("this backup was made by a newer SVA; install a newer SVA "
                                 "to restore it"),
    "backup_damaged": QT_TR_NOOP("the backup file is damaged or incomplete; nothing was "
                                 "restored"),
    "backup_wrong_passphrase": QT_TR_NOOP("the passphrase is wrong (or the backup's header "
                                          "was changed); nothing was restored"),
    "backup_wrong_kind": QT_TR_NOOP("this backup is not of an SVA data folder (an HQ backup?); "
                                    "nothing was restored"),
    "backup_exists": QT_TR_NOOP("the file exists already; choose another name (nothing was "
                                "written)"),
    "restore_not_empty": QT_TR_NOOP("the data folder {folder} is not empty; nothing was "
                                    "changed"),
    # the data folder (sva/store/damage.py)
    "store_missing": QT_TR_NOOP("{path} is missing or empty, but this data folder was used "
                                "before (it holds photos or backups). SVA does not start a "
                                "new, empty database over it; nothing was changed. To go "
                                "back to the newest backup, {backup}, run “sva restore "
                                "{backup}”, or choose another data folder."),
    "store_missing_no_backup": QT_TR_NOOP("{path} is missing or empty, but this data folder "
                                          "was used before (it holds photos or other files). "
                                          "SVA does not start a new, empty database over it; "
                                          "nothing was changed. There is no backup: if the "
                                          "database was moved, put it back; otherwise choose "
                                          "another data folder."),
    "store_damaged": QT_TR_NOOP("{path} is damaged and cannot be used; nothing was written "
                                "to it. The newest backup is {backup}: “sva restore "
                                "{backup}” puts it back and keeps the damaged file aside. "
                                "Run “sva db check” for details."),
    "store_damaged_no_backup": QT_TR_NOOP("{path} is damaged and cannot be used; nothing was "
                                          "written to it. There is no backup. Run “sva db "
                                          "check” for details."),
    # encryption at rest (sva/atrest)
    "store_locked": QT_TR_NOOP("the data folder {folder} is encrypted, and this computer's "
                               "keyring holds no key for it. Nothing was created or changed. "
                               "Enter its recovery key, or restore a backup."),
    "keyring_key_wrong": QT_TR_NOOP("the key the keyring holds for {folder} is not this "
                                    "folder's key; nothing was changed. Enter the folder's "
                                    "recovery key to store the right one."),
    "recovery_key_wrong": QT_TR_NOOP("this recovery key does not open this data folder (check "
                                     "each group of five); nothing was changed"),
    "recovery_key_shape": QT_TR_NOOP("a recovery key is 8 groups of 5 letters and digits "
                                     "(e.g. ABCDE-FGH23-…); nothing was changed"),
    "encrypt_no_database": QT_TR_NOOP("{folder} holds no database to encrypt (a new folder "
                                      "is encrypted when it is created)"),
    "encrypt_already": QT_TR_NOOP("{folder} is encrypted already; nothing was changed"),
    "encrypt_check_failed": QT_TR_NOOP("{folder} was encrypted, but its check found problems; "
                                       "the plain copy in backups/ was kept. Run “sva db "
                                       "check” for details."),
    "folder_not_encrypted": QT_TR_NOOP("{folder} is not encrypted; there is nothing to "
                                       "unlock"),
    "key_file_bad": QT_TR_NOOP("{path} cannot be read ({detail}); it was left as it is. Put "
                               "back the copy from a backup of this folder."),
    "store_unreadable": QT_TR_NOOP("{path} cannot be used ({detail}); it was left as it is"),
    "store_read_only": QT_TR_NOOP("the data folder {folder} cannot be written (a read-only "
                                  "disk or folder); nothing was changed. Make it writable or "
                                  "choose another data folder."),
    "disk_full": QT_TR_NOOP("the disk holding {folder} is full: SVA cannot save there, and "
                            "nothing was changed. Free some space and try again."),
    # the keyring (sva/sync/credentials.py)
    "keyring_backend_failed": QT_TR_NOOP("the keyring backend {backend} cannot be loaded "
                                         "({error})"),
    "keyring_unsafe": QT_TR_NOOP("no safe OS keyring for the device token (found {backend})"),
    "keyring_store_failed": QT_TR_NOOP("the keyring refused to store the device's key "
                                       "({error})"),
    "keyring_read_failed": QT_TR_NOOP("the device's key cannot be read from the keyring "
                                      "({error})"),
    # enrolment and sync (sva/sync)
    "hq_url_invalid": QT_TR_NOOP("the server address “{url}” must look like "
                                 "https://hq.example.com"),
    "enrol_code_empty": QT_TR_NOOP("the enrolment code is empty"),
    "hq_unreachable": QT_TR_NOOP("HQ cannot be reached at {url} ({error})"),
    "hq_token_refused": QT_TR_NOOP("HQ refused this device's token (revoked or unknown)"),
    "hq_code_refused": QT_TR_NOOP("HQ refused the enrolment code: unknown, already used or "
                                  "expired"),
    "hq_failed": QT_TR_NOOP("HQ failed (HTTP {status}: {detail})"),
    "hq_refused": QT_TR_NOOP("HQ refused the request {request} (HTTP {status}: {detail})"),
    "hq_photo_mismatch": QT_TR_NOOP("HQ and this device disagree about photo {photo}"),
    "hq_bad_data": QT_TR_NOOP("HQ sent data this device cannot use: {english}"),
    "not_enrolled": QT_TR_NOOP("this device is not enrolled with HQ"),
    "no_token": QT_TR_NOOP("no device token in the keyring ({backend})"),
    "conflict_status_unreachable": QT_TR_NOOP("HQ's status “{theirs}” cannot be reached from "
                                              "“{mine}” on this device"),
    # the offline bundle (sva/sync/bundle.py)
    "bundle_nothing": QT_TR_NOOP("nothing to export: no signed audit is waiting for HQ"),
    "bundle_not_enrolled": QT_TR_NOOP("this device is not enrolled: bundles are signed with "
                                      "the key it registered when it enrolled"),
    "bundle_keys_missing": QT_TR_NOOP("the device token or signing key is missing from the "
                                      "keyring ({backend})"),
    "bundle_target_folder": QT_TR_NOOP("{path} is a folder; give a file name such as "
                                       "audits.svab"),
    # the store and undo (sva/store, sva/domain/undo.py)
    "store_busy": QT_TR_NOOP("the database is busy: another program (for example the `sva` "
                             "command line) is writing to this data folder; nothing was "
                             "saved — try again when it has finished"),
    "undo_conflict": QT_TR_NOOP("“{step}” cannot be undone: what it changed was changed "
                                "again since"),
    "redo_conflict": QT_TR_NOOP("“{step}” cannot be redone: what it changed was changed "
                                "again since"),
    "undo_locked": QT_TR_NOOP("the audit is signed and locked: “{step}” cannot be undone now"),
    "folder_missing": QT_TR_NOOP("folder {path} does not exist"),
    "folder_not_empty": QT_TR_NOOP("{path} is not empty"),         # demo data (ui/operations)
    "bundle_too_many_audits": QT_TR_NOOP("the audits are too many for one bundle; export "
                                         "fewer at a time"),
    "bundle_too_large": QT_TR_NOOP("the bundle is too large for one file"),
    "bundle_photo_damaged": QT_TR_NOOP("photo file {path} is damaged (its bytes no longer "
                                       "match); nothing was exported"),
}

# Params that are codes themselves, shown with their translated names.
PARAM_LABELS: dict[str, dict[str, Callable[[str], str]]] = {
    "conflict_status_unreachable": {"theirs": finding_status_label,
                                    "mine": finding_status_label},
}

OS_ERRORS = {
    errno.ENOENT: QT_TR_NOOP("no such file or folder"),
    errno.EACCES: QT_TR_NOOP("permission denied"),
    errno.EPERM: QT_TR_NOOP("permission denied"),
    errno.ENOSPC: QT_TR_NOOP("the disk is full"),
    errno.EROFS: QT_TR_NOOP("the disk is read-only"),
    errno.EISDIR: QT_TR_NOOP("is a folder"),
    errno.EIO: QT_TR_NOOP("the disk could not be read or written (I/O error)"),
}


def _translated(source: str) -> str | None:
    """The UI language's text for `source`, or None when the UI shows English."""
    text = QCoreApplication.translate("", source)
    return text if text and text != source else None


def _where(exc: BaseException, message: str) -> str:
    """The file (and row) the core named, before the message. CLI option names such as
    `--server`, also kept in `field`, mean nothing in the app and are left out."""
    parts = []
    if getattr(exc, "file", None):
        parts.append(_tr("file {0}").format(exc.file))
    if getattr(exc, "row", None) is not None:
        parts.append(_tr("row {0}").format(exc.row))
    if not parts:
        return message
    return _tr("{0}: {1}").format(_tr(", ").join(parts), message)


def message_of(exc: BaseException) -> str:
    """What to tell the user about `exc`, in the UI language when the core gave a code."""
    code = getattr(exc, "code", None)
    source = MESSAGES.get(code) if isinstance(code, str) else None
    if source is None:
        if isinstance(exc, OSError):
            return _os_message(exc)
        return str(exc) or type(exc).__name__
    template = _translated(source)
    if template is None:
        return str(exc)
    params = dict(getattr(exc, "params", {}) or {})
    for key, label in PARAM_LABELS.get(code, {}).items():
        if key in params:
            params[key] = label(params[key])
    params["english"] = getattr(exc, "message", None) or str(exc)
    text = _where(exc, template.format(**params))
    problems = getattr(exc, "problems", None)
    if problems:
        text += ":\n" + "\n".join("  " + message_of(p) for p in problems)
    return text


def _os_message(exc: OSError) -> str:
    source = OS_ERRORS.get(exc.errno)
    template = _translated(source) if source else None
    if template is None:
        return str(exc) or type(exc).__name__
    name = exc.filename if exc.filename is not None else ""
    return _tr("{0}: {1}").format(os.fspath(name), template) if name != "" else template
