"""Build the UI translations: resources/translations/*.ts → .qm (pyside6-lrelease).

    python -m ui.i18n_build            # compile every .ts next to itself
    python -m ui.i18n_build --update   # first refresh the .ts from the sources (lupdate),
                                       # then fill new entries from i18n-notes/*.tsv
    python -m ui.i18n_build -o DIR     # write the .qm files into DIR instead

The .ts files are the source kept in the repository; the .qm files are build output.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from ui.i18n import translations_dir

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv), else on PATH."""
    here = Path(sys.executable).with_name(name)
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found (it ships with PySide6)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def update(ts_files: list[Path]) -> None:
    rel = [str(p.relative_to(ROOT)) for p in sources()]
    for ts in ts_files:
        # Module-level strings go through `_tr(text)` helpers that translate in the empty
        # context, which is what lupdate assigns to an alias of tr().
        subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-tr-function-alias",
                        "tr+=_tr", *rel, "-ts",
                        str(ts.relative_to(ROOT))], cwd=ROOT, check=True)


def build(out: Path | None = None, folder: Path | None = None) -> list[Path]:
    folder = folder or translations_dir()
    built = []
    for ts in sorted(folder.glob("*.ts")):
        qm = (out or folder) / ts.with_suffix(".qm").name
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.i18n_build",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts from sources")
    parser.add_argument("-o", "--out", type=Path, help="folder for the .qm files")
    args = parser.parse_args(argv)
    if args.update:
        from ui import i18n_notes
        ts_files = sorted(translations_dir().glob("*.ts"))
        update(ts_files)
        i18n_notes.report(i18n_notes.apply(ts_files))
    for qm in build(args.out):
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
