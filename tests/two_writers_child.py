"""Child of tests/test_two_writers.py: one app-like process writing to a shared store.

Its main thread is the "UI": a loop of notes and answers, each with a unique token. A second
thread imports photos the way the app's photo import task does (ui/operations/photo.py), at
the same time. Every operation that returned is listed with its token; every error is kept.
Writes a JSON report when the time is up.
"""
import json
import sys
import threading
import time
from pathlib import Path

from sva.workspace import Workspace
from ui.operations.photo import add_files_task

folder, audit_id, role, seconds, photos, report = sys.argv[1:7]
deadline = time.monotonic() + float(seconds)
files = sorted(str(p) for p in Path(photos).glob("*.png"))
ws = Workspace(folder)
template = ws.audits.template_of(ws.audits.audit(audit_id))
items = [i.id for i in template.items.values() if i.answer == "conformity"]
mine = items[0::2] if role == "a" else items[1::2]
done = {"notes": [], "answers": [], "photos": [], "errors": []}
lock = threading.Lock()


def failed(exc: BaseException, what: str) -> None:
    with lock:
        done["errors"].append(f"{what}: {type(exc).__name__}: {exc}")


def import_photos() -> None:
    batch = 3
    for start in range(0, len(files), batch):
        if time.monotonic() > deadline:
            return
        chunk = files[start:start + batch]
        try:
            add_files_task(ws, audit_id, chunk, item_id=mine[start % len(mine)]).work(
                lambda done_, total: None)
        except Exception as exc:  # noqa: BLE001 - reported to the parent
            failed(exc, f"photo import {chunk}")
            continue
        with lock:
            done["photos"] += [Path(p).name for p in chunk]


importer = threading.Thread(target=import_photos)
importer.start()
n = 0
while time.monotonic() < deadline:
    item = mine[n % len(mine)]
    token = f"{role}{n}"
    try:
        if n % 2:
            ws.audits.set_note(audit_id, item, token)
            done["notes"].append([item, token])
        else:
            ws.audits.record_answer(audit_id, item, "observation", token)
            done["answers"].append([item, token])
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        failed(exc, f"op {token}")
    n += 1
importer.join()
ws.close()
Path(report).write_text(json.dumps(done))
