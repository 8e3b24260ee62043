"""The programmes' part of `sva-hq demo`, shaped like the seed: declarations from 297 new
suppliers in FY2020 and the wider RBC declaration from FY2021; the strategic partners
meeting at the start of 2020 (444 members of management from 188 suppliers, awards for
environmental contribution); CDP supply chain 25 suppliers in FY2020, 73 in FY2021; a green
procurement rate of 100 %; RoHS/REACH surveys; CMRTs from supplier to smelter.

Everything goes in through the same imports a user runs (files written to a temporary
folder), so the demo also proves the imports take realistic files."""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
import tempfile

from sva.hq.programme.registry import COLUMNS as REGISTRY_COLUMNS
from sva.hq.programme_store import import_registry
from sva.hq.programmes import chemicals, climate, cmrt_store, declarations, dissemination
from sva.hq.programmes.demo_cmrt import smelter_pool, write_cmrt
from sva.hq.storage import Storage

PRODUCT = ("electronic components", "printed circuit boards", "cables and harnesses",
           "metal parts", "plastic moulding", "contract manufacturing")
NEW_FY2020 = 300                           # extra JP suppliers with new transactions
DECLARED_FY2020 = 297
MEETING_SUPPLIERS, MEETING_PEOPLE = 188, 444
CDP = {2020: (25, 22), 2021: (73, 61)}     # invited, responded
FAMILIES = ("Printed circuit assemblies", "Cables", "Enclosures", "Power supplies")
FIRST = ("Kita", "Minami", "Higashi", "Nishi", "Chuo", "Shin", "Daito", "Kyoei", "Sanwa",
         "Toyo", "Nippon", "Heisei")
LAST = (("Seisakusho", "製作所"), ("Denki", "電機"), ("Kogyo", "工業"), ("Shoji", "商事"),
        ("Densen", "電線"), ("Kasei", "化成"))


def _write(path: Path, header, rows) -> Path:
    import csv
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def build_programmes_demo(storage: Storage, *, seed: int = 1) -> dict:
    rng = random.Random(f"programmes-{seed}")
    with storage.transaction(write=False) as tx:
        base = [dict(r) for r in tx.all("SELECT code, categories FROM suppliers WHERE "
                                        "deleted = 0 ORDER BY code")]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # enough long-standing suppliers for the partners meeting, whatever the registry held
        new, established = _more_suppliers(storage, rng, tmp,
                                           max(MEETING_SUPPLIERS - len(base), 0))
        everyone = [s["code"] for s in base] + established + new
        out = {"suppliers_added": len(new) + len(established)}
        out["declarations"] = _declarations(storage, rng, tmp, base, established, new)
        out["events"] = _events(storage, rng, tmp, [s["code"] for s in base] + established)
        hardware = [s["code"] for s in base if any(c in s["categories"] for c in PRODUCT)]
        hardware += established[:max(60, CDP[2021][0] - len(hardware))]
        out["climate"] = _climate(storage, rng, tmp, base, hardware, everyone)
        out["chemicals"] = _chemicals(storage, rng, tmp, hardware)
        out["cmrt"] = _cmrt(storage, rng, tmp, hardware)
    return out


def _more_suppliers(storage, rng, tmp, n_established) -> tuple[list[str], list[str]]:
    rows, new, established = [], [], []
    for prefix, count, bucket in (("E", n_established, established), ("N", NEW_FY2020, new)):
        for i in range(1, count + 1):
            code = f"J{prefix}{i:04d}"
            first, (last_en, last_ja) = rng.choice(FIRST), rng.choice(LAST)
            rows.append([code, f"{first} {last_en} {i} Co., Ltd.", f"株式会社{first}{last_ja}{i}",
                         "JP", rng.choice(PRODUCT), rng.randint(2, 30) * 100_000, "no", "no",
                         "no", "", ""])
            bucket.append(code)
    import_registry(storage, _write(tmp / "more.csv", REGISTRY_COLUMNS, rows), actor="demo")
    return new, established


def _day(rng, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _declarations(storage, rng, tmp, base, established, new) -> dict:
    requests, receipts = [], []
    signers = ("Representative Director", "President", "General Manager")
    for code in [s["code"] for s in base] + established:        # long-standing suppliers
        receipts.append([code, "env_ohs", 1, _day(rng, date(2013, 4, 1), date(2019, 3, 31)),
                         rng.choice(signers), ""])
    for i, code in enumerate(new):                               # new transactions, FY2020
        asked = _day(rng, date(2020, 4, 1), date(2021, 2, 15))
        requests.append([code, "env_ohs", asked.isoformat(), "new_supplier"])
        if i < DECLARED_FY2020:
            got = min(asked + timedelta(days=rng.randint(3, 40)), date(2021, 3, 31))
            receipts.append([code, "env_ohs", 1, got.isoformat(), rng.choice(signers), ""])
    everyone = [s["code"] for s in base] + established + new
    for code in everyone:                                        # the wider RBC declaration
        asked = _day(rng, date(2021, 4, 1), date(2021, 6, 30))
        requests.append([code, "rbc", asked.isoformat(), "new_version"])
        if rng.random() < 0.82:
            got = asked + timedelta(days=rng.randint(10, 200))
            receipts.append([code, "rbc", 1, got.isoformat(), rng.choice(signers), ""])
    for s in base:                                               # outsourcing partners
        if any(c in s["categories"] for c in ("IT services", "software", "data centre",
                                               "call centre")):
            receipts.append([s["code"], "isec_pledge", 1,
                             _day(rng, date(2017, 4, 1), date(2022, 3, 31)).isoformat(),
                             rng.choice(signers), ""])
            receipts.append([s["code"], "isec_pledge", 2,
                             _day(rng, date(2023, 4, 1), date(2024, 3, 31)).isoformat(),
                             rng.choice(signers), ""])
    receipts = [[*r[:3], r[3].isoformat() if isinstance(r[3], date) else r[3], *r[4:]]
                for r in receipts]
    declarations.import_requests(storage, _write(tmp / "req.csv", list(
        declarations.REQUEST_COLUMNS), requests), actor="demo")
    out = declarations.import_receipts(storage, _write(tmp / "rec.csv", [
        *declarations.RECEIPT_REQUIRED, "file"], receipts), actor="demo")
    return {"requests": len(requests), **out}


def _events(storage, rng, tmp, long_standing) -> dict:
    header = ["person", "position", "supplier_code", "management"]
    meeting = dissemination.add_event(
        storage, kind="partners_meeting", held_on="2020-01-24",
        title="Strategic supply chain partners meeting 2020",
        topics=["human_rights", "ohs", "environment", "infosec"], actor="demo")
    attending = long_standing[:MEETING_SUPPLIERS]
    extra = MEETING_PEOPLE - 2 * len(attending)
    rows = []
    for i, code in enumerate(attending):
        for k in range(3 if i < extra else 2):
            rows.append([f"Attendee {code}-{k + 1}", ("President", "Director",
                                                      "Executive Officer")[k], code, "yes"])
    dissemination.import_attendance(storage, meeting, _write(tmp / "meeting.csv", header, rows),
                                    actor="demo")
    awards = [[code, "Environmental contribution award"] for code in rng.sample(attending, 5)]
    dissemination.import_awards(storage, meeting, _write(tmp / "awards.csv",
                                                         ["supplier_code", "award"], awards),
                                actor="demo")
    briefing = dissemination.add_event(
        storage, kind="supplier_briefing", held_on="2020-11-10",
        title="Joint briefing on conflict minerals", topics=["conflict_minerals"], actor="demo")
    rows = [[f"Contact {code}", "Procurement manager", code, "no"]
            for code in rng.sample(long_standing, 60)]
    dissemination.import_attendance(storage, briefing, _write(tmp / "brief.csv", header, rows),
                                    actor="demo")
    for held_on in ("2020-06-15", "2021-06-14"):
        training = dissemination.add_event(
            storage, kind="staff_training", held_on=held_on,
            title="Sustainable procurement for buyers", topics=["human_rights", "environment"],
            actor="demo")
        rows = [[f"Buyer {held_on[:4]}-{i:03d}", "Buyer", "", "no"] for i in range(1, 121)]
        dissemination.import_attendance(storage, training, _write(
            tmp / f"staff{held_on}.csv", header, rows), actor="demo")
    return {"events": 4, "meeting_people": MEETING_PEOPLE,
            "meeting_suppliers": len(attending)}


def _climate(storage, rng, tmp, base, hardware, everyone) -> dict:
    methods = ("supplier_specific", "hybrid", "average_data", "spend_based")
    out = {}
    for fy, (invited, responded) in CDP.items():
        cdp = hardware[:invited]
        rows = []
        for i, code in enumerate(everyone):
            in_cdp = code in cdp
            answered = in_cdp and cdp.index(code) < responded
            co2 = round(rng.lognormvariate(7, 1.2), 1) if code in hardware or i < 65 else None
            rows.append([code, "yes" if in_cdp else "no", "yes" if answered else "no",
                         rng.choice(("A", "A-", "B", "B", "B-", "C")) if answered else "",
                         "" if co2 is None else co2,
                         rng.choice(methods) if co2 is not None else "",
                         "yes" if co2 is not None and rng.random() < 0.8 else "no",
                         "certified" if code in hardware else "not_applicable"])
        out[fy] = climate.import_climate(storage, _write(tmp / f"climate{fy}.csv",
                                                         list(climate.COLUMNS), rows), fy,
                                         actor="demo")["rows"]
    return out


def _chemicals(storage, rng, tmp, hardware) -> dict:
    out = {}
    for fy in (2020, 2021):
        rows = []
        for code in hardware:
            for family in rng.sample(FAMILIES, rng.randint(1, 2)):
                for regulation in chemicals.REGULATIONS:
                    roll = rng.random()
                    status = ("compliant" if roll < 0.8 else "exemption" if roll < 0.88
                              else "received" if roll < 0.93 else "requested" if roll < 0.97
                              else "non_compliant")
                    rows.append([code, family, regulation, status,
                                 rng.choice(("DEHP", "Lead", "DBP")) if status ==
                                 "non_compliant" else "",
                                 "RoHS Annex III 7(c)-I" if status == "exemption" else ""])
        out[fy] = chemicals.import_chemicals(storage, _write(
            tmp / f"chem{fy}.csv", list(chemicals.COLUMNS), rows), fy, actor="demo")["rows"]
    return out


def _cmrt(storage, rng, tmp, hardware) -> dict:
    pool = smelter_pool(rng)
    conformant = [s for s in pool if rng.random() < 0.8]
    cmrt_store.import_conformant(storage, _write(
        tmp / "conformant.csv", list(cmrt_store.CONFORMANT_COLUMNS),
        [[s["smelter_id"], s["metal"], s["smelter_name"], "Conformant"] for s in conformant]),
        actor="demo")
    out = {}
    for fy in (2020, 2021):
        asked = hardware[:40]  # the CMRT survey: the main hardware suppliers
        cmrt_store.import_cmrt_requests(storage, _write(
            tmp / f"cmrt-req{fy}.csv", ["supplier_code", "requested_on"],
            [[c, f"{fy}-05-10"] for c in asked]), fy, actor="demo")
        answered = 0
        for code in asked:
            if rng.random() > 0.85:
                continue
            metals = set(rng.sample(("Tantalum", "Tin", "Gold", "Tungsten"), rng.randint(1, 4)))
            chosen = [s for s in pool if s["metal"] in metals and rng.random() < 0.35]
            path = write_cmrt(tmp / f"{code}-{fy}.xlsx", f"{code} Co., Ltd.", chosen, metals)
            cmrt_store.import_cmrt(storage, path, supplier=code, fy=fy, actor="demo")
            answered += 1
        out[fy] = {"requested": len(asked), "answered": answered}
    return out
