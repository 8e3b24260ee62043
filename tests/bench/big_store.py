"""A large, realistic store for the UI benchmarks: N suppliers (each with one site) and M
audits in every status, answered as far as their status says, with findings.

Everything goes through the core's service functions (so the rows, audit log and derived
fields are what the app really writes); the whole build runs on the store worker inside one
outer transaction (`ws.transaction`), which turns each service's own transaction into a
savepoint and makes the build take seconds instead of minutes of fsyncs. Deterministic for a
given seed.
"""
from __future__ import annotations

import random
from pathlib import Path

from sva.workspace import Workspace

COUNTRIES = (["JP"] * 72 + ["CN", "TW", "KR", "VN", "TH", "MY"] * 2 + ["US", "CA"] * 6
             + ["DE", "FR"] + ["MX"])
ZONES = {"JP": "Asia/Tokyo", "CN": "Asia/Shanghai", "TW": "Asia/Taipei", "KR": "Asia/Seoul",
         "VN": "Asia/Ho_Chi_Minh", "TH": "Asia/Bangkok", "MY": "Asia/Kuala_Lumpur",
         "US": "America/Chicago", "CA": "America/Toronto", "DE": "Europe/Berlin",
         "FR": "Europe/Paris", "MX": "America/Mexico_City"}
WORDS_EN = ("Kanto", "Precision", "Parts", "Electric", "Circuit", "Metal", "Plastics",
            "Optics", "Cable", "Logistics", "Software", "Print", "Chemical", "Devices")
WORDS_JA = ("関東", "精密", "部品", "電機", "回路", "金属", "樹脂", "光学", "電線", "物流",
            "ソフト", "印刷", "化学", "デバイス")
STATUSES = ("planned",) * 5 + ("in_progress",) * 2 + ("completed",) * 2 + ("signed",) * 3


def build_big_store(folder: Path, *, suppliers: int = 5000, audits: int = 2000,
                    seed: int = 7) -> Path:
    rnd = random.Random(seed)
    ws = Workspace(folder)
    try:
        ws.templates.install_shipped()
        refs = [ws.templates.latest("svr"), ws.templates.latest("infosec")]
        templates = {ref: ws.templates.get(ref) for ref in refs}

        def fill() -> None:
            sites = []
            for n in range(suppliers):
                country = rnd.choice(COUNTRIES)
                words = rnd.sample(range(len(WORDS_EN)), 2)
                sid = ws.suppliers.add(
                    code=f"S{n + 1:05d}", country=country,
                    name_en=" ".join(WORDS_EN[w] for w in words) + f" Co., Ltd. {n + 1}",
                    name_ja="".join(WORDS_JA[w] for w in words) + f"株式会社{n + 1}",
                    annual_spend=rnd.randrange(10_000, 50_000_000),
                    large_amount=rnd.random() < .1, isec_level=rnd.choice("ABCD"))
                site = ws.suppliers.add_site(sid, name=f"Plant {n % 7 + 1}", country=country,
                                             timezone=ZONES[country])
                sites.append((sid, site))
            for n in range(audits):
                sid, site = rnd.choice(sites)
                ref = refs[n % 3 == 0]
                year, month, day = rnd.choice((2024, 2025, 2026)), rnd.randrange(1, 13), \
                    rnd.randrange(1, 29)
                audit = ws.audits.create(supplier_id=sid, site_id=site, template_ref=ref,
                                         planned_date=f"{year}-{month:02d}-{day:02d}",
                                         auditors=[rnd.choice(("Haruka Sato", "Ken Mori",
                                                               "Aiko Tanaka", "J. Smith"))])
                status = STATUSES[n % len(STATUSES)]
                if status != "planned":
                    _answer(ws, audit, templates[ref], rnd, status)
        ws.transaction(fill)
    finally:
        ws.close()
    return folder


def _answer(ws: Workspace, audit: str, template, rnd: random.Random, status: str) -> None:
    """In progress: the first part of the checklist; completed and signed: all of it."""
    ws.audits.start(audit)
    items = list(template.items.values())
    if status == "in_progress":
        items = items[:rnd.randrange(1, len(items))]
    for item in items:
        if item.answer == "conformity":
            # (on items that need no photo for it: Complete would ask for one)
            result = ("nonconformity" if rnd.random() < .04 and not item.photo_required_on
                      else "conforms")
        elif item.answer == "choice":
            result = item.choices[0][0]
        elif item.answer == "yes_no":
            result = "yes"
        else:
            result = "3"
        ws.audits.record_answer(audit, item.id, result)
        if result == "nonconformity":
            ws.findings.add(audit, item_id=item.id, severity="minor",
                            observed="Seen during the benchmark visit")
    if status in ("completed", "signed"):
        ws.audits.complete(audit)
    if status == "signed":
        ws.audits.sign(audit, signer_name="Haruka Sato", role="Auditor",
                       organisation="Buyer", image_png=_PNG)


_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f6"
    "5b4b0000000049454e44ae426082")
