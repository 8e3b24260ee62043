"""Reports for suppliers and HQ: improvement guidance and full record (PDF, reportlab), the
CAP workbook round trip (XLSX, openpyxl). Pure core: no Qt; the app calls these in a worker.
"""
from __future__ import annotations

from sva.reports.page import write_atomically


def write_guidance(ws, audit_id: str, path, **options):
    """Build the improvement-guidance PDF and write it to `path` atomically."""
    from sva.reports.guidance import build_guidance
    return write_atomically(path, build_guidance(ws, audit_id, **options))


def write_record(ws, audit_id: str, path, **options):
    """Build the full audit record PDF and write it to `path` atomically."""
    from sva.reports.record import build_record
    return write_atomically(path, build_record(ws, audit_id, **options))


def export_cap(ws, audit_id: str, path, **options):
    from sva.reports.cap_workbook import export_cap as _export
    return _export(ws, audit_id, path, **options)


def import_cap(ws, path, **options):
    from sva.reports.cap_import import import_cap as _import
    return _import(ws, path, **options)
