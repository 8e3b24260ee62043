"""What an import returns or raises: added, reused, refused, warned, matched, skipped,
cancelled."""
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


@dataclass(frozen=True)
class PhotoWarning:
    """A file that was added, with something the user should know about it (e.g. its EXIF
    block was damaged and ignored). Shaped like a coded error (file, message, code, params),
    so the app words it in its language like one (ui/core_messages.py)."""
    file: str
    message: str
    code: str
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return f"file {self.file}: {self.message}"


class ImportCancelled(SvaError):
    """The user cancelled; nothing from the import was kept (no row, no file)."""


LINK_FIELDS = ("finding_id", "item_id", "deleted")


@dataclass(frozen=True)
class Reused:
    """A file whose bytes the audit already held: no second photo is made; the existing one
    takes the links the file was added with (a finding, an item), and a deleted one comes
    back. `before`/`after` hold its finding_id, item_id and deleted flag, so the change can
    be told truthfully and undone exactly."""
    file: str
    photo_id: str
    before: dict
    after: dict

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def restored(self) -> bool:
        return bool(self.before["deleted"]) and not self.after["deleted"]

    @property
    def linked_finding(self) -> bool:
        """It is now on the finding it was added for (and was not before)."""
        return (self.after["finding_id"] is not None
                and self.after["finding_id"] != self.before["finding_id"])

    @property
    def moved_from(self) -> str | None:
        """The finding it was on before, when adding it moved it to another one."""
        if self.restored or not self.linked_finding:
            return None
        return self.before["finding_id"]

    def describe(self) -> str:
        """One line for the CLI, in English (the UI words it itself)."""
        if self.restored:
            return "was deleted from the audit: restored"
        if self.moved_from:
            return f"already in the audit: moved from finding {self.moved_from} to this finding"
        if self.linked_finding:
            return "already in the audit: linked to the finding"
        if self.changed:
            return "already in the audit: linked to the item"
        return "already in the audit with these links: nothing changed"


@dataclass
class AddResult:
    """Every file taken, with the photo it is now (new or already in the audit); the files
    whose photo was already in the audit, in `reused`; refused files with their reasons."""
    added: list[tuple[str, str]] = field(default_factory=list)     # (file, photo id)
    refused: list[BadInput] = field(default_factory=list)
    reused: list[Reused] = field(default_factory=list)
    warnings: list[PhotoWarning] = field(default_factory=list)     # about files added

    @property
    def new_ids(self) -> list[str]:
        """Photos this import created (once each, in order)."""
        old = {r.photo_id for r in self.reused}
        return list(dict.fromkeys(i for _, i in self.added if i not in old))


@dataclass
class BulkResult:
    """Matched photos (with ids unless a dry run) and skipped files with the reason."""
    window: tuple[str, str, str]                                  # (start UTC, end UTC, zone)
    matched: list[tuple[str, str | None]] = field(default_factory=list)   # (file, photo id)
    skipped: list[tuple[str, str]] = field(default_factory=list)          # (file, reason)
    dry_run: bool = False
    warnings: list[PhotoWarning] = field(default_factory=list)     # about files matched


def cancel_check(cancel):
    """Accept a callable returning bool, a threading.Event, or None."""
    if cancel is None:
        return lambda: False
    if hasattr(cancel, "is_set"):
        return cancel.is_set
    return cancel
