"""`sva-hq`: the headquarters command line (server, users and devices, master data).

Every subcommand takes `--data-dir D` (or $SVA_HQ_HOME) and `--db URL` (or $SVA_HQ_DB;
default: the SQLite file in the data folder). Bad input exits 2, other failures 1.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from sva import __version__
from sva.cli.common import Parser, data_dir_parent, dispatch, register_modules
from sva.errors import BadInput
from sva.vocabulary import AUDIT_KINDS, FINDING_STATUSES, ROLES, VERIFICATION_METHODS


# Modules that add their own subcommands: each has `register(subparsers, common_parent)`.
COMMAND_MODULES: list[str] = ["sva.cli.hq_programme", "sva.cli.hq_plans", "sva.cli.hq_bundle",
                               "sva.cli.hq_security", "sva.cli.hq_backup",
                               "sva.cli.hq_programmes", "sva.cli.hq_portal"]


def _common() -> argparse.ArgumentParser:
    parent = data_dir_parent("SVA_HQ_HOME")
    parent.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="postgresql://… (default: $SVA_HQ_DB, else SQLite in the data folder)")
    parent.add_argument("--by", metavar="NAME", default=argparse.SUPPRESS,
                        help="the HQ user doing this, recorded in the event log (default: "
                             "$SVA_HQ_USER, else os:<login name>)")
    return parent


def actor(args) -> str:
    """Who a command is done by, for the event log: --by, $SVA_HQ_USER, else the login name
    of the person at the terminal (marked os:), never a made-up 'admin'."""
    import getpass
    named = (getattr(args, "by", None) or os.environ.get("SVA_HQ_USER") or "").strip()
    if named:
        return named
    try:
        return f"os:{getpass.getuser()}"
    except (KeyError, OSError):
        return "os:unknown"


def _storage(args):
    from sva.hq.storage import open_storage
    return open_storage(getattr(args, "data_dir", None),
                        getattr(args, "db", None) or os.environ.get("SVA_HQ_DB"))


def cmd_serve(args) -> int:
    import uvicorn

    from sva.hq.app import create_app
    tls = _tls(args)
    storage = _storage(args)
    scheme = "https" if tls else "http"
    trusted = args.forwarded_allow_ips if args.proxy_headers else None
    print(f"SVA HQ {__version__} on {scheme}://{args.host}:{args.port}/api/v1 "
          f"({storage.describe()}, blobs in {storage.blob_dir})"
          + (f"; trusting forwarded headers from {trusted}" if trusted else ""),
          file=sys.stderr, flush=True)
    if getattr(args, "smtp", None):         # supplier-portal mail (issue 17), off the requests
        from sva.hq.portal import sender
        sender.start(storage, args.smtp, interval=args.mail_interval)
    # Forwarded headers (client address, https) are believed only from the proxies named:
    # otherwise anyone could claim another address to dodge the login throttle.
    uvicorn.run(create_app(storage), host=args.host, port=args.port, log_level=args.log_level,
                access_log=False,   # the access log would be one more place a URL could leak
                proxy_headers=bool(args.proxy_headers),
                forwarded_allow_ips=trusted or "", server_header=False, **tls)
    return 0


def _tls(args) -> dict:
    """uvicorn's TLS arguments from --tls-cert/--tls-key (both or neither, both readable)."""
    cert, key = args.tls_cert, args.tls_key
    if bool(cert) != bool(key):
        raise BadInput("give both --tls-cert and --tls-key (or neither)",
                       field="--tls-cert" if key else "--tls-key")
    if not cert:
        return {}
    for option, path in (("--tls-cert", cert), ("--tls-key", key)):
        if not os.path.isfile(path) or not os.access(path, os.R_OK):
            raise BadInput(f"{path} is not a readable file", field=option)
    import ssl
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (ssl.SSLError, ValueError) as exc:
        raise BadInput(f"the certificate and key do not load together ({exc})",
                       field="--tls-cert") from None
    return {"ssl_certfile": cert, "ssl_keyfile": key}


def cmd_user_add(args) -> int:
    from sva.hq.accounts import add_user
    user_id = add_user(_storage(args), args.name, args.role, actor=actor(args))
    print(f"user {args.name} ({args.role}) added: {user_id}")
    return 0


def cmd_user_list(args) -> int:
    storage = _storage(args)
    with storage.transaction(write=False) as tx:
        rows = tx.all("SELECT id, name, role, created_at, disabled FROM users ORDER BY name")
    for r in rows:
        print(f"{r['id']}  {r['role']:8}  {r['name']}" + ("  (disabled)" if r["disabled"] else ""))
    return 0


def cmd_enrol_code(args) -> int:
    from datetime import timedelta

    from sva.hq.accounts import new_enrol_code
    if args.hours <= 0 or args.hours > 24 * 30:
        raise BadInput("--hours must be between 1 and 720", field="--hours")
    code, expires = new_enrol_code(_storage(args), args.user, ttl=timedelta(hours=args.hours),
                                   actor=actor(args))
    print(f"enrolment code for {args.user}: {code}")
    print(f"valid once, until {expires}")
    return 0


def cmd_device_revoke(args) -> int:
    from sva.hq.accounts import revoke_device
    revoke_device(_storage(args), args.device, actor=actor(args))
    print(f"device {args.device} revoked")
    return 0


def cmd_device_list(args) -> int:
    from sva.hq.accounts import list_devices
    for d in list_devices(_storage(args)):
        state = f"revoked {d['revoked_at']}" if d["revoked_at"] else "active"
        print(f"{d['id']}  {d['user_name']:20}  {d['name'] or '-':20}  {state}")
    return 0


def cmd_checklist_publish(args) -> int:
    from sva.hq.masterdata import publish_checklist
    for path in args.files:
        print(f"published {publish_checklist(_storage(args), path, actor=actor(args))}")
    return 0


def cmd_assign(args) -> int:
    from sva.hq.masterdata import assign
    assignment = assign(_storage(args), args.auditor, args.supplier, args.site, kind=args.kind,
                        planned_date=args.date, actor=actor(args))
    print(f"assignment {assignment}: {args.auditor} visits {args.supplier} / {args.site} "
          f"on {args.date} ({args.kind})")
    return 0


def cmd_finding_update(args) -> int:
    from sva.hq.audits import Missing, update_cap
    fields = {k: getattr(args, k) for k in ("status", "rejection_reason", "verification_method",
                                            "verified_at", "supplier_comment")
              if getattr(args, k) is not None}
    if not fields:
        raise BadInput("nothing to change: give --status or another field", field="finding")
    try:
        row = update_cap(_storage(args), actor(args), args.finding, fields)
    except Missing:
        raise BadInput(f"no finding with id {args.finding}", field="finding") from None
    print(json.dumps(row, ensure_ascii=False, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = Parser(prog="sva-hq", parents=[data_dir_parent("SVA_HQ_HOME", top=True)],
                    description="SVA headquarters: server, users, devices and master data.")
    parser.add_argument("--version", action="version", version=f"sva-hq {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    p = sub.add_parser("serve", parents=[common], help="run the HQ server (uvicorn)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--log-level", default="warning",
                   choices=["critical", "error", "warning", "info", "debug"])
    p.add_argument("--tls-cert", metavar="PEM", help="serve HTTPS with this certificate "
                   "(chain) file; needs --tls-key")
    p.add_argument("--tls-key", metavar="PEM", help="the private key of --tls-cert")
    p.add_argument("--proxy-headers", action="store_true",
                   help="behind a reverse proxy: take the client address and scheme from "
                        "X-Forwarded-For/-Proto, but only from --forwarded-allow-ips")
    p.add_argument("--forwarded-allow-ips", metavar="IPS", default="127.0.0.1",
                   help="comma-separated addresses of the trusted proxies (127.0.0.1)")
    p.add_argument("--smtp", metavar="URL", default=os.environ.get("SVA_HQ_SMTP"),
                   help="send supplier-portal mail through smtp://host:port[?from=ADDR] or "
                        "smtps://… (password from the keyring); default $SVA_HQ_SMTP")
    p.add_argument("--mail-interval", type=float, default=15.0, metavar="SECONDS",
                   help="how often the portal mail sender looks at its outbox (15)")
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser("user", help="HQ users")
    usub = p.add_subparsers(dest="user_command", required=True, parser_class=Parser)
    c = usub.add_parser("add", parents=[common], help="add a user")
    c.add_argument("name")
    c.add_argument("--role", required=True, choices=ROLES)
    c.set_defaults(handler=cmd_user_add)
    c = usub.add_parser("list", parents=[common], help="list users")
    c.set_defaults(handler=cmd_user_list)

    p = sub.add_parser("enrol-code", parents=[common],
                       help="one-time code with which a device of USER enrols")
    p.add_argument("user")
    p.add_argument("--hours", type=int, default=24, help="valid for this many hours (24)")
    p.set_defaults(handler=cmd_enrol_code)

    p = sub.add_parser("device", help="enrolled devices")
    dsub = p.add_subparsers(dest="device_command", required=True, parser_class=Parser)
    c = dsub.add_parser("revoke", parents=[common], help="revoke a device's token at once")
    c.add_argument("device")
    c.set_defaults(handler=cmd_device_revoke)
    c = dsub.add_parser("list", parents=[common], help="list devices")
    c.set_defaults(handler=cmd_device_list)

    p = sub.add_parser("checklist", help="checklist templates")
    csub = p.add_subparsers(dest="checklist_command", required=True, parser_class=Parser)
    c = csub.add_parser("publish", parents=[common], help="publish checklist YAML files")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.set_defaults(handler=cmd_checklist_publish)

    p = sub.add_parser("assign", parents=[common], help="assign a visit to an auditor")
    p.add_argument("auditor")
    p.add_argument("supplier", metavar="SUPPLIER_CODE")
    p.add_argument("site", help="site name or id")
    p.add_argument("--kind", required=True, choices=AUDIT_KINDS)
    p.add_argument("--date", required=True, help="planned date YYYY-MM-DD")
    p.set_defaults(handler=cmd_assign)

    p = sub.add_parser("finding", help="CAP follow-up of findings")
    fsub = p.add_subparsers(dest="finding_command", required=True, parser_class=Parser)
    c = fsub.add_parser("update", parents=[common], help="move a finding's CAP status")
    c.add_argument("finding")
    c.add_argument("--status", choices=FINDING_STATUSES)
    c.add_argument("--rejection-reason", dest="rejection_reason")
    c.add_argument("--verification-method", dest="verification_method",
                   choices=VERIFICATION_METHODS)
    c.add_argument("--verified-at", dest="verified_at")
    c.add_argument("--supplier-comment", dest="supplier_comment")
    c.set_defaults(handler=cmd_finding_update)

    register_modules(sub, common, COMMAND_MODULES)
    return parser


def main(argv: list[str] | None = None) -> int:
    return dispatch(build_parser(), argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
