"""`sva-hq plan` (a preview unless --save NAME), `sva-hq plans list|show|compare|approve|assign`
and `sva-hq assignment cancel|reassign` (issue 18, points 4–6)."""
from __future__ import annotations

import csv
import sys

from sva.cli.common import Parser
from sva.errors import BadInput
from sva.vocabulary import AUDIT_KINDS


def _storage(args):
    from sva.cli.hq import _storage as open_it
    return open_it(args)


def _actor(args) -> str:
    from sva.cli.hq import actor
    return actor(args)


def _weights(items) -> dict:
    out = {}
    for item in items or ():
        name, _, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise BadInput(f"--weight {item!r}: expected FACTOR=NUMBER", field="--weight") from None
    return out


def _pairs(items, flag: str) -> dict:
    """CODE=REASON pairs of --include/--exclude."""
    out = {}
    for item in items or ():
        code, sep, reason = item.partition("=")
        if not sep or not code.strip() or not reason.strip():
            raise BadInput(f"{flag} {item!r}: expected CODE=REASON (a reason is required)",
                           field=flag)
        out[code.strip()] = reason.strip()
    return out


def cmd_plan(args) -> int:
    from sva.hq.programme_plans import override_lines, overrides_of, plan_for, save_plan
    if args.assign:
        raise BadInput("assignments are made from an approved plan only: save it "
                       "(--save NAME), have a manager approve it (sva-hq plans approve NAME), "
                       "then sva-hq plans assign NAME --auditor … --date …", field="--assign")
    storage = _storage(args)
    weights = _weights(args.weight)
    include, exclude = _pairs(args.include, "--include"), _pairs(args.exclude, "--exclude")
    overrides = overrides_of(weights, args.reason, include, exclude)
    rows = plan_for(storage, args.fy, capacity=args.capacity, kind=args.kind, weights=weights,
                    include=include, exclude=exclude)
    for line in override_lines(overrides):
        print(f"override: {line}")
    for row in rows:
        print(f"{row.rank:3}. {row.code:12} score {row.score:6.2f}  {row.name_en}")
        for line in row.explanation():
            print(f"       {line}")
    if not args.save:
        print(f"preview: {len(rows)} supplier(s) for FY{args.fy} ({args.kind or 'any kind'}); "
              "nothing saved (--save NAME keeps it as a draft)")
        return 0
    saved = save_plan(storage, rows, name=args.save, fy=args.fy, kind=args.kind,
                      capacity=args.capacity, weights=weights, overrides=overrides,
                      actor=_actor(args))
    print(f"plan {saved['name']!r} saved as a draft: {saved['rows']} supplier(s) for "
          f"FY{args.fy} ({args.kind or 'any kind'})")
    return 0


def cmd_plans_list(args) -> int:
    from sva.hq.programme_plans import list_plans
    rows = list_plans(_storage(args), args.fy)
    for r in rows:
        state = (f"approved by {r['approved_by']} on {r['approved_at'][:10]}"
                 if r["status"] == "approved" else "draft")
        print(f"{r['name']:28} FY{r['fy']} {r['kind']:8} {int(r['n']):4} supplier(s)  "
              f"made by {r['created_by']} {r['created_at'][:10]}  {state}")
    print(f"{len(rows)} plan(s)")
    return 0


def cmd_plans_show(args) -> int:
    from sva.hq.programme_plans import get_plan, override_lines
    p = get_plan(_storage(args), args.name)
    state = (f"approved by {p['approved_by']} on {p['approved_at'][:10]}"
             if p["status"] == "approved" else "draft")
    if args.format == "csv":
        from sva.reports.cell_safety import csv_cell
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["plan", "fy", "kind", "status", "rank", "supplier_code", "score", "note",
                    "auditor", "planned_date"])
        for o in override_lines(p["overrides"]):
            w.writerow([csv_cell(v) for v in (p["name"], p["fy"], p["kind"], state, "",
                                              "", "", f"override {o}", "", "")])
        for r in p["rows"]:
            w.writerow([csv_cell(v) for v in (
                p["name"], p["fy"], p["kind"], state, r["rank"], r["supplier_code"], r["score"],
                r["note"], r["auditor"] or "", r["planned_date"] or "")])
        return 0
    print(f"plan {p['name']!r}: FY{p['fy']} {p['kind']}, capacity {p['capacity'] or '-'}, "
          f"made by {p['created_by']} on {p['created_at'][:10]}, {state}")
    for line in override_lines(p["overrides"]):
        print(f"  override: {line}")
    for r in p["rows"]:
        who = (f"{r['auditor']} {r['planned_date']}" + (" (cancelled)" if r["cancelled"] else "")
               if r["auditor"] else "not assigned")
        print(f"{r['rank']:3}. {r['supplier_code']:12} {r['score']:6.2f}  {who}"
              + (f"  [{r['note']}]" if r["note"] else ""))
    return 0


def cmd_plans_compare(args) -> int:
    from sva.hq.programme_plans import compare_plans
    out = compare_plans(_storage(args), args.a, args.b)
    print(f"only in {args.a}: " + (", ".join(out["only_a"]) or "none"))
    print(f"only in {args.b}: " + (", ".join(out["only_b"]) or "none"))
    print(f"in both ({len(out['both'])}): " + ", ".join(
        f"{c} {ra}→{rb}" for c, ra, rb in out["both"]))
    return 0


def cmd_plans_approve(args) -> int:
    from sva.cli.hq_programme import acting_user
    from sva.hq.programme_plans import approve_plan
    out = approve_plan(_storage(args), args.name, by=acting_user(args))
    print(f"plan {out['name']!r} approved by {out['approved_by']} on {out['approved_at'][:10]}")
    return 0


def cmd_plans_amend(args) -> int:
    from sva.cli.hq_programme import acting_user
    from sva.hq.programme_plans import amend_draft
    out = amend_draft(_storage(args), args.name, include=_pairs(args.include, "--include"),
                      exclude=_pairs(args.exclude, "--exclude"), by=acting_user(args))
    print(f"plan {out['name']!r} changed by {out['by']}: {out['rows']} supplier(s)")
    return 0


def cmd_plans_assign(args) -> int:
    from sva.hq.programme_assign import assign_plan
    out = assign_plan(_storage(args), args.name, auditors=args.auditor, first_date=args.date,
                      actor=_actor(args))
    for a in out["assigned"]:
        print(f"assigned {a['code']} to {a['auditor']} on {a['date']} ({a['assignment_id']})")
    for s in out["skipped"]:
        print(f"not assigned again: {s}")
    print(f"{len(out['assigned'])} assignment(s) made from plan {args.name!r}")
    return 0


def cmd_assignment_cancel(args) -> int:
    from sva.hq.programme_assign import cancel_assignment
    out = cancel_assignment(_storage(args), args.assignment, reason=args.reason,
                            actor=_actor(args))
    print(f"assignment {out['assignment_id']} ({out['code']}, {out['auditor']}) cancelled")
    return 0


def cmd_assignment_reassign(args) -> int:
    from sva.hq.programme_assign import reassign
    out = reassign(_storage(args), args.assignment, auditor=args.auditor,
                   planned_date=args.date, reason=args.reason, actor=_actor(args))
    print(f"{out['code']} now assigned to {out['auditor']} on {out['date']} "
          f"({out['assignment_id']})")
    return 0


def cmd_user_qualify(args) -> int:
    from sva.hq.programme_assign import qualify
    kinds = qualify(_storage(args), args.name, args.kind, remove=args.remove,
                    actor=_actor(args))
    print(f"{args.name} is qualified for: {', '.join(kinds) or 'every kind (none recorded)'}")
    return 0


def register(sub, common) -> None:
    usub = next(a for a in sub.choices["user"]._actions
                if a.__class__.__name__ == "_SubParsersAction")
    c = usub.add_parser("qualify", parents=[common],
                        help="record the visit kinds an auditor may make (plans assign them "
                             "only those once any is recorded)")
    c.add_argument("name")
    c.add_argument("--kind", required=True, choices=AUDIT_KINDS)
    c.add_argument("--remove", action="store_true")
    c.set_defaults(handler=cmd_user_qualify)

    p = sub.add_parser("plan", parents=[common],
                       help="rank suppliers for on-site visits (a preview; --save NAME keeps a "
                            "draft)")
    p.add_argument("--fy", type=int, required=True)
    p.add_argument("--capacity", type=int, help="how many visits (default: every supplier)")
    p.add_argument("--kind", choices=AUDIT_KINDS)
    p.add_argument("--weight", action="append", metavar="FACTOR=N",
                   help="override a weight of planning.yaml (repeatable; needs --reason)")
    p.add_argument("--reason", help="why the weights were changed")
    p.add_argument("--include", action="append", metavar="CODE=REASON",
                   help="put a supplier in the plan, with the reason (repeatable)")
    p.add_argument("--exclude", action="append", metavar="CODE=REASON",
                   help="leave a supplier out, with the reason (repeatable)")
    p.add_argument("--save", metavar="NAME", help="keep the plan as a named draft")
    p.add_argument("--assign", action="store_true", help=argparse_suppress())
    p.set_defaults(handler=cmd_plan)

    p = sub.add_parser("plans", help="saved plans: list, show, compare, approve, assign")
    psub = p.add_subparsers(dest="plans_command", required=True, parser_class=Parser)
    c = psub.add_parser("list", parents=[common], help="saved plans with their status")
    c.add_argument("--fy", type=int)
    c.set_defaults(handler=cmd_plans_list)
    c = psub.add_parser("show", parents=[common], help="a plan's rows, overrides and reasons")
    c.add_argument("name")
    c.add_argument("--format", choices=["text", "csv"], default="text")
    c.set_defaults(handler=cmd_plans_show)
    c = psub.add_parser("compare", parents=[common], help="what differs between two plans")
    c.add_argument("a")
    c.add_argument("b")
    c.set_defaults(handler=cmd_plans_compare)
    c = psub.add_parser("approve", parents=[common], help="approve a draft (a manager: --by)")
    c.add_argument("name")
    c.set_defaults(handler=cmd_plans_approve)
    c = psub.add_parser("amend", parents=[common],
                        help="include or exclude suppliers in a draft, each with a reason "
                             "(a manager: --by)")
    c.add_argument("name")
    c.add_argument("--include", action="append", metavar="CODE=REASON")
    c.add_argument("--exclude", action="append", metavar="CODE=REASON")
    c.set_defaults(handler=cmd_plans_amend)
    c = psub.add_parser("assign", parents=[common],
                        help="make the assignments of an approved plan")
    c.add_argument("name")
    c.add_argument("--auditor", action="append", required=True, metavar="NAME",
                   help="auditor to assign (repeat for round robin)")
    c.add_argument("--date", required=True,
                   help="first visit day YYYY-MM-DD (one visit per auditor per working day)")
    c.set_defaults(handler=cmd_plans_assign)

    p = sub.add_parser("assignment", help="cancel or reassign an assignment (with a reason)")
    asub = p.add_subparsers(dest="assignment_command", required=True, parser_class=Parser)
    c = asub.add_parser("cancel", parents=[common], help="withdraw an assignment")
    c.add_argument("assignment", metavar="ID")
    c.add_argument("--reason", required=True)
    c.set_defaults(handler=cmd_assignment_cancel)
    c = asub.add_parser("reassign", parents=[common], help="give it to another auditor")
    c.add_argument("assignment", metavar="ID")
    c.add_argument("--auditor", required=True)
    c.add_argument("--date", help="new planned date (default: the same)")
    c.add_argument("--reason", required=True)
    c.set_defaults(handler=cmd_assignment_reassign)


def argparse_suppress():
    import argparse
    return argparse.SUPPRESS
