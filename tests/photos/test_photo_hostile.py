"""Hostile files are refused with the file and the reason named, and nothing is kept.

A JPEG whose EXIF block is damaged is not hostile: its pixels are evidence, and it is
accepted with a warning (tests/photos/test_photo_broken_exif.py)."""
import subprocess
import sys
from pathlib import Path

import pytest
from photo_samples import (jpeg, jpeg_declaring, other_format, png_declaring, quadrant_image,
                           sign)
from sva.errors import AuditLocked, BadInput
from sva.photos import RefusedFiles

ROOT = Path(__file__).resolve().parents[2]


def good_jpeg(n=0):
    return jpeg(quadrant_image((120 + n, 80)), taken="2026:05:12 10:00:00")


def truncated():
    data = good_jpeg()
    return data[: len(data) * 2 // 3]


HOSTILE = {
    "zero_byte.jpg": (lambda: b"", "empty"),
    "truncated.jpg": (truncated, "truncated"),
    "notes.jpg": (lambda: b"Meeting notes: the exit was blocked.\n" * 20, "not an image"),
    "bomb.png": (lambda: png_declaring(50_000, 50_000), "100 MP limit"),
    "just_over.png": (lambda: png_declaring(11_000, 10_000), "11000×10000 pixels is more than"),
    "huge_frame.jpg": (lambda: jpeg_declaring(20_000, 20_000), "100 MP limit"),
    "anim.gif": (lambda: other_format("GIF"), "unsupported image format GIF"),
    "scan.tiff": (lambda: other_format("TIFF"), "unsupported image format TIFF"),
    "paint.bmp": (lambda: other_format("BMP"), "unsupported image format BMP"),
}


def stored_files(ws):
    return sorted(p for p in ws.folder.rglob("*") if p.is_file()
                  and p.parts[len(ws.folder.parts)] in ("photos", "derived"))


def photo_rows(ws):
    return ws.db.execute("SELECT COUNT(*) FROM photos").fetchone()[0]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_bytes_are_refused_and_nothing_is_kept(ws, audit, name):
    make, reason = HOSTILE[name]
    with pytest.raises(BadInput) as err:
        ws.photos.add_bytes(audit, make(), filename=name)
    assert name in str(err.value) and reason in str(err.value)
    assert err.value.file == name
    assert photo_rows(ws) == 0 and stored_files(ws) == []
    assert not (ws.folder / "photos").exists() or not any((ws.folder / "photos").iterdir())


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_one_hostile_file_among_good_ones_adds_nothing(ws, audit, tmp_path, name):
    files = []
    for n in range(3):
        files.append(tmp_path / f"good{n}.jpg")
        files[-1].write_bytes(good_jpeg(n))
    bad = tmp_path / name
    bad.write_bytes(HOSTILE[name][0]())
    with pytest.raises(RefusedFiles) as err:
        ws.photos.add_files(audit, [files[0], bad, files[1], files[2]])
    assert [p.file for p in err.value.problems] == [str(bad)]
    assert "nothing was added" in str(err.value)
    assert photo_rows(ws) == 0 and stored_files(ws) == []


def test_keep_valid_adds_the_good_files_and_lists_the_refused(ws, audit, tmp_path):
    good, bad = tmp_path / "good.jpg", tmp_path / "bad.jpg"
    good.write_bytes(good_jpeg())
    bad.write_bytes(truncated())
    result = ws.photos.add_files(audit, [good, bad], keep_valid=True)
    assert [p for p, _ in result.added] == [str(good)]
    assert [e.file for e in result.refused] == [str(bad)]
    assert photo_rows(ws) == 1


def test_missing_file_and_folder_are_bad_input(ws, audit, tmp_path):
    with pytest.raises(BadInput, match="no such file"):
        ws.photos.add_file(audit, tmp_path / "gone.jpg")
    with pytest.raises(BadInput, match="is a folder"):
        ws.photos.add_file(audit, tmp_path)


def test_failure_inside_the_transaction_leaves_no_file(ws, audit):
    """A signed audit refuses an un-reasoned change after the files were staged."""
    sign(ws, audit)
    with pytest.raises(AuditLocked):
        ws.photos.add_bytes(audit, good_jpeg(), filename="late.jpg")
    assert photo_rows(ws) == 0 and stored_files(ws) == []
    photo = ws.photos.add_bytes(audit, good_jpeg(), filename="late.jpg",
                                reason="photo of the signed CAP board")
    assert ws.photos.photo(photo)["filename"] == "late.jpg"
    assert ws.audits.history(audit)[-1]["action"] == "amend:add"


def sva(*args):
    return subprocess.run([sys.executable, "-m", "ui.launcher", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_cli_add_refuses_all_and_names_every_bad_file(ws, audit, tmp_path):
    good, empty, text = tmp_path / "good.jpg", tmp_path / "empty.jpg", tmp_path / "notes.jpg"
    good.write_bytes(good_jpeg())
    empty.write_bytes(b"")
    text.write_text("not a photo")
    ws.close()
    out = sva("photo", "add", audit, good, empty, text, "--data-dir", ws.folder)
    assert out.returncode == 2, out.stderr
    assert "empty.jpg" in out.stderr and "notes.jpg" in out.stderr
    assert "nothing was added" in out.stderr
    out = sva("photo", "list", audit, "--data-dir", ws.folder)
    assert out.returncode == 0 and out.stdout == ""
    out = sva("photo", "add", audit, good, good, "--data-dir", ws.folder)
    assert out.returncode == 0, out.stderr
    ids = {line.split()[0] for line in out.stdout.splitlines()}
    assert len(ids) == 1
