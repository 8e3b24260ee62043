"""The programmes' panels on the dashboard overview: the same rows as the figures table
(`panels.panel_rows`), one card per programme, plus headline tiles and two charts."""
from __future__ import annotations

from sva.hq.programme.figures_render import display
from sva.hq.programmes.panels import KEY, labels, panel_rows, region_label
from sva.hq.web import charts
from sva.hq.web.pages import strings


def overview_context(fig: dict, lang: str) -> dict:
    if KEY not in fig:
        return {}
    cards: list[dict] = []
    for label, value in panel_rows(fig, lang):
        if value == "" and not label.startswith(" "):
            cards.append({"title": label, "rows": []})
        else:
            cards[-1]["rows"].append({"label": label.strip(), "value": display(value),
                                      "sub": label.startswith("    ")})
    p, L = fig[KEY], labels()[lang]
    t = strings()["programmes"][lang]
    biggest = max(p["dissemination"]["list"], key=lambda e: e["people"], default=None)
    tiles = [
        {"n": p["declarations"]["new_suppliers_declared"], "label": t["new_declared"]},
        {"n": biggest["people"] if biggest else 0, "label": t["meeting"],
         "small": L["event_line"].format(**biggest) if biggest else ""},
        {"n": f"{p['climate']['cdp_responded']} / {p['climate']['cdp_invited']}",
         "label": t["cdp"]},
        {"n": _pct(p["climate"]["green_rate"]), "label": t["green"]},
        {"n": _pct(p["cmrt"]["conformant_share"]), "label": t["conformant"],
         "small": f"{p['cmrt']['conformant']} / {p['cmrt']['smelters']}"},
    ]
    graphs = {
        "co2": charts.bars([(region_label(r, lang), round(v))
                            for r, v in p["climate"]["co2_by_region"].items()],
                           colour="#2e7d4f", width=520, label_width=160,
                           title=t["co2_by_region"]),
        "metals": charts.bars([(L["metals"][m], round(100 * v["conformant"] / v["smelters"], 1)
                                if v["smelters"] else 0)
                               for m, v in p["cmrt"]["by_metal"].items()],
                              colour="#9a5b00", unit="%", width=520, label_width=120,
                              title=t["smelters_by_metal"]),
    }
    return {"pg": {"t": t, "cards": cards, "tiles": tiles, "charts": graphs}}


def _pct(value) -> str:
    return "–" if value is None else f"{value:.1f}%"
