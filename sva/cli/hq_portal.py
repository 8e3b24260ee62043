"""`sva-hq portal …`: supplier contacts, questionnaire campaigns and the mail outbox."""
from __future__ import annotations

import os

from sva.cli.common import Parser
from sva.vocabulary import ISEC_LEVELS, LANGS, REGIONS, SUPPLIER_FLAGS


def _storage(args):
    from sva.cli.hq import _storage as open_hq
    return open_hq(args)


def _actor(args) -> str:
    from sva.cli.hq import actor
    return actor(args)


def _base_url(args) -> str:
    return args.base_url or os.environ.get("SVA_HQ_URL") or "http://127.0.0.1:8765"


def cmd_invite(args) -> int:
    from sva.hq.portal.contacts import invite
    contact_id, link = invite(_storage(args), args.supplier, args.email, name=args.name,
                              lang=args.lang, primary=args.primary, actor=_actor(args),
                              base_url=_base_url(args))
    print(f"invited {args.email.strip().lower()} (contact {contact_id}); the mail is queued. "
          f"One-time link:\n{link}")
    return 0


def cmd_disable(args) -> int:
    from sva.hq.portal.contacts import set_disabled
    storage = _storage(args)
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT id FROM portal_contacts WHERE email = ?",
                     (args.email.strip().lower(),))
    if row is None:
        from sva.errors import NotFound
        raise NotFound(f"no portal contact {args.email!r}", field="email")
    set_disabled(storage, row["id"], not args.enable, actor=_actor(args))
    print(f"{args.email} {'enabled' if args.enable else 'disabled; its sessions ended'}")
    return 0


def cmd_launch(args) -> int:
    from sva.hq.portal.campaigns import Targets, launch
    t = Targets(categories=tuple(args.category or ()), critical=tuple(args.critical or ()),
                regions=tuple(args.region or ()), levels=tuple(args.level or ()),
                codes=tuple(c.strip().upper() for c in (args.codes or "").split(",")
                            if c.strip()))
    campaign_id, n = launch(_storage(args), fy=args.fy, questionnaire=args.questionnaire,
                            due=args.due, t=t, actor=_actor(args),
                            reminders=args.reminders or "")
    print(f"campaign {campaign_id}: FY{args.fy} {args.questionnaire} sent to {n} suppliers, "
          f"due {args.due}, reminders {args.reminders or 'as resources/portal/reminders.yaml'}")
    return 0


def cmd_validate(args) -> int:
    from sva.hq.portal.questionnaires import validate_file
    problems = [p for f in args.files for p in validate_file(f)]
    for p in problems:
        print(p)
    if not problems:
        print(f"{len(args.files)} questionnaire file(s) valid")
    return 2 if problems else 0


def cmd_setting(args) -> int:
    from sva.hq.portal import settings
    storage = _storage(args)
    if args.value:
        now = settings.change(storage, args.name, args.value == "on", actor=_actor(args))
    else:
        with storage.transaction(write=False) as tx:
            now = settings.current(tx)
    for name, s in now.items():
        if args.name in (None, name):
            print(f"{name}: {'on' if s['value'] else 'off'}"
                  + (f" (changed by {s['updated_by']} at {s['updated_at']})"
                     if s["updated_by"] else " (default)"))
    return 0


def cmd_send(args) -> int:
    from datetime import date

    from sva.hq.portal import reminders, sender
    storage = _storage(args)
    planned = reminders.plan(storage, date.today(), by=_actor(args))
    sent, failed = sender.deliver_due(storage, sender.SmtpTarget.parse(args.smtp))
    print(f"{planned} reminder(s) queued; {sent} mail(s) sent, {failed} failed (retried later)")
    return 1 if failed else 0


def register(sub, common) -> None:
    p = sub.add_parser("portal", help="supplier portal: contacts, campaigns, questionnaires")
    psub = p.add_subparsers(dest="portal_command", required=True, parser_class=Parser)
    c = psub.add_parser("invite", parents=[common], help="invite a supplier contact")
    c.add_argument("supplier", metavar="SUPPLIER_CODE")
    c.add_argument("email")
    c.add_argument("--name", required=True)
    c.add_argument("--lang", choices=LANGS, default="en")
    c.add_argument("--primary", action="store_true", help="the supplier's primary contact")
    c.add_argument("--base-url", help="HQ's address in the link (default $SVA_HQ_URL)")
    c.set_defaults(handler=cmd_invite)
    c = psub.add_parser("disable", parents=[common], help="disable (or --enable) a contact")
    c.add_argument("email")
    c.add_argument("--enable", action="store_true")
    c.set_defaults(handler=cmd_disable)
    c = psub.add_parser("launch", parents=[common], help="launch a questionnaire campaign")
    c.add_argument("--fy", type=int, required=True)
    c.add_argument("--questionnaire", required=True, help="e.g. infosec, csr_critical")
    c.add_argument("--due", required=True, help="YYYY-MM-DD")
    c.add_argument("--category", action="append", help="supplier category (repeatable)")
    c.add_argument("--critical", action="append", choices=("any", *SUPPLIER_FLAGS))
    c.add_argument("--region", action="append", choices=REGIONS)
    c.add_argument("--level", action="append", choices=ISEC_LEVELS)
    c.add_argument("--codes", help="comma-separated supplier codes")
    c.add_argument("--reminders", metavar="DAYS",
                   help="this campaign's reminder days before (-) and after (+) the due date, "
                        "e.g. -14,-3,+1,+7 (default: resources/portal/reminders.yaml)")
    c.set_defaults(handler=cmd_launch)
    c = psub.add_parser("send", parents=[common],
                        help="queue today's reminders and send the outbox once (for cron)")
    c.add_argument("--smtp", required=True, metavar="URL", help="smtp://host:port[?from=ADDR]")
    c.set_defaults(handler=cmd_send)
    c = psub.add_parser("setting", parents=[common],
                        help="show or change a portal setting (levels_to_suppliers)")
    c.add_argument("name", nargs="?", help="e.g. levels_to_suppliers")
    c.add_argument("value", nargs="?", choices=("on", "off"))
    c.set_defaults(handler=cmd_setting)
    c = psub.add_parser("validate", parents=[common], help="check questionnaire YAML files")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.set_defaults(handler=cmd_validate)
