"""Suppliers and their sites."""
from __future__ import annotations

import json
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


from sva.domain.base import Changes, Service, operation
from sva.errors import BadInput
from sva.paths import resource

LEVELS = ("A", "B", "C", "D")
FLAGS = ("large_amount", "rare_product", "hard_to_replace")
SUPPLIER_FIELDS = ("code", "name_en", "name_ja", "country", "categories", "annual_spend",
                   *FLAGS, "isec_level", "declaration_status", "declaration_date")
SITE_FIELDS = ("name", "address", "country", "timezone", "contact_name", "contact_email",
               "contact_phone")


@lru_cache(maxsize=1)
def _country_regions() -> dict[str, str]:
    import yaml   # here, not at the top: opening a workspace never needs PyYAML

    doc = yaml.safe_load(resource("regions.yaml").read_text("utf-8"))
    return {c: region for region, countries in doc["regions"].items() for c in countries}


def region_of(country: str) -> str:
    try:
        return _country_regions()[country.upper()]
    except KeyError:
        raise BadInput(f"unknown country code {country!r} (ISO 3166 alpha-2, e.g. JP)",
                       field="country") from None


def _check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInput(f"unknown time zone {name!r} (e.g. Asia/Tokyo)", field="timezone") from None
    return name


class Suppliers(Service):
    def _clean(self, fields: dict) -> dict:
        unknown = set(fields) - set(SUPPLIER_FIELDS)
        if unknown:
            raise BadInput(f"unknown supplier field(s): {', '.join(sorted(unknown))}",
                           field=sorted(unknown)[0])
        row = dict(fields)
        if "code" in row and not str(row["code"]).strip():
            raise BadInput("supplier code is empty", field="code")
        if "name_en" in row and not str(row["name_en"]).strip():
            raise BadInput("English name is empty", field="name_en")
        if "country" in row:
            row["country"] = str(row["country"]).upper()
            row["region"] = region_of(row["country"])
        if "categories" in row:
            row["categories"] = json.dumps(list(row["categories"]), ensure_ascii=False)
        if "annual_spend" in row:
            if not isinstance(row["annual_spend"], int) or row["annual_spend"] < 0:
                raise BadInput("annual spend must be a whole number ≥ 0", field="annual_spend")
        for flag in FLAGS:
            if flag in row:
                row[flag] = int(bool(row[flag]))
        if row.get("isec_level") not in (None, *LEVELS):
            raise BadInput(f"information-security level must be one of {', '.join(LEVELS)}",
                           field="isec_level")
        return row

    @operation
    def add(self, *, code: str, name_en: str, country: str, **fields) -> str:
        row = self.stamp(self._clean({"code": code, "name_en": name_en, "country": country,
                                      **fields}), new=True)
        if self.rows("SELECT 1 FROM suppliers WHERE code = ?", [row["code"]]):
            raise BadInput(f"a supplier with code {row['code']} already exists", field="code")
        with self.change("add", "supplier", row["id"]) as log:
            self.insert("suppliers", row)
            log.diff(None, {k: row[k] for k in row if k in SUPPLIER_FIELDS})
        return row["id"]

    @operation
    def edit(self, supplier_id: str, **fields) -> Changes:
        old = self.get("suppliers", supplier_id, label="supplier")
        new = self._clean(fields)
        with self.change("edit", "supplier", supplier_id) as log:
            log.diff(old, new)
            self.update("suppliers", supplier_id, self.stamp(new))

    @operation
    def delete(self, supplier_id: str) -> Changes:
        self.get("suppliers", supplier_id, label="supplier")
        with self.change("delete", "supplier", supplier_id) as log:
            log.diff({"deleted": 0}, {"deleted": 1})
            self.update("suppliers", supplier_id, self.stamp({"deleted": 1}))

    @operation
    def add_site(self, supplier_id: str, *, name: str, country: str, timezone: str,
                 **fields) -> str:
        self.get("suppliers", supplier_id, label="supplier")
        unknown = set(fields) - set(SITE_FIELDS)
        if unknown:
            raise BadInput(f"unknown site field(s): {', '.join(sorted(unknown))}")
        if not name.strip():
            raise BadInput("site name is empty", field="name")
        region_of(country)
        row = self.stamp({"supplier_id": supplier_id, "name": name, "country": country.upper(),
                          "timezone": _check_timezone(timezone), **fields}, new=True)
        with self.change("add", "site", row["id"]) as log:
            self.insert("sites", row)
            log.diff(None, {k: row[k] for k in row if k in SITE_FIELDS})
        return row["id"]

    @operation
    def edit_site(self, site_id: str, **fields) -> Changes:
        old = self.get("sites", site_id, label="site")
        unknown = set(fields) - set(SITE_FIELDS)
        if unknown:
            raise BadInput(f"unknown site field(s): {', '.join(sorted(unknown))}")
        if "timezone" in fields:
            _check_timezone(fields["timezone"])
        with self.change("edit", "site", site_id) as log:
            log.diff(old, fields)
            self.update("sites", site_id, self.stamp(fields))

    def by_code(self, code: str) -> dict:
        rows = self.rows("SELECT * FROM suppliers WHERE code = ? AND deleted = 0", [code])
        if not rows:
            raise BadInput(f"no supplier with code {code}", field="code")
        return rows[0]
