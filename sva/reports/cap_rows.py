"""One row of a CAP workbook as the supplier filled it in: the cells of the columns open to
them (status, root cause, …, planned date), checked and turned into values by a Pydantic
model. Its context: `codes` (status label -> code), `visit` (the visit date), `t` (the
workbook's texts) and `exported` (the finding's status when the workbook was written)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BeforeValidator, ValidationInfo, field_validator, model_validator

from sva.reports.cap_workbook import SUPPLIER_MOVES
from sva.validation.checks import Checked, Refusal
from sva.vocabulary import CAP_POSITIONS

MAX_TEXT = 4000
REQUIRED_FOR_SUBMIT = ("root_cause", "corrective_action", "responsible", "planned_date")


def cell_text(value) -> str:
    """A cell as the text the supplier sees: dates as YYYY-MM-DD, 12.0 as 12."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _status(value, info: ValidationInfo) -> str:
    exported, t = info.context["exported"], info.context["t"]
    code = info.context["codes"].get(cell_text(value).casefold())
    allowed = (exported, *SUPPLIER_MOVES.get(exported, ()))
    if code not in allowed:
        choices = " or ".join(repr(t(f"finding_status.{s}")) for s in allowed)
        raise Refusal(f"{cell_text(value)!r} is not a status you can choose here "
                      f"(choose {choices})")
    return code


def _text(value) -> str:
    text = cell_text(value)
    if len(text) > MAX_TEXT:
        raise Refusal(f"{len(text)} characters; at most {MAX_TEXT}")
    return text


def _planned(value, info: ValidationInfo) -> str:
    """A date typed as a date or as text (2025/06/30 too); not before the visit."""
    if value in (None, ""):
        return ""
    try:
        day = cell_text(value) if isinstance(value, (datetime, date)) else \
            date.fromisoformat(str(value).strip().replace("/", "-")).isoformat()
    except ValueError:
        raise Refusal(f"{cell_text(value)!r} is not a date (YYYY-MM-DD)") from None
    if day < info.context["visit"]:
        raise Refusal(f"{day} is before the visit ({info.context['visit']})")
    return day


CapText = Annotated[str | None, BeforeValidator(_text)]


def _position(value, info: ValidationInfo) -> str:
    """'Agree' / 'Dispute' in the workbook's language(s) (or the code) -> the code."""
    text = cell_text(value).casefold()
    if not text:
        return ""
    t = info.context["t"]
    for code in CAP_POSITIONS:
        if text in {code, t(f"xlsx.position.{code}").casefold(),
                    *(t.get(f"xlsx.position.{code}", lang).casefold() for lang in t.langs)}:
            return code
    choices = " or ".join(repr(t(f"xlsx.position.{c}")) for c in CAP_POSITIONS)
    raise Refusal(f"{cell_text(value)!r} is not {choices}")


class CapRow(Checked):
    """None: the column is not open on this row (the workbook locked it)."""
    status: Annotated[str | None, BeforeValidator(_status)] = None
    root_cause: CapText = None
    corrective_action: CapText = None
    preventive_action: CapText = None
    responsible: CapText = None
    planned_date: Annotated[str | None, BeforeValidator(_planned)] = None
    supplier_comment: CapText = None
    position: Annotated[str | None, BeforeValidator(_position)] = None
    position_comment: CapText = None
    containment: CapText = None
    completion_evidence: CapText = None

    @model_validator(mode="after")
    def _dispute_says_why(self):
        if self.position == "dispute" and not self.position_comment:
            raise Refusal("a disputed finding needs your comment saying why "
                          "(column 'Comment on agree / dispute')")
        return self

    @field_validator(*REQUIRED_FOR_SUBMIT)
    @classmethod
    def _needed_to_submit(cls, value, info: ValidationInfo):
        submitting = (info.data.get("status") == "cap_submitted"
                      and info.context["exported"] != "cap_submitted")
        if submitting and not value:
            raise Refusal("needed before the CAP can be submitted")
        return value

    def changes(self, finding: dict, exported_status: str) -> dict:
        """What differs from the database; a status only where the supplier moved it."""
        new = {}
        for key, value in self.model_dump(exclude_none=True).items():
            if key == "status":
                if value not in (exported_status, finding["status"]):
                    new[key] = value
            elif value != (finding[key] or ""):
                new[key] = value or None if key == "planned_date" else value
        return new
