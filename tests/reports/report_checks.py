"""Reading back what the reports wrote: PDF text, and digests of the findings table."""
from __future__ import annotations

import hashlib
import io
import json

from pypdf import PdfReader


def pdf_text(data_or_path) -> str:
    reader = PdfReader(io.BytesIO(data_or_path) if isinstance(data_or_path, bytes)
                       else data_or_path)
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    """Text without whitespace: PDF extraction breaks lines where the layout wrapped."""
    return "".join(text.split())


def findings_digest(ws, audit_id) -> str:
    rows = ws.db.execute("SELECT * FROM findings WHERE audit_id = ? ORDER BY id",
                         [audit_id]).fetchall()
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


def log_count(ws) -> int:
    return ws.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
