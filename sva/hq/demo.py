"""`sva-hq demo`: a realistic, deterministic HQ data set for the programme (issue 9).

Suppliers are spread over the regions like the real spend split (72% Japan, 13% Asia, 12%
North America, 2% EMEA, 1% Central & South America), with sites; SAQ results for FY2022–
FY2025; audits of both kinds (pushed as documents, the way devices push them) with findings,
CAPs in every state and a few photos; users of every role with web passwords; a saved plan
with assignments for FY2026. The registry, sites and SAQ responses go through the same CSV
imports a manager uses. The same seed gives the same content (ids included); only the
`created_at`-style timestamps of the moment of building differ.
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import tempfile
import uuid
from datetime import date, datetime, timedelta, UTC
from pathlib import Path

import yaml

from sva.demo.pictures import SCENES, site_photo
from sva.due_dates import due_date
from sva.errors import BadInput
from sva.hq import accounts, audits, masterdata
from sva.hq.blobs import BlobStore
from sva.hq.images import clean_jpeg
from sva.hq.programme.registry import COLUMNS as REGISTRY_COLUMNS
from sva.hq.programme.saq import load_questionnaire
from sva.hq.programme_assign import assign_plan
from sva.hq.programme_plans import approve_plan, plan_for, save_plan
from sva.hq.programme_history import current_fy
from sva.hq.programme_store import import_registry, import_saq, import_sites
from sva.hq.storage import Storage
from sva.owner_only import make_dir
from sva.paths import resource
from sva.vocabulary import (CAP_SEVERITIES, LOCKED_STATUSES, UNCLOSED_FINDING_STATUSES,
                            VERIFICATION_METHODS)

TODAY = date(2026, 2, 16)                  # the demo's "today": inside FY2025
SAQ_YEARS = (2022, 2023, 2024, 2025)
AUDIT_YEARS = (2022, 2023, 2024, 2025)
REGION_SPLIT = {"JP": (0.72, 86), "ASIA": (0.13, 16), "NA": (0.12, 12), "EMEA": (0.02, 4),
                "CSA": (0.01, 2)}           # share of spend, number of suppliers
CATEGORIES = ("electronic components", "mechanical parts", "contract manufacturing",
              "printing", "logistics", "packaging", "software development", "IT services",
              "data processing", "call centre", "design engineering", "facility services",
              "raw materials")
USERS = (("admin", "admin"), ("mgr.sato", "manager"), ("mgr.kato", "manager"),
         ("aud.tanaka", "auditor"), ("aud.morita", "auditor"), ("aud.li", "auditor"))
SEVERITY_WEIGHTS = (("significant", 4), ("minor", 46), ("observation", 35),
                    ("good_practice", 15))
OBSERVED = {
    "significant": "Serious gap seen on site; immediate containment requested.",
    "minor": "Practice partly in place; records incomplete for the sampled period.",
    "observation": "Works today but relies on one person; worth formalising.",
    "good_practice": "Clear, well-kept practice worth sharing with other suppliers.",
}


def demo_password(name: str) -> str:
    return f"{name}-demo-pw"


def build_hq_demo(storage: Storage, *, seed: int = 1, force: bool = False,
                  suppliers_per_region: dict | None = None) -> dict:
    with storage.transaction(write=False) as tx:
        if tx.scalar("SELECT COUNT(*) FROM suppliers") and not force:
            raise BadInput("this HQ already has suppliers; give --force to add the demo anyway "
                           "or use an empty --data-dir", field="--data-dir")
    rng = random.Random(seed)
    ids = random.Random(f"ids-{seed}")
    new_id = lambda: str(uuid.UUID(int=ids.getrandbits(128), version=4))  # noqa: E731
    from sva.hq.web.auth import set_password
    with storage.transaction(write=False) as tx:
        existing = {r["name"] for r in tx.all("SELECT name FROM users")}
    for name, role in USERS:
        if name not in existing:
            accounts.add_user(storage, name, role, actor="demo")
        set_password(storage, name, demo_password(name))
    for path in sorted(resource("checklists").glob("*.yaml")):
        masterdata.publish_checklist(storage, path, actor="demo")
    recipe = yaml.safe_load(resource("demo.yaml").read_text("utf-8"))
    suppliers = _suppliers(rng, recipe, suppliers_per_region)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # the registry as imported for each year: spend grows 3 % a year, flags stay
        for fy in sorted({*SAQ_YEARS, current_fy()}):
            scale = 1.03 ** (fy - current_fy())    # today's registry is the recipe's
            _write(tmp / f"registry-{fy}.csv", REGISTRY_COLUMNS,
                   [[int(s[k] * scale) // 1000 * 1000 if k == "annual_spend" else s[k]
                     for k in REGISTRY_COLUMNS] for s in suppliers])
            import_registry(storage, tmp / f"registry-{fy}.csv", actor="demo", fy=fy)
        _write(tmp / "sites.csv", ["code", "site_name", "country", "timezone", "address"],
               [[s["code"], s["site"], s["country"], s["tz"], s["city_ja"]] for s in suppliers])
        import_sites(storage, tmp / "sites.csv", actor="demo")
        saq = load_questionnaire()
        saq_counts = {}
        for fy in SAQ_YEARS:
            rows = _saq_rows(rng, saq, suppliers, fy)
            _write(tmp / f"saq-{fy}.csv", ["supplier_code", "fiscal_year", "submitted_on",
                                           *saq.questions], rows)
            saq_counts[fy] = import_saq(storage, tmp / f"saq-{fy}.csv", fy,
                                        actor="demo")["responses"]
    audit_counts = _audits(storage, rng, new_id, suppliers)
    rows = plan_for(storage, 2026, capacity=12, kind="infosec")
    name = "FY2026 infosec (demo)"
    save_plan(storage, rows, name=name, fy=2026, kind="infosec", capacity=12, actor="demo")
    approve_plan(storage, name, by="mgr.sato")
    planned = assign_plan(storage, name, auditors=["aud.tanaka", "aud.morita"],
                          first_date="2026-04-13", actor="mgr.sato")
    from sva.hq.programmes.demo import build_programmes_demo    # issue 19
    programmes = build_programmes_demo(storage, seed=seed)
    return {"suppliers": len(suppliers), "saq_responses": saq_counts, **audit_counts,
            "programmes": programmes,
            "plan_fy2026_assigned": len(planned["assigned"]),
            "users": {name: {"role": role, "web_password": demo_password(name)}
                      for name, role in USERS}}


def _write(path: Path, header, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def _suppliers(rng, recipe, per_region) -> list[dict]:
    parts = recipe["name_parts"]
    total = 480_000_000_000
    out, n = [], 0
    for region, (share, count) in REGION_SPLIT.items():
        count = (per_region or {}).get(region, count)
        weights = [rng.lognormvariate(0, 1.1) for _ in range(count)]
        countries = recipe["region_countries"][region]
        for w in weights:
            n += 1
            country = rng.choice(countries)
            info = recipe["countries"][country]
            city_en, city_ja = rng.choice(info["cities"])
            if region == "JP":
                first, business = rng.choice(parts["first"]), rng.choice(parts["business"])
                name_en = f"{first[0]} {business[0]} {parts['suffix_jp'][0]}"
                name_ja = f"{parts['suffix_jp'][1]}{first[1]}{business[1]}"
            else:
                first, business = rng.choice(parts["global_first"]), rng.choice(parts["business"])
                name_en = f"{first[0]} {business[0]} {parts['suffix_global'][0]}"
                name_ja = f"{first[1]}{business[1]}{parts['suffix_global'][1]}"
            spend = int(total * share * w / sum(weights)) // 1000 * 1000
            cats = rng.sample(CATEGORIES, rng.choice((1, 1, 2, 2, 3)))
            declared = rng.random() < 0.88
            out.append({
                "code": f"S{n:04d}", "name_en": name_en, "name_ja": name_ja,
                "country": country, "categories": "; ".join(cats), "annual_spend": spend,
                "large_amount": "yes" if spend >= 3_000_000_000 else "no",
                "rare_product": "yes" if rng.random() < 0.08 else "no",
                "hard_to_replace": "yes" if rng.random() < 0.12 else "no",
                "declaration_date": (date(2021, 4, 1) + timedelta(days=rng.randint(0, 900))
                                     ).isoformat() if declared else "",
                "declaration_scope": rng.choice(("group code of conduct", "information "
                                                 "security pledge", "full set"))
                if declared else "",
                "site": f"{city_en} site", "tz": rng.choice(info["zones"]), "city_ja": city_ja,
                "quality": rng.betavariate(5, 2),       # how good the supplier is, 0..1
            })
    return out


def _answer(rng, quality) -> str:
    x = rng.random() * 0.6 + quality * 0.6
    return "yes" if x > 0.75 else "mostly" if x > 0.55 else "partly" if x > 0.35 else "no"


def _saq_rows(rng, saq, suppliers, fy) -> list[list]:
    rows = []
    for s in suppliers:
        if rng.random() > 0.82:
            continue                       # did not answer this year
        s["quality"] = min(1.0, max(0.0, s["quality"] + rng.uniform(-0.05, 0.1)))
        submitted = date(fy, 5, 10) + timedelta(days=rng.randint(0, 80))
        answers = []
        for q in saq.questions.values():
            if q.allow_na and rng.random() < 0.08:
                answers.append("na")
            else:
                answers.append(_answer(rng, s["quality"]))
        rows.append([s["code"], f"FY{fy}", submitted.isoformat(), *answers])
    return rows


def _checklist_items(storage) -> dict:
    with storage.transaction(write=False) as tx:
        rows = tx.all("SELECT ref, kind, body FROM checklists ORDER BY ref")
    out = {}
    for r in rows:
        items = [(i["id"], i["area"]) for s in json.loads(r["body"])["sections"]
                 for i in s["items"]]
        out[r["kind"]] = (r["ref"], items)
    return out


def _audits(storage, rng, new_id, suppliers) -> dict:
    checklists = _checklist_items(storage)
    with storage.transaction(write=False) as tx:
        auditors = tx.all("SELECT id, name FROM users WHERE role = 'auditor' ORDER BY name")
        site_of = {r["code"]: (r["supplier_id"], r["site_id"], r["name"]) for r in tx.all(
            "SELECT s.code, s.id AS supplier_id, st.id AS site_id, st.name FROM suppliers s "
            "JOIN sites st ON st.supplier_id = s.id")}
    by_spend = sorted(suppliers, key=lambda s: -s["annual_spend"])
    infosec_pool = [s for s in suppliers if any(c in s["categories"] for c in (
        "software", "IT services", "data", "call centre", "design", "printing"))] or suppliers
    counts = {"audits": 0, "findings": 0, "photos": 0}
    blobs = BlobStore(storage.blob_dir)
    photo_budget = 8
    for fy in AUDIT_YEARS:
        plan = [("svr", s) for s in rng.sample(by_spend[:60], 18)]
        plan += [("infosec", s) for s in rng.sample(infosec_pool, min(10, len(infosec_pool)))]
        for kind, s in plan:
            day = date(fy, 4, 10) + timedelta(days=rng.randint(0, 350))
            if day > TODAY + timedelta(days=60):
                continue
            status = ("synced" if day < TODAY - timedelta(days=20) else
                      rng.choice(("signed", "completed", "in_progress")) if day <= TODAY
                      else "planned")
            auditor = rng.choice(auditors)
            ref, items = checklists[kind]
            supplier_id, site_id, site_name = site_of[s["code"]]
            started = datetime(day.year, day.month, day.day, 0, 30, tzinfo=UTC) \
                + timedelta(hours=rng.randint(0, 8))
            # every visit was assigned first: HQ takes no audit outside an assignment
            assignment = masterdata.assign(storage, auditor["name"], s["code"], site_id,
                                           kind=kind, planned_date=day.isoformat(),
                                           actor="demo", new_id=new_id)
            device = f"demo-device-{auditor['name']}"
            doc = {"id": new_id(), "assignment_id": assignment, "supplier_id": supplier_id,
                   "supplier_code": s["code"], "site_id": site_id, "site_name": site_name,
                   "template_ref": ref, "kind": kind, "planned_date": day.isoformat(),
                   "auditors": [auditor["name"]], "scope": f"{kind} on-site assessment",
                   "status": status, "started_at": None, "completed_at": None,
                   "signed_at": None, "answers": [], "findings": [], "photos": [],
                   "signatures": [], "log": []}
            if status != "planned":
                doc["started_at"] = started.isoformat().replace("+00:00", "Z")
            if status in ("completed", "signed", "synced"):
                doc["completed_at"] = (started + timedelta(hours=5)).isoformat().replace(
                    "+00:00", "Z")
                n_findings = rng.choice((0, 1, 2, 2, 3, 3, 4, 5, 6))
                for item_id, area in rng.sample(items, min(n_findings, len(items))):
                    doc["findings"].append(_finding(rng, new_id(), item_id, area, day,
                                                    1 - s["quality"]))
                if photo_budget and doc["findings"]:
                    photo_budget -= 1
                    for i in range(2):
                        # what a device sends: the rendering, without EXIF
                        data = clean_jpeg(site_photo(rng, rng.choice(SCENES),
                                                     day.strftime("%Y:%m:%d 10:1") + f"{i}:00",
                                                     size=(640, 480)))
                        sha = hashlib.sha256(data).hexdigest()
                        path = blobs.final_path(sha)
                        make_dir(path.parent)
                        path.write_bytes(data)
                        audits.record_blob(storage, sha, len(data), device)
                        doc["photos"].append({
                            "id": new_id(), "sha256": sha, "size": len(data),
                            "finding_id": doc["findings"][0]["id"] if i == 0 else None,
                            "item_id": None, "filename": f"IMG_{i:04d}.jpg",
                            "media_type": "image/jpeg", "width": 640, "height": 480,
                            "captured_at": started.isoformat(), "caption": "site photo",
                            "position": i, "annotations": "[]", "deleted": 0,
                            "rendering": "redacted"})
                        counts["photos"] += 1
            if status in LOCKED_STATUSES:
                doc["signed_at"] = (started + timedelta(hours=6)).isoformat().replace(
                    "+00:00", "Z")
            doc["content_hash"] = hashlib.sha256(json.dumps(doc, sort_keys=True).encode()
                                                 ).hexdigest()
            who = audits.Principal(device, auditor["id"], auditor["name"], "auditor")
            audits.ingest(storage, who, doc)
            counts["audits"] += 1
            counts["findings"] += len(doc["findings"])
    return counts


def _finding(rng, finding_id, item_id, area, day: date, risk: float) -> dict:
    roll = rng.random() * 100 * (1.25 - 0.5 * risk)   # weaker suppliers: worse findings
    severity = next((s for s, w in _cumulative() if roll < w), "good_practice")
    due = due_date(severity, day.isoformat())
    f = {"id": finding_id, "item_id": item_id, "area": area, "severity": severity,
         "requirement": "", "observed": OBSERVED[severity], "evidence": "",
         "required_action": "Correct and send evidence." if due else "", "due_date": due,
         "root_cause": "", "corrective_action": "", "preventive_action": "", "responsible": "",
         "planned_date": None, "supplier_comment": "", "status": "open",
         "rejection_reason": "", "verification_method": None, "verified_at": None,
         "deleted": 0, "cap_base": None}
    if severity in CAP_SEVERITIES:
        age = (TODAY - day).days
        r = rng.random()
        if age > 200 and r < 0.85 or age > 60 and r < 0.45:
            closed = day + timedelta(days=rng.randint(12, min(age, 160)))
            f.update(status="verified_closed", verification_method=rng.choice(
                VERIFICATION_METHODS), verified_at=closed.isoformat(),
                root_cause="No written procedure.", corrective_action="Procedure written "
                "and staff trained.", responsible="Quality manager")
        elif r < 0.92:
            f.update(status=rng.choice(UNCLOSED_FINDING_STATUSES))
            if f["status"] == "cap_rejected":
                f["rejection_reason"] = "Root cause not addressed."
            if f["status"] != "open":
                f.update(root_cause="Training gap.", corrective_action="Retrain staff.",
                         responsible="Plant manager",
                         planned_date=(day + timedelta(days=45)).isoformat())
    return f


def _cumulative():
    total = 0
    for s, w in SEVERITY_WEIGHTS:
        total += w
        yield s, total
