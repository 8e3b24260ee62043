"""The summary chart: findings per risk area, stacked by severity (reportlab.graphics)."""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String

from sva.vocabulary import SEVERITIES
from sva.reports.fonts import font_for
from sva.reports.styles import INK, MUTED, RULE, SEVERITY_COLOURS


def severity_chart(counts: dict[str, dict[str, int]], area_label, severity_label,
                   width: float, *, bar_height: float = 13) -> Drawing:
    """Horizontal stacked bars, one per area; `area_label(code)` / `severity_label(sev)`
    give the texts in the report language (one string each, no markup)."""
    areas = list(counts)
    names = [area_label(a) for a in areas]
    label_font = font_for("".join(names))
    label_width = min(width * 0.4, max([40] + [_width(n, label_font, 7.5) for n in names]))
    legend_height = 18
    plot_height = bar_height * 1.6 * len(areas)
    height = plot_height + legend_height + 22
    drawing = Drawing(width, height, initialFontName="SVA-Sans", initialFontSize=7.5)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 6, legend_height + 16
    chart.width, chart.height = width - label_width - 16, plot_height
    # reportlab draws the first category at the bottom: reverse to read top-down.
    chart.data = [[counts[a][s] for a in reversed(areas)] for s in SEVERITIES]
    chart.categoryAxis.categoryNames = [area_label(a) for a in reversed(areas)]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = label_font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    total_max = max([1] + [sum(c.values()) for c in counts.values()])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(2, total_max)
    chart.valueAxis.valueStep = 1 if total_max <= 8 else max(1, round(total_max / 6))
    chart.valueAxis.labels.fontName = "SVA-Sans"
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barWidth = bar_height
    chart.groupSpacing = bar_height * 0.6
    chart.bars.strokeColor = None
    for index, severity in enumerate(SEVERITIES):
        chart.bars[index].fillColor = SEVERITY_COLOURS[severity]
    drawing.add(chart)
    x = chart.x
    for severity in SEVERITIES:
        text = severity_label(severity)
        font = font_for(text)
        drawing.add(Rect(x, 2, 8, 8, fillColor=SEVERITY_COLOURS[severity], strokeColor=None))
        drawing.add(String(x + 11, 3, text, fontName=font, fontSize=7.5, fillColor=INK))
        x += 11 + _width(text, font, 7.5) + 14
    return drawing


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return stringWidth(text, font, size)
