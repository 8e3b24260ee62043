"""Mail to supplier contacts goes into `portal_outbox` inside the transaction that caused it
(an invitation, a receipt); a sender task delivers it later (sva.hq.portal.sender). So a
request never waits on an SMTP server, and a rolled-back change sends nothing."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import lru_cache

import yaml

from sva.hq.accounts import now_iso
from sva.hq.storage import Tx
from sva.paths import resource
from sva.vocabulary import LANGS

KINDS = ("invitation", "request", "reminder", "receipt", "returned")


@lru_cache(maxsize=1)
def texts() -> dict:
    return yaml.safe_load(resource("portal", "mail.yaml").read_text("utf-8"))


def supplier_name(supplier: dict, lang: str) -> str:
    return (supplier.get("name_ja") if lang == "ja" else "") or supplier["name_en"]


def render(kind: str, lang: str, **fields) -> tuple[str, str]:
    text = texts()[kind][lang if lang in LANGS else "en"]
    return text["subject"].format(**fields), text["body"].format(**fields)


def enqueue(tx: Tx, contact: dict, kind: str, *, supplier: dict, now: datetime | None = None,
            **fields) -> str:
    """Queue one mail to a contact, in its language."""
    assert kind in KINDS
    lang = contact["lang"]
    subject, body = render(kind, lang, name=contact["name"],
                           supplier=supplier_name(supplier, lang), **fields)
    now = now or datetime.now(UTC)
    mail_id = str(uuid.uuid4())
    tx.execute("INSERT INTO portal_outbox (id, contact_id, to_addr, kind, subject, body, "
               "created_at, day) VALUES (?,?,?,?,?,?,?,?)",
               (mail_id, contact["id"], contact["email"], kind, subject, body, now_iso(),
                now.date().isoformat()))
    return mail_id
