"""`sva-hq bundle import FILE`: apply an offline bundle from a device (registered in
sva.cli.hq.COMMAND_MODULES). A refused bundle exits 2 and changes nothing."""
from __future__ import annotations

import os


def _storage(args):
    from sva.hq.storage import open_storage
    return open_storage(getattr(args, "data_dir", None),
                        getattr(args, "db", None) or os.environ.get("SVA_HQ_DB"))


def cmd_bundle_import(args) -> int:
    from sva.cli.hq import actor
    from sva.hq.bundle import import_bundle
    storage = _storage(args)
    for path in args.files:
        report = import_bundle(storage, path, actor=actor(args))
        audits = len(report.outcomes)
        who = f"device {report.device_id} ({report.user})"
        if report.nothing_new:
            print(f"{path}: nothing new from {who}: {audits} audit(s) and "
                  f"{report.blobs_known} photo(s) already held at HQ"
                  + (f"; {report.count('older')} older than HQ's copy, kept HQ's"
                     if report.count("older") else ""))
            continue
        print(f"{path}: imported from {who}: {report.count('created')} new, "
              f"{report.count('updated')} updated, {report.count('unchanged')} unchanged "
              f"audit(s); {report.blobs_new} new photo(s) ({report.bytes_new} bytes), "
              f"{report.blobs_known} already held"
              + (f"; {report.count('older')} older than HQ's copy, kept HQ's"
                 if report.count("older") else ""))
    print("the device marks these audits synced at its next `sva sync`")
    return 0


def register(subparsers, common) -> None:
    from sva.cli.common import Parser

    p = subparsers.add_parser("bundle", help="offline bundles from devices (USB transfer)")
    bsub = p.add_subparsers(dest="bundle_command", required=True, parser_class=Parser)
    c = bsub.add_parser("import", parents=[common],
                        help="verify, decrypt and apply .svab files written by `sva bundle "
                             "export`; a tampered, truncated or foreign file is refused")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.set_defaults(handler=cmd_bundle_import)
