"""`sva checklist new` and `sva checklist preview`: writing and reviewing a template
(`validate` lives with the other auditor commands in sva.cli.main)."""
from __future__ import annotations

from pathlib import Path

from sva.errors import BadInput
from sva.vocabulary import AUDIT_KINDS

LANG_CHOICES = ("en", "ja", "en+ja")


def cmd_checklist_new(args) -> int:
    from sva.checklists.skeleton import skeleton
    from sva.reports.page import write_atomically
    from sva.validation.checks import ID
    path = Path(args.file)
    if path.exists():
        raise BadInput("the file exists; give a new file name", file=str(path))
    template_id = args.id or path.stem
    if not ID.match(template_id):
        raise BadInput(f"bad template id {template_id!r}: letters, digits, '-', '_' or '.', "
                       "starting with a letter", field="id")
    write_atomically(path, skeleton(template_id=template_id, kind=args.kind,
                                    title=args.title, file=path.name).encode("utf-8"))
    print(f"{path}: written; edit it, then `sva checklist validate {path}`")
    return 0


def cmd_checklist_preview(args) -> int:
    from sva.checklists import load_template
    from sva.reports.checklist_preview import build_preview
    from sva.reports.page import write_atomically
    template = load_template(args.file)
    out = Path(args.output or Path(args.file).with_suffix(".pdf"))
    write_atomically(out, build_preview(template, lang=args.lang, size=args.page_size))
    print(f"{out}: {len(template.items)} items, "
          f"{sum(1 for i in template.items.values() if i.relevant_if)} with a rule")
    return 0


def register_checklist(csub, common) -> None:
    c = csub.add_parser("new", parents=[common], help="write a commented checklist skeleton")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--id", help="template id (default: the file name)")
    c.add_argument("--kind", choices=AUDIT_KINDS, default="svr")
    c.add_argument("--title", default="New checklist")
    c.set_defaults(handler=cmd_checklist_new)
    c = csub.add_parser("preview", parents=[common],
                        help="render a checklist with its rules as a PDF for review")
    c.add_argument("file", metavar="FILE")
    c.add_argument("-o", "--output", metavar="PDF", help="default: FILE with .pdf")
    c.add_argument("--lang", choices=LANG_CHOICES, default="en+ja")
    c.add_argument("--page-size", choices=("a4", "letter"), default="a4")
    c.set_defaults(handler=cmd_checklist_preview)
