"""`sva --self-check` from the checkout (tests/shipping/test_dist.py runs it on the build),
and where a frozen build finds its resources."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ui.self_check import pdf_facts

ROOT = Path(__file__).resolve().parents[2]


def self_check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """A separate process, as the user starts it (the check ends with os._exit)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main())",
         "--self-check"], cwd=tmp_path, capture_output=True, text=True, timeout=180,
        env={**clean, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "TMPDIR": str(tmp_path),
             **env})


def test_self_check_passes_and_leaves_nothing_behind(tmp_path):
    done = self_check(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(frozen build: no)" in done.stdout
    assert "ok   main window: offscreen: 18 audits listed" in done.stdout
    assert done.stdout.splitlines()[-1] == "self-check passed"
    assert [p.name for p in tmp_path.iterdir()] == []     # its data folder is gone again


def test_self_check_fails_naming_the_step_when_a_catalogue_is_missing(tmp_path):
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources)
    (resources / "translations" / "sva_ja.qm").unlink()
    done = self_check(tmp_path, SVA_RESOURCES=str(resources))
    assert done.returncode == 1
    assert "ok   guidance PDF (ja)" in done.stdout
    assert "FAIL translations: CheckFailed: the Japanese catalogues" in done.stdout
    assert "self-check passed" not in done.stdout


def test_pdf_facts_tell_embedded_fonts_from_referenced_ones():
    embedded = (b"<< /Type /Page >> << /Type /Pages /Count 1 >> "
                b"<< /BaseFont /AAAAAA+IPAPGothic /Type /Font >> "
                b"<< /Type /FontDescriptor /FontFile2 12 0 R >>")
    assert pdf_facts(embedded) == (1, {"IPAPGothic"}, True)
    referenced = b"<< /Type /Page >> << /BaseFont /HeiseiKakuGo-W5 /Type /Font >>"
    assert pdf_facts(referenced) == (1, {"HeiseiKakuGo-W5"}, False)


def test_a_frozen_build_reads_resources_from_its_bundle_folder(tmp_path):
    """In a PyInstaller build sys.frozen is set and the bundled files are in sys._MEIPASS."""
    bundle = tmp_path / "_internal"
    code = ("import sys; sys.frozen = True; sys._MEIPASS = sys.argv[1]\n"
            "from sva.paths import resource; print(resource('checklists'))")
    env = {k: v for k, v in os.environ.items() if k != "SVA_RESOURCES"}
    done = subprocess.run([sys.executable, "-c", code, str(bundle)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(bundle / "resources" / "checklists")
