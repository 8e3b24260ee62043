"""What must be settled before a visit is completed, and which answers record a nonconformity.

An answer *records a nonconformity* when it is Nonconformity or Observation on a conformity
item, or No on a yes/no item (checklists word yes/no questions so that Yes is the expected
state; that is also why a yes/no item may require a photo "on nonconformity"). Such an
answer must reach the supplier: either as a finding, or with the auditor's reason why no
finding is needed, which the guidance report then prints next to the item. A checklist item
may also require a photo for such an answer (`photo_required_on`); a photo on the item or on
one of its findings satisfies it.

An item a `relevant_if` rule hides (sva.domain.relevance) asks for nothing: not an answer,
not a finding, not a photo — even when an answer given before it was hidden is still kept.
"""
from __future__ import annotations

from dataclasses import dataclass

from sva.checklists.model import Item, Template
from sva.domain.relevance import hidden_items
from sva.vocabulary import NONCONFORMITY_RESULTS, NONCONFORMITY_SEVERITIES

UNANSWERED = "unanswered"
NO_FINDING = "no_finding"
NO_PHOTO = "no_photo"
PROBLEM_KINDS = (UNANSWERED, NO_FINDING, NO_PHOTO)


def recorded_nonconformity(item: Item, result: str | None) -> str | None:
    """'nonconformity' or 'observation' when the answer records one, else None."""
    if item.answer == "conformity" and result in NONCONFORMITY_RESULTS:
        return result
    if item.answer == "yes_no" and result == "no":
        return "nonconformity"
    return None


def photo_required(item: Item, result: str | None) -> bool:
    kind = recorded_nonconformity(item, result)
    return kind is not None and kind in item.evidence_required_on


@dataclass(frozen=True)
class Problem:
    kind: str               # one of PROBLEM_KINDS
    item_id: str
    result: str | None = None

    def describe(self) -> str:
        if self.kind == UNANSWERED:
            return f"{self.item_id} is required and not answered"
        if self.kind == NO_FINDING:
            return (f"{self.item_id} is answered {self.result} but has no finding and no "
                    "reason why none is needed")
        return f"{self.item_id} is answered {self.result} and needs a photo"


def items_with_findings(findings: list[dict]) -> set[str]:
    return {f["item_id"] for f in findings
            if f["item_id"] and not f["deleted"] and f["severity"] in NONCONFORMITY_SEVERITIES}


def items_with_photos(photos: list[dict], findings: list[dict]) -> set[str]:
    """Items that have a photo of their own or through one of their findings."""
    finding_items = {f["id"]: f["item_id"] for f in findings if not f["deleted"]}
    out = set()
    for photo in photos:
        if photo["deleted"]:
            continue
        if photo["item_id"]:
            out.add(photo["item_id"])
        if finding_items.get(photo["finding_id"]):
            out.add(finding_items[photo["finding_id"]])
    return out


def problems(template: Template, answers: dict[str, dict], findings: list[dict],
             photos: list[dict]) -> list[Problem]:
    """Unanswered required items, then nonconformities without a finding or a reason, then
    missing required photos; each group in checklist order."""
    found = items_with_findings(findings)
    pictured = items_with_photos(photos, findings)
    hidden = hidden_items(template, answers)
    unanswered, unexplained, unpictured = [], [], []
    for item in template.items.values():
        if item.id in hidden:
            continue
        answer = answers.get(item.id)
        result = answer["result"] if answer else None
        if result is None:
            if item.required:
                unanswered.append(Problem(UNANSWERED, item.id))
            continue
        if (recorded_nonconformity(item, result) and item.id not in found
                and not (answer.get("no_finding_reason") or "").strip()):
            unexplained.append(Problem(NO_FINDING, item.id, result))
        if photo_required(item, result) and item.id not in pictured:
            unpictured.append(Problem(NO_PHOTO, item.id, result))
    return unanswered + unexplained + unpictured


def without_finding(template: Template, answers: dict[str, dict],
                    findings: list[dict]) -> list[dict]:
    """Answers recording a nonconformity that no finding covers, in checklist order, each
    with its item: the guidance report lists them so that none is ever left out."""
    found = items_with_findings(findings)
    hidden = hidden_items(template, answers)
    out = []
    for item in template.items.values():
        if item.id in hidden:
            continue
        answer = answers.get(item.id)
        if answer and recorded_nonconformity(item, answer["result"]) and item.id not in found:
            out.append({**answer, "item": item})
    return out
