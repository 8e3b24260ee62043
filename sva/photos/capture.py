"""When a photo was taken, as a UTC instant.

Cameras write EXIF DateTimeOriginal as the wall-clock time of the place the photo was taken,
without a zone. The auditor's laptop may still be on home time, so the site's time zone is
the right reading of that clock; an EXIF OffsetTimeOriginal, when the camera wrote one,
beats both. Without EXIF the file's modification time (a true instant) is used.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, UTC
from zoneinfo import ZoneInfo

EXIF_FORMAT = "%Y:%m:%d %H:%M:%S"


@dataclass(frozen=True)
class Capture:
    at: str | None          # UTC ISO-8601 with 'Z', or None when unknown
    source: str             # 'exif', 'exif+offset', 'file_time' or 'unknown'


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_utc(text: str) -> datetime:
    """Read an ISO-8601 instant as stored ('...Z' or with offset) into an aware datetime."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _offset(text: str | None):
    """'+09:00' → a fixed zone; anything else → None."""
    if not text or len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return None
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return None
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(delta if text[0] == "+" else -delta)


def capture_time(taken_local: str | None, offset: str | None, site_zone: str | None,
                 mtime: float | None) -> Capture:
    """The capture instant from EXIF (read in the site's zone), else from the file time."""
    if taken_local:
        try:
            naive = datetime.strptime(taken_local.strip(), EXIF_FORMAT)
        except ValueError:
            naive = None
        if naive is not None and naive.year > 1970:
            fixed = _offset(offset)
            if fixed is not None:
                return Capture(iso_utc(naive.replace(tzinfo=fixed)), "exif+offset")
            zone = ZoneInfo(site_zone) if site_zone else UTC
            return Capture(iso_utc(naive.replace(tzinfo=zone)), "exif")
    if mtime is not None:
        return Capture(iso_utc(datetime.fromtimestamp(mtime, UTC)), "file_time")
    return Capture(None, "unknown")
