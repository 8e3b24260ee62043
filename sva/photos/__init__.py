"""Photo evidence: safe ingest, upright EXIF-free derivatives, bulk import, annotation/redaction.

Originals are content-addressed under the workspace's photos/ folder; derivatives under
derived/. See store.Photos for the service API (`ws.photos`). The service and its results
load on first use: HQ uses the shared pieces (annotate, probe) without the device store.
"""
_EXPORTS = {"Photos": "store", "MAX_PIXELS": "limits", "AddResult": "results",
            "BulkResult": "results", "ImportCancelled": "results", "RefusedFiles": "results",
            "PhotoWarning": "results", "Reused": "results"}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib
        return getattr(importlib.import_module(f"sva.photos.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'sva.photos' has no attribute {name!r}")
