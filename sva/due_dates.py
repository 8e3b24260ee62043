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
    return {"version": doc.get("version"), "due_days": dict(due)}


def due_date(severity: str, visit_date: str) -> str | None:
    days = load_policy()["due_days"][severity]
    if days is None:
        return None
    return (date.fromisoformat(visit_date[:10]) + timedelta(days=days)).isoformat()
