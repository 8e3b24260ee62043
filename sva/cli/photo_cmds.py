"""`sva photo ...`: add, bulk-import, list, caption, link, delete and render photo evidence."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from sva.errors import BadInput

ADD_HELP = """Add photo files (JPEG, PNG, HEIC) to an audit, optionally linked to a finding or a
checklist item. All or nothing: every file is checked first; if any file is refused
(empty, truncated, not an image, over 100 MP, unsupported format), each refused file is listed
with its reason on stderr, NOTHING is added, and the exit code is 2. A photo whose EXIF block
is damaged is still evidence: it is added as stored (not rotated), with the file's date as its
capture time, and a warning naming the file goes to stderr. Adding a file the audit already
holds is not an error: the existing photo is kept (idempotent) and linked to the --finding /
--item given, which the output says. On a full disk the command stops with exit 1 and adds
nothing."""

IMPORT_HELP = """Import the photos of a folder or camera card that were taken during the
visit: from 00:00 on the visit day to 24:00 on its last day, in the site's time zone (capture
time from EXIF, else the file's modification time). Photos from other days, duplicates,
non-photo files and unreadable files are skipped and listed with the reason; they do not make
the command fail (a card holds more than one visit). Exit 0 when the import ran, 2 for a bad
audit or folder."""


def _workspace(args):
    from sva.cli.key_cmds import open_workspace
    return open_workspace(args)


def cmd_add(args) -> int:
    with _workspace(args) as ws:
        result = ws.photos.add_files(args.audit, args.files, finding_id=args.finding,
                                     item_id=args.item, reason=args.reason)
        reused: dict[str, list] = {}
        for r in result.reused:
            reused.setdefault(r.file, []).append(r)
        for path, photo_id in result.added:
            note = reused[path].pop(0).describe() if reused.get(path) else ""
            print(f"{photo_id}  {path}" + (f"  ({note})" if note else ""))
    _warn(result.warnings)
    return 0


def _warn(warnings) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def cmd_import_folder(args) -> int:
    with _workspace(args) as ws:
        result = ws.photos.import_folder(args.audit, args.folder, recursive=not args.flat,
                                         dry_run=args.dry_run, reason=args.reason)
    _warn(result.warnings)
    if args.json:
        print(json.dumps({"window": result.window, "dry_run": result.dry_run,
                          "matched": [{"file": f, "photo_id": i} for f, i in result.matched],
                          "skipped": [{"file": f, "reason": r} for f, r in result.skipped],
                          "warnings": [{"file": w.file, "code": w.code, "message": w.message}
                                       for w in result.warnings]},
                         ensure_ascii=False, indent=2))
        return 0
    start, end, zone = result.window
    verb = "would import" if result.dry_run else "imported"
    print(f"visit window {start} – {end} (UTC; site zone {zone})")
    for path, photo_id in result.matched:
        print(f"{verb}  {photo_id or '':36}  {path}")
    for path, reason in result.skipped:
        print(f"skipped  {path}: {reason}")
    print(f"{len(result.matched)} {verb}, {len(result.skipped)} skipped")
    return 0


def cmd_list(args) -> int:
    with _workspace(args) as ws:
        ws.audits.audit(args.audit)
        rows = ws.photos.of_audit(args.audit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        marks = len(json.loads(r["annotations"] or "[]"))
        print(f"{r['id']:36}  {r['position']:>3}  {r['width']}×{r['height']}  "
              f"{r['captured_at'] or '-':20}  {r['finding_id'] or '-':36}  "
              f"{marks} mark(s)  {r['filename']}  {r['caption']}")
    return 0


def cmd_caption(args) -> int:
    with _workspace(args) as ws:
        ws.photos.set_caption(args.photo, args.text, reason=args.reason)
    return 0


def cmd_link(args) -> int:
    with _workspace(args) as ws:
        if args.finding:
            ws.photos.link_finding(args.photo, args.finding, reason=args.reason)
        else:
            ws.photos.unlink_finding(args.photo, reason=args.reason)
    return 0


def cmd_delete(args) -> int:
    with _workspace(args) as ws:
        ws.photos.delete(args.photo, reason=args.reason)
    return 0


def cmd_render(args) -> int:
    out = Path(args.output)
    if not out.parent.is_dir():
        raise BadInput("the output folder does not exist", file=str(out))
    with _workspace(args) as ws:
        data = ws.photos.render(args.photo, redacted=not args.unredacted)
    tmp = out.with_name(f".{out.name}.part")
    tmp.write_bytes(data)
    os.replace(tmp, out)
    print(f"{out} ({'internal, unredacted' if args.unredacted else 'redacted'})",
          file=sys.stderr)
    return 0


def register(sub, common) -> None:
    p = sub.add_parser("photo", help="photo evidence")
    psub = p.add_subparsers(dest="photo_command", required=True, parser_class=type(p))

    c = psub.add_parser("add", parents=[common], help="add photo files to an audit",
                        description=ADD_HELP)
    c.add_argument("audit", metavar="AUDIT")
    c.add_argument("--finding", metavar="F", help="link the photos to this finding")
    c.add_argument("--item", metavar="I", help="link the photos to this checklist item")
    c.add_argument("--reason", help="amendment reason (needed for a signed audit)")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.set_defaults(handler=cmd_add)

    c = psub.add_parser("import-folder", parents=[common],
                        help="import the photos of a folder taken during the visit",
                        description=IMPORT_HELP)
    c.add_argument("audit", metavar="AUDIT")
    c.add_argument("folder", metavar="FOLDER")
    c.add_argument("--flat", action="store_true", help="do not look into subfolders")
    c.add_argument("--dry-run", action="store_true",
                   help="only show what would be imported and what skipped")
    c.add_argument("--reason", help="amendment reason (needed for a signed audit)")
    c.add_argument("--json", action="store_true", help="print JSON")
    c.set_defaults(handler=cmd_import_folder)

    c = psub.add_parser("list", parents=[common], help="list an audit's photos")
    c.add_argument("audit", metavar="AUDIT")
    c.add_argument("--json", action="store_true", help="print JSON")
    c.set_defaults(handler=cmd_list)

    c = psub.add_parser("caption", parents=[common], help="set a photo's caption")
    c.add_argument("photo", metavar="PHOTO")
    c.add_argument("text", metavar="TEXT")
    c.add_argument("--reason", help="amendment reason (needed for a signed audit)")
    c.set_defaults(handler=cmd_caption)

    c = psub.add_parser("link", parents=[common],
                        help="link a photo to a finding (without --finding: unlink)")
    c.add_argument("photo", metavar="PHOTO")
    c.add_argument("--finding", metavar="F")
    c.add_argument("--reason", help="amendment reason (needed for a signed audit)")
    c.set_defaults(handler=cmd_link)

    c = psub.add_parser("delete", parents=[common], help="delete a photo (soft, logged)")
    c.add_argument("photo", metavar="PHOTO")
    c.add_argument("--reason", help="amendment reason (needed for a signed audit)")
    c.set_defaults(handler=cmd_delete)

    c = psub.add_parser("render", parents=[common],
                        help="write the photo with its annotations, redacted, as JPEG")
    c.add_argument("photo", metavar="PHOTO")
    c.add_argument("-o", "--output", required=True, metavar="OUT.jpg")
    c.add_argument("--unredacted", action="store_true",
                   help="internal evidence only: outline redaction boxes, keep the pixels")
    c.set_defaults(handler=cmd_render)

