"""Fixtures for the report tests: one demo data set per module, plus helpers to read PDFs."""
from __future__ import annotations

import pytest

from sva.demo import build_demo
from sva.workspace import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder, seed=1)
    workspace = Workspace(folder)
    yield workspace
    workspace.close()


def _pick(ws, statuses):
    """The audit in `statuses` with the most photos, then findings."""
    rows = [a for a in ws.queries.audits() if a["status"] in statuses]
    return max(rows, key=lambda a: (len(ws.photos.of_audit(a["id"])), a["findings"]))["id"]


@pytest.fixture(scope="module")
def signed_id(demo):
    return _pick(demo, ("signed", "synced"))


@pytest.fixture(scope="module")
def draft_id(demo):
    return _pick(demo, ("completed",))
