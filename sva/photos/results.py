"""What an import returns or raises: added, refused, matched, skipped, cancelled."""
from __future__ import annotations

from dataclasses import dataclass, field

from sva.errors import BadInput, SvaError


class RefusedFiles(BadInput):
    """One or more files were refused; with all-or-nothing adding, none was added."""

    def __init__(self, problems: list[BadInput], *, added_none: bool = True):
        self.problems = problems
        head = (f"{len(problems)} file(s) refused"
                + ("; nothing was added" if added_none else ""))
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in problems),
                         code="photos_refused_none_added" if added_none else "photos_refused",
                         params={"count": len(problems)})


class ImportCancelled(SvaError):
    """The user cancelled; nothing from the import was kept (no row, no file)."""


@dataclass
class AddResult:
    added: list[tuple[str, str]] = field(default_factory=list)     # (file, photo id)
    refused: list[BadInput] = field(default_factory=list)


@dataclass
class BulkResult:
    """Matched photos (with ids unless a dry run) and skipped files with the reason."""
    window: tuple[str, str, str]                                  # (start UTC, end UTC, zone)
    matched: list[tuple[str, str | None]] = field(default_factory=list)   # (file, photo id)
    skipped: list[tuple[str, str]] = field(default_factory=list)          # (file, reason)
    dry_run: bool = False


def cancel_check(cancel):
    """Accept a callable returning bool, a threading.Event, or None."""
    if cancel is None:
        return lambda: False
    if hasattr(cancel, "is_set"):
        return cancel.is_set
    return cancel
