"""`sva-hq` programme commands (issue 9): import suppliers/saq/sites, levels, eligible,
figures, fy close/reopen, demo, and `user passwd` for the web dashboard login (plans: hq_plans)."""
from __future__ import annotations

import argparse
import getpass
import json
import sys

from sva.cli.common import Parser
from sva.errors import BadInput
from sva.vocabulary import LANGS


def _storage(args):
    from sva.cli.hq import _storage as open_it
    return open_it(args)


def _print_skipped(skipped) -> None:
    if skipped:
        print(f"skipped {len(skipped)} bad row(s):", file=sys.stderr)
        for s in skipped:
            print(f"  {s}", file=sys.stderr)


def cmd_import_suppliers(args) -> int:
    from sva.hq.programme_store import import_registry
    out = import_registry(_storage(args), args.file, skip_bad=args.skip_bad, sheet=args.sheet,
                          fy=args.fy, actor=_actor(args))
    print(f"suppliers FY{out['fy']}: {out['added']} added, {out['updated']} updated, "
          f"{out['unchanged']} unchanged, {len(out['skipped'])} skipped"
          + (f", {out['history']} recorded for the year only (a later year is current)"
             if out["history"] else ""))
    _print_skipped(out["skipped"])
    return 0


def cmd_import_saq(args) -> int:
    from sva.hq.programme_store import import_saq
    out = import_saq(_storage(args), args.file, args.fy, skip_bad=args.skip_bad,
                     sheet=args.sheet, actor=_actor(args))
    levels = ", ".join(f"{k}: {n}" for k, n in out["levels"].items()) or "none"
    print(f"SAQ FY{args.fy}: {out['responses']} response(s) scored (levels {levels}), "
          f"{len(out['skipped'])} skipped")
    _print_skipped(out["skipped"])
    return 0


def cmd_import_sites(args) -> int:
    from sva.hq.programme_store import import_sites
    out = import_sites(_storage(args), args.file, actor=_actor(args))
    print(f"sites: {out['sites']} imported")
    return 0


def cmd_levels(args) -> int:
    from sva.hq.programme_store import load_results
    storage = _storage(args)
    with storage.transaction(write=False) as tx:
        results = load_results(tx, code=args.supplier, fy=args.fy)
    if args.supplier and not results:
        raise BadInput(f"no SAQ result for supplier {args.supplier}"
                       + (f" in FY{args.fy}" if args.fy else ""), field="--supplier")
    if args.format == "json":
        print(json.dumps([{"supplier": r.supplier_code, "fy": r.fy, "level": r.isec_level,
                           "submitted_on": r.submitted_on, "scores": r.area_scores,
                           "basis": r.basis, "explanation": r.explanation(args.lang)}
                          for r in results], ensure_ascii=False, indent=2))
        return 0
    for r in results:
        scores = " ".join(f"{a} {v:.0f}" for a, v in r.area_scores.items() if v is not None)
        print(f"{r.supplier_code:12} FY{r.fy}  level {r.isec_level}  ({scores})")
        print(f"    basis: {r.basis}")
        for line in r.explanation(args.lang):
            print(f"    - {line}")
    print(f"{len(results)} result(s)")
    return 0


def cmd_eligible(args) -> int:
    from sva.hq.programme_eligibility import eligibility_for
    out = eligibility_for(_storage(args), args.level, args.category, as_of_fy=args.fy)
    level = args.level.strip().upper()
    for r in out["eligible"]:
        print(f"{r['code']:12} level {r['level']}  FY{r['fy']} ({r['date']})  valid until "
              f"FY{r['valid_until']}  open infosec findings {r['open_isec']}  {r['name_en']}")
        if r["lowered"]:
            print(f"    {r['lowered']}")
        if r["extension"]:
            print(f"    extended by {r['extension']['extended_by']}: "
                  f"{r['extension']['reason']}")
        if args.explain:
            print(f"    basis: {r['basis']}")
            for line in r["explanation"]:
                print(f"    - {line}")
    print(f"{len(out['eligible'])} supplier(s) at level {level} or better"
          + (f" handling {args.category}" if args.category else "")
          + f" in FY{out['as_of_fy']}")
    if out["expired"]:
        print("not eligible, level expired: " + ", ".join(
            f"{r['code']} ({r['level']} of FY{r['fy']}, valid until FY{r['valid_until']})"
            for r in out["expired"]))
    return 0


def cmd_extend_level(args) -> int:
    from sva.hq.programme_eligibility import extend_level
    out = extend_level(_storage(args), args.supplier, until_fy=args.until_fy,
                       reason=args.reason, by=acting_user(args))
    print(f"{out['code']}: level {out['level']} of FY{out['saq_fy']} counts until "
          f"FY{out['until_fy']} (extended by {out['by']})")
    return 0


def cmd_figures(args) -> int:
    from sva.hq.programme.figures_render import figures_csv, figures_table
    from sva.hq.programme_figures import figures_for
    fig = figures_for(_storage(args), args.fy)      # a closed year's snapshot, panels included
    fmt = args.format
    if fmt in ("xlsx", "pdf") and not args.output:
        raise BadInput(f"--format {fmt} needs -o FILE", field="-o")
    if fmt == "xlsx":
        from sva.hq.programme_export import write_xlsx
        write_xlsx(fig, args.output, args.lang)
    elif fmt == "pdf":
        from sva.hq.programme_export import write_pdf
        write_pdf(fig, args.output, args.lang)
    else:
        text = figures_table(fig, args.lang) if fmt == "table" else figures_csv(fig)
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        else:
            sys.stdout.write(text)
            return 0
    print(f"wrote {args.output}")
    return 0


def acting_user(args) -> str | None:
    """The named HQ user doing a command that must be a named HQ user: --by, $SVA_HQ_USER."""
    import os
    return (getattr(args, "by", None) or os.environ.get("SVA_HQ_USER") or "").strip() or None


def _actor(args) -> str:
    from sva.cli.hq import actor
    return actor(args)


def cmd_fy_close(args) -> int:
    from sva.hq.programme_closing import close_year
    out = close_year(_storage(args), args.fy, by=acting_user(args))
    print(f"FY{out['fy']} closed on {out['closed_at'][:10]} by {out['closed_by']} "
          f"(content hash {out['content_hash']})")
    return 0


def cmd_fy_reopen(args) -> int:
    from sva.hq.programme_closing import reopen_year
    out = reopen_year(_storage(args), args.fy, by=acting_user(args), reason=args.reason)
    print(f"FY{out['fy']} reopened on {out['reopened_at'][:10]} by {out['reopened_by']}")
    return 0


def cmd_fy_list(args) -> int:
    from sva.hq.programme_closing import closures
    rows = closures(_storage(args))
    for r in rows:
        state = (f"reopened {r['reopened_at'][:10]} by {r['reopened_by']}: {r['reopen_reason']}"
                 if r["reopened_at"] else "closed")
        print(f"FY{r['fy']}  closed {r['closed_at'][:10]} by {r['closed_by']}  "
              f"{r['content_hash'][:12]}  {state}")
    print(f"{len(rows)} closing(s)")
    return 0


def cmd_demo(args) -> int:
    from sva.hq.demo import build_hq_demo
    out = build_hq_demo(_storage(args), seed=args.seed, force=args.force)
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def cmd_passwd(args) -> int:
    from sva.hq.web.auth import set_password
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"new password for {args.name}: ")
        if getpass.getpass("again: ") != password:
            raise BadInput("the two passwords differ", field="password")
    set_password(_storage(args), args.name, password, actor=_actor(args))
    print(f"web password set for {args.name}")
    return 0


SHEET_HELP = ("XLSX sheet holding the data (default: the first sheet whose top rows hold the "
              "header)")


def _subparsers_of(parser: argparse.ArgumentParser):
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def register(sub, common) -> None:
    p = sub.add_parser("import", help="import the supplier registry, sites, SAQ responses")
    isub = p.add_subparsers(dest="import_command", required=True, parser_class=Parser)
    c = isub.add_parser("suppliers", parents=[common],
                        help="supplier registry from CSV/XLSX (code, name_en, name_ja, country, "
                             "categories, annual_spend, large_amount, rare_product, "
                             "hard_to_replace, declaration_date, declaration_scope); "
                             "all or nothing unless --skip-bad")
    c.add_argument("file")
    c.add_argument("--skip-bad", action="store_true",
                   help="import the good rows and list the bad ones that were skipped")
    c.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    c.add_argument("--fy", type=int, help="fiscal year the spend, flags and categories are for "
                                          "(default: the current one)")
    c.set_defaults(handler=cmd_import_suppliers)
    c = isub.add_parser("saq", parents=[common],
                        help="one fiscal year's SAQ responses (one row per supplier: "
                             "supplier_code, fiscal_year, submitted_on, one column per question)")
    c.add_argument("file")
    c.add_argument("--fy", type=int, required=True, help="fiscal year the file answers")
    c.add_argument("--skip-bad", action="store_true")
    c.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    c.set_defaults(handler=cmd_import_saq)
    c = isub.add_parser("sites", parents=[common],
                        help="sites of registered suppliers (code, site_name, country, "
                             "timezone, address)")
    c.add_argument("file")
    c.set_defaults(handler=cmd_import_sites)

    p = sub.add_parser("levels", parents=[common],
                       help="information-security levels per fiscal year, with explanation")
    p.add_argument("--fy", type=int)
    p.add_argument("--supplier", metavar="CODE")
    p.add_argument("--lang", choices=LANGS, default="en")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_levels)

    p = sub.add_parser("eligible", parents=[common],
                       help="suppliers whose current level meets a required level")
    p.add_argument("--level", required=True, help="required level (A best … D; a or A)")
    p.add_argument("--category", help="displayed name or key ('IT services' or it_services)")
    p.add_argument("--explain", action="store_true", help="print basis and explanation")
    p.add_argument("--fy", type=int, help="as of this fiscal year (default: the current one); "
                                          "older levels than its validity are expired")
    p.set_defaults(handler=cmd_eligible)

    p = sub.add_parser("extend-level", parents=[common],
                       help="let a supplier's expired level count longer (a manager, a reason)")
    p.add_argument("supplier", metavar="CODE")
    p.add_argument("--until-fy", type=int, required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_extend_level)

    p = sub.add_parser("figures", parents=[common], help="fiscal-year programme figures")
    p.add_argument("--fy", type=int, required=True)
    p.add_argument("--format", choices=["table", "csv", "xlsx", "pdf"], default="table")
    p.add_argument("--lang", choices=LANGS, default="en")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(handler=cmd_figures)

    p = sub.add_parser("fy", help="close or reopen a fiscal year's figures")
    fsub = p.add_subparsers(dest="fy_command", required=True, parser_class=Parser)
    c = fsub.add_parser("close", parents=[common],
                        help="freeze a year's figures as a snapshot with a content hash")
    c.add_argument("fy", type=int)
    c.set_defaults(handler=cmd_fy_close)
    c = fsub.add_parser("reopen", parents=[common],
                        help="reopen a closed year (needs a reason; logged)")
    c.add_argument("fy", type=int)
    c.add_argument("--reason", required=True)
    c.set_defaults(handler=cmd_fy_reopen)
    c = fsub.add_parser("list", parents=[common], help="every closing and reopening")
    c.set_defaults(handler=cmd_fy_list)

    p = sub.add_parser("demo", parents=[common], help="build a deterministic HQ demo data set")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--force", action="store_true", help="even if the HQ already has suppliers")
    p.set_defaults(handler=cmd_demo)

    usub = _subparsers_of(sub.choices["user"])
    c = usub.add_parser("passwd", parents=[common], help="set a user's web dashboard password")
    c.add_argument("name")
    c.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of stdin")
    c.set_defaults(handler=cmd_passwd)
