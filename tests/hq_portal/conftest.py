"""Portal tests: the HQ app in process (Starlette's TestClient) over a real database, SQLite
or a fresh PostgreSQL database in the throwaway cluster of tests/hq (every test runs on both),
with four registered suppliers; helpers to invite a contact and log in as it."""
from __future__ import annotations

import re
import warnings

import pytest

from sva.hq.app import create_app
from sva.hq.portal import contacts
from sva.hq.programme_store import import_registry
from sva.hq.storage import open_storage
from tests.hq.conftest import device, hq, hq_db, memory_keyring, pg_cluster  # noqa: F401
from tests.hq_programme.conftest import REGISTRY_HEADER, write_csv

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "kiwi-orbit-lantern-42"
SUPPLIERS = [
    ["S001", "Kanto Parts Co.", "関東部品", "JP", "IT services", "900000000", "1", "0", "0",
     "", ""],
    ["S002", "Penang Circuits", "", "MY", "Electronics", "5000000", "0", "0", "0", "", ""],
    ["S003", "Ohio Cables", "", "US", "Electronics", "70000000", "0", "1", "0", "", ""],
    ["S004", "Osaka Logistics", "大阪物流", "JP", "Logistics", "100000", "0", "0", "0", "", ""],
]


@pytest.fixture
def storage(tmp_path, hq_db):  # noqa: F811
    st = open_storage(tmp_path / "hq", hq_db.url)
    import_registry(st, write_csv(tmp_path / "registry.csv", REGISTRY_HEADER, SUPPLIERS))
    yield st
    st.close()


@pytest.fixture
def app(storage):
    return create_app(storage)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def token_of(link: str) -> str:
    """The one-time token of an invitation link."""
    from urllib.parse import parse_qs, urlsplit
    return parse_qs(urlsplit(link).query)["t"][0]


def contact(storage, code: str, email: str, *, primary: bool = True, lang: str = "en") -> str:
    """Invite a contact and spend its link directly; returns the contact id."""
    contact_id, link = contacts.invite(storage, code, email, name=email.split("@")[0],
                                       lang=lang, primary=primary, actor="test")
    contacts.accept_invite(storage, token_of(link), PASSWORD)
    return contact_id


def portal_client(app, email: str | None = None) -> TestClient:
    c = TestClient(app)
    if email:
        token = csrf_of(c.get("/portal/login").text)
        r = c.post("/portal/login", data={"email": email, "password": PASSWORD, "csrf": token},
                   follow_redirects=False)
        assert r.status_code == 303 and "sva_portal" in r.cookies, r.text
    return c


def post(c: TestClient, page: str, action: str, data: dict | None = None, **kw):
    """Post a form as the browser would: the CSRF field of `page`'s forms with it."""
    return c.post(action, data={"csrf": csrf_of(c.get(page).text), **(data or {})},
                  follow_redirects=False, **kw)


def staff_client(app, storage, name: str = "mgr", role: str = "manager") -> TestClient:
    """A dashboard session of an HQ manager (the staff login)."""
    from sva.hq import accounts
    from sva.hq.web.auth import set_password
    accounts.add_user(storage, name, role)
    set_password(storage, name, PASSWORD)
    c = TestClient(app)
    r = post(c, "/dashboard/login", "/dashboard/login",
             {"name": name, "password": PASSWORD, "next": "/dashboard/"})
    assert r.status_code == 303, r.text
    return c


def launch_infosec(storage, codes=("S001",), due="2026-09-30") -> dict:
    """An infosec campaign to `codes`; returns {code: request id}."""
    from sva.hq.portal import campaigns
    campaigns.launch(storage, fy=2026, questionnaire="infosec", due=due,
                     t=campaigns.Targets(codes=tuple(codes)), actor="test")
    with storage.transaction(write=False) as tx:
        return {r["code"]: r["id"] for r in tx.all(
            "SELECT r.id, s.code FROM portal_requests r JOIN suppliers s "
            "ON s.id = r.supplier_id")}


ALL_YES = {"IS-LAB-01": "yes", "IS-DSP-01": "yes", "IS-ACC-01": "yes", "IS-STF-01": "yes",
           "IS-STF-02": "12", "IS-OUT-01": "na", "IS-INC-01": "yes"}
