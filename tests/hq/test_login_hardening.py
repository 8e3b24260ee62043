"""Login hardening on a real server (issue 15, point 5): CSRF on login and logout, strict
cookies, sessions that end at HQ, HSTS over TLS (direct or behind a trusted proxy), a
password policy, and `sva-hq user disable|enable|remove`."""
from __future__ import annotations

import datetime
import subprocess
import sys

import httpx
import pytest

from sva.hq import masterdata
from tests.hq.conftest import HQ, ROOT
from tests.hq.web import PASSWORD, csrf_of, login, web_user


def hq_cli(*args, stdin: str | None = None):
    return subprocess.run([sys.executable, "-m", "sva.cli.hq", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, input=stdin)


def signed_in(client: httpx.Client) -> bool:
    r = client.get("/dashboard/caps")
    return r.status_code == 200 and 'name="password"' not in r.text


def test_forms_need_their_csrf_token(hq):
    web_user(hq, "mgr")
    with httpx.Client(base_url=hq.url, trust_env=False) as c:
        token = csrf_of(c.get("/dashboard/login").text)
        cookie = c.cookies["sva_csrf"]
        form = {"name": "mgr", "password": PASSWORD, "next": "/dashboard/"}
        r = c.post("/dashboard/login", data=form)                        # no token
        assert r.status_code == 403 and "did not come from SVA HQ" in r.text
        r = c.post("/dashboard/login", data={**form, "csrf": "0" * 64})
        assert r.status_code == 403
        r = c.post("/dashboard/login", data={**form, "csrf": token},
                   headers={"Origin": "http://evil.example"})             # another site
        assert r.status_code == 403
        r = c.post("/dashboard/login", data={**form, "csrf": token},
                   headers={"Sec-Fetch-Site": "cross-site"})
        assert r.status_code == 403
    with httpx.Client(base_url=hq.url, trust_env=False, cookies={"sva_csrf": cookie + "x"}) \
            as other:                                                   # another browser's
        assert other.post("/dashboard/login", data={**form, "csrf": token}).status_code == 403
    with login(hq.url, "mgr") as c:
        assert c.post("/dashboard/logout", data={}).status_code == 403
        assert signed_in(c)


def test_cookies_are_strict_and_logout_ends_the_session_at_hq(hq):
    web_user(hq, "mgr")
    with httpx.Client(base_url=hq.url, trust_env=False) as c:
        page = c.get("/dashboard/login")
        assert "samesite=strict" in page.headers["set-cookie"].lower()
        r = c.post("/dashboard/login", data={"name": "mgr", "password": PASSWORD,
                                             "csrf": csrf_of(page.text)})
        assert r.status_code == 303
        session = next(h for h in r.headers.get_list("set-cookie")
                       if h.startswith("sva_session="))
        assert "httponly" in session.lower() and "samesite=strict" in session.lower()
        assert "secure" not in session.lower()                    # plain HTTP here
        copied = c.cookies["sva_session"]
        assert signed_in(c)
        token = csrf_of(c.get("/dashboard/caps").text)
        assert c.post("/dashboard/logout", data={"csrf": token}).status_code == 303
    with httpx.Client(base_url=hq.url, trust_env=False, cookies={"sva_session": copied}) as c:
        assert not signed_in(c)                        # the copied cookie is worth nothing
    with hq.storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM web_sessions WHERE ended_at IS NULL") == 0
        assert copied not in str(tx.all("SELECT * FROM web_sessions"))   # only its hash


def _self_signed(folder) -> tuple[str, str]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    import ipaddress
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "hq.crt", folder / "hq.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


@pytest.mark.parametrize("how", ["tls", "trusted-proxy", "untrusted-proxy"])
def test_hsts_and_secure_cookies_over_tls(tmp_path, how):
    server = HQ(tmp_path / "hq")
    headers = {}
    if how == "tls":
        cert, key = _self_signed(tmp_path)
        server.extra_args = ["--tls-cert", cert, "--tls-key", key]
        server.url = server.url.replace("http://", "https://")
    else:           # a reverse proxy that ended TLS says so in X-Forwarded-Proto
        headers = {"X-Forwarded-Proto": "https"}
        if how == "trusted-proxy":
            server.extra_args = ["--proxy-headers", "--forwarded-allow-ips", "127.0.0.1"]
    server.start()
    try:
        web_user(server, "mgr")
        with httpx.Client(base_url=server.url, verify=False, trust_env=False,
                          headers=headers) as c:
            page = c.get("/dashboard/login")
            # the browser talks TLS to the proxy and sends its secure cookie; this client
            # talks plain HTTP to HQ behind it, so it is handed over explicitly
            value = page.cookies["sva_csrf"]
            c.cookies.clear()
            c.cookies.set("sva_csrf", value)
            r = c.post("/dashboard/login", data={"name": "mgr", "password": PASSWORD,
                                                 "csrf": csrf_of(page.text)})
    finally:
        server.stop()
    over_tls = how != "untrusted-proxy"
    for response in (page, r):
        assert ("strict-transport-security" in response.headers) is over_tls
    assert page.headers["strict-transport-security" if over_tls else "x-frame-options"]
    assert r.status_code == 303
    cookies = r.headers.get_list("set-cookie")
    session = next(h for h in cookies if h.startswith("sva_session="))
    assert ("; secure" in session.lower()) is over_tls
    assert ("; secure" in page.headers["set-cookie"].lower()) is over_tls


def test_serve_refuses_half_a_tls_configuration(tmp_path):
    out = hq_cli("serve", "--data-dir", tmp_path / "hq", "--tls-cert", tmp_path / "x.pem")
    assert out.returncode == 2 and "--tls-key" in out.stderr
    (tmp_path / "x.pem").write_text("not a certificate")
    out = hq_cli("serve", "--data-dir", tmp_path / "hq", "--tls-cert", tmp_path / "x.pem",
                 "--tls-key", tmp_path / "x.pem")
    assert out.returncode == 2 and "do not load" in out.stderr


@pytest.mark.parametrize("password, words", [
    ("short-pw", "at least 12"),
    ("aaaaaaaaaaaaaaaa", "one character"),
    ("haruka", "at least 12"),
    ("HarukaHaruka", "user name"),
    ("haruka2024!!!", "user name"),
    ("Password1234", "most common"),
    ("123456789012", "most common"),
    ("abcdefghijklm", "plain run"),
])
def test_password_policy(tmp_path, password, words):
    d = tmp_path / "hq"
    assert hq_cli("user", "add", "haruka", "--role", "manager", "--data-dir", d).returncode == 0
    out = hq_cli("user", "passwd", "haruka", "--password-stdin", "--data-dir", d,
                 stdin=password + "\n")
    assert out.returncode == 2 and words in out.stderr, out.stderr
    out = hq_cli("user", "passwd", "haruka", "--password-stdin", "--data-dir", d,
                 stdin="plum blossoms in march\n")
    assert out.returncode == 0, out.stderr


def test_disable_enable_and_remove_users(hq):
    args = ["--data-dir", hq.folder, *(hq.db.args if hq.db else [])]
    token, _ = hq.token_for("kai")
    masterdata.assign(hq.storage, "kai", "S001", "Kawasaki plant", kind="svr",
                      planned_date="2026-05-01")
    web_user(hq, "kai-web", role="auditor")
    api = httpx.Client(base_url=hq.url + "/api/v1", trust_env=False,
                       headers={"Authorization": f"Bearer {token}"})
    with api, login(hq.url, "kai-web") as web:
        assert api.get("/pull").status_code == 200 and signed_in(web)
        assert hq_cli("user", "disable", "kai", *args).returncode == 0
        assert hq_cli("user", "disable", "kai-web", *args).returncode == 0
        assert api.get("/pull").status_code == 401 and not signed_in(web)
        assert hq_cli("user", "enable", "kai", *args).returncode == 0
        assert api.get("/pull").status_code == 200
        out = hq_cli("user", "remove", "kai", *args)                # has an assignment
        assert out.returncode == 0 and "stays (disabled)" in out.stdout
        assert api.get("/pull").status_code == 401
        assert hq_cli("user", "enable", "kai", *args).returncode == 0
        assert api.get("/pull").status_code == 401                  # its devices were revoked
    out = hq_cli("user", "remove", "kai-web", *args)                # nothing to keep
    assert out.returncode == 0 and "removed" in out.stdout
    listed = hq_cli("user", "list", *args).stdout
    assert "kai-web" not in listed and "kai" in listed
    assert hq_cli("user", "disable", "nobody", *args).returncode == 2
