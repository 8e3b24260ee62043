"""requirements/sva.lock: every package pinned with its hashes, inside pyproject.toml's ranges,
and the environment running these tests installed from it and nothing else (`make venv`)."""
from __future__ import annotations

import re
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "sva.lock"
ENTRY = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")
# Installed beside the lock on purpose: the project itself, and the lock tool (`make lock`).
NOT_LOCKED = {"sva", "uv"}


def locked() -> dict[str, dict]:
    """name -> {version, marker, hashes} from the lock's `name==version ; marker \\` lines
    and the `--hash=sha256:...` lines under them."""
    out: dict[str, dict] = {}
    current = None
    for raw in LOCK.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("--hash="):
            assert current is not None, raw
            out[current]["hashes"].append(line.removeprefix("--hash=").rstrip(" \\"))
            continue
        match = ENTRY.match(line)
        assert match, f"not a pinned requirement: {raw!r}"
        current = canonicalize_name(match[1])
        out[current] = {"version": match[2], "marker": match[3], "hashes": []}
    return out


def applies(entry: dict) -> bool:
    return entry["marker"] is None or Marker(entry["marker"]).evaluate()


def test_every_locked_package_is_pinned_with_sha256_hashes():
    entries = locked()
    assert len(entries) > 50
    for name, entry in entries.items():
        assert entry["hashes"], f"{name} has no hash"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in entry["hashes"]), name


def test_the_lock_satisfies_every_range_and_pin_in_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in ("test", "build"):
        wanted += project["optional-dependencies"][extra]
    entries = locked()
    for text in wanted:
        req = Requirement(text)
        if req.marker is not None and not req.marker.evaluate():
            continue
        entry = entries.get(canonicalize_name(req.name))
        assert entry is not None, f"{req.name} is not in the lock: run `make lock`"
        assert req.specifier.contains(entry["version"], prereleases=True), \
            f"{req.name} {entry['version']} is outside {req.specifier}: run `make lock`"
    assert entries["pyside6-essentials"]["version"] == "6.11.3"    # 6.12.0 leaks None
    assert canonicalize_name("psycopg-binary") in entries           # psycopg[binary]


def test_this_environment_holds_the_locked_versions_and_nothing_else():
    entries = {name: e for name, e in locked().items() if applies(e)}
    installed = {canonicalize_name(d.metadata["Name"]): d.version
                 for d in metadata.distributions()}
    wrong = {name: (installed.get(name), e["version"]) for name, e in entries.items()
             if installed.get(name) != e["version"]}
    assert wrong == {}, "installed vs locked; run `make venv` (or `make clean venv`)"
    extra = set(installed) - set(entries) - NOT_LOCKED
    assert extra == set(), "installed but not in the lock"


def test_make_installs_only_from_the_lock():
    """What `make venv` runs (make -n prints the recipe): pip takes every package from the
    lock with --require-hashes, and the project itself with --no-deps."""
    recipe = subprocess.run(["make", "-n", "-B", "-C", str(ROOT), ".venv/.installed"],
                            capture_output=True, text=True, check=True).stdout
    installs = [line for line in recipe.splitlines() if "pip install" in line]
    assert installs, recipe
    for line in installs:
        assert ("--require-hashes -r requirements/sva.lock" in line
                or "--no-deps" in line), line
    assert any("--require-hashes -r requirements/sva.lock" in line for line in installs)
