"""`sva enrol`, `sva sync`, `sva bundle export`: the device's side of HQ sync (registered in
sva.cli.main)."""
from __future__ import annotations

import sys

from sva.errors import BadInput
from sva.vocabulary import CONFLICT_CHOICES


def _workspace(args):
    from sva.cli.key_cmds import open_workspace
    return open_workspace(args)


def cmd_enrol(args) -> int:
    from sva.sync.engine import enrol
    with _workspace(args) as ws:
        result = enrol(ws, args.server, args.code, device_name=args.name)
    print(f"enrolled at {result['url']} as {result['user']} ({result['role']}); "
          f"device {result['device_id']}")
    print(f"device token kept in the OS keyring ({result['keyring']})")
    return 0


def _print_conflicts(ws) -> int:
    from sva.sync.conflicts import open_conflicts
    rows = open_conflicts(ws)
    if not rows:
        print("no open conflicts")
        return 0
    print(f"{'conflict':36}  {'supplier':10}  {'finding':36}  field: mine | theirs")
    for c in rows:
        print(f"{c['id']:36}  {c['supplier_code']:10}  {c['finding_id']:36}  "
              f"{c['field']}: {c['mine']!r} | {c['theirs']!r}")
    print("resolve with: sva sync --resolve CONFLICT --keep mine|theirs")
    return 0


def cmd_sync(args) -> int:
    from sva.sync import conflicts
    from sva.sync.engine import sync
    with _workspace(args) as ws:
        if args.conflicts:
            return _print_conflicts(ws)
        if args.resolve or args.keep:
            if not (args.resolve and args.keep):
                raise BadInput("--resolve CONFLICT needs --keep mine|theirs", field="--keep")
            c = conflicts.resolve(ws, args.resolve, args.keep)
            print(f"conflict {c['id']} on {c['field']}: kept {args.keep}"
                  + (" (sent to HQ on the next sync)" if args.keep == "mine" else ""))
            return 0
        report = sync(ws)
        push = report.push
    print(f"pulled: {report.suppliers} supplier change(s), {report.sites} site change(s), "
          f"{report.checklists} checklist(s), {len(report.new_audits)} new assigned audit(s), "
          f"{report.cap_applied} CAP change(s) from HQ")
    print(f"pushed: {len(push.pushed)} audit(s), {push.blobs_uploaded} photo(s), "
          f"{push.bytes_uploaded} bytes; {len(push.marked_synced)} marked synced")
    if report.conflicts:
        print(f"{report.conflicts} conflict(s): see `sva sync --conflicts`", file=sys.stderr)
    if report.unconfirmed:
        print(f"{len(report.unconfirmed)} audit(s) not yet confirmed by HQ; they stay queued",
              file=sys.stderr)
        return 1
    return 0


def cmd_bundle_export(args) -> int:
    from sva.sync.bundle import export_bundle
    with _workspace(args) as ws:
        report = export_bundle(ws, args.output, args.audits)
    print(f"wrote {report.path}: {len(report.audits)} audit(s), {report.blobs} photo(s), "
          f"{report.size} bytes, encrypted for HQ and signed by device {report.device_id}")
    print("HQ imports it with `sva-hq bundle import FILE`; the audits are marked synced at "
          "the next `sva sync` once HQ confirms it holds every byte")
    return 0


def register(subparsers, common) -> None:
    p = subparsers.add_parser("enrol", parents=[common],
                              help="enrol this device at HQ with a one-time code")
    p.add_argument("--server", required=True, metavar="URL", help="HQ address, e.g. https://hq")
    p.add_argument("--code", required=True, help="one-time enrolment code from HQ")
    p.add_argument("--name", help="device name shown at HQ (default: host name)")
    p.set_defaults(handler=cmd_enrol)

    p = subparsers.add_parser("sync", parents=[common],
                              help="pull assignments and master data, push signed audits")
    p.add_argument("--conflicts", action="store_true", help="list open sync conflicts")
    p.add_argument("--resolve", metavar="CONFLICT", help="resolve a conflict (with --keep)")
    p.add_argument("--keep", choices=CONFLICT_CHOICES, help="which value wins")
    p.set_defaults(handler=cmd_sync)

    p = subparsers.add_parser("bundle", help="offline bundles for HQ (USB transfer)")
    bsub = p.add_subparsers(dest="bundle_command", required=True, parser_class=type(p))
    c = bsub.add_parser("export", parents=[common],
                        help="write signed audits and their photos to one encrypted, signed "
                             "file (default: every signed audit not yet synced)")
    c.add_argument("-o", "--output", required=True, metavar="FILE", help="e.g. audits.svab")
    c.add_argument("--audit", dest="audits", action="append", metavar="ID",
                   help="export only this audit (repeatable)")
    c.set_defaults(handler=cmd_bundle_export)
