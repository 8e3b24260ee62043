"""Bulk import from a folder or camera card: which photos belong to this visit, and why not.

A photo belongs to the visit when it was taken inside the visit window: from 00:00 on the
visit's first day to 24:00 on its last day, in the site's time zone (the first day is the
day the audit was started, else its planned date; the last day is the day it was completed,
else the first day). Capture times are instants (see capture.py), so a laptop still on home
time or a camera card read days later does not move a photo in or out of the window.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sva.errors import BadInput
from sva.photos import ingest
from sva.photos.capture import iso_utc, parse_utc

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".png", ".heic", ".heif"}


@dataclass(frozen=True)
class Window:
    start: datetime          # aware, inclusive
    end: datetime            # aware, exclusive
    zone: str

    def contains(self, instant: str) -> bool:
        return self.start <= parse_utc(instant) < self.end

    def describe(self) -> str:
        zone = ZoneInfo(self.zone)
        fmt = "%Y-%m-%d %H:%M"
        return (f"{self.start.astimezone(zone):{fmt}} – {self.end.astimezone(zone):{fmt}} "
                f"{self.zone}")

    def as_tuple(self) -> tuple[str, str, str]:
        return iso_utc(self.start), iso_utc(self.end), self.zone


def visit_window(audit: dict, zone: str) -> Window:
    tz = ZoneInfo(zone)

    def local_day(stamp: str | None) -> date | None:
        return parse_utc(stamp).astimezone(tz).date() if stamp else None

    first = local_day(audit.get("started_at")) or date.fromisoformat(audit["planned_date"])
    last = max(local_day(audit.get("completed_at")) or first, first)
    start = datetime.combine(first, time(0), tz)
    end = datetime.combine(last + timedelta(days=1), time(0), tz)
    return Window(start, end, zone)


def local_text(instant: str, zone: str) -> str:
    return f"{parse_utc(instant).astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M} {zone}"


def scan(folder: Path, *, recursive: bool = True) -> tuple[list[Path], list[tuple[str, str]]]:
    """Candidate photo files (sorted) and the files skipped for what they are."""
    if not folder.is_dir():
        raise BadInput("is not a folder", file=str(folder))
    candidates, skipped = [], []
    walker = os.walk(folder) if recursive else [(str(folder), [], [
        p.name for p in folder.iterdir() if p.is_file()])]
    for root, dirs, files in walker:
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith("."):
                skipped.append((str(path), "hidden file"))
            elif path.suffix.lower() not in PHOTO_SUFFIXES:
                skipped.append((str(path), f"not a photo file ({path.suffix or 'no extension'})"))
            else:
                candidates.append(path)
    return candidates, skipped


def match(paths: list[Path], window: Window, known: dict[str, int]) -> tuple[
        list[tuple[Path, ingest.Checked]], list[tuple[str, str]]]:
    """Check each file's header and capture time against the window.

    `known` maps sha256 → deleted flag of photos the audit already has.
    """
    matched, skipped, seen = [], [], {}
    for path in paths:
        try:
            data, mtime = ingest.read(path)
            checked = ingest.check(data, str(path), site_zone=window.zone, mtime=mtime)
        except BadInput as exc:
            skipped.append((str(path), f"refused: {exc}"))
            continue
        del data
        sha = checked.sha256
        if sha in known:
            skipped.append((str(path), "deleted earlier from this audit" if known[sha]
                            else "already in this audit"))
        elif sha in seen:
            skipped.append((str(path), f"same photo as {seen[sha]}"))
        elif checked.capture.at is None:
            skipped.append((str(path), "no capture time"))
        elif not window.contains(checked.capture.at):
            source = "EXIF" if checked.capture.source.startswith("exif") else "file time"
            skipped.append((str(path), f"taken {local_text(checked.capture.at, window.zone)} "
                            f"({source}), outside the visit window {window.describe()}"))
        else:
            seen[sha] = str(path)
            matched.append((path, checked))
    return matched, skipped
