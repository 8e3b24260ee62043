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


@pytest.fixture
def capped(ws, audit):
    """An audit with two minor findings and an observation, completed and signed."""
    from tests.conftest import PNG_1x1, answer_all
    answer_all(ws, audit)
    ws.findings.add(audit, area="ISEC", severity="minor", requirement="Label confidential items",
                    observed="Drawings without labels")
    ws.findings.add(audit, area="HR", severity="minor", requirement="Working-hour records",
                    observed="Overtime not recorded")
    ws.findings.add(audit, area="ENV", severity="observation", requirement="Waste area",
                    observed="Bins could be labelled better")
    ws.audits.complete(audit)
    ws.audits.sign(audit, signer_name="Haruka Sato", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    return audit
