"""Which of the files PyInstaller collected for Qt go into the build (used by sva.spec).

PyInstaller's Qt hooks take every plugin of a type a module may use, and with them the system
libraries those plugins link: the GTK platform theme alone brings GTK, cairo, pango and atk
from the build machine. The app needs the X11 and offscreen platforms (Windows and macOS:
their own), image formats, printing, the camera's multimedia back end, input methods (ibus
for Japanese) and the desktop portal; the Japanese catalogues only. A library goes out only
when nothing that stays links it.
"""
from __future__ import annotations

import os

QT = "PySide6/Qt/"
KEEP_PLATFORMS = ("libqxcb.", "libqoffscreen.", "qwindows.", "qoffscreen.", "libqcocoa.")
KEEP_PLUGINS = {
    "platforms": None,                 # filtered by KEEP_PLATFORMS
    "imageformats": None, "iconengines": None, "printsupport": None, "multimedia": None,
    "xcbglintegrations": None, "styles": None,
    "platformthemes": ("libqxdgdesktopportal.",),
    "platforminputcontexts": ("libcomposeplatforminputcontextplugin.",
                              "libibusplatforminputcontextplugin."),
}


def _dest(entry) -> str:
    return entry[0].replace("\\", "/")


def wanted(dest: str) -> bool:
    """Whether a collected file (by its path in the build) is one the app uses."""
    dest = dest.replace("\\", "/")
    if dest.startswith(QT + "plugins/"):
        kind, _, name = dest[len(QT + "plugins/"):].partition("/")
        if kind not in KEEP_PLUGINS:
            return False
        if kind == "platforms":
            return name.startswith(KEEP_PLATFORMS)
        names = KEEP_PLUGINS[kind]
        return names is None or name.startswith(names)
    if dest.startswith(QT + "translations/"):
        return dest.endswith("_ja.qm")          # the UI is English or Japanese
    return not dest.startswith(QT + "qml/")


def _is_library(dest: str) -> bool:
    """A shared library collected as a dependency (not an extension module or plugin)."""
    name = dest.rsplit("/", 1)[-1]
    if ".cpython-" in name or name.startswith("libpython"):
        return False
    return "/" not in dest or dest.startswith(QT + "lib/")


def _closure(entries, by_name: dict, get_imports) -> set[str]:
    """Names of the libraries `entries` link, directly or through other collected ones."""
    seen: set[str] = set()
    todo = [entry[1] for entry in entries]
    while todo:
        for name, _path in get_imports(todo.pop()):
            name = os.path.basename(name)
            if name in by_name and name not in seen:
                seen.add(name)
                todo.append(by_name[name][1])
    return seen


def trim(binaries: list, datas: list, get_imports) -> tuple[list, list, list]:
    """(binaries, datas, dropped): Analysis.binaries and .datas without what the app does not
    use; `get_imports(path)` lists a binary's linked libraries as (name, resolved path) pairs
    (PyInstaller's bindepend.get_imports). A symbolic link (PyInstaller puts one beside the
    executable for each library in a sub-folder) goes with its target."""
    files = [e for e in binaries if e[2] != "SYMLINK"]
    libraries = {os.path.basename(_dest(e)): e for e in files if _is_library(_dest(e))}
    unused = [e for e in files if not wanted(_dest(e))]
    roots = [e for e in files if wanted(_dest(e)) and not _is_library(_dest(e))]
    needed = _closure(roots, libraries, get_imports)
    only_unused = _closure(unused, libraries, get_imports) - needed
    dropped = unused + [libraries[name] for name in sorted(only_unused)]
    gone = {id(e) for e in dropped}
    kept = {_dest(e) for e in files if id(e) not in gone}

    def stays(entry) -> bool:
        if entry[2] == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(_dest(entry)), entry[1]))
            target = target.replace("\\", "/")
            return not target.startswith(QT) or target in kept
        return id(entry) not in gone and wanted(_dest(entry))

    out_binaries = [e for e in binaries if stays(e)]
    out_datas = [e for e in datas if stays(e)]
    dropped += [e for e in binaries + datas if e[2] == "SYMLINK" and not stays(e)]
    return out_binaries, out_datas, dropped
