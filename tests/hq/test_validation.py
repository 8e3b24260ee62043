"""What a device pushes is checked before anything is stored (issue 15, points 3 and 6):
dates, years, enumerations, text sizes, NUL characters and nesting, on both databases, with
a 422 that names the field — never a 500, never a row that later breaks a page."""
from __future__ import annotations

import uuid

import httpx

from sva.hq import masterdata
from tests.hq.web import login, web_user

API = "/api/v1"


def client(hq, token) -> httpx.Client:
    return httpx.Client(base_url=hq.url + API, headers={"Authorization": f"Bearer {token}"},
                        trust_env=False, timeout=60)


def good_doc() -> dict:
    return {"id": str(uuid.uuid4()), "supplier_id": "x", "supplier_code": "S001",
            "site_id": "y", "template_ref": "svr@1", "kind": "svr",
            "planned_date": "2026-05-01", "status": "signed", "content_hash": "0" * 64,
            "started_at": "2026-05-01T09:00:00+09:00",
            "findings": [{"id": str(uuid.uuid4()), "area": "HR", "severity": "minor",
                          "status": "open", "due_date": "2026-06-30",
                          "observed": "exit blocked"}],
            "log": [{"seq": 1, "at": "2026-05-01T00:00:00Z", "actor": "a", "device": "d",
                     "action": "create", "entity": "audit", "entity_id": "x"}]}


def bad(path: str, value) -> dict:
    doc = good_doc()
    target = doc
    *parents, last = path.split(".")
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[last] = value
    return doc


BAD = [
    ("findings.0.due_date", "1999-99-99"),          # the value that made /caps answer 500
    ("findings.0.due_date", "2026-02-30"),
    ("findings.0.due_date", "1850-01-01"),          # out of the sane range of years
    ("planned_date", "3000-01-01"),
    ("planned_date", "tomorrow"),
    ("started_at", "2026-13-01T00:00:00Z"),
    ("kind", "audit<script>"),
    ("status", "archived"),
    ("findings.0.severity", "catastrophic"),
    ("findings.0.observed", "x" * 20001),
    ("findings.0.observed", "nul\x00inside"),        # PostgreSQL cannot store it, SQLite can
    ("site_name", "\x00"),
    ("template_ref", "../../etc/passwd"),
    ("log.0.changes", {"nested": {"deeper": [1, 2, 3]}}),
    ("log", [{"free": "form"}]),
]


def test_bad_documents_are_422_naming_the_field_and_store_nothing(hq):
    token, _ = hq.token_for("kai")
    masterdata.assign(hq.storage, "kai", "S001", "Kawasaki plant", kind="svr",
                      planned_date="2026-05-01")
    with client(hq, token) as c:
        for path, value in BAD:
            r = c.post("/audits", json=bad(path, value))
            assert r.status_code == 422, (path, r.status_code, r.text[:300])
            assert path.split(".")[0] in r.json()["detail"], (path, r.json())
        deep = good_doc()
        nested: list = []
        for _ in range(900):
            nested = [nested]
        deep["log"][0]["changes"] = nested                 # a 900-deep "log"
        r = c.post("/audits", json=deep)
        assert r.status_code == 422 and "nested deeper" in r.json()["detail"]
        r = c.post("/audits", content=b"[" * 200_000 + b"]" * 200_000,
                   headers={"Content-Type": "application/json"})
        assert r.status_code == 422
        with hq.storage.transaction(write=False) as tx:
            assert tx.scalar("SELECT COUNT(*) FROM audits") == 0
        assert c.post("/audits", json=good_doc()).status_code == 200


def test_cap_update_with_null_or_nul_is_422_on_both_databases(hq):
    token, _ = hq.token_for("kai")
    masterdata.assign(hq.storage, "kai", "S001", "Kawasaki plant", kind="svr",
                      planned_date="2026-05-01")
    boss, _ = hq.token_for("boss", role="manager")
    doc = good_doc()
    finding = doc["findings"][0]["id"]
    with client(hq, token) as c:
        c.post("/audits", json=doc).raise_for_status()
    with client(hq, boss) as c:
        for body in ({"root_cause": None}, {"responsible": None},
                     {"supplier_comment": None, "status": "cap_submitted"},
                     {"root_cause": "a\x00b"}, {"verified_at": "1999-99-99"},
                     {"planned_date": "2026-02-30"}):
            r = c.patch(f"/findings/{finding}", json=body)
            assert r.status_code == 422, (body, r.status_code, r.text[:200])
            assert list(body)[0] in r.json()["detail"]
        r = c.patch(f"/findings/{finding}", json={"root_cause": "", "responsible": "Ms Ito"})
        assert r.status_code == 200 and r.json()["responsible"] == "Ms Ito"
    # a NUL where no model looks (the dashboard's search) gives no 500 on either database
    web_user(hq, "mgr")
    with login(hq.url, "mgr") as web:
        r = web.get("/dashboard/suppliers", params={"q": "a\x00b"})
        assert r.status_code == 200 and "mgr" in r.text


def test_openapi_documents_the_error_answers(hq):
    spec = httpx.get(hq.url + API + "/openapi.json", trust_env=False).json()
    push = spec["paths"]["/api/v1/audits"]["post"]["responses"]
    assert {"200", "401", "403", "413", "422"} <= set(push)
    put = spec["paths"]["/api/v1/blobs/{sha256}"]["put"]["responses"]
    assert {"200", "201", "401", "404", "409", "413", "422"} <= set(put)
    assert "404" in spec["paths"]["/api/v1/findings/{finding_id}"]["patch"]["responses"]
    schemas = spec["components"]["schemas"]
    assert schemas["ErrorBody"]["required"] == ["detail"]
    assert {"detail", "field", "errors"} <= set(schemas["InvalidBody"]["properties"])
    ref = push["422"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/InvalidBody")
