"""Evidence files a supplier attaches to a question: PDF, PNG/JPEG images or XLSX, at most
EVIDENCE_MAX bytes, the type sniffed from the bytes (never from the name or the browser's
word), stored once per content under the blob folder's `evidence/<sha[:2]>/<sha>`."""
from __future__ import annotations

import hashlib
import io
import os
import uuid
import zipfile
from pathlib import Path

from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso
from sva.hq.portal.answers import _mine, questionnaire_of, write_answers
from sva.hq.storage import Storage
from sva.owner_only import make_dir

EVIDENCE_MAX = 8 * 1024 * 1024
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPES = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg", XLSX: ".xlsx"}


def sniff(data: bytes) -> str | None:
    """The media type the bytes really are, or None when they are none of ours."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
            return XLSX
    return None


def path_of(storage: Storage, sha: str) -> Path:
    return Path(storage.blob_dir) / "evidence" / sha[:2] / sha


def checked(data: bytes) -> str:
    """The sniffed media type of an upload, or BadInput (too large, not one of ours)."""
    if len(data) > EVIDENCE_MAX:
        raise BadInput(f"the file is larger than {EVIDENCE_MAX // (1024 * 1024)} MB",
                       field="file")
    media = sniff(data)
    if media is None:
        raise BadInput("only PDF, PNG, JPEG and XLSX files are taken", field="file")
    return media


def keep(storage: Storage, data: bytes) -> str:
    """Store the bytes once under their SHA-256 (written whole, then renamed); the hash."""
    sha = hashlib.sha256(data).hexdigest()
    target = path_of(storage, sha)
    if not target.exists():
        make_dir(target.parent)
        tmp = target.with_name(f".{sha}.{uuid.uuid4().hex}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    return sha


def safe_name(name: str, media: str) -> str:
    stem = "".join(ch for ch in Path(name or "").stem if ch.isalnum() or ch in "-_ ")[:80]
    return (stem.strip() or "evidence") + TYPES[media]


def save_page(storage: Storage, contact: dict, request_id: str, typed: dict,
              files: list[tuple[str, str, bytes]]) -> list[str]:
    """The questionnaire page as one change: the answers typed on it and the files chosen
    on it (question id, file name, bytes), all or nothing — a refused file or answer
    changes nothing, and the page is shown again with what was typed. Returns the new
    evidence ids."""
    ready = []
    if files:               # checked before any byte is kept; answers alone need no look
        with storage.transaction(write=False) as tx:
            questions = questionnaire_of(_mine(tx, contact, request_id)).questions
    for question_id, filename, data in files:
        q = questions.get(question_id)
        if q is None or q.type != "file":
            raise BadInput("no such question", field="question")
        try:
            media = checked(data)
        except BadInput as exc:
            raise BadInput(f"{question_id}: {exc}", field="file") from None
        ready.append((question_id, safe_name(filename, media), media, data))
    kept = [keep(storage, data) for *_, data in ready]     # by hash: harmless if refused
    ids = [str(uuid.uuid4()) for _ in ready]
    with storage.transaction() as tx:
        req = _mine(tx, contact, request_id)
        saved = write_answers(tx, contact, req, typed)
        at = now_iso()
        for evidence_id, sha, (question_id, name, media, data) in zip(ids, kept, ready):
            tx.execute("INSERT INTO portal_evidence (id, request_id, question_id, sha256, "
                       "filename, media_type, size, uploaded_at, uploaded_by) VALUES "
                       "(?,?,?,?,?,?,?,?,?)", (evidence_id, req["id"], question_id, sha, name,
                                               media, len(data), at, contact["id"]))
        log_event(tx, contact["email"], "save", "portal_request", req["id"], questions=saved,
                  evidence=[{"question": q[0], "sha256": sha} for q, sha in zip(ready, kept)])
    return ids


def add(storage: Storage, contact: dict, request_id: str, question_id: str, filename: str,
        data: bytes) -> str:
    """Attach a file to a question of an editable request; returns the evidence id."""
    return save_page(storage, contact, request_id, {}, [(question_id, filename, data)])[0]


def find(storage: Storage, supplier_id: str | None, evidence_id: str) -> tuple[dict, Path]:
    """An evidence file of the supplier's own requests (`supplier_id` None: HQ staff)."""
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT e.*, r.supplier_id FROM portal_evidence e JOIN portal_requests r "
                     "ON r.id = e.request_id WHERE e.id = ?", (str(evidence_id)[:100],))
    if row is None or (supplier_id is not None and row["supplier_id"] != supplier_id):
        raise NotFound("not found", field="evidence")
    path = path_of(storage, row["sha256"])
    if not path.is_file():
        raise NotFound("not found", field="evidence")
    return row, path
