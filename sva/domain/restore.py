"""Put an answer or a finding back exactly as it was: what undo and redo replay.

`record_answer`/`clear_answer` cannot express every earlier state (a note typed before any
result, a finding that was deleted), so undo needs these two small services. Each is one
transaction with one audit-log row, and a signed audit still needs an amendment reason.
"""
from __future__ import annotations

from sva.domain.audits import check_result
from sva.domain.base import Changes, Service, operation

# The state of an item nobody has answered or annotated.
NO_ANSWER = {"result": None, "note": "", "answered_at": None, "no_finding_reason": ""}


class Restores(Service):
    def answer_state(self, audit_id: str, item_id: str) -> dict:
        """The item's answer as `answer()` can put it back: result, note, answered_at and
        the reason why no finding is needed."""
        row = self.ws.audits.answers(audit_id).get(item_id)
        if row is None:
            return dict(NO_ANSWER)
        return {"result": row["result"], "note": row["note"] or "",
                "answered_at": row["answered_at"],
                "no_finding_reason": row["no_finding_reason"] or ""}

    @operation
    def answer(self, audit_id: str, item_id: str, state: dict, *,
               reason: str | None = None) -> Changes:
        """Set result, note, answered_at (and the no-finding reason) together, as
        `answer_state()` returned them."""
        audits = self.ws.audits
        audit = audits.audit(audit_id)
        item = audits._item(audit, item_id)
        result = state.get("result")
        if result is not None:   # a state that was stored once: a confirmed value stays valid
            result = check_result(item, result, confirmed=True)
        note = state.get("note") or ""
        fields = {"result": result, "note": note,
                  "answered_at": (state.get("answered_at") or self.ws.clock()) if result else None,
                  "no_finding_reason": state.get("no_finding_reason") or "",
                  "deleted": 0 if (result is not None or note) else 1}
        return audits._write_answer(audit, item_id, fields, "restore_answer", reason)

    @operation
    def finding(self, finding_id: str, *, reason: str | None = None) -> Changes:
        """Bring back a deleted finding with the same id and content."""
        old = self.get("findings", finding_id, label="finding", include_deleted=True)
        audit = self.ws.audits.audit(old["audit_id"])
        with self.change("restore", "finding", finding_id, audit_id=audit["id"]) as log:
            self.guard_audit(audit, log, reason)
            log.diff(old, {"deleted": 0})
            self.update("findings", finding_id, self.stamp({"deleted": 0}))
        return Changes("finding", (finding_id,), audit["id"], "restore")

    @operation
    def finding_fields(self, finding_id: str, fields: dict, *,
                       reason: str | None = None) -> Changes:
        """Put back a finding's earlier field values (undo of an edit). Unlike `edit`, this
        may restore an empty "what was seen" held by a finding stored before that rule."""
        return self.ws.findings._write(finding_id, self.ws.findings._clean(fields), reason,
                                       "restore")
