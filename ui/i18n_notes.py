"""Fill unfinished entries of the .ts files from translation notes (i18n-notes/*.tsv).

Work on new UI strings happens in branches that do not touch the .ts; each records its
strings as notes, one a line:

    English source<TAB>Japanese translation[<TAB>disambiguation]

with `\\n` for a newline and `\\t` for a tab in either text (`\\\\` for a backslash); blank lines
and lines starting with `#` are skipped. After `python -m ui.i18n_build --update` has added
the new sources to the .ts, this fills every entry still marked unfinished whose source (and
disambiguation, when the note gives one) matches a note. Finished entries are never changed.
A note without a disambiguation fills entries with any disambiguation; a note with one wins
for its own entry. A translation whose {placeholders} differ from its source's is refused,
as are two notes that translate the same source differently.

    python -m ui.i18n_notes                # notes from i18n-notes/, every .ts of the app
    python -m ui.i18n_notes --notes DIR --ts FILE.ts ...
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ui.i18n import translations_dir

ROOT = Path(__file__).resolve().parents[1]
NOTES_DIR = ROOT / "i18n-notes"

_MESSAGE = re.compile(r"<message>.*?</message>", re.S)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
_COMMENT = re.compile(r"<comment>(.*?)</comment>", re.S)
_UNFINISHED = re.compile(r'<translation type="unfinished"(?:/>|>(.*?)</translation>)', re.S)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}


class NotesError(ValueError):
    """A notes file that cannot be read as notes (names the file and line)."""


@dataclass
class Filled:
    ts: Path
    filled: list[str] = field(default_factory=list)          # sources filled
    left: list[str] = field(default_factory=list)            # still unfinished
    refused: list[str] = field(default_factory=list)         # why a note was not used


def _unescape_note(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def read_notes(paths: list[Path]) -> tuple[dict[tuple[str, str | None], str], list[str]]:
    """{(source, disambiguation or None): translation} and the conflicts found."""
    notes: dict[tuple[str, str | None], str] = {}
    where: dict[tuple[str, str | None], str] = {}
    conflicts: list[str] = []
    for path in paths:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
                raise NotesError(f"{path}:{number}: expected 'source<TAB>translation"
                                 f"[<TAB>disambiguation]', got {len(parts)} column(s)")
            source, text = _unescape_note(parts[0]), _unescape_note(parts[1])
            key = (source, _unescape_note(parts[2]) if len(parts) == 3 and parts[2] else None)
            if key in notes and notes[key] != text:
                conflicts.append(f"{path}:{number}: {source!r} is already translated "
                                 f"differently in {where[key]}; left for a person to choose")
                notes[key] = ""             # neither wins
                continue
            notes.setdefault(key, text)
            where.setdefault(key, f"{path}:{number}")
    return {k: v for k, v in notes.items() if v}, conflicts


def _escape_ts(text: str) -> str:
    """Text as lupdate writes it inside <translation>."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&apos;").replace('"', "&quot;"))


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def fill_text(ts_text: str, notes: dict[tuple[str, str | None], str]
              ) -> tuple[str, list[str], list[str], list[str]]:
    """The .ts text with unfinished entries filled: (text, filled, left, refused)."""
    filled: list[str] = []
    left: list[str] = []
    refused: list[str] = []

    def one(match: re.Match) -> str:
        block = match.group(0)
        unfinished = _UNFINISHED.search(block)
        source_match = _SOURCE.search(block)
        if unfinished is None or source_match is None or "<numerusform" in block:
            return block
        source = html.unescape(source_match.group(1))
        comment_match = _COMMENT.search(block)
        comment = html.unescape(comment_match.group(1)) if comment_match else None
        text = notes.get((source, comment)) if comment is not None else None
        if text is None:
            text = notes.get((source, None))
        if text is None:
            left.append(source)
            return block
        if placeholders(text) != placeholders(source):
            refused.append(f"{source!r}: the translation {text!r} does not have the "
                           "same {placeholders}")
            left.append(source)
            return block
        filled.append(source)
        return (block[:unfinished.start()] + f"<translation>{_escape_ts(text)}</translation>"
                + block[unfinished.end():])

    return _MESSAGE.sub(one, ts_text), filled, left, refused


def apply(ts_files: list[Path], notes_dir: Path = NOTES_DIR) -> list[Filled]:
    """Fill every .ts from the notes in `notes_dir`; files are written only when changed."""
    notes, conflicts = read_notes(sorted(notes_dir.glob("*.tsv")) if notes_dir.is_dir() else [])
    results = []
    for ts in ts_files:
        before = ts.read_text("utf-8")
        after, filled, left, refused = fill_text(before, notes)
        if after != before:
            ts.write_text(after, "utf-8")
        results.append(Filled(ts, filled, left, conflicts + refused))
    return results


def report(results: list[Filled]) -> None:
    for r in results:
        print(f"{r.ts.name}: {len(r.filled)} filled from notes, {len(r.left)} still unfinished")
        for problem in r.refused:
            print(f"  refused: {problem}")
        for source in r.left:
            print(f"  unfinished: {source!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.i18n_notes",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=Path, default=NOTES_DIR, help="folder of *.tsv notes")
    parser.add_argument("--ts", type=Path, nargs="*", help=".ts files (default: the app's)")
    args = parser.parse_args(argv)
    try:
        results = apply(args.ts or sorted(translations_dir().glob("*.ts")), args.notes)
    except NotesError as exc:
        print(f"i18n_notes: {exc}", file=sys.stderr)
        return 2
    report(results)
    return 1 if any(r.refused for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
