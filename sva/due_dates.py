"""The severity policy (resources/policy.yaml): due days per finding severity.

Shared by the device (a new finding's due date) and HQ (its demo data): it reads a resource
file and nothing of either side's store."""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from sva.errors import BadInput
from sva.paths import resource
from sva.vocabulary import SEVERITIES


@lru_cache(maxsize=4)
def load_policy(path: Path | None = None) -> dict:
    import yaml   # here, not at the top: opening a workspace never needs PyYAML

    path = Path(path or resource("policy.yaml"))
    try:
        doc = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BadInput(f"cannot read severity policy: {exc}", file=str(path)) from exc
    due = (doc or {}).get("due_days")
    if not isinstance(due, dict) or set(due) != set(SEVERITIES):
        raise BadInput(f"due_days must name exactly {', '.join(SEVERITIES)}",
                       file=str(path), field="due_days")
    for sev, days in due.items():
        if days is not None and (not isinstance(days, int) or days < 1):
            raise BadInput(f"due days for {sev} must be a positive whole number or null",
                           file=str(path), field=f"due_days.{sev}")
    response = doc.get("cap_response_days")
    if response is not None:
        if not isinstance(response, dict) or set(response) != set(SEVERITIES):
            raise BadInput(f"cap_response_days must name exactly {', '.join(SEVERITIES)}",
                           file=str(path), field="cap_response_days")
        for sev, days in response.items():
            if days is not None and (not isinstance(days, int) or days < 1):
                raise BadInput(f"CAP response days for {sev} must be a positive whole number "
                               "or null", file=str(path), field=f"cap_response_days.{sev}")
    return {"version": doc.get("version"), "due_days": dict(due),
            "cap_response_days": dict(response) if response else None}


def cap_return_by(severities, issued: str, dues=(), *, fallback_days: int = 30) -> str | None:
    """When the supplier returns the CAP for open findings of `severities`: the issue date
    plus the shortest response period of those severities, or an open finding's due date if
    that comes sooner, yet never a day already past on the day of issue. None: nothing open
    needs a CAP."""
    response = load_policy()["cap_response_days"]
    days = [response[s] if response else fallback_days for s in severities]
    days = [d for d in days if d is not None]
    if not days:
        return None
    day = date.fromisoformat(issued[:10])
    by = day + timedelta(days=min(days))
    ahead = [date.fromisoformat(d[:10]) for d in dues if d and date.fromisoformat(d[:10]) > day]
    return min([by, *ahead]).isoformat()


def due_date(severity: str, visit_date: str) -> str | None:
    days = load_policy()["due_days"][severity]
    if days is None:
        return None
    return (date.fromisoformat(visit_date[:10]) + timedelta(days=days)).isoformat()
