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


def _actor(args) -> str:
    from sva.cli.hq import actor
    return actor(args)


def cmd_cmrt_import(args) -> int:
    from sva.hq.programmes.cmrt_store import import_cmrt
    out = import_cmrt(_storage(args), args.file, supplier=args.supplier, fy=args.fy,
                      actor=_actor(args))
    print(f"CMRT {out['version']} of {out['supplier']} for FY{out['fy']}: "
          f"{out['smelters']} smelter(s) kept (file {out['sha'][:12]})")
    return 0


def cmd_cmrt_requests(args) -> int:
    from sva.hq.programmes.cmrt_store import import_cmrt_requests
    out = import_cmrt_requests(_storage(args), args.file, args.fy, actor=_actor(args))
    print(f"CMRT requests FY{args.fy}: {out['requests']} supplier(s)")
    return 0


def cmd_cmrt_conformant(args) -> int:
    from sva.hq.programmes.cmrt_store import import_conformant
    out = import_conformant(_storage(args), args.file, actor=_actor(args))
    print(f"conformant-smelter list: {out['smelters']} smelter(s)")
    return 0


def cmd_cmrt_file(args) -> int:
    from sva.hq.programmes.cmrt_store import report_file
    name, data = report_file(_storage(args), supplier=args.supplier, fy=args.fy)
    out = args.output or name
    with open(out, "xb") as fh:                  # never over an existing file
        fh.write(data)
    print(f"wrote {out} ({len(data):,} bytes, as imported from {name})")
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


def cmd_declarations_import(args) -> int:
    from sva.hq.programmes import declarations
    storage = _storage(args)
    if args.kind == "receipts":
        out = declarations.import_receipts(storage, args.file, actor=_actor(args))
        print(f"declarations: {out['receipts']} receipt(s) imported")
    else:
        out = declarations.import_requests(storage, args.file, actor=_actor(args))
        print(f"declarations: {out['requests']} request(s) imported")
    return 0


def cmd_declarations_receive(args) -> int:
    from sva.hq.programmes.declarations import receive
    out = receive(_storage(args), supplier=args.supplier, decl_type=args.type,
                  version=args.version, received_on=args.date, signed_by=args.signed_by,
                  scan=args.scan, actor=_actor(args))
    print(f"declaration {out['decl_type']} v{out['version']} of {out['supplier']} recorded"
          + (" (replacing the one of that day)" if out["replaced"] else "")
          + (f", scan {out['sha'][:12]}" if out["sha"] else ""))
    return 0


def cmd_declarations_outstanding(args) -> int:
    from sva.hq.programmes.declarations import outstanding
    storage = _storage(args)
    with storage.transaction(write=False) as tx:
        rows = outstanding(tx)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["supplier_code", "decl_type", "requested_on", "reason"])
    for r in rows:
        w.writerow([r["supplier_code"], r["decl_type"], r["requested_on"], r["reason"]])
    return 0


def cmd_events_add(args) -> int:
    from sva.hq.programmes.dissemination import add_event
    event_id = add_event(_storage(args), kind=args.kind, held_on=args.date, title=args.title,
                         topics=args.topic or (), actor=_actor(args))
    print(event_id)
    return 0


def cmd_events_list(args) -> int:
    from sva.hq.programmes.dissemination import events_of
    storage = _storage(args)
    with storage.transaction(write=False) as tx:
        rows = events_of(tx, args.fy)
    for r in rows:
        print(f"{r['id']}  {r['held_on']}  {r['kind']:19} {r['attendees']:5} attendee(s) "
              f"{r['awards']:3} award(s)  {r['title']}")
    print(f"{len(rows)} event(s)")
    return 0


def cmd_events_attendance(args) -> int:
    from sva.hq.programmes.dissemination import import_attendance
    out = import_attendance(_storage(args), args.event, args.file, actor=_actor(args))
    print(f"event {args.event}: {out['attendees']} attendee(s)")
    return 0


def cmd_events_awards(args) -> int:
    from sva.hq.programmes.dissemination import import_awards
    out = import_awards(_storage(args), args.event, args.file, actor=_actor(args))
    print(f"event {args.event}: {out['awards']} award(s)")
    return 0


def cmd_climate_import(args) -> int:
    from sva.hq.programmes.climate import import_climate
    out = import_climate(_storage(args), args.file, args.fy, actor=_actor(args))
    print(f"climate FY{args.fy}: {out['rows']} supplier row(s)")
    return 0


def cmd_chemicals_import(args) -> int:
    from sva.hq.programmes.chemicals import import_chemicals
    out = import_chemicals(_storage(args), args.file, args.fy, actor=_actor(args))
    print(f"chemical surveys FY{args.fy}: {out['rows']} row(s)")
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
    c = csub.add_parser("file", parents=[common],
                        help="write the CMRT workbook a supplier sent for a year, as imported")
    c.add_argument("--supplier", required=True, metavar="CODE")
    c.add_argument("--fy", type=int, required=True)
    c.add_argument("-o", "--output", metavar="FILE", help="default: the imported file's name")
    c.set_defaults(handler=cmd_cmrt_file)
    c = csub.add_parser("smelters", parents=[common],
                        help="smelters of a fiscal year across suppliers, as CSV")
    c.add_argument("--fy", type=int, required=True)
    c.set_defaults(handler=cmd_cmrt_smelters)

    p = sub.add_parser("declarations", help="supplier declarations: requests and receipts")
    dsub = p.add_subparsers(dest="declarations_command", required=True, parser_class=Parser)
    c = dsub.add_parser("import", parents=[common],
                        help="receipts (supplier_code, decl_type, version, received_on, "
                             "signed_by, file) or requests (supplier_code, decl_type, "
                             "requested_on, reason) from CSV/XLSX")
    c.add_argument("kind", choices=["receipts", "requests"])
    c.add_argument("file")
    c.set_defaults(handler=cmd_declarations_import)
    c = dsub.add_parser("receive", parents=[common],
                        help="record one declaration received (with its scan)")
    c.add_argument("--supplier", required=True, metavar="CODE")
    c.add_argument("--type", required=True, help="a type of declarations.yaml, e.g. env_ohs")
    c.add_argument("--version", required=True)
    c.add_argument("--date", required=True, help="day received, YYYY-MM-DD")
    c.add_argument("--signed-by", required=True, metavar="NAME")
    c.add_argument("--scan", metavar="FILE", help="the signed declaration (PDF, image)")
    c.set_defaults(handler=cmd_declarations_receive)
    c = dsub.add_parser("outstanding", parents=[common],
                        help="requests not answered by a receipt yet, as CSV")
    c.set_defaults(handler=cmd_declarations_outstanding)

    p = sub.add_parser("events", help="dissemination events: meetings, briefings, training")
    esub = p.add_subparsers(dest="events_command", required=True, parser_class=Parser)
    c = esub.add_parser("add", parents=[common], help="add an event; prints its id")
    c.add_argument("--kind", required=True)
    c.add_argument("--date", required=True, help="YYYY-MM-DD")
    c.add_argument("--title", required=True)
    c.add_argument("--topic", action="append", help="a topic (repeatable)")
    c.set_defaults(handler=cmd_events_add)
    c = esub.add_parser("list", parents=[common], help="events with their ids")
    c.add_argument("--fy", type=int)
    c.set_defaults(handler=cmd_events_list)
    c = esub.add_parser("attendance", parents=[common],
                        help="attendees of an event (person, position, supplier_code, "
                             "management); replaces its list")
    c.add_argument("event")
    c.add_argument("file")
    c.set_defaults(handler=cmd_events_attendance)
    c = esub.add_parser("awards", parents=[common],
                        help="awards given at an event (supplier_code, award)")
    c.add_argument("event")
    c.add_argument("file")
    c.set_defaults(handler=cmd_events_awards)

    p = sub.add_parser("climate", help="CDP, procurement CO2, green procurement per year")
    xsub = p.add_subparsers(dest="climate_command", required=True, parser_class=Parser)
    c = xsub.add_parser("import", parents=[common],
                        help="one row per supplier: supplier_code, cdp_invited, cdp_responded, "
                             "cdp_score, co2_t, co2_method, co2_validated, green_status")
    c.add_argument("file")
    c.add_argument("--fy", type=int, required=True)
    c.set_defaults(handler=cmd_climate_import)

    p = sub.add_parser("chemicals", help="RoHS/REACH surveys per supplier and product family")
    xsub = p.add_subparsers(dest="chemicals_command", required=True, parser_class=Parser)
    c = xsub.add_parser("import", parents=[common],
                        help="supplier_code, product_family, regulation, status, substance, "
                             "exemption")
    c.add_argument("file")
    c.add_argument("--fy", type=int, required=True)
    c.set_defaults(handler=cmd_chemicals_import)
