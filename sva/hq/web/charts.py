"""Server-rendered SVG charts for the dashboard: no JavaScript, no CDN, readable in print."""
from __future__ import annotations

from html import escape

from markupsafe import Markup

from sva.vocabulary import ISEC_LEVELS

SEVERITY_COLOURS = {"significant": "#b3261e", "minor": "#d98e04", "observation": "#3b6ea8",
                    "good_practice": "#2e7d4f"}
LEVEL_COLOURS = {"A": "#2e7d4f", "B": "#7aa83b", "C": "#d98e04", "D": "#b3261e"}


def _text(x, y, text, *, anchor="start", size=12, fill="#1d2430", weight="normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="{fill}" font-weight="{weight}">{escape(str(text))}</text>')


def bars(pairs, *, colour="#1f3a5f", colours=None, width=460, unit="", label_width=170,
         title="") -> Markup:
    """Horizontal bars: pairs of (label, value); value labels at the bar ends."""
    row = 26
    height = row * max(1, len(pairs)) + 10
    top = max([1] + [v or 0 for _, v in pairs])
    plot = width - label_width - 60
    out = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} '
           f'{height}" width="100%" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value) in enumerate(pairs):
        y = 5 + i * row
        w = plot * (value or 0) / top
        fill = (colours or {}).get(label, colour) if colours else colour
        out.append(_text(label_width - 8, y + 16, label, anchor="end"))
        out.append(f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" '
                   f'rx="2" fill="{fill}"/>')
        out.append(_text(label_width + w + 6, y + 16, f"{value:g}{unit}" if value is not None
                         else "–", size=11, fill="#5b6574"))
    out.append("</svg>")
    return Markup("".join(out))


def stacked(rows, series, labels, *, width=460, label_width=170, title="") -> Markup:
    """Horizontal stacked bars: rows = [(label, {series: n})], with a legend."""
    row = 26
    legend = 26
    height = row * max(1, len(rows)) + legend + 10
    top = max([1] + [sum(c.values()) for _, c in rows])
    plot = width - label_width - 50
    out = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} '
           f'{height}" width="100%" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, counts) in enumerate(rows):
        y = 5 + i * row
        out.append(_text(label_width - 8, y + 16, label, anchor="end"))
        x = label_width
        for s in series:
            n = counts.get(s, 0)
            if n:
                w = plot * n / top
                out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" '
                           f'fill="{SEVERITY_COLOURS.get(s, "#888")}"><title>{escape(labels[s])}: '
                           f'{n}</title></rect>')
                x += w
        out.append(_text(x + 6, y + 16, sum(counts.values()), size=11, fill="#5b6574"))
    x, y = label_width, height - legend + 8
    for s in series:
        out.append(f'<rect x="{x}" y="{y}" width="11" height="11" '
                   f'fill="{SEVERITY_COLOURS.get(s, "#888")}"/>')
        out.append(_text(x + 15, y + 10, labels[s], size=11))
        x += 24 + 7.5 * len(labels[s]) * (1.6 if any(ord(c) > 0x2e80 for c in labels[s]) else 1)
    out.append("</svg>")
    return Markup("".join(out))


def level_y(level, levels=ISEC_LEVELS, *, top=15, ph=145) -> float:
    """The height of a level's row: best level at the top, one row per level."""
    rank = levels.index(level) if level in levels else len(levels) - 1
    return top + ph * (rank + 0.5) / len(levels)


def level_history(points, levels=ISEC_LEVELS, *, width=520, height=190,
                  title="", score_label="ISEC score") -> Markup:
    """The information-security level per fiscal year: one row per level (best on top), a
    point on its level's row — a level capped by a knock-out answer sits on its own row,
    whatever its score (the score is in the tooltip). points = [(fy, score or None, level)]."""
    if not points:
        return Markup("")
    left, right, top, bottom = 40, 20, 15, 30
    pw, ph = width - left - right, height - top - bottom
    n = len(points)
    pad = 28     # keep the end circles clear of the axis labels and the edge
    xs = [left + pad + ((pw - 2 * pad) * (i / (n - 1)) if n > 1 else (pw - 2 * pad) / 2)
          for i in range(n)]
    ys = [level_y(level, levels, top=top, ph=ph) for _, _, level in points]
    out = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} '
           f'{height}" width="100%" xmlns="http://www.w3.org/2000/svg">']
    for level in levels:
        y = level_y(level, levels, top=top, ph=ph)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
                   f'stroke="#dde3ea" stroke-width="1"/>')
        out.append(_text(left - 6, y + 4, level, anchor="end", size=11, fill="#5b6574"))
    out.append('<polyline fill="none" stroke="#1f3a5f" stroke-width="2" points="'
               + " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys)) + '"/>')
    for x, y, (fy, s, level) in zip(xs, ys, points):
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" data-level="{escape(level)}" '
                   f'fill="{LEVEL_COLOURS.get(level, "#888")}"><title>FY{fy}: {level}'
                   f'{"" if s is None else f" ({escape(score_label)} {s:.1f})"}</title></circle>')
        out.append(_text(x, y + 4.5, level, anchor="middle", size=12, fill="#fff",
                         weight="bold"))
        out.append(_text(x, height - 8, f"FY{fy}", anchor="middle", size=11))
    out.append("</svg>")
    return Markup("".join(out))
