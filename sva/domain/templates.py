"""Checklist templates kept in the store. An audit keeps the version it started with."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from sva.checklists import Template, load_template, template_from_dict
from sva.domain.base import Service, operation
from sva.errors import BadInput, NotFound
from sva.paths import resource


# Item fields written under their YAML names, and only when declared: a template without
# them keeps the body (and so the hash) it was installed or published with.
_NUMBER_RULES = {"min_value": "min", "max_value": "max", "decimals": "decimals"}


def _number_rules(item) -> dict:
    declared = {"min_value": item.min_value is not None, "max_value": item.max_value is not None,
                "decimals": not item.decimals}
    return {key: getattr(item, field) for field, key in _NUMBER_RULES.items() if declared[field]}


def _to_doc(t: Template) -> dict:
    return {
        "id": t.id, "version": t.version, "kind": t.kind, "title": t.title,
        "sections": [
            {"id": s.id, "title": s.title, "items": [
                {**{k: v for k, v in dataclasses.asdict(i).items()
                    if k not in ("section_id", "choices", *_NUMBER_RULES)},
                 "evidence": list(i.evidence), "photo_required_on": list(i.photo_required_on),
                 **({"choices": [{"value": v, **labels} for v, labels in i.choices]}
                    if i.choices else {}),
                 **_number_rules(i)}
                for i in s.items]}
            for s in t.sections],
    }


class Templates(Service):
    _cache: dict

    def __init__(self, ws):
        super().__init__(ws)
        self._cache = {}

    @operation
    def install(self, template: Template | str | Path) -> str:
        """Store a template version; idempotent. Returns its ref 'id@version'."""
        if not isinstance(template, Template):
            template = load_template(template)
        body = json.dumps(_to_doc(template), ensure_ascii=False, sort_keys=True)
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
            rows = self.rows("SELECT body FROM checklist_templates WHERE id = ?", [ref])
            if not rows:
                raise NotFound(f"no checklist template {ref}")
            template, problems = template_from_dict(json.loads(rows[0]["body"]), ref)
            if problems:  # only if someone edited the row by hand
                raise BadInput("stored template is not valid: " + "; ".join(map(str, problems)))
            self._cache[ref] = template
        return self._cache[ref]

    def latest(self, kind_or_id: str) -> str:
        rows = self.rows(
            "SELECT id FROM checklist_templates WHERE (template_id = ? OR kind = ?) AND deleted = 0"
            " ORDER BY version DESC LIMIT 1", [kind_or_id, kind_or_id])
        if not rows:
            raise NotFound(f"no checklist template for {kind_or_id}")
        return rows[0]["id"]
