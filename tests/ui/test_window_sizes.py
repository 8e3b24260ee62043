"""Every window and dialog fits a 1366×768 laptop with a taskbar, in English and Japanese:
its size when shown, its minimum and its size after adjustSize(), with a title bar on top;
a long error message never squashes a field or pushes a control out of the window; and a
long choice answered in the editor leaves the checklist's question column its width.

The windows are built and measured in a subprocess (tests/ui/window_sizes_child.py) whose
offscreen screen is the laptop's free area, so what they size to is what the screen allows.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("window_sizes_child.py")
FREE = (1366, 728)      # 1366×768 minus a 40 px taskbar
TITLE_BAR = 30          # the window manager's, above each window (not in its frame here)


@pytest.fixture(scope="module", params=["en", "ja"])
def measured(request, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp(f"sizes-{request.param}")
    screen = tmp / "screen.json"
    screen.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": FREE[0], "height": FREE[1],
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "PYTHONPATH": str(CHILD.parents[2]),
           "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    run = subprocess.run([sys.executable, str(CHILD), str(tmp), request.param],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["screen"] == list(FREE)
    return result


def fits(size: list[int], frame_extra: list[int]) -> bool:
    return (size[0] + frame_extra[0] <= FREE[0]
            and size[1] + frame_extra[1] + TITLE_BAR <= FREE[1])


def test_every_window_class_in_ui_is_measured(measured):
    covered = set(measured["windows"]) | set(measured["skipped"])
    missing = sorted(set(measured["classes"]) - covered)
    assert not missing, (f"add a builder for {missing} in tests/ui/window_sizes_child.py: "
                         "every window must be shown to fit 1366×768")
    assert "ui.dialogs.finding_dialog.FindingDialog" in measured["classes"]   # it looked
    assert set(measured["skipped"]) <= {"ui.photos.camera.CameraDialog"}      # no QtMultimedia


@pytest.mark.parametrize("when", ["shown", "minimum_hint", "minimum", "adjusted"])
def test_every_window_fits_the_laptop_screen(measured, when):
    too_big = {name: (sizes[when], sizes["frame_extra"])
               for name, sizes in measured["windows"].items()
               if not fits(sizes[when], sizes["frame_extra"])}
    assert not too_big, f"{when} size (client, frame) beyond 1366×728 with a title bar: {too_big}"


def test_nothing_sticks_out_and_long_errors_squash_no_field(measured):
    problems = {name: sizes["cut_off"] + sizes["squashed"]
                for name, sizes in measured["windows"].items()
                if sizes["cut_off"] or sizes["squashed"]}
    assert not problems


def test_a_long_choice_answer_leaves_the_question_column_its_width(measured):
    editor = measured["editor"]
    assert editor["answer"] == "verified"          # the longest choice was really answered
    assert fits(editor["window"], [0, 0])
    assert editor["question"] >= 2 * editor["answer_column"]
    assert editor["question"] >= 250
    assert editor["question"] + editor["answer_column"] <= editor["viewport"]
    assert min(editor["buttons"]) >= 60             # the choice buttons elide, not vanish
    assert sum(editor["buttons"]) <= editor["panel"][0]
