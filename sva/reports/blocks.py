"""Building blocks both PDF reports share: fact tables, finding blocks, photos, signatures."""
from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor

from PIL import Image as PILImage
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (CondPageBreak, Image, KeepTogether, Paragraph, Spacer, Table,
                                TableStyle)

from sva.errors import BadInput
from sva.reports.i18n import Texts, role_code
from sva.reports.outline import Bookmark, FindingMark
from sva.reports.images import print_photo, print_png
from sva.reports.report_data import ReportData, finding_text, in_lang
from sva.vocabulary import CAP_SEVERITIES, FINDING_EVIDENCE_FIELDS, KEYED_ANSWER_TYPES
from sva.reports.styles import (Grid, BAND, MUTED, NAVY, PAPER, RULE, SEVERITY_COLOURS, label, para,
                                stacked)

PHOTO_GAP = 6 * mm
PHOTO_ASPECT = 0.75          # placed box height / width (the demo and most cameras: 4:3)


def photo_box(width: float) -> tuple[float, float]:
    """The box one photo gets in a two-column grid `width` wide."""
    w = (width - PHOTO_GAP) / 2
    return w, w * PHOTO_ASPECT


def prerender_prints(ws, photo: dict) -> int:
    """Render `photo`'s annotated print copies for every page size into the print cache,
    so the next report embeds them as they are. The app runs this in a worker when an
    auditor saves annotations: the report at the end of the visit then draws nothing.
    Returns how many renderings were made or found."""
    from sva.reports.page import PAGE_SIZES, frame_width
    boxes = {photo_box(frame_width(size)) for size in PAGE_SIZES.values()}
    for box in boxes:
        print_photo(ws, photo, *box)
    return len(boxes)


def prepare_photos(ws, photos: list[dict], box: tuple[float, float]) -> dict[str, bytes | None]:
    """Print renderings of `photos` by photo id, made in parallel (Pillow releases the GIL
    while decoding and resizing). A photo that cannot be read maps to None."""
    def render(photo):
        try:
            return photo["id"], print_photo(ws, photo, *box)
        except BadInput:
            return photo["id"], None

    if not photos:
        return {}
    with ThreadPoolExecutor(max_workers=min(8, len(photos), (os.cpu_count() or 2) + 2)) as pool:
        return dict(pool.map(render, photos))


def facts_table(rows: list[tuple[list, list]], width: float, *, label_share=0.27) -> Table:
    """Two columns, label | value, with light rules between the rows."""
    table = Grid([[lab, val] for lab, val in rows],
                  colWidths=[width * label_share, width * (1 - label_share)])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, NAVY),
        ("LINEBELOW", (0, -1), (-1, -1), 1.2, NAVY),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def grid_style(header_rows: int = 1) -> list:
    """Table style of data grids: navy header, zebra rows, light rules."""
    return [
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [PAPER, BAND]),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def severity_badge(t: Texts, severity: str, styles) -> Table:
    cell = Grid([[para(t(f"severity.{severity}"), styles["head_c"])]])
    cell.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), SEVERITY_COLOURS[severity]),
                              ("TOPPADDING", (0, 0), (-1, -1), 2),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return cell


def finding_band(t: Texts, finding: dict, styles, width: float) -> Table:
    """The coloured heading line of a finding: number, area, severity."""
    area = para(t(f"area.{finding['area']}"), styles["band"])
    band = Grid([[para(finding["no"], styles["band"]), area,
                   severity_badge(t, finding["severity"], styles)]],
                 colWidths=[16 * mm, width - 16 * mm - 40 * mm, 40 * mm])
    band.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (1, 0), NAVY),
        ("LINEBEFORE", (0, 0), (0, 0), 4, SEVERITY_COLOURS[finding["severity"]]),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (1, 0), 5), ("BOTTOMPADDING", (0, 0), (1, 0), 5),
        ("LEFTPADDING", (0, 0), (0, 0), 8),
        ("LEFTPADDING", (2, 0), (2, 0), 0), ("RIGHTPADDING", (2, 0), (2, 0), 0),
        ("BACKGROUND", (2, 0), (2, 0), SEVERITY_COLOURS[finding["severity"]]),
    ]))
    return band


def field_text(t: Texts, finding: dict, what: str, field_name: str, styles) -> list:
    """A finding's text in the report language(s); both languages only where they differ.
    In a one-language report, text shown in the other language says so (「英語で記載」); a
    bilingual reader needs no such note."""
    return lang_texts(t, lambda lang: finding_text(finding, what, field_name, lang), styles,
                      styles["body"]) or [para("—", styles["body"])]


def lang_texts(t: Texts, text_in, styles, style) -> list:
    """`text_in(lang) -> (text, in the other language?)` as paragraphs in the report
    language(s): both only where they differ; in a one-language report a text in the other
    language is marked (「英語で記載」) the way a finding's texts are."""
    out, seen = [], []
    for lang in t.langs:
        text, other = text_in(lang)
        if text and text not in seen:
            seen.append(text)
            if other and not t.bilingual:
                out.append(para(t.get("finding.other_lang", lang), styles["small"]))
            out.append(para(text, style))
    return out


def marked(t: Texts, text_other: tuple[str, bool], lang: str) -> str:
    """A text inside a sentence in `lang`, followed by the other-language mark where it is
    in the other language ("Kawasaki plant（英語で記載）")."""
    text, other = text_other
    return text + (t.get("finding.other_lang", lang) if other and not t.bilingual else "")


def evidence_refs(t: Texts, finding: dict, styles, width: float) -> list:
    """Documents seen, people interviewed, sample sizes: a small label | value table."""
    rows = [(stacked(t, f"finding.{key}", styles, "small", "label2"),
             [para(finding[key], styles["cell"])])
            for key in FINDING_EVIDENCE_FIELDS if (finding.get(key) or "").strip()]
    if not rows:
        return []
    table = Grid([[lab, val] for lab, val in rows], colWidths=[width * 0.27, width * 0.73])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 2),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    return [table]


class _JpegAsIs(ImageReader):
    """A JPEG for `drawImage` that is never decoded. reportlab names each image by the MD5 of
    its decoded pixels, then embeds a JPEG's compressed stream unchanged: the compressed bytes
    name it just as uniquely, so the decode, the pixel copy and the hash of 60 photos' pixels
    (a quarter of a photo-heavy report's build) are skipped."""

    def getRGBData(self):  # noqa: N802 (reportlab's name)
        if getattr(self._image, "format", None) != "JPEG":
            return super().getRGBData()
        self._dataA = None
        return self.fp.getvalue()


class PhotoImage(Image):
    """A print-size photo placed from its JPEG (or PNG) bytes."""

    def __init__(self, data: bytes, width: float, height: float):
        self._img = _JpegAsIs(io.BytesIO(data))      # before Image reads the size from it
        super().__init__(io.BytesIO(data), width, height)


def _fit(data: bytes, box: tuple[float, float]) -> tuple[float, float]:
    with PILImage.open(io.BytesIO(data)) as img:
        w, h = img.size
    scale = min(box[0] / w, box[1] / h)
    return w * scale, h * scale


def photo_grid(t: Texts, photos: list[dict], images: dict, styles, width: float, *,
               start: int = 1, details=None, numbers: dict | None = None) -> Table:
    """Photos two per row with captions; `details(photo)` adds lines under the caption;
    `numbers` (photo id -> number): one numbering for the whole document."""
    box = photo_box(width)
    cells = []
    for n, photo in enumerate(photos, start=start):
        n = (numbers or {}).get(photo["id"], n)
        data = images.get(photo["id"])
        caption = t("finding.photo", n=n) + (f" · {photo['caption']}" if photo["caption"] else "")
        if data is None:
            picture = para(f"[{photo['filename'] or photo['sha256'][:12]}: not available]",
                           styles["small"])
        else:
            picture = PhotoImage(data, *_fit(data, box))
        cell = [picture, Spacer(1, 2), para(caption, styles["caption"])]
        if details:
            cell += [para(line, styles["caption"]) for line in details(photo)]
        cells.append(cell)
    if len(cells) % 2:
        cells.append("")
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    grid = Grid(rows, colWidths=[box[0] + PHOTO_GAP / 2] * 2)
    grid.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                              ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return grid


def finding_room(finding: dict, width: float) -> float:
    """The space a finding needs left on the page to start there: its first lines, and with
    photos its first row of photos too, so they print next to it, not alone overleaf. A
    heading before the first finding asks for this much more than its own height."""
    return 60 * mm + (photo_box(width)[1] + 12 * mm if finding["photos"] else 0)


def finding_block(t: Texts, data: ReportData, finding: dict, images: dict, styles,
                  width: float, *, extra=None, numbers: dict | None = None) -> list:
    """One finding as flowables that may split between pages (long texts never overflow a
    page); the band stays with the requirement, each label with its text."""
    # The band, the item, the requirement and the first lines of what was seen stay together
    # (a heading never alone at a page foot); a page that continues the finding repeats its
    # number at the top (FindingMark, page.PageDecor.continued).
    title = (f"{finding['no']}  {t('area.' + finding['area'])} - "
             f"{t('severity.' + finding['severity'])}")
    head = [Bookmark(title, f"finding-{finding['no']}", level=1), FindingMark(finding["no"]),
            finding_band(t, finding, styles, width), Spacer(1, 3)]
    if finding["item_id"]:
        head.append(para(t("finding.item", id=finding["item_id"]), styles["small"]))
    item = finding.get("item")
    if item is not None and item.references:     # the standard or law clause it rests on
        head += reference_lines(t, item, styles)
    if finding["requirement"]:
        head.append(label(t, "finding.requirement", styles))
        head += field_text(t, finding, "question", "requirement", styles)
    observed = field_text(t, finding, "", "observed", styles)
    head += [label(t, "finding.observed", styles), observed[0]]
    out = [CondPageBreak(finding_room(finding, width)), KeepTogether(head)] + observed[1:]

    def section(key: str, flowables: list) -> None:
        head = label(t, key, styles)
        out.append(KeepTogether([head, flowables[0]]) if flowables else head)
        out.extend(flowables[1:])

    refs = evidence_refs(t, finding, styles, width)
    if finding["evidence"] or finding.get("evidence_ja") or refs:
        texts = (field_text(t, finding, "", "evidence", styles)
                 if finding["evidence"] or finding.get("evidence_ja") else [])
        section("finding.evidence", texts + refs)
    if finding["photos"]:
        section("finding.photos", [photo_grid(t, finding["photos"], images, styles, width,
                                              numbers=numbers)])
    if finding["severity"] in CAP_SEVERITIES:
        action = field_text(t, finding, "expected", "required_action", styles)
        if any(finding_text(finding, "expected", "required_action", lang)[0]
               for lang in t.langs):
            section("finding.required_action", action)
        section("finding.due_date", [para(t.date(finding["due_date"]), styles["cell_b"])])
    else:
        out.append(Spacer(1, 2))
        out.append(para(t("finding.no_action"), styles["small"]))
    if extra:
        out.extend(extra(finding))
    out += [FindingMark(None), Spacer(1, 10)]
    return out


def reference_lines(t: Texts, item, styles) -> list:
    """The clauses an item rests on, in the report language: one line per language where
    the names differ (a law's name), one line where they are the same (ISO control ids)."""
    lines: dict[str, list[str]] = {}          # text -> the languages it is shown for
    for lang in t.langs:
        text = ("; " if lang == "en" else "、").join(item.reference_texts(lang))
        lines.setdefault(text, []).append(lang)
    out = []
    for text, langs in lines.items():
        names = " / ".join(t.get("finding.reference", lang) for lang in langs)
        out.append(para(names + (": " if langs[0] == "en" else "：") + text, styles["small"]))
    return out


def answer_text(t: Texts, item, answer: dict | None, lang: str | None = None) -> str:
    """The answer given to a checklist item, as the reports word it: in `lang`, or in the
    report language(s) joined."""
    def say(key: str) -> str:
        return t.get(key, lang) if lang else t(key)

    if not answer or answer["result"] is None:
        return say("answer.unanswered")
    result = answer["result"]
    if item is not None and item.answer in KEYED_ANSWER_TYPES:
        return say(f"answer.{result}")
    if item is not None and item.answer == "choice":
        labels = dict(item.choices).get(result)
        if labels:
            return (labels.get(lang) or labels.get("en") or result) if lang else t.pick(labels)
    return result


def item_photos_block(t: Texts, data: ReportData, item_id: str, photos: list, images: dict,
                      styles, width: float) -> list:
    """A checklist item's photos where the item has no finding: the item (id, question, the
    answer given) kept with the first row of its photos."""
    item = data.template.items.get(item_id)
    answer = data.answers.get(item_id)
    head = [para(t("finding.item", id=item_id), styles["cell_b"])]
    if item is not None:
        head += texts_in_langs(t, item.question, styles["body"])
    head.append(para(" / ".join(t.get("item_photos.answer", lang,
                                      answer=answer_text(t, item, answer, lang))
                                for lang in t.langs), styles["small"]))
    grid = photo_grid(t, photos, images, styles, width)
    return [KeepTogether(head + [Spacer(1, 3), grid]), Spacer(1, 8)]


def role_text(t: Texts, role: str) -> str:
    """A signatory's role in the report language(s) when it is in the vocabulary
    (SIGNATORY_ROLES, by code or by its label in either language), else as written, marked
    in a one-language report when written in the other language."""
    code = role_code(role)
    if code is not None:
        return t(f"role.{code}")
    role = (role or "").strip()
    return marked(t, in_lang(role, "", t.lang), t.lang) if not t.bilingual else role


def signature_table(t: Texts, data: ReportData, styles, width: float) -> Table:
    """Signed: each signature image with name, role, organisation and time (site time)."""
    rows = []
    box = (55 * mm, 18 * mm)
    for sig in data.signatures:
        png = print_png(sig["image_png"], *box)
        picture = Image(io.BytesIO(png), *_fit(png, box))
        facts = [para(sig["signer_name"], styles["cell_b"]),
                 para(f"{role_text(t, sig['role'])}, {sig['organisation']}", styles["cell"]),
                 para(f"{t('signatures.signed_at')}: {t.moment(sig['signed_at'], data.zone)}",
                      styles["small"])]
        rows.append([picture, facts])
    table = Grid(rows, colWidths=[62 * mm, width - 62 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return table


def blank_signatures(t: Texts, styles, width: float) -> Table:
    """Unsigned: two boxes to sign by hand on a printed draft."""
    def box(key):
        lines = [stacked(t, key, styles)]
        for field in ("signatures.name", "signatures.role", "signatures.date",
                      "signatures.signature"):
            lines.append([Spacer(1, 9), para(t(field, sep=" / ") + ":", styles["small"])])
        return [flowable for group in lines for flowable in group]
    half = (width - 8 * mm) / 2
    table = Grid([[box("signatures.for_buyer"), "", box("signatures.for_supplier")]],
                  colWidths=[half, 8 * mm, half])
    table.setStyle(TableStyle([("BOX", (0, 0), (0, 0), 0.6, MUTED),
                               ("BOX", (2, 0), (2, 0), 0.6, MUTED),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return table


def texts_in_langs(t: Texts, texts: dict, style) -> list[Paragraph]:
    """A {en, ja} text from data as one paragraph per report language."""
    return [para(texts[lang], style) for lang in t.langs if texts.get(lang)]
