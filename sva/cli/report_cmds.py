"""`sva report guidance|record` and `sva cap export|import`."""
from __future__ import annotations

import sys

from sva.cli.common import Parser
from sva.errors import BadInput

LANG_CHOICES = ["en", "ja", "en+ja"]


def _workspace(args):
    from sva.cli.key_cmds import open_workspace
    return open_workspace(args)


def _check_output(path: str, suffix: str) -> str:
    if not path.lower().endswith(suffix):
        raise BadInput(f"the output file name should end in {suffix}", file=path, field="-o")
    return path


def cmd_report_guidance(args) -> int:
    from sva.reports import write_guidance
    _check_output(args.output, ".pdf")
    with _workspace(args) as ws:
        path = write_guidance(ws, args.audit, args.output, lang=args.lang, size=args.page_size)
    print(f"improvement-guidance report ({args.lang}) written to {path}")
    return 0


def cmd_report_record(args) -> int:
    from sva.reports import write_record
    _check_output(args.output, ".pdf")
    with _workspace(args) as ws:
        path = write_record(ws, args.audit, args.output, lang=args.lang, size=args.page_size)
    print(f"full audit record written to {path}")
    return 0


def cmd_cap_export(args) -> int:
    from sva.reports import export_cap
    _check_output(args.output, ".xlsx")
    with _workspace(args) as ws:
        path = export_cap(ws, args.audit, args.output, lang=args.lang)
    print(f"CAP workbook ({args.lang}) written to {path}")
    return 0


def cmd_cap_import(args) -> int:
    from pathlib import Path

    from sva.reports import import_cap
    if not Path(args.workbook).is_file():
        raise BadInput("no such file", file=args.workbook)
    reason = (args.reason or "").strip()
    if args.force and not reason:
        raise BadInput("--force needs --reason: say why this workbook may undo a newer CAP "
                       "change (the reason goes into the audit log)", field="--reason")
    if reason and not args.force:
        raise BadInput("--reason goes with --force", field="--reason")
    with _workspace(args) as ws:
        result = import_cap(ws, args.workbook, audit_id=args.audit,
                            force_reason=reason if args.force else None)
    if result.forced:
        print(f"audit {result.audit_id}: forced in over newer CAP changes: "
              f"{', '.join(result.forced)} (the reason is in the audit log)")
    if not result.updated and not result.submitted:
        print(f"audit {result.audit_id}: nothing to change (the workbook matches the database)")
        return 0
    print(f"audit {result.audit_id}: updated {', '.join(result.updated) or 'none'}; "
          f"CAP submitted for {', '.join(result.submitted) or 'none'}; "
          f"{result.unchanged} unchanged", file=sys.stdout)
    return 0


def register(subparsers, common) -> None:
    p = subparsers.add_parser("report", help="PDF reports of an audit")
    sub = p.add_subparsers(dest="report_command", required=True, parser_class=Parser)
    for name, handler, help_text in (
            ("guidance", cmd_report_guidance, "improvement-guidance report for the supplier"),
            ("record", cmd_report_record, "full audit record (internal)")):
        c = sub.add_parser(name, parents=[common], help=help_text)
        c.add_argument("audit", metavar="AUDIT", help="audit id")
        c.add_argument("--lang", choices=LANG_CHOICES, default="en",
                       help="report language; en+ja gives every heading in both (default en)")
        c.add_argument("--page-size", choices=["a4", "letter"], default="a4",
                       help="paper size (default a4)")
        c.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
        c.set_defaults(handler=handler)

    p = subparsers.add_parser("cap", help="CAP workbook for the supplier (XLSX)")
    sub = p.add_subparsers(dest="cap_command", required=True, parser_class=Parser)
    c = sub.add_parser("export", parents=[common], help="write the CAP workbook of an audit")
    c.add_argument("audit", metavar="AUDIT", help="audit id")
    c.add_argument("--lang", choices=LANG_CHOICES, default="en", help="header language")
    c.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    c.set_defaults(handler=cmd_cap_export)
    c = sub.add_parser("import", parents=[common],
                       help="validate a filled-in CAP workbook and apply it (all or nothing)")
    c.add_argument("workbook", metavar="FILE.xlsx")
    c.add_argument("--audit", metavar="AUDIT",
                   help="refuse the workbook unless it is for this audit")
    c.add_argument("--force", action="store_true",
                   help="apply it even where a finding's CAP changed after the workbook was "
                        "exported (needs --reason)")
    c.add_argument("--reason", metavar="TEXT",
                   help="with --force: why the older workbook wins (kept in the audit log)")
    c.set_defaults(handler=cmd_cap_import)
