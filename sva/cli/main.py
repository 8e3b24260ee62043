"""`sva`: the auditor's command line (subcommands; the app itself starts from ui.launcher)."""
from __future__ import annotations

import argparse
import json
import sys

from sva import __version__
from sva.errors import SvaError
from sva.cli.common import (EXIT_BAD_INPUT, EXIT_FAILURE, Parser, data_dir_parent, dispatch,
                            register_modules)
from sva.vocabulary import AUDIT_KINDS, AUDIT_STATUSES


# Modules that add their own subcommands: each has `register(subparsers, common_parent)`.
COMMAND_MODULES: list[str] = ["sva.cli.photo_cmds", "sva.cli.sync_cmds", "sva.cli.report_cmds",
                              "sva.cli.backup_cmds"]


def _workspace(args):
    from sva.cli.key_cmds import open_workspace
    return open_workspace(args)


DB_CHECK_HELP = """Check the data folder without changing it: the database's integrity,
foreign keys and schema version, and every photo file read back and compared with its
SHA-256 (a missing or damaged one is named with its photo, audit and file name). Temp files
left by an interrupted import are counted; --repair removes those no running process is
writing. Exit 0 when healthy, 1 otherwise (the newest backup is named when one exists)."""


def cmd_demo(args) -> int:
    from sva.demo import build_demo
    summary = build_demo(args.data_dir, seed=args.seed, force=args.force)
    print(f"demo data in {summary['folder']}: {summary['suppliers']} suppliers, "
          f"{summary['sites']} sites, {summary['audits']} audits, "
          f"{summary['findings']} findings, {summary['photos']} photos")
    from sva.cli.key_cmds import show_recovery_key
    show_recovery_key(summary.get("recovery_key"))
    return 0


def cmd_db_check(args) -> int:
    """Read-only: a damaged database is examined, never written (nor created)."""
    from sva.paths import data_dir
    from sva.store.health import check_folder
    health = check_folder(data_dir(args.data_dir), repair=args.repair)
    for line in health.lines:
        print(line)
    return 0 if health.healthy else EXIT_FAILURE


def cmd_checklist_validate(args) -> int:
    from sva.checklists import validate_file
    bad = 0
    for path in args.files:
        problems = validate_file(path)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            bad += 1
        else:
            print(f"{path}: ok")
    return EXIT_BAD_INPUT if bad else 0


def cmd_audits_list(args) -> int:
    with _workspace(args) as ws:
        rows = ws.queries.audits(status=args.status, kind=args.kind, supplier=args.supplier)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{'id':36}  {'date':10}  {'kind':7}  {'status':11}  {'answered':>9}  "
          f"{'findings':>8}  supplier")
    for r in rows:
        print(f"{r['id']:36}  {r['planned_date']:10}  {r['kind']:7}  {r['status']:11}  "
              f"{r['answered']:>4}/{r['items']:<4}  {r['findings']:>8}  "
              f"{r['supplier_code']} {r['supplier_name_en']}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = data_dir_parent("SVA_HOME")
    parser = Parser(prog="sva", parents=[data_dir_parent("SVA_HOME", top=True)],
                    description="Supplier Visit Audits. Without a command, opens the app.")
    parser.add_argument("--version", action="version", version=f"sva {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    p = sub.add_parser("demo", parents=[common], help="create a realistic demo data set")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    p.add_argument("--force", action="store_true",
                   help="add demo data even if the folder already holds audits")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("db", help="database maintenance")
    dbsub = p.add_subparsers(dest="db_command", required=True, parser_class=Parser)
    c = dbsub.add_parser("check", parents=[common],
                         help="integrity, schema version, every photo file by its hash",
                         description=DB_CHECK_HELP)
    c.add_argument("--repair", action="store_true",
                   help="remove temp files left by interrupted imports (never the database)")
    c.set_defaults(handler=cmd_db_check)
    from sva.cli.key_cmds import register_db
    register_db(dbsub, common)

    p = sub.add_parser("checklist", help="checklist templates")
    csub = p.add_subparsers(dest="checklist_command", required=True, parser_class=Parser)
    c = csub.add_parser("validate", parents=[common], help="validate checklist YAML files")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.set_defaults(handler=cmd_checklist_validate)
    from sva.cli.checklist_cmds import register_checklist
    register_checklist(csub, common)

    p = sub.add_parser("audits", help="audits on this device")
    asub = p.add_subparsers(dest="audits_command", required=True, parser_class=Parser)
    c = asub.add_parser("list", parents=[common], help="list audits")
    c.add_argument("--status", choices=AUDIT_STATUSES)
    c.add_argument("--kind", choices=AUDIT_KINDS)
    c.add_argument("--supplier", help="supplier code or part of its name")
    c.add_argument("--json", action="store_true", help="print JSON")
    c.set_defaults(handler=cmd_audits_list)

    register_modules(sub, common, COMMAND_MODULES)
    return parser


def main(argv: list[str] | None = None, *, launch_app=None) -> int:
    """Run a subcommand; without one, `launch_app(args)` (the desktop app) if given.

    The core never imports the Qt app: the `sva` script enters through ui.launcher, which
    passes the app in.
    """
    return dispatch(build_parser(), argv, launch_app, explain=_store_failure)


def _store_failure(exc: BaseException, args) -> SvaError | None:
    """A database or file error met by a command, said as what it means for the data folder
    (damaged, read-only, full disk)."""
    from sva.paths import data_dir
    from sva.store.damage import error_for
    return error_for(exc, data_dir(getattr(args, "data_dir", None)))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
