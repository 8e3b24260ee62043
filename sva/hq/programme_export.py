"""The yearly figures as an XLSX workbook (openpyxl) or a PDF with charts (reportlab).

The PDF embeds the IPA fonts for Japanese (sva.reports.fonts); charts are reportlab
drawings: findings per area stacked by severity, on-site assessments by kind,
information-security levels and procurement share by region."""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from sva.hq.programme.figures_render import Share, _labels, closed_text, display, \
    figures_csv, figures_rows
from sva.hq.programme.fiscal import fy_label
from sva.reports.cell_safety import csv_text, xlsx_row


def write_xlsx(fig: dict, path: str | Path, lang: str = "en") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    wb = Workbook()
    ws = wb.active
    ws.title = f"FY{fig['fy']}"
    for label, value in figures_rows(fig, lang):
        # numbers stay numbers (a pair 'all / critical' in two columns, a share as a
        # percentage); text cells are never formulas
        values = list(value) if isinstance(value, tuple) else [value]
        xlsx_row(ws, [label.strip(), *(v / 100 if isinstance(v, Share) else v for v in values)])
        for column, v in enumerate(values, start=2):
            if isinstance(v, Share):
                ws.cell(ws.max_row, column).number_format = "0.0%"
        if isinstance(value, str) and value == "":
            ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 24
    data = wb.create_sheet("data")
    for row in csv.reader(io.StringIO(figures_csv(fig))):
        xlsx_row(data, [int(c) if c.isdigit() else csv_text(c) for c in row])
    tmp = Path(str(path) + ".part")
    wb.save(tmp)
    tmp.replace(path)


def _bars(pairs, width, colour, label_font, *, percent=False):
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    h = 16 * max(1, len(pairs)) + 24
    d = Drawing(width, h, initialFontName="SVA-Sans")     # no unembedded Helvetica
    c = HorizontalBarChart()
    c.x, c.y, c.width, c.height = 150, 14, width - 190, h - 20
    c.data = [[v for _, v in reversed(pairs)] or [0]]
    c.categoryAxis.categoryNames = [k for k, _ in reversed(pairs)] or ["-"]
    c.categoryAxis.labels.fontName = label_font
    c.categoryAxis.labels.fontSize = 8
    c.categoryAxis.labels.boxAnchor = "e"
    c.valueAxis.valueMin = 0
    c.valueAxis.valueMax = max([1] + [v for _, v in pairs]) * 1.1
    c.valueAxis.labels.fontName = "SVA-Sans"
    c.valueAxis.labels.fontSize = 7
    c.bars[0].fillColor = colors.HexColor(colour)
    c.bars.strokeColor = None
    c.barLabelFormat = "%.1f%%" if percent else "%d"
    c.barLabels.fontName = "SVA-Sans"
    c.barLabels.fontSize = 7
    c.barLabels.boxAnchor = "w"
    c.barLabels.dx = 3
    d.add(c)
    return d


def write_pdf(fig: dict, path: str | Path, lang: str = "en") -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    from sva.reports.page import Metadata, PageDecor, build_pdf, frame_width

    from sva.reports.charts import severity_chart
    from sva.reports.fonts import LATIN, LATIN_BOLD, font_for, markup, register_fonts
    from sva.reports.styles import BAND, INK, NAVY, RULE
    register_fonts()
    L = _labels()[lang]
    base = ParagraphStyle("b", fontName=LATIN, fontSize=9, leading=12, textColor=INK)
    h1 = ParagraphStyle("h1", parent=base, fontName=LATIN_BOLD, fontSize=16, leading=20,
                        textColor=NAVY, spaceAfter=6)
    h2 = ParagraphStyle("h2", parent=base, fontName=LATIN_BOLD, fontSize=11, leading=15,
                        textColor=NAVY, spaceBefore=10, spaceAfter=4)
    width = frame_width(A4)
    story = [Paragraph(markup(f"{L['title']} {fy_label(fig['fy'])}"), h1)]

    def chart_font(texts):
        return font_for("".join(texts))

    story.append(Paragraph(markup(L["findings_by_area"]), h2))
    story.append(severity_chart(fig["findings_by_area"], lambda a: L["areas"][a],
                                lambda s: L["severities"][s], width))
    kinds = [(L["kinds"].get(k, k), n) for k, n in fig["onsite_assessments"].items()]
    story.append(Paragraph(markup(L["onsite_assessments"]), h2))
    story.append(_bars(kinds, width, "#1f3a5f", chart_font(k for k, _ in kinds)))
    levels = [(f"{k}", n) for k, n in fig["isec_levels"].items()]
    story.append(Paragraph(markup(L["isec_levels"]), h2))
    story.append(_bars(levels, width, "#2e7d4f", LATIN))
    regions = [(L["regions"].get(r, r), v["share"])
               for r, v in fig["procurement_by_region"].items()]
    story.append(Paragraph(markup(L["procurement_by_region"]), h2))
    story.append(_bars(regions, width, "#9a5b00", chart_font(r for r, _ in regions), percent=True))
    story.append(Paragraph(markup(L["title"]), h2))
    rows, styles = [], [("FONT", (0, 0), (-1, -1), LATIN),     # not the unembedded Helvetica
                        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                        ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for i, (label, value) in enumerate(figures_rows(fig, lang)[1:]):
        rows.append([Paragraph(markup(label.strip()), base),
                     Paragraph(markup(display(value)), base)])
        if isinstance(value, str) and value == "":
            styles.append(("BACKGROUND", (0, i), (-1, i), BAND))
    table = Table(rows, colWidths=[width * 0.68, width * 0.32])
    table.setStyle(TableStyle(styles))
    story.append(table)
    title = f"{L['title']} FY{fig['fy']}"
    made = date.today().isoformat()
    footer = [L["footer"].format(date=made)]
    if fig.get("closed"):
        footer.append(closed_text(fig["closed"], lang))
    decor = PageDecor(header_left=title, header_right=fy_label(fig["fy"]), footer_left=footer,
                      page_label=lambda n, total: L["page"].format(n=n, total=total))
    meta = Metadata(title=title, author=(fig.get("closed") or {}).get("by") or "SVA HQ",
                    subject=f"{L['title']} {fy_label(fig['fy'])}",
                    keywords=["SVA", "programme figures", f"FY{fig['fy']}"], lang=lang)
    data = build_pdf(story, size=A4, decor=decor, meta=meta)
    tmp = Path(str(path) + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
