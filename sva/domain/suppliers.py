"""Suppliers and their sites."""
from __future__ import annotations

import json

from sva.domain.base import Changes, Service, operation
from sva.errors import BadInput
from sva.places import check_timezone, region_of
from sva.vocabulary import ISEC_LEVELS, SITE_SYNC_FIELDS, SUPPLIER_FLAGS, SUPPLIER_SYNC_FIELDS

SUPPLIER_FIELDS = ("code", *SUPPLIER_SYNC_FIELDS)
SITE_FIELDS = SITE_SYNC_FIELDS


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
        for flag in SUPPLIER_FLAGS:
            if flag in row:
                row[flag] = int(bool(row[flag]))
        if row.get("isec_level") not in (None, *ISEC_LEVELS):
            raise BadInput(f"information-security level must be one of {', '.join(ISEC_LEVELS)}",
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
                          "timezone": check_timezone(timezone), **fields}, new=True)
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
            check_timezone(fields["timezone"])
        with self.change("edit", "site", site_id) as log:
            log.diff(old, fields)
            self.update("sites", site_id, self.stamp(fields))

    def by_code(self, code: str) -> dict:
        rows = self.rows("SELECT * FROM suppliers WHERE code = ? AND deleted = 0", [code])
        if not rows:
            raise BadInput(f"no supplier with code {code}", field="code")
        return rows[0]
