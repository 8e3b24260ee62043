"""The isolation matrix: supplier A's contact on every portal route with supplier B's ids
(request, evidence, CAP finding, its photo) gets the very page an unknown id gets — 404,
nothing of B in it — and B's data stays as it was. SQLite and PostgreSQL."""
from __future__ import annotations

import io
import uuid

import pytest
from PIL import Image

from sva.hq.portal import answers, campaigns, evidence
from tests.hq_portal.cap_audit import signed_audit
from tests.hq_portal.conftest import contact, csrf_of, portal_client


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    return out.getvalue()


ROUTES = [
    ("get", "/portal/requests/{rid}"),
    ("get", "/portal/requests/{rid}/review"),
    ("post", "/portal/requests/{rid}/save"),
    ("post", "/portal/requests/{rid}/submit"),
    ("upload", "/portal/upload/{rid}/IS-LAB-02"),
    ("get", "/portal/evidence/{eid}"),
    ("post", "/portal/caps/{fid}"),
    ("upload", "/portal/caps/{fid}/upload"),
    ("get", "/portal/cap-photos/{fid}/{sha}"),
]


@pytest.fixture
def two_suppliers(storage):
    contact(storage, "S001", "a@kanto.example")
    b_id = contact(storage, "S002", "b@penang.example")
    campaigns.launch(storage, fy=2026, questionnaire="infosec", due="2026-09-30",
                     t=campaigns.Targets(codes=("S001", "S002")), actor="t")
    with storage.transaction(write=False) as tx:
        b = tx.one("SELECT * FROM portal_contacts WHERE id = ?", (b_id,))
        b_request = tx.scalar("SELECT id FROM portal_requests WHERE supplier_id = ?",
                              (b["supplier_id"],))
    answers.save(storage, b, b_request, {"IS-LAB-01": "no", "IS-NOTE": "Penang secret note"})
    b_evidence = evidence.add(storage, b, b_request, "IS-LAB-02", "penang-rule.png", png())
    b_cap = signed_audit(storage, "S002")          # a CAP finding of B's with a photo
    return b_request, b_evidence, b_cap


def _call(c, kind, path):
    token = csrf_of(c.get("/portal/").text)
    if kind == "get":
        return c.get(path, follow_redirects=False)
    if kind == "upload":
        return c.post(path, data={"csrf": token}, files={"file": ("x.png", png(), "image/png")},
                      follow_redirects=False)
    return c.post(path, data={"csrf": token, "a:IS-LAB-01": "yes"}, follow_redirects=False)


@pytest.mark.parametrize("kind,route", ROUTES)
def test_another_suppliers_ids_answer_like_unknown_ones(storage, app, two_suppliers, kind,
                                                        route):
    b_request, b_evidence, b_cap = two_suppliers
    c = portal_client(app, "a@kanto.example")
    theirs = _call(c, kind, route.format(rid=b_request, eid=b_evidence,
                                         fid=b_cap["finding_id"], sha=b_cap["rendered"]))
    unknown = _call(c, kind, route.format(rid=uuid.uuid4(), eid=uuid.uuid4(),
                                          fid=uuid.uuid4(), sha="0" * 64))
    assert theirs.status_code == unknown.status_code == 404
    assert theirs.text == unknown.text
    assert "Penang" not in theirs.text and "penang" not in theirs.text
    with storage.transaction(write=False) as tx:
        assert answers.answers_of(tx, b_request) == {"IS-LAB-01": "no",
                                                      "IS-NOTE": "Penang secret note"}
        assert tx.scalar("SELECT COUNT(*) FROM portal_evidence") == 1
        assert tx.scalar("SELECT status FROM portal_requests WHERE id = ?",
                         (b_request,)) == "in_progress"


def test_the_home_page_lists_only_the_own_suppliers_questionnaires(storage, app,
                                                                   two_suppliers):
    b_request, _, _ = two_suppliers
    home = portal_client(app, "a@kanto.example").get("/portal/").text
    assert home.count('class="request"') == 1 and b_request not in home


@pytest.mark.parametrize("path", ["/portal/", "/portal/requests/{rid}",
                                  "/portal/evidence/{eid}"])
def test_anonymous_visitors_get_the_login_page(storage, app, two_suppliers, path):
    b_request, b_evidence, _ = two_suppliers
    r = portal_client(app).get(path.format(rid=b_request, eid=b_evidence),
                               follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/portal/login"
