"""Dashboard helpers for tests against a real server: a web user and a logged-in client."""
from __future__ import annotations

import re
from contextlib import contextmanager

import httpx

from sva.hq import accounts
from sva.hq.web.auth import set_password

PASSWORD = "correct-horse-battery"


def web_user(hq, name: str, role: str = "manager", password: str = PASSWORD) -> str:
    accounts.add_user(hq.storage, name, role)
    set_password(hq.storage, name, password)
    return password


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


@contextmanager
def login(url: str, name: str, password: str = PASSWORD, **kw):
    """A client with a dashboard session (the login form's CSRF token and cookie first)."""
    with httpx.Client(base_url=url, trust_env=False, timeout=30, **kw) as c:
        token = csrf_of(c.get("/dashboard/login").text)
        r = c.post("/dashboard/login", data={"name": name, "password": password,
                                             "csrf": token, "next": "/dashboard/"})
        assert r.status_code == 303, r.text
        yield c
