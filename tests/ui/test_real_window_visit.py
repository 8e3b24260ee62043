"""A whole SVR visit in the real app, in a real X window (Xvfb 1366×768 + openbox), driven by
real key presses and mouse strokes through xdotool: from the list at start, Start visit, every
item answered, a nonconformity turned into a finding with a photo, Complete, both signatures
drawn, Sign and lock, quit. A second process then reads what was stored.

The keys and actions are counted (printed, and written next to the screenshots) — the closing
note of a session quotes them. Screenshots of each stage are kept in the test's folder.
"""
from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from sva.domain.relevance import hidden_items
from sva.workspace import Workspace
from tests.ui.xsession import missing_tools, x_session

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(bool(missing_tools()) and not os.environ.get("CI"),
                                 reason=f"needs {', '.join(missing_tools())} (make apt)")]

NONCONFORMITY_ITEM = "SVR-HR-01"      # photo required on a nonconformity
OBSERVED = "Passports of 3 workers kept in the office safe"


def make_store(folder: Path) -> tuple[str, object]:
    ws = Workspace(folder)
    try:
        ws.templates.install_shipped()
        sid = ws.suppliers.add(code="S001", name_en="Kanto Parts Co., Ltd.",
                               name_ja="関東部品株式会社", country="JP", annual_spend=1_000_000)
        site = ws.suppliers.add_site(sid, name="Kawasaki plant", country="JP",
                                     timezone="Asia/Tokyo", contact_name="Ken Ito")
        audit = ws.audits.create(supplier_id=sid, site_id=site,
                                 template_ref=ws.templates.latest("svr"),
                                 planned_date=time.strftime("%Y-%m-%d"),
                                 auditors=["Haruka Sato"])
        return audit, ws.audits.template_of(ws.audits.audit(audit))
    finally:
        ws.close()


# Window titles the script waits for, per interface language.
TITLES = {
    "en": {"main": "SVA — Supplier Visit Audits", "start": "Start visit",
           "finding": "New finding", "photos": "Add photos", "sign": "Sign the audit"},
    "ja": {"main": "SVA — サプライヤー訪問監査", "start": "訪問を開始",
           "finding": "新しい指摘事項", "photos": "写真を追加", "sign": "監査への署名"},
}


def write_settings(home: Path, lang: str) -> None:
    """What the auditor set in Settings once (read by the app at start, as after a restart)."""
    conf = home / ".config" / "SVA"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "SVA.conf").write_text(f"[preferences]\nlanguage={lang}\nauditor_name=Haruka Sato\n"
                                   "organisation=Buyer Procurement\n", "utf-8")


def evidence_photo(path: Path) -> Path:
    image = Image.new("RGB", (1600, 1200), "#7a8c99")
    for x in range(200, 600):
        for y in range(300, 340):
            image.putpixel((x, y), (200, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_whole_svr_visit_in_the_real_window(tmp_path, lang):
    data, home = tmp_path / "data", tmp_path / "home"
    home.mkdir()
    audit_id, template = make_store(data)
    items = list(template.items.values())
    write_settings(home, lang)
    title = TITLES[lang]
    photo = evidence_photo(tmp_path / "passports.jpg")
    shots = tmp_path / "shots"
    shots.mkdir()
    counts: dict[str, int] = {}

    with x_session(home) as x:
        x.launch("--data-dir", str(data))
        x.wait_window(title["main"])
        time.sleep(1.5)                                  # the list fills after the first frame
        x.screenshot(shots / "01-list.png")

        x.key("Return")                                  # the planned visit, first in the list
        time.sleep(1.5)
        x.key("ctrl+shift+t")                            # Start visit…
        x.wait_active(title["start"])
        x.screenshot(shots / "02-start.png")
        x.key("Return")                                  # today, confirmed
        time.sleep(0.8)
        start_keys = x.keys_sent
        counts["start_keys"] = start_keys                # open from the list + Start visit

        keyed: dict[str, dict] = {}      # what the keys answered: the checklist's rules follow it
        for item in items:
            if item.id in hidden_items(template, keyed):
                continue                                 # a rule skips it (no young workers)
            keyed[item.id] = {"result": "conforms"}
            if item.id == NONCONFORMITY_ITEM:
                finding_start, typed_start = x.keys_sent, x.typed
                x.key("2")                               # nonconformity: stays on the item
                x.key("f")                               # new finding, prefilled
                x.wait_active(title["finding"])
                x.type(OBSERVED)
                x.screenshot(shots / "03-finding.png")
                x.key("ctrl+Return")
                time.sleep(0.6)
                x.key("p")                               # add a photo to the item
                x.wait_active(title["photos"])
                x.type(str(photo))
                x.key("Return")
                time.sleep(2.5)                          # imported in a worker
                counts["nonconformity_to_finding_with_photo_keys"] = x.keys_sent - finding_start
                counts["nonconformity_to_finding_with_photo_typed"] = x.typed - typed_start
                x.key("Down")                            # on to the next item
            elif item.answer == "number":
                x.key("0", "Return")
                keyed[item.id] = {"result": "0"}
            elif item.answer == "text":
                x.key("Return")
                x.type("seen")
                x.key("Return")
            else:
                x.key("1")                               # conforms / yes / first choice
                if item.answer == "choice":
                    keyed[item.id] = {"result": item.choices[0][0]}
        counts["answer_keys"] = x.keys_sent - start_keys
        time.sleep(0.5)
        x.screenshot(shots / "04-answered.png")

        complete_start = x.keys_sent
        x.key("ctrl+shift+d")                            # Complete
        time.sleep(1.0)
        x.screenshot(shots / "05-completed.png")
        x.key("ctrl+shift+g")                            # Sign…
        dialog = x.wait_window(title["sign"])
        time.sleep(0.5)
        left, top, width, height = x.window_geometry(dialog)
        x.screenshot(shots / "06-sign-empty.png")
        for side in (0.25, 0.75):                        # auditor's pad, supplier's pad
            cx, cy = left + int(width * side), top + int(height * 0.58)
            x.stroke([(cx - 120 + 12 * n, cy + (18 if n % 2 else -18)) for n in range(21)])
        x.type("Production manager")                     # the keyboard starts in the role
        x.screenshot(shots / "07-sign-drawn.png")
        x.key("Return")                                  # Sign and lock
        time.sleep(1.0)
        x.screenshot(shots / "08-signed.png")
        counts["complete_and_sign_keys"] = x.keys_sent - complete_start
        counts["sign_strokes"] = x.actions
        assert x.app.poll() is None, x.app.stderr.read().decode()[-3000:]

        x.key("ctrl+q")
        assert x.app.wait(timeout=30) == 0
    counts["total_keys"] = x.keys_sent              # Ctrl+Q included
    counts["total_typed_characters"] = x.typed
    counts["items"] = len(items)
    counts["not_applicable_by_rule"] = len(hidden_items(template, keyed))
    (shots / "counts.json").write_text(json.dumps(counts, indent=2))
    print(f"real-window visit ({lang}):", json.dumps(counts))

    with Workspace(data) as stored:
        audit = stored.audits.audit(audit_id)
        answers = stored.audits.answers(audit_id)
        findings = stored.findings.of_audit(audit_id)
        assert audit["status"] == "signed", audit["status"]
        signers = [(s["signer_name"], s["role"], s["organisation"])
                   for s in stored.audits.signatures(audit_id)]
        supplier = {"en": "Kanto Parts Co., Ltd.", "ja": "関東部品株式会社"}[lang]
        role = {"en": "Auditor", "ja": "監査員"}[lang]
        assert signers == [("Haruka Sato", role, "Buyer Procurement"),
                           ("Ken Ito", "Production manager", supplier)]
        hidden = stored.audits.hidden(audit_id)
        assert set(hidden) == {"SVR-HR-05", "SVR-HR-05A"}         # no workers under 18
        assert all(answers.get(i.id, {}).get("result") for i in items
                   if i.required and i.id not in hidden)
        assert answers[NONCONFORMITY_ITEM]["result"] == "nonconformity"
        assert [f["observed"] for f in findings] == [OBSERVED]
        assert findings[0]["item_id"] == NONCONFORMITY_ITEM
        photos = stored.photos.of_audit(audit_id)
        assert len(photos) == 1 and photos[0]["item_id"] == NONCONFORMITY_ITEM
