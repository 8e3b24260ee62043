"""A real photo whose EXIF block is damaged is still evidence: accepted as stored (not
rotated), capture time from the file's date (or none), and a warning naming the file.

The samples are real-world JPEGs from Pillow's own test suite (tests/photos/samples/README.md
says where each comes from); the synthetic ones break the block in the three ways cameras
and editors do. Files whose pixels cannot be decoded, bombs and non-images stay refused
(tests/photos/test_photo_hostile.py).
"""
import io
import os
import subprocess
import sys
from datetime import datetime, UTC
from pathlib import Path

import pytest
from PIL import Image
from photo_samples import corrupt_exif_jpeg
from sva.errors import BadInput

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = Path(__file__).resolve().parent / "samples"
REAL = {  # file → what is broken in it (the warning says so)
    "pillow-invalid-exif.jpg": "no TIFF header",
    "pillow-hopper_bad_exif.jpg": "32 entries do not fit",
    "pillow-truncated_exif_dpi.jpg": "cut short",
}
SYNTHETIC = {
    "exif_header.jpg": ("header", "no TIFF header"),
    "exif_offset.jpg": ("ifd_offset", "outside the block"),
    "exif_count.jpg": ("entry_count", "entries do not fit"),
}
FILE_TIME = datetime(2026, 5, 12, 1, 30, tzinfo=UTC).timestamp()


def broken_files(folder: Path, when: float = FILE_TIME) -> dict[Path, str]:
    """Every broken-EXIF sample written to `folder` with a known file date."""
    files = {}
    for name, why in REAL.items():
        files[folder / name] = why
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    for name, (how, why) in SYNTHETIC.items():
        files[folder / name] = why
        (folder / name).write_bytes(corrupt_exif_jpeg(how))
    for path in files:
        os.utime(path, (when, when))
    return files


def stored_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as img:
        return img.size


def test_the_real_samples_really_are_broken():
    """The samples break the EXIF reader of today's code (the reason they are here)."""
    from sva.photos.probe import ExifDamaged, read_exif
    for name, why in REAL.items():
        with Image.open(SAMPLES / name) as img:
            img.load()                                  # the pixels decode
            raw = img.info["exif"]
        with pytest.raises(ExifDamaged, match=why):
            read_exif(raw)


def test_broken_exif_photos_are_added_upright_as_stored_with_the_file_date(ws, audit,
                                                                           tmp_path):
    files = broken_files(tmp_path)
    result = ws.photos.add_files(audit, list(files))
    assert result.refused == [] and len(result.new_ids) == len(files)
    warned = {w.file: w for w in result.warnings}
    assert set(warned) == {str(p) for p in files}
    for (path, photo_id), why in zip(result.added, files.values()):
        row = ws.photos.photo(photo_id)
        data = Path(path).read_bytes()
        assert ws.photos.path_of(row["sha256"]).read_bytes() == data    # kept untouched
        # Orientation 1: the stored pixel size, even where the block said 6 (synthetic ones).
        assert (row["width"], row["height"]) == stored_size(data)
        assert row["captured_at"] == "2026-05-12T01:30:00Z"
        warning = warned[path]
        assert warning.code == "photo_exif_ignored"
        assert why in warning.params["why"]
        text = str(warning)
        assert path in text and "EXIF block is damaged" in text and why in text
        assert "not rotated" in text and "the file's date" in text
        display = ws.photos.display_path(photo_id).read_bytes()
        assert stored_size(display) == stored_size(data)


def test_without_a_file_date_the_photo_has_no_capture_time(ws, audit):
    data = (SAMPLES / "pillow-hopper_bad_exif.jpg").read_bytes()
    result = ws.photos.add_images(audit, [("pasted.jpg", data)])
    (name, photo_id), = result.added
    assert ws.photos.photo(photo_id)["captured_at"] is None
    (warning,) = result.warnings
    assert warning.file == "pasted.jpg" and warning.code == "photo_exif_ignored_no_time"
    assert "has no capture time" in str(warning)


def test_a_broken_exif_photo_whose_pixels_are_cut_is_still_refused(ws, audit):
    data = (SAMPLES / "pillow-hopper_bad_exif.jpg").read_bytes()
    result = ws.photos.add_images(audit, [("cut.jpg", data[: len(data) // 2])])
    (problem,) = result.refused
    assert problem.file == "cut.jpg" and "truncated" in str(problem)
    assert result.added == [] and result.warnings == []
    assert ws.photos.of_audit(audit) == []


def test_folder_import_matches_by_file_date_and_warns(ws, audit, tmp_path):
    card = tmp_path / "card"
    card.mkdir()
    started = datetime.fromisoformat(ws.audits.audit(audit)["started_at"].replace("Z", "+00:00"))
    files = broken_files(card, started.timestamp())      # taken during the visit
    result = ws.photos.import_folder(audit, card)
    assert sorted(f for f, _ in result.matched) == sorted(str(p) for p in files)
    assert result.skipped == []
    assert sorted(w.file for w in result.warnings) == sorted(str(p) for p in files)


def test_cli_adds_them_and_warns_on_stderr(ws, audit, tmp_path):
    files = broken_files(tmp_path)
    ws.close()
    out = subprocess.run([sys.executable, "-m", "ui.launcher", "photo", "add", audit,
                          *map(str, files), "--data-dir", str(ws.folder)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == len(files)
    warnings = [line for line in out.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == len(files), out.stderr
    for path, why in files.items():
        (line,) = [w for w in warnings if f"file {path}:" in w]
        assert why in line and "ignored" in line
    assert "Traceback" not in out.stderr and "UserWarning" not in out.stderr


@pytest.mark.parametrize("name", sorted(REAL))
def test_the_probe_names_what_was_ignored(name):
    from sva.photos.probe import probe
    found = probe((SAMPLES / name).read_bytes(), name)
    assert found.orientation == 1 and found.taken_local is None
    assert REAL[name] in found.exif_damage


def test_a_good_exif_block_gives_no_warning(ws, audit):
    from photo_samples import jpeg, quadrant_image
    result = ws.photos.add_images(audit, [("good.jpg", jpeg(quadrant_image(), orientation=6,
                                                            taken="2026:05:12 10:00:00"))])
    assert result.warnings == []
    (_, photo_id), = result.added
    assert (ws.photos.photo(photo_id)["width"], ws.photos.photo(photo_id)["height"]) == (400, 600)


def test_bad_input_is_still_raised_for_non_images(ws, audit):
    with pytest.raises(BadInput, match="not an image"):
        ws.photos.add_bytes(audit, b"Exif\x00\x00II*\x00" * 50, filename="x.jpg")
