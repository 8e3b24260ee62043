"""Turn one file's bytes into a checked, staged photo ready for a row.

`check()` is the cheap part (header, hash, capture time) used to decide; `stage()` decodes the
pixels once, builds the derivatives (display, thumbnail, print copies) and writes original +
derivatives to temp files. Nothing
here touches the database, and nothing is written for a file that fails a check.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from sva.errors import BadInput
from sva.photos import derivatives
from sva.photos.blobs import Blobs, Staging
from sva.photos.capture import Capture, capture_time
from sva.photos.limits import PRINT_BOXES
from sva.photos.probe import MAX_FILE_BYTES, Probe, probe, too_large
from sva.photos.results import PhotoWarning


@dataclass(frozen=True)
class Checked:
    name: str                 # the file name as the user gave it (for messages)
    sha256: str
    probe: Probe
    capture: Capture

    def row_fields(self) -> dict:
        width, height = self.probe.upright_size
        return {"sha256": self.sha256, "filename": os.path.basename(self.name),
                "media_type": self.probe.media_type, "width": width, "height": height,
                "captured_at": self.capture.at}

    @property
    def warnings(self) -> list[PhotoWarning]:
        """What the user should know about this file once it is added."""
        why = self.probe.exif_damage
        if why is None:
            return []
        if self.capture.at is not None:
            return [PhotoWarning(self.name, f"its EXIF block is damaged ({why}) and was "
                                 "ignored: the photo is kept as stored (not rotated) and its "
                                 "capture time is the file's date", code="photo_exif_ignored",
                                 params={"why": why})]
        return [PhotoWarning(self.name, f"its EXIF block is damaged ({why}) and was ignored: "
                             "the photo is kept as stored (not rotated) and has no capture "
                             "time", code="photo_exif_ignored_no_time", params={"why": why})]


def check(data: bytes, name: str, *, site_zone: str | None, mtime: float | None) -> Checked:
    found = probe(data, name)
    capture = capture_time(found.taken_local, found.offset, site_zone, mtime)
    return Checked(name, hashlib.sha256(data).hexdigest(), found, capture)


def stage(data: bytes, checked: Checked, blobs: Blobs, staging: Staging) -> None:
    """Decode once (this is where truncation shows), then stage every missing file: the
    display copy, the thumbnail and the print copies the reports embed."""
    sha = checked.sha256
    display, thumb = blobs.display(sha), blobs.thumbnail(sha)
    prints = {box: blobs.print_copy(sha, box) for box in PRINT_BOXES}
    if not all(p.exists() for p in (display, thumb, *prints.values())):
        made = derivatives.make(data, checked.name, checked.probe)
        staging.write(display, made.display)
        staging.write(thumb, made.thumbnail)
        for box, path in prints.items():
            staging.write(path, made.prints[box])
    staging.write(blobs.original(sha), data)


def read(path: str | os.PathLike) -> tuple[bytes, float]:
    """A file's bytes and modification time; unreadable files are bad input."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > MAX_FILE_BYTES:
                raise too_large(st.st_size, str(path))
            return fh.read(), st.st_mtime
    except IsADirectoryError:
        raise BadInput("is a folder, not a photo file", file=str(path),
                       code="photo_is_folder") from None
    except FileNotFoundError:
        raise BadInput("no such file", file=str(path), code="file_missing") from None
    except PermissionError:
        raise BadInput("cannot be read (permission denied)", file=str(path),
                       code="file_unreadable") from None
