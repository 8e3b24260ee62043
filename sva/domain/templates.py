"""Checklist templates kept in the store. An audit keeps the version it started with."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sva.checklists import Template
from sva.checklists.stored import template_doc, template_from_stored
from sva.domain.base import Service, operation
from sva.errors import BadInput, NotFound
from sva.paths import resource


class Templates(Service):
    _cache: dict

    def __init__(self, ws):
        super().__init__(ws)
        self._cache = {}

    @operation
    def install(self, template: Template | str | Path) -> str:
        """Store a template version; idempotent. Returns its ref 'id@version'."""
        if not isinstance(template, Template):
            from sva.checklists import load_template     # Pydantic: only when installing
            template = load_template(template)
        body = json.dumps(template_doc(template), ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(body.encode()).hexdigest()
        ref = template.ref
        existing = self.rows("SELECT sha256 FROM checklist_templates WHERE id = ?", [ref])
        if existing:
            if existing[0]["sha256"] != digest:
                raise BadInput(f"checklist {ref} is already installed with different content; "
                               "publish changes under a new version", field="version")
            return ref
        row = self.stamp({"id": ref, "template_id": template.id, "version": template.version,
                          "kind": template.kind, "title_en": template.title["en"],
                          "title_ja": template.title["ja"], "body": body, "sha256": digest},
                         new=True)
        with self.change("install", "checklist_template", ref) as log:
            self.insert("checklist_templates", row)
            log.diff(None, {"version": template.version, "sha256": digest})
        return ref

    @operation
    def install_shipped(self) -> list[str]:
        return [self.install(p) for p in sorted(resource("checklists").glob("*.yaml"))]

    def get(self, ref: str) -> Template:
        if ref not in self._cache:
            rows = self.rows("SELECT body, sha256 FROM checklist_templates WHERE id = ?", [ref])
            if not rows:
                raise NotFound(f"no checklist template {ref}")
            body = rows[0]["body"]
            # Checked when it was installed; only someone editing the row by hand changes it.
            if hashlib.sha256(body.encode()).hexdigest() != rows[0]["sha256"]:
                raise BadInput(f"stored checklist {ref} was changed outside SVA (its content "
                               "no longer matches its hash); reinstall it from its YAML file")
            self._cache[ref] = template_from_stored(json.loads(body))
        return self._cache[ref]

    def latest(self, kind_or_id: str) -> str:
        rows = self.rows(
            "SELECT id FROM checklist_templates WHERE (template_id = ? OR kind = ?) AND deleted = 0"
            " ORDER BY version DESC LIMIT 1", [kind_or_id, kind_or_id])
        if not rows:
            raise NotFound(f"no checklist template for {kind_or_id}")
        return rows[0]["id"]
