"""The programmes' figures as extra panels of the fiscal-year figures: one registry that
the figures table/CSV/XLSX/PDF, the dashboard overview (and a closed year's snapshot) call,
so a new programme is added here once.

`extra_figures(tx, fy)` -> {panel key: figures}; `panel_rows(fig, lang)` -> (label, value)
pairs in reading order ('' value = heading); `panel_csv(fig)` -> long-format rows."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import yaml

from sva.hq.programmes import chemicals, climate, cmrt_store, declarations, dissemination
from sva.hq.storage import Storage, Tx
from sva.paths import resource

KEY = "programmes"
TOP = 6             # categories shown in the table (the CSV has all)


@dataclass(frozen=True)
class Panel:
    key: str
    compute: Callable[[Tx, int], dict]


PANELS: tuple[Panel, ...] = (
    Panel("declarations", declarations.figures),
    Panel("dissemination", dissemination.figures),
    Panel("climate", climate.figures),
    Panel("cmrt", cmrt_store.figures),
    Panel("chemicals", chemicals.figures),
)


def extra_figures(tx: Tx, fy: int) -> dict:
    return {p.key: p.compute(tx, fy) for p in PANELS}


def with_panels(tx: Tx, fig: dict) -> dict:
    """The yearly figures plus the programmes' panels under `programmes`."""
    return {**fig, KEY: extra_figures(tx, fig["fy"])}


def figures_with_panels(storage: Storage, fy: int) -> dict:
    from sva.hq.programme_figures import figures_from_db
    with storage.transaction(write=False) as tx:
        return with_panels(tx, figures_from_db(tx, fy))


@lru_cache(maxsize=1)
def labels() -> dict:
    return yaml.safe_load(resource("programme", "programmes_labels.yaml").read_text("utf-8"))


def region_label(region: str, lang: str) -> str:
    from sva.hq.programme.figures_render import _labels
    return _labels()[lang]["regions"].get(region, region)


def _n(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return f"{value:,}"


def _num(value):
    """A figure that is one number stays a number (an XLSX cell holds it as such; the table
    and the dashboard show it through `display`); a missing one is a dash."""
    return "–" if value is None else value


def _share(value):
    from sva.hq.programme.figures_render import Share
    return "–" if value is None else Share(value)


def _pct(value) -> str:
    return "–" if value is None else f"{value:.1f}%"


def panel_rows(fig: dict, lang: str = "en") -> list[tuple[str, str]]:
    p = fig.get(KEY)
    if not p:
        return []
    L = labels()[lang]
    d, e, c, m, h = (p[k] for k in ("declarations", "dissemination", "climate", "cmrt",
                                    "chemicals"))
    rows = [(L["declarations"], ""), (f"  {L['received']}", _num(d["received"])),
            (f"  {L['new_suppliers_declared']}", _num(d["new_suppliers_declared"]))]
    rows += [(f"  {L['coverage']}: {declarations.title(t, lang, short=True)}",
              (v["suppliers"], _share(v["share"]))) for t, v in d["coverage"].items()]
    rows.append((f"  {L['outstanding_requests']}", _num(d["outstanding_requests"])))
    rows += [(L["dissemination"], ""), (f"  {L['events']}", _num(e["events"]))]
    for ev in e["list"]:
        line = L["event_line"].format(**ev) if ev["people"] else L["staff_line"].format(**ev)
        rows.append((f"    {ev['held_on']} {ev['title']}", line))
    rows += [(f"  {L[k]}", _num(e[k])) for k in ("people", "management", "suppliers_reached",
                                               "staff_trained", "awards")]
    rows += [(L["climate"], ""),
             (f"  {L['cdp']}", (c["cdp_invited"], c["cdp_responded"])),
             (f"  {L['cdp_scores']}", ", ".join(f"{s}: {n}" for s, n in c["cdp_scores"].items())
              or L["none"]),
             (f"  {L['co2_t']}", _num(c["co2_t"])),
             (f"  {L['co2_validated_share']}", _share(c["co2_validated_share"])),
             (f"  {L['co2_by_region']}", ", ".join(f"{region_label(r, lang)} {_n(v)}" for r, v
                                                   in c["co2_by_region"].items()) or L["none"]),
             (f"  {L['co2_by_category']}", ", ".join(
                 f"{k} {_n(v)}" for k, v in list(c["co2_by_category"].items())[:TOP])
              or L["none"]),
             (f"  {L['green_rate']}", _share(c["green_rate"]))]
    rows += [(L["cmrt"], ""), (f"  {L['surveyed']}", _num(m["surveyed"])),
             (f"  {L['responded']}", (m["responded"], _share(m["response_rate"]))),
             (f"  {L['smelters']}", _num(m["smelters"])),
             (f"  {L['conformant']}", (m["conformant"], _share(m["conformant_share"])))]
    rows += [(f"    {L['metals'][metal]}", (v["conformant"], v["smelters"]))
             for metal, v in m["by_metal"].items()]
    rows.append((L["chemicals"], ""))
    rows += [(f"  {reg}", L["chem_line"].format(**{**v, "coverage": _pct(v["coverage"])}))
             for reg, v in h.items()]
    return rows


def panel_csv(fig: dict) -> list[list]:
    """[fy, section, key, subkey, value] rows (codes, not labels), like figures_csv."""
    p = fig.get(KEY)
    if not p:
        return []
    fy, out = fig["fy"], []

    def add(section, key, subkey, value):
        out.append([fy, section, key, subkey, "" if value is None else value])

    d = p["declarations"]
    for k in ("received", "new_suppliers_declared", "active_suppliers", "outstanding_requests"):
        add("declarations", k, "", d[k])
    for t, v in d["coverage"].items():
        add("declarations", "coverage", t, v["suppliers"])
        add("declarations", "coverage_share", t, v["share"])
    e = p["dissemination"]
    for k in ("events", "people", "management", "suppliers_reached", "staff_trained", "awards"):
        add("dissemination", k, "", e[k])
    for k, n in e["by_kind"].items():
        add("dissemination", "events_by_kind", k, n)
    for ev in e["list"]:
        for k in ("people", "management", "suppliers", "staff"):
            add("dissemination_event", f"{ev['held_on']} {ev['title']}", k, ev[k])
    c = p["climate"]
    for k in ("cdp_invited", "cdp_responded", "cdp_response_rate", "co2_t",
              "co2_validated_share", "green_certified", "green_assessed", "green_rate"):
        add("climate", k, "", c[k])
    for s, n in c["cdp_scores"].items():
        add("climate", "cdp_scores", s, n)
    for r, v in c["co2_by_region"].items():
        add("climate", "co2_by_region", r, v)
    for k, v in c["co2_by_category"].items():
        add("climate", "co2_by_category", k, v)
    m = p["cmrt"]
    for k in ("surveyed", "responded", "response_rate", "smelters", "conformant",
              "conformant_share"):
        add("cmrt", k, "", m[k])
    for metal, v in m["by_metal"].items():
        add("cmrt", "smelters_by_metal", metal, v["smelters"])
        add("cmrt", "conformant_by_metal", metal, v["conformant"])
    for reg, v in p["chemicals"].items():
        for k in ("surveys", "suppliers", "coverage", "open_issues"):
            add("chemicals", k, reg, v[k])
        for s, n in v["by_status"].items():
            add("chemicals", "by_status", f"{reg}:{s}", n)
    return out
