"""`sva-hq user disable|enable|remove NAME` and `sva-hq policy show|set`."""
from __future__ import annotations

import argparse
import json

from sva.cli.common import Parser


def actor(args) -> str:
    from sva.cli.hq import actor as named
    return named(args)


def _storage(args):
    from sva.cli.hq import _storage as open_hq
    return open_hq(args)


def cmd_disable(args) -> int:
    from sva.hq.accounts import set_disabled
    set_disabled(_storage(args), args.name, True, actor=actor(args))
    print(f"user {args.name} disabled: device tokens and dashboard sessions stopped")
    return 0


def cmd_enable(args) -> int:
    from sva.hq.accounts import set_disabled
    set_disabled(_storage(args), args.name, False, actor=actor(args))
    print(f"user {args.name} enabled again (revoked devices stay revoked)")
    return 0


def cmd_remove(args) -> int:
    from sva.hq.accounts import remove_user
    outcome = remove_user(_storage(args), args.name, actor=actor(args))
    if outcome == "deleted":
        print(f"user {args.name} removed")
    else:
        print(f"user {args.name} removed from service: devices revoked, password and "
              "sessions gone; the name stays (disabled) in the history of the audits and "
              "assignments HQ keeps")
    return 0


def cmd_policy_show(args) -> int:
    from sva.hq.policy import get_policy
    for name, value in get_policy(_storage(args)).items():
        print(f"{name}: {json.dumps(value)}")
    return 0


def cmd_policy_set(args) -> int:
    from sva.hq.policy import set_policy
    policy = set_policy(_storage(args), args.name, args.value == "on", actor=actor(args))
    print(f"{args.name}: {json.dumps(policy[args.name])}")
    return 0


def _subparsers_of(parser: argparse.ArgumentParser):
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def register(sub, common: argparse.ArgumentParser) -> None:
    usub = _subparsers_of(sub.choices["user"])
    for name, handler, text in (
            ("disable", cmd_disable, "stop a user's devices and dashboard sessions at once"),
            ("enable", cmd_enable, "let a disabled user log in and sync again"),
            ("remove", cmd_remove, "remove a user (kept, disabled, where HQ holds their "
                                   "audits or assignments)")):
        c = usub.add_parser(name, parents=[common], help=text)
        c.add_argument("name")
        c.set_defaults(handler=handler)

    p = sub.add_parser("policy", help="HQ policies devices follow (sent with every pull)")
    psub = p.add_subparsers(dest="policy_command", required=True, parser_class=Parser)
    c = psub.add_parser("show", parents=[common], help="every policy and its value")
    c.set_defaults(handler=cmd_policy_show)
    c = psub.add_parser("set", parents=[common], help="photo_originals on|off (default off: "
                        "devices send only the redacted rendering of each photo)")
    c.add_argument("name", choices=["photo_originals"])
    c.add_argument("value", choices=["on", "off"])
    c.set_defaults(handler=cmd_policy_set)
