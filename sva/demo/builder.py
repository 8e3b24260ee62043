"""Build the demo data set through the same service functions the app uses.

Deterministic: the content comes from one random generator, ids from another and time
from a clock that only moves when we say so, so the same seed gives the same database.
"""
from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta, UTC
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from sva.demo.pictures import SCENES, signature_png, site_photo
from sva.domain.completion import photo_required, recorded_nonconformity
from sva.errors import BadInput
from sva.paths import data_dir, resource
from sva.vocabulary import AUDIT_KINDS, CAP_SEVERITIES, RESULTS
from sva.workspace import Workspace

# How often each declaration status comes up among the demo suppliers.
DECLARATIONS = {"received": 8, "requested": 1, "none": 1}
# Statuses each kind of audit gets in the demo: every status at least once.
AUDIT_PLAN = ("planned", "planned", "in_progress", "in_progress", "completed", "signed",
              "signed", "synced", "synced")
# What the CAP of each successive significant/minor finding of a signed audit reaches.
CAP_PLAN = ("open", "cap_submitted", "cap_accepted", "cap_rejected", "verified_closed",
            "verified_closed", "cap_submitted")
CAP_PATH = {
    "open": (),
    "cap_submitted": ("cap_submitted",),
    "cap_accepted": ("cap_submitted", "cap_accepted"),
    "cap_rejected": ("cap_submitted", "cap_rejected"),
    "verified_closed": ("cap_submitted", "cap_accepted", "verified_closed"),
}


class DemoClock:
    """A clock that stands still until set, then ticks a few seconds per reading."""

    def __init__(self, start: datetime):
        self.now = start

    def set(self, moment: datetime) -> None:
        self.now = moment.astimezone(UTC)

    def __call__(self) -> str:
        self.now += timedelta(seconds=17)
        return self.now.isoformat(timespec="microseconds").replace("+00:00", "Z")


def _ids(seed: int):
    rng = random.Random(f"ids-{seed}")
    return lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build_demo(folder=None, *, seed: int = 1, force: bool = False, progress=None) -> dict:
    """`progress(done, total)` is called as the work goes on; an exception it raises stops
    the build (how the app cancels it)."""
    folder = Path(data_dir(folder))
    recipe = yaml.safe_load(resource("demo.yaml").read_text("utf-8"))
    today = date.fromisoformat(recipe["today"])
    clock = DemoClock(datetime(today.year, 1, 1, tzinfo=UTC))
    ws = Workspace(folder, clock=clock, new_id=_ids(seed), actor="demo")
    try:
        held = ws.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0]
        if held and not force:
            raise BadInput(f"{folder} already holds {held} audits; use an empty --data-dir "
                           "or --force", field="--data-dir")
        summary = _Builder(ws, recipe, random.Random(seed), clock, today, progress).run()
        # A new encrypted folder's recovery key, for the caller to show once (never logged)
        summary["recovery_key"] = ws.at_rest.take_recovery_key()
        return summary
    finally:
        ws.close()


# What the auditor looked at, in English and Japanese (a finding's evidence).
EVIDENCE = (("Interview with the line supervisor", "ライン監督者への聞き取り"),
            ("Records for the last 3 months reviewed", "過去3か月分の記録を確認"),
            ("Seen on the shop floor", "製造現場で確認"))


class _Builder:
    def __init__(self, ws: Workspace, recipe: dict, rng: random.Random, clock: DemoClock,
                 today: date, progress=None):
        self.ws, self.r, self.rng, self.clock, self.today = ws, recipe, rng, clock, today
        self.progress = progress or (lambda done, total: None)
        self.counts = {"suppliers": 0, "sites": 0, "audits": 0, "findings": 0, "photos": 0}
        self.severity_cycle = 0
        self.cap_cycle = 0

    def run(self) -> dict:
        self.templates = {self.ws.templates.get(ref).kind: ref
                          for ref in self.ws.templates.install_shipped()}
        suppliers = self._suppliers()
        self._audits(suppliers)
        return {"folder": str(self.ws.folder), **self.counts}

    # -- suppliers and sites ----------------------------------------------------------
    def _name(self, region: str, used: set) -> tuple[str, str]:
        parts = self.r["name_parts"]
        while True:
            first = self.rng.choice(parts["first" if region == "JP" else "global_first"])
            business = self.rng.choice(parts["business"])
            suffix = parts["suffix_jp" if region == "JP" else "suffix_global"]
            en = f"{first[0]} {business[0]} {suffix[0]}"
            ja = f"{first[1]}{business[1]}{suffix[1]}"
            if en not in used:
                used.add(en)
                return en, ja

    def _suppliers(self) -> list[dict]:
        rows, used = [], set()
        total = self.r["total_spend_jpy"]
        for region, count in self.r["supplier_count"].items():
            weights = [self.rng.paretovariate(1.3) for _ in range(count)]
            budget = total * self.r["region_share"][region]
            countries = self.r["region_countries"][region]
            country_weights = [self.r["countries"][c]["weight"] for c in countries]
            for n, weight in enumerate(weights):
                country = self.rng.choices(countries, country_weights)[0]
                en, ja = self._name(region, used)
                rows.append({"region": region, "country": country, "name_en": en, "name_ja": ja,
                             "spend": int(budget * weight / sum(weights)),
                             "code": f"S{region[:2]}{n + 1:03d}"})
        spends = sorted((r["spend"] for r in rows), reverse=True)
        large = spends[max(0, len(spends) * 15 // 100 - 1)]
        for row in rows:
            level = self.rng.choices(["A", "B", "C", "D", None], [3, 4, 3, 1, 1])[0]
            row["id"] = self.ws.suppliers.add(
                code=row["code"], name_en=row["name_en"], name_ja=row["name_ja"],
                country=row["country"],
                categories=self.rng.sample(self.r["categories"], self.rng.randint(1, 3)),
                annual_spend=row["spend"], large_amount=row["spend"] >= large,
                rare_product=self.rng.random() < 0.1, hard_to_replace=self.rng.random() < 0.15,
                isec_level=level,
                declaration_status=self.rng.choices(list(DECLARATIONS),
                                                    list(DECLARATIONS.values()))[0])
            self.counts["suppliers"] += 1
            row["sites"] = []
            for _ in range(1 if self.rng.random() < 0.75 else 2):
                info = self.r["countries"][row["country"]]
                city = self.rng.choice(info["cities"])
                zone = self.rng.choice(info["zones"])
                site_id = self.ws.suppliers.add_site(
                    row["id"], name=f"{city[0]} plant", name_ja=f"{city[1]}工場",
                    country=row["country"], timezone=zone,
                    address=f"{self.rng.randint(1, 40)}-{self.rng.randint(1, 20)} Industrial Park, "
                            f"{city[0]}",
                    contact_name=self.rng.choice(self.r["supplier_representatives"])[0],
                    contact_email=f"compliance@{row['code'].lower()}.example")
                row["sites"].append((site_id, zone))
                self.counts["sites"] += 1
        return rows

    # -- audits -------------------------------------------------------------------------
    def _audits(self, suppliers: list[dict]) -> None:
        critical_first = sorted(suppliers, key=lambda s: -s["spend"])
        pool = critical_first[:30]
        self.rng.shuffle(pool)
        plan = [(kind, status) for kind in AUDIT_KINDS for status in AUDIT_PLAN]
        self.progress(1, len(plan) + 1)
        for n, (kind, status) in enumerate(plan):
            supplier = pool[n % len(pool)]
            site_id, zone = self.rng.choice(supplier["sites"])
            if status == "planned":
                day = self.today + timedelta(days=self.rng.randint(3, 45))
            elif status == "in_progress":
                day = self.today - timedelta(days=self.rng.randint(0, 2))
            else:
                day = self.today - timedelta(days=self.rng.randint(10, 220))
            self._audit(kind, status, supplier, site_id, ZoneInfo(zone), day)
            self.progress(n + 2, len(plan) + 1)

    def _at(self, day: date, hour: int, tz: ZoneInfo) -> datetime:
        return datetime(day.year, day.month, day.day, hour, self.rng.randint(0, 59), tzinfo=tz)

    def _audit(self, kind, status, supplier, site_id, tz, day) -> None:
        ws = self.ws
        self.clock.set(self._at(day - timedelta(days=21), 10, tz))
        auditors = self.rng.sample(self.r["auditors"], self.rng.randint(1, 2))
        audit_id = ws.audits.create(
            supplier_id=supplier["id"], site_id=site_id, template_ref=self.templates[kind],
            planned_date=day.isoformat(), auditors=auditors,
            scope=("Whole site" if kind == "svr"
                   else "Areas handling the buyer's confidential information"))
        self.counts["audits"] += 1
        if status == "planned":
            return
        self.clock.set(self._at(day, 9, tz))
        ws.audits.start(audit_id)
        template = ws.templates.get(self.templates[kind])
        items = list(template.items.values())
        share = 0.6 if status == "in_progress" else 1.0
        findings, pictured = [], []      # pictured: findings whose item requires a photo
        for item in items[: int(len(items) * share)]:
            result = self._answer(item)
            note = ""
            recorded = recorded_nonconformity(item, result)
            if recorded:
                note = f"Seen during the site tour ({item.section_id})."
            ws.audits.record_answer(audit_id, item.id, result, note or None)
            if recorded == "nonconformity":
                severity = ("minor", "minor", "significant", "minor")[self.severity_cycle % 4]
                self.severity_cycle += 1
                findings.append(self._finding(audit_id, item, severity))
            elif recorded == "observation":
                findings.append(self._finding(audit_id, item, "observation"))
            if photo_required(item, result):
                pictured.append(findings[-1][0])
        if status == "in_progress":
            return
        if self.rng.random() < 0.6 or not self.counts.get("good_practice"):
            good = self.rng.choice(items)
            ws.findings.add(audit_id, item_id=good.id, severity="good_practice",
                            observed="A clear, well-kept practice worth sharing with other sites.")
            self.counts["findings"] += 1
            self.counts["good_practice"] = self.counts.get("good_practice", 0) + 1
        self._photos(audit_id, findings, pictured, day)
        self._profile(audit_id, kind, supplier, day)
        self.clock.set(self._at(day, 16, tz))
        ws.audits.complete(audit_id)
        if status == "completed":
            return
        auditor = auditors[0]
        rep = self.rng.choice(self.r["supplier_representatives"])
        ws.audits.sign(audit_id, signer_name=auditor, role="Auditor",
                       organisation="Buyer procurement", image_png=signature_png(self.rng))
        ws.audits.sign(audit_id, signer_name=rep[0], role=rep[1],
                       organisation=supplier["name_en"], image_png=signature_png(self.rng))
        if status == "synced":
            ws.audits.mark_synced(audit_id)
        for finding_id, severity in findings:
            if severity in CAP_SEVERITIES:
                self._cap(finding_id, day, tz)

    def _profile(self, audit_id, kind, supplier, day) -> None:
        """The site profile and the Japanese scope, from a generator of their own (the rest
        of the demo draws the same numbers as before they existed)."""
        rng = random.Random(f"{supplier['code']}-{day.isoformat()}-{kind}")
        total = rng.randint(60, 900)
        limits = ({"en": "Dormitory not visited: no workers are housed on site.",
                   "ja": "寮は訪問していません（敷地内に居住する従業員はいません）。"}
                  if kind == "svr" else
                  {"en": "The parent company's data centre was not in scope.",
                   "ja": "親会社のデータセンターは対象外です。"})
        self.ws.profiles.set_profile(audit_id, {
            "workers_total": total, "workers_women": int(total * rng.uniform(0.2, 0.6)),
            "workers_foreign": int(total * rng.uniform(0, 0.2)),
            "workers_agency": int(total * rng.uniform(0, 0.25)), "workers_young": 0,
            "interviews_individual": rng.randint(6, 15), "interviews_group": rng.randint(1, 3),
            "scope_limits": limits},
            scope_ja="事業所全体" if kind == "svr" else "当社の機密情報を取り扱うエリア")

    def _answer(self, item) -> str:
        if item.answer == "conformity":
            weights = [88, 6, 3, 3] if item.required else [82, 6, 2, 10]
            return self.rng.choices(RESULTS["conformity"], weights)[0]
        if item.answer == "yes_no":
            return self.rng.choices(["yes", "no"], [9, 1])[0]
        if item.answer == "number":
            return str(self.rng.randint(0, 3))
        if item.answer == "choice":
            return item.choices[0][0]
        return "Checked with the site manager; records seen."

    def _finding(self, audit_id, item, severity):
        expected = item.expected or {}
        evidence, evidence_ja = self.rng.choice(EVIDENCE)
        acting = severity != "observation"
        finding_id = self.ws.findings.add(
            audit_id, item_id=item.id, severity=severity,
            observed=f"During the visit: {item.question['en'].rstrip('?')} - not fully in place.",
            observed_ja=f"訪問時の確認：「{item.question['ja']}」について、十分に実施されていない"
                        "点がありました。",
            evidence=evidence, evidence_ja=evidence_ja,
            required_action=expected.get("en", "") if acting else "",
            required_action_ja=expected.get("ja", "") if acting else "")
        self.counts["findings"] += 1
        return finding_id, severity

    def _photos(self, audit_id, findings, pictured, day) -> None:
        """Photos on the first two findings and on every finding whose item requires one
        (Complete refuses a required photo that is missing)."""
        chosen = [f for f, _ in findings[:2]]
        chosen += [f for f in pictured if f not in chosen]
        for finding_id in chosen:
            scene = self.rng.choice(SCENES)
            taken = f"{day:%Y:%m:%d} {self.rng.randint(9, 15):02d}:{self.rng.randint(0, 59):02d}:00"
            data = site_photo(self.rng, scene, taken)
            self.ws.photos.add_bytes(audit_id, data,
                                     filename=f"IMG_{self.counts['photos'] + 1:04d}.jpg",
                                     finding_id=finding_id, caption=scene.capitalize())
            self.counts["photos"] += 1

    def _cap(self, finding_id, day, tz) -> None:
        target = CAP_PLAN[self.cap_cycle % len(CAP_PLAN)]
        self.cap_cycle += 1
        for step, status in enumerate(CAP_PATH[target], start=1):
            self.clock.set(self._at(day + timedelta(days=7 * step), 11, tz))
            if status == "cap_submitted":
                self.ws.findings.edit(
                    finding_id, root_cause="The procedure did not cover this case.",
                    corrective_action="Procedure revised and staff briefed.",
                    preventive_action="Added to the monthly internal check.",
                    responsible="Plant manager",
                    planned_date=(day + timedelta(days=30)).isoformat())
            self.ws.findings.move(
                finding_id, status,
                rejection_reason="The action does not address the root cause."
                if status == "cap_rejected" else "",
                verification_method="document" if status == "verified_closed" else None,
                verified_at=(day + timedelta(days=7 * step)).isoformat()
                if status == "verified_closed" else None)
