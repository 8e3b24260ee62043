"""Bulk import: match by capture time inside the visit window, across time zones; cancel."""
import json
import os
import subprocess
import sys
import threading
from datetime import datetime, UTC
from pathlib import Path

import pytest

from photo_samples import jpeg, log_count, png, quadrant_image
from sva.photos import ImportCancelled
from sva.photos.bulk import visit_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def la_audit(ws):
    """A visit planned for 2026-05-12 at a site in Los Angeles (UTC-7 in May)."""
    sid = ws.suppliers.add(code="US01", name_en="Pacific Boards Inc.", country="US")
    site = ws.suppliers.add_site(sid, name="Fremont", country="US",
                                 timezone="America/Los_Angeles")
    return ws.audits.create(supplier_id=sid, site_id=site, template_ref=ws.templates.latest("svr"),
                            planned_date="2026-05-12")


def at(text):
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


@pytest.fixture
def card(tmp_path):
    """A camera card: photos of the visit day, of other days, and things that are no photos."""
    folder = tmp_path / "DCIM"
    (folder / "100CANON").mkdir(parents=True)
    n = 0

    def put(name, data, mtime=None):
        nonlocal n
        n += 1
        path = folder / name
        path.write_bytes(data)
        if mtime is not None:
            os.utime(path, (mtime, mtime))
        return path

    def photo(taken=None, offset=None):
        return jpeg(quadrant_image((160 + len(str(taken)) + n, 120)), taken=taken, offset=offset)

    # 03:00 local on the 12th: matched only if EXIF is read in the site's zone (as UTC it
    # would be the evening of the 11th in LA).
    put("100CANON/early.jpg", photo("2026:05:12 03:00:00"))
    # 02:00 local on the 13th: outside; read as UTC it would wrongly fall on the 12th.
    put("100CANON/next_day.jpg", photo("2026:05:13 02:00:00"))
    put("100CANON/evening.jpg", photo("2026:05:12 23:30:00"))
    # a camera still on Tokyo time that wrote its offset: 2026-05-12 16:00Z = 09:00 in LA
    put("100CANON/tokyo_clock.jpg", photo("2026:05:13 01:00:00", "+09:00"))
    put("screenshot.png", png(quadrant_image((90, 60))), mtime=at("2026-05-12T18:00:00"))
    put("old.png", png(quadrant_image((91, 60))), mtime=at("2026-05-14T18:00:00"))
    put("100CANON/early_copy.jpg", (folder / "100CANON/early.jpg").read_bytes())
    put("notes.txt", b"visit notes")
    put("broken.jpg", b"this is no jpeg")
    put("._early.jpg", b"\x00\x05\x16\x07 resource fork")
    return folder


def names(pairs):
    return sorted(Path(p).name for p, _ in pairs)


def test_bulk_import_matches_by_capture_time_in_the_site_zone(ws, la_audit, card):
    result = ws.photos.import_folder(la_audit, card)
    assert names(result.matched) == ["early.jpg", "evening.jpg", "screenshot.png",
                                     "tokyo_clock.jpg"]
    reasons = {Path(p).name: r for p, r in result.skipped}
    assert set(reasons) == {"next_day.jpg", "old.png", "early_copy.jpg", "notes.txt",
                            "broken.jpg", "._early.jpg"}
    assert "outside the visit window" in reasons["next_day.jpg"]
    assert "2026-05-13 02:00 America/Los_Angeles" in reasons["next_day.jpg"]
    assert "file time" in reasons["old.png"]
    assert reasons["early_copy.jpg"].startswith("same photo as")
    assert "not a photo file" in reasons["notes.txt"]
    assert "not an image" in reasons["broken.jpg"] and "broken.jpg" in reasons["broken.jpg"]
    assert reasons["._early.jpg"] == "hidden file"
    captured = {r["filename"]: r["captured_at"] for r in ws.photos.of_audit(la_audit)}
    assert captured == {"early.jpg": "2026-05-12T10:00:00Z",
                        "evening.jpg": "2026-05-13T06:30:00Z",
                        "tokyo_clock.jpg": "2026-05-12T16:00:00Z",
                        "screenshot.png": "2026-05-12T18:00:00Z"}
    assert result.window == ("2026-05-12T07:00:00Z", "2026-05-13T07:00:00Z",
                             "America/Los_Angeles")


def test_importing_the_card_again_adds_nothing(ws, la_audit, card):
    ws.photos.import_folder(la_audit, card)
    before = log_count(ws)
    again = ws.photos.import_folder(la_audit, card)
    assert again.matched == [] and log_count(ws) == before
    assert sum(r == "already in this audit" for _, r in again.skipped) == 5   # with the copy


def test_dry_run_changes_nothing(ws, la_audit, card):
    before = log_count(ws)
    result = ws.photos.import_folder(la_audit, card, dry_run=True)
    assert len(result.matched) == 4 and all(i is None for _, i in result.matched)
    assert log_count(ws) == before and ws.photos.of_audit(la_audit) == []
    assert not (ws.folder / "photos").exists()


def test_window_follows_the_local_start_day():
    audit = {"planned_date": "2026-05-10", "started_at": "2026-05-12T23:30:00Z",
             "completed_at": "2026-05-14T01:00:00Z"}
    window = visit_window(audit, "Asia/Tokyo")      # started 08:30 on the 13th in Tokyo
    assert window.as_tuple() == ("2026-05-12T15:00:00Z", "2026-05-14T15:00:00Z", "Asia/Tokyo")
    assert window.contains("2026-05-12T15:00:00Z")
    assert not window.contains("2026-05-14T15:00:00Z")


def stored_files(ws):
    return [p for p in ws.folder.rglob("*") if p.is_file()
            and p.parts[len(ws.folder.parts)] in ("photos", "derived")]


def test_cancel_leaves_no_row_and_no_file(ws, la_audit, card):
    cancel, seen = threading.Event(), []

    def progress(done, total):
        seen.append((done, total))
        if done == 2:
            cancel.set()

    before = log_count(ws)
    with pytest.raises(ImportCancelled):
        ws.photos.import_folder(la_audit, card, progress=progress, cancel=cancel)
    assert seen == [(0, 4), (1, 4), (2, 4)]
    assert ws.db.execute("SELECT COUNT(*) FROM photos").fetchone()[0] == 0
    assert log_count(ws) == before and stored_files(ws) == []
    assert not any(p.name.endswith(".part") for p in ws.folder.rglob("*"))


def test_cancel_of_add_files_with_a_callable(ws, audit, tmp_path):
    paths = []
    for n in range(5):
        paths.append(tmp_path / f"{n}.jpg")
        paths[-1].write_bytes(jpeg(quadrant_image((100 + n, 80))))
    calls = []
    with pytest.raises(ImportCancelled):
        ws.photos.add_files(audit, paths, progress=lambda d, t: calls.append(d),
                            cancel=lambda: len(calls) > 3)
    assert ws.photos.of_audit(audit) == [] and stored_files(ws) == []
    result = ws.photos.add_files(audit, paths)
    # original + display + thumbnail + a print copy per report photo box (A4, Letter)
    assert len(result.added) == 5 and len(stored_files(ws)) == 5 * 5


def test_cli_import_folder(ws, la_audit, card):
    ws.close()
    out = subprocess.run([sys.executable, "-m", "ui.launcher", "photo", "import-folder",
                          la_audit, str(card), "--json", "--data-dir", str(ws.folder)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert len(doc["matched"]) == 4 and len(doc["skipped"]) == 6
    out = subprocess.run([sys.executable, "-m", "ui.launcher", "photo", "import-folder",
                          la_audit, str(card / "nowhere"), "--data-dir", str(ws.folder)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and "is not a folder" in out.stderr
