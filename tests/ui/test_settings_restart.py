"""Settings survive a restart: written by one app process, read by the next one.

The interface language and the auditor's name used to be stored under `general/...`; on Linux
QSettings puts such keys in the INI section `[%General]` and a new process reads them back as
`General/...`, so both were lost at every restart. Each test here runs separate processes
with their own XDG_CONFIG_HOME and HOME under tmp_path (the user's real settings are never
touched).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.settings import SETTINGS, Setting

CHILD = Path(__file__).with_name("settings_child.py")
pytestmark = pytest.mark.timeout(120)


def run_app(tmp_path: Path, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(CHILD.parents[2]), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True, text=True,
                         env=env, timeout=90)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert Path(result["file"]).is_relative_to(tmp_path)
    return result


def test_settings_made_in_the_dialog_are_there_after_a_restart(tmp_path):
    run_app(tmp_path, "set", "ja", "佐藤 遥", "Buyer Group, Sustainable Procurement", "en")
    after = run_app(tmp_path, "read")
    assert after["shown"] == {"language": "ja", "name": "佐藤 遥",
                              "organisation": "Buyer Group, Sustainable Procurement",
                              "checklist": "en"}
    assert after["in_use"] == "ja"             # the next start really is in Japanese
    assert "[%General]" not in after["ini"]


def test_values_kept_by_an_older_release_are_carried_over_once(tmp_path):
    before = run_app(tmp_path, "old-release", "ja", "Haruka Sato")
    assert "[%General]" in Path(before["file"]).read_text("utf-8")   # what the old code wrote
    first = run_app(tmp_path, "read")
    assert first["stored"] == {"language": "ja", "name": "Haruka Sato", "organisation": ""}
    assert first["shown"]["checklist"] == "ja"
    assert first["in_use"] == "ja"
    assert "[%General]" not in first["ini"] and "[preferences]" in first["ini"]
    second = run_app(tmp_path, "read")                  # the old keys are gone, the values not
    assert second["stored"] == first["stored"]


def test_an_upgraded_user_who_changes_a_value_keeps_the_new_one(tmp_path):
    run_app(tmp_path, "old-release", "ja", "Haruka Sato")
    run_app(tmp_path, "read")                                          # migrates
    run_app(tmp_path, "set", "en", "Ken Mori", "Buyer Group", "both")
    after = run_app(tmp_path, "read")
    assert after["stored"] == {"language": "en", "name": "Ken Mori",
                               "organisation": "Buyer Group"}
    assert after["in_use"] == "en"


def test_no_setting_is_declared_in_the_general_group():
    assert all(s.key.split("/")[0].lower() != "general" for s in SETTINGS)
    with pytest.raises(ValueError, match="General"):
        Setting("General/anything", str, "")
