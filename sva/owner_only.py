"""Files and folders only their owner may read: databases, photos and photo blobs.

The HQ database holds the key that signs dashboard sessions and the hashes of device tokens
(bundle key material); the device database and the photo folders hold audit evidence. Every
one of them is created owner-only (files 0600, folders 0700) whatever the umask, and a
database file found readable by others is tightened when it is opened.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_dir(folder: str | os.PathLike) -> Path:
    """`mkdir -p` where every folder this call creates is 0700 (existing ones are left)."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        os.chmod(path, DIR_MODE)            # the umask may have taken bits off mkdir's mode
    return folder


def create_file(path: str | os.PathLike) -> Path:
    """Make sure `path` exists as a file; a new one is created 0600, an existing one that
    others may read is tightened (only if this user owns it)."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        tighten(path)
    else:
        os.close(fd)
    return path


def tighten(path: str | os.PathLike) -> None:
    """Take group and other permissions off a file or folder this user owns (best effort: on
    a read-only file system the file is left as it is)."""
    try:
        st = os.stat(path)
        if st.st_uid == os.geteuid() and st.st_mode & 0o077:
            os.chmod(path, stat.S_IMODE(st.st_mode) & 0o700)
    except OSError:
        return


def open_private(path: str | os.PathLike, flags: int = os.O_WRONLY | os.O_CREAT | os.O_EXCL):
    """A binary file object for a new file created 0600 (for temp files renamed into place)."""
    return os.fdopen(os.open(path, flags, FILE_MODE), "wb")
