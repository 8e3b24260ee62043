"""Two writers hammer one store: two app-like processes, each with a UI operation loop and a
photo import running at the same time (tests/two_writers_child.py). Zero errors, and every
operation applied exactly once: one audit-log row per note, answer and photo, and the data
holds each one."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import start

CHILD = Path(__file__).with_name("two_writers_child.py")
ROOT = CHILD.parents[1]
SECONDS = float(os.environ.get("SVA_TWO_WRITERS_SECONDS", "30"))


def _photos(folder: Path, role: str, count: int) -> Path:
    """Distinct small PNGs (the import decodes and stores each)."""
    folder.mkdir()
    for n in range(count):
        img = Image.new("RGB", (64, 48), ((n * 37) % 256, (n * 91) % 256, 200 if role == "a"
                                          else 40))
        img.putpixel((n % 64, (n // 64) % 48), (255, 255, 255))
        img.save(folder / f"{role}-{n:04d}.png")
    return folder


def _logged(ws, audit_id) -> tuple[Counter, Counter]:
    """How many log rows carry each note token, and how many add each photo file."""
    notes, photos = Counter(), Counter()
    for row in ws.audits.history(audit_id):
        changes = json.loads(row["changes"])
        if row["action"] in ("set_note", "record_answer") and "note" in changes:
            notes[changes["note"][1]] += 1
        if row["entity"] == "photo" and row["action"] == "add":
            photos[Path(changes["filename"][1]).name] += 1
    return notes, photos


@pytest.mark.slow
def test_two_processes_each_with_an_import_lose_and_double_nothing(ws, planned_audit, tmp_path):
    audit = start(ws, planned_audit)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    children = []
    for role in ("a", "b"):
        photos = _photos(tmp_path / f"photos-{role}", role, 600)
        report = tmp_path / f"report-{role}.json"
        children.append((report, subprocess.Popen(
            [sys.executable, str(CHILD), str(ws.folder), audit, role, str(SECONDS),
             str(photos), str(report)], env=env, cwd=ROOT)))
    for _, child in children:
        assert child.wait(timeout=SECONDS + 240) == 0
    reports = [json.loads(path.read_text()) for path, _ in children]

    assert [r["errors"] for r in reports] == [[], []]
    notes, photos = _logged(ws, audit)
    tokens = [t for r in reports for _, t in r["notes"] + r["answers"]]
    assert len(tokens) > 100 and len(set(tokens)) == len(tokens)
    assert {t: notes[t] for t in tokens} == {t: 1 for t in tokens}     # each op logged once
    assert sum(notes.values()) == len(tokens)                          # and nothing else
    files = [f for r in reports for f in r["photos"]]
    assert len(files) > 10
    assert photos == Counter(files)                                    # each photo added once
    stored = ws.photos.of_audit(audit)
    assert sorted(Path(p["filename"]).name for p in stored) == sorted(files)
    answers = ws.audits.answers(audit)
    for report in reports:                      # each item holds the last token written to it
        last: dict[str, str] = {}
        for item, token in sorted(report["notes"] + report["answers"],
                                  key=lambda it: int(it[1][1:])):
            last[item] = token
        assert {item: answers[item]["note"] for item in last} == last
