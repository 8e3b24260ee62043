"""The core's coded errors in the UI language: every code the core raises has a message in
ui/core_messages.py with the params it is given, the Japanese UI words each photo refusal,
keyring and sync error in Japanese, and the English UI keeps the core's own text."""
from __future__ import annotations

import ast
import errno
import string
from pathlib import Path

import pytest

from sva.errors import BadInput
from sva.photos.results import RefusedFiles
from tests.photos.photo_samples import (corrupt_exif_jpeg, jpeg, jpeg_declaring, other_format,
                                        png_declaring, quadrant_image)
from tests.ui.ja_scan import english_words, japanese  # noqa: F401 (fixture)
from ui import core_messages, i18n
from ui.core_messages import MESSAGES, message_of

ROOT = Path(__file__).resolve().parents[2]


def raised_codes() -> dict[str, set[str]]:
    """code → the param names passed with it, for every `code="…"` in the core's source
    (and the app's, which raises the core's error types too)."""
    found: dict[str, set[str]] = {}
    for path in sorted([*(ROOT / "sva").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            keywords = {k.arg: k.value for k in node.keywords}
            values = [keywords.get("code")]
            if isinstance(values[0], ast.IfExp):             # code="a" if … else "b"
                values = [values[0].body, values[0].orelse]
            codes = [v.value for v in values
                     if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            if not codes:
                continue
            params = keywords.get("params")
            names = set()
            if isinstance(params, ast.Dict):
                names = {k.value for k in params.keys}
            elif params is not None:
                raise AssertionError(f"{path}:{node.lineno}: params must be a dict literal")
            for code in codes:
                found.setdefault(code, set()).update(names)
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_the_core_raises_has_a_message_with_its_params():
    codes = raised_codes()
    assert codes, "the core raises no coded error"
    missing = sorted(set(codes) - set(MESSAGES))
    assert missing == [], f"codes without a UI message: {missing}"
    stale = sorted(set(MESSAGES) - set(codes))
    assert stale == [], f"UI messages for codes the core never raises: {stale}"
    for code, names in codes.items():
        unknown = fields(MESSAGES[code]) - names - {"english"}
        assert not unknown, f"{code}: the message uses {unknown}, the core does not pass them"


def photo_bytes() -> dict[str, bytes]:
    good = jpeg(quadrant_image((120, 80)), taken="2026:05:12 10:00:00")
    return {
        "zero_byte.jpg": b"",
        "truncated.jpg": good[: len(good) * 2 // 3],
        "notes.jpg": b"Meeting notes: the exit was blocked.\n" * 20,
        "bomb.png": png_declaring(50_000, 50_000),
        "just_over.png": png_declaring(11_000, 10_000),
        "huge_frame.jpg": jpeg_declaring(20_000, 20_000),
        "anim.gif": other_format("GIF"),
    }


def refusals(ws, audit, tmp_path, monkeypatch) -> list[BadInput]:
    """What adding each kind of bad file raises: every reason a user can meet."""
    paths = []
    for name, data in photo_bytes().items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    (tmp_path / "a folder.jpg").mkdir()
    paths += [tmp_path / "a folder.jpg", tmp_path / "gone.jpg"]
    big, locked = tmp_path / "big.jpg", tmp_path / "locked.jpg"
    big.write_bytes(b"\xff" * 3 * 1024 * 1024)
    locked.write_bytes(b"")
    from sva.photos import ingest, probe
    monkeypatch.setattr(probe, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 2 * 1024 * 1024)

    def no_permission(path, *args, **kwargs):    # root reads any file: refuse this one
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)
    monkeypatch.setattr(ingest, "open", no_permission, raising=False)
    with pytest.raises(RefusedFiles) as err:
        ws.photos.add_files(audit, [*paths, big, locked])
    return err.value.problems + [err.value]


def test_photo_refusals_are_japanese_in_the_japanese_ui(japanese, ws, audit, tmp_path,
                                                       monkeypatch):
    problems = refusals(ws, audit, tmp_path, monkeypatch)
    codes = sorted({p.code for p in problems})
    assert codes == sorted(["photo_empty", "photo_damaged", "photo_not_image", "photo_bomb",
                            "photo_too_many_pixels", "photo_unsupported",
                            "photo_is_folder", "file_missing", "photo_too_large",
                            "file_unreadable", "photos_refused_none_added"])
    data = [str(v) for p in problems for v in p.params.values()]   # e.g. the format GIF
    for problem in problems:
        text = message_of(problem)
        assert english_words(text, data) == [], text
        assert problem.file is None or problem.file in text
    texts = {p.code: message_of(p) for p in problems}
    assert "ファイルが空です" in texts["photo_empty"]
    assert "途中で切れています" in texts["photo_damaged"]
    assert "画像ではありません" in texts["photo_not_image"]
    assert "100 メガピクセル" in texts["photo_bomb"]
    assert "11000×10000" in texts["photo_too_many_pixels"]
    assert "GIF" in texts["photo_unsupported"]
    assert "3 MB" in texts["photo_too_large"] and "2 MB" in texts["photo_too_large"]
    assert "アクセス権がありません" in texts["file_unreadable"]
    head, *lines = texts["photos_refused_none_added"].split("\n")
    assert head.startswith(f"{len(problems) - 1} 件のファイルを受け付けませんでした")
    assert len(lines) == len(problems) - 1


def test_the_english_ui_shows_the_cores_own_message(qapp, ws, audit, tmp_path, monkeypatch):
    for problem in refusals(ws, audit, tmp_path, monkeypatch):
        assert message_of(problem) == str(problem)


def test_a_damaged_exif_warning_is_worded_like_an_error(qapp, ws, audit):
    """The warning on a photo whose EXIF block was ignored has a code the UI words in its
    language; the English UI shows the core's text, naming the file."""
    result = ws.photos.add_images(audit, [("broken.jpg", corrupt_exif_jpeg("entry_count"))])
    (warning,) = result.warnings
    assert warning.code in MESSAGES
    assert message_of(warning) == str(warning)
    assert "broken.jpg" in message_of(warning) and "ignored" in message_of(warning)


def test_keyring_and_sync_errors_are_japanese(japanese, monkeypatch):
    import keyring
    import keyring.backends.fail

    from sva.sync import credentials, http
    from sva.sync.errors import KeyringUnavailable

    errors = []
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        with pytest.raises(KeyringUnavailable) as err:
            credentials.backend()
    finally:
        keyring.set_keyring(previous)
    errors.append(err.value)
    monkeypatch.setenv("SVA_KEYRING_BACKEND", "no.such.Backend")
    with pytest.raises(KeyringUnavailable) as err:
        credentials.backend()
    errors.append(err.value)
    with pytest.raises(BadInput) as err:
        http.check_url("ftp://nowhere")
    errors.append(err.value)
    for error in errors:
        text = message_of(error)
        data = [str(v) for v in error.params.values()]     # what was typed, the backend
        assert text != str(error) and english_words(text, data) == [], text
    assert ("キーリング" in message_of(errors[0])
            and "keyring.backends.fail" in message_of(errors[0]))
    assert "https://hq.example.com" in message_of(errors[2])


def test_os_errors_are_worded_in_the_ui_language(japanese, tmp_path):
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", str(tmp_path / "x"))
    assert message_of(missing) == f"{tmp_path / 'x'}: ファイルまたはフォルダーが見つかりません"
    full = OSError(errno.ENOSPC, "No space left on device")
    assert message_of(full) == "ディスクがいっぱいです"
    odd = OSError(errno.ELOOP, "Too many levels of symbolic links")
    assert message_of(odd) == str(odd)          # no wording of ours: the system's text


def test_every_message_has_the_same_placeholders_in_japanese():
    """A translation that drops or renames a {placeholder} would raise or lose a value."""
    import xml.etree.ElementTree as ET
    root = ET.parse(i18n.translations_dir() / "sva_ja.ts").getroot()
    wrong = []
    for context in root:
        for message in context.findall("message"):
            source, text = message.findtext("source"), message.findtext("translation") or ""
            if sorted(core_messages_fields(source)) != sorted(core_messages_fields(text)):
                wrong.append(f"{context.findtext('name')}: {source!r} → {text!r}")
    assert wrong == []


def core_messages_fields(text: str) -> list[str]:
    import re
    return re.findall(r"\{[^{}]*\}", text)


def test_the_translation_is_thread_safe_enough_for_workers(japanese):
    """Workers word their failures (ui/operations/tasks.py): translate() from a thread."""
    import threading
    results = []
    error = BadInput("x", file="a.jpg", code="photo_empty")
    thread = threading.Thread(target=lambda: results.append(message_of(error)))
    thread.start()
    thread.join()
    assert results == ["ファイル a.jpg: ファイルが空です（0 バイト）"]
    assert core_messages.message_of(BadInput("plain")) == "plain"


def test_the_photo_import_lists_refusals_in_japanese(japanese, qtbot, open_editor, audit,
                                                    tmp_path):
    """Through the editor: the worker, the message box and its list of refused files."""
    editor = open_editor(audit)
    good, bad, text = tmp_path / "good.jpg", tmp_path / "cut.jpg", tmp_path / "memo.jpg"
    data = jpeg(quadrant_image((120, 80)), taken="2026:05:12 10:00:00")
    good.write_bytes(data)
    bad.write_bytes(data[: len(data) // 2])
    text.write_bytes(b"not a photo\n" * 10)
    importer = editor.photo_import
    with qtbot.waitSignal(importer.finished, timeout=30000):
        importer.add_files([str(good), str(bad), str(text)],
                           item_id=editor.tree.current_item_id())
    box = importer.message
    assert box.windowTitle() == "追加されなかったファイルがあります"
    assert box.text() == "1 件追加、2 件拒否:"
    assert box.informativeText().split("\n") == [
        f"ファイル {bad}: 画像データが破損しているか、途中で切れています",
        f"ファイル {text}: 画像ではありません（内容が JPEG、PNG、HEIC のいずれでもありません）"]
    assert [b.text() for b in box.buttons()] == ["OK"]
    box.close()

    with qtbot.waitSignal(importer.finished, timeout=30000):       # pasted bytes
        importer.add_images([("clipboard.png", b"")], item_id=editor.tree.current_item_id())
    assert (importer.message.informativeText()
            == "ファイル clipboard.png: ファイルが空です（0 バイト）")
    importer.message.close()


def test_demo_data_in_a_folder_that_is_not_empty_is_refused_in_japanese(japanese, qtbot,
                                                                       tmp_path):
    from ui.dialogs.demo_dialog import DemoDialog
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "file.txt").write_text("x")
    dialog = DemoDialog()
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "taken"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.message.text() == (f"デモデータを作成できませんでした: {tmp_path / 'taken'} "
                                      "は空ではありません")
