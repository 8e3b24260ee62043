"""Shared fixtures: a fresh workspace on a real SQLite file in tmp_path."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No keyring unless a test installs one (tests/keyrings.py): the same on every machine, and a
# developer's real keyring never receives test keys. A new data folder is then plain.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import pytest  # noqa: E402

from sva.workspace import Workspace  # noqa: E402

PNG_1x1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f6"
    "5b4b0000000049454e44ae426082")


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace(tmp_path / "ws")
    workspace.templates.install_shipped()
    yield workspace
    workspace.close()


@pytest.fixture
def supplier(ws):
    sid = ws.suppliers.add(code="S001", name_en="Kanto Parts Co., Ltd.",
                           name_ja="関東部品株式会社", country="JP", annual_spend=1_000_000)
    site = ws.suppliers.add_site(sid, name="Kawasaki plant", country="JP", timezone="Asia/Tokyo")
    return {"id": sid, "site": site}


@pytest.fixture
def planned_audit(ws, supplier):
    """An SVR visit as HQ plans it: nothing may be recorded until the visit is started."""
    return ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                            template_ref=ws.templates.latest("svr"), planned_date="2026-05-12",
                            auditors=["Haruka Sato"])


@pytest.fixture
def audit(ws, planned_audit):
    """The same visit, started today at the site: ready for answers and findings."""
    return start(ws, planned_audit)


def start(ws, audit_id):
    """Start a planned visit (today at the site), as the auditor does before answering."""
    if ws.audits.audit(audit_id)["status"] == "planned":
        ws.audits.start(audit_id)
    return audit_id


def answer_all(ws, audit_id, result="conforms"):
    start(ws, audit_id)
    template = ws.audits.template_of(ws.audits.audit(audit_id))
    for item in template.items.values():
        ws.audits.record_answer(audit_id, item.id, _default(item, result))


def _default(item, result):
    return {"conformity": result, "yes_no": "yes", "number": "0", "text": "seen",
            "choice": item.choices[0][0] if item.choices else ""}[item.answer]


def log_count(ws):
    return ws.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
