"""`sva-hq` commands of the seed's other programmes (issue 19): conflict minerals (`cmrt`),
declarations (`declarations`), dissemination events (`events`), climate and chemical
surveys (`climate`, `chemicals`). Each import is checked whole: any problem, nothing."""
from __future__ import annotations

import csv
import sys

from sva.cli.common import Parser


def _storage(args):
    from sva.cli.hq import _storage as open_it
    return open_it(args)


def cmd_cmrt_import(args) -> int:
    from sva.hq.programmes.cmrt_store import import_cmrt
    out = import_cmrt(_storage(args), args.file, supplier=args.supplier, fy=args.fy)
    print(f"CMRT {out['version']} of {out['supplier']} for FY{out['fy']}: "
          f"{out['smelters']} smelter(s) kept (file {out['sha'][:12]})")
    return 0


def cmd_cmrt_requests(args) -> int:
    from sva.hq.programmes.cmrt_store import import_cmrt_requests
    out = import_cmrt_requests(_storage(args), args.file, args.fy)
    print(f"CMRT requests FY{args.fy}: {out['requests']} supplier(s)")
    return 0


def cmd_cmrt_conformant(args) -> int:
    from sva.hq.programmes.cmrt_store import import_conformant
    out = import_conformant(_storage(args), args.file)
    print(f"conformant-smelter list: {out['smelters']} smelter(s)")
    return 0


def cmd_cmrt_smelters(args) -> int:
    from sva.hq.programmes.cmrt_store import rollup
    storage = _storage(args)
    with storage.transaction(write=False) as tx:
        rows = rollup(tx, args.fy)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["metal", "smelter_id", "smelter_name", "country", "suppliers", "conformant",
                "supplier_codes"])
    for r in rows:
        w.writerow([r["metal"], r["smelter_id"], r["smelter_name"], r["country"],
                    r["suppliers"], "yes" if r["conformant"] else "no",
                    ";".join(r["supplier_codes"])])
    return 0


def register(sub, common) -> None:
    p = sub.add_parser("cmrt", help="conflict minerals: CMRT workbooks, requests, smelters")
    csub = p.add_subparsers(dest="cmrt_command", required=True, parser_class=Parser)
    c = csub.add_parser("import", parents=[common],
                        help="a supplier's CMRT 6.x workbook (.xlsx) for a fiscal year")
    c.add_argument("file")
    c.add_argument("--supplier", required=True, metavar="CODE")
    c.add_argument("--fy", type=int, required=True)
    c.set_defaults(handler=cmd_cmrt_import)
    c = csub.add_parser("requests", parents=[common],
                        help="suppliers asked for a CMRT (CSV/XLSX: supplier_code, "
                             "requested_on)")
    c.add_argument("file")
    c.add_argument("--fy", type=int, required=True)
    c.set_defaults(handler=cmd_cmrt_requests)
    c = csub.add_parser("conformant", parents=[common],
                        help="conformant-smelter list (CSV/XLSX: smelter_id, metal, "
                             "smelter_name, status); replaces the one held")
    c.add_argument("file")
    c.set_defaults(handler=cmd_cmrt_conformant)
    c = csub.add_parser("smelters", parents=[common],
                        help="smelters of a fiscal year across suppliers, as CSV")
    c.add_argument("--fy", type=int, required=True)
    c.set_defaults(handler=cmd_cmrt_smelters)
