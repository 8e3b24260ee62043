"""Photo evidence: safe ingest, upright EXIF-free derivatives, bulk import, annotation/redaction.

Originals are content-addressed under the workspace's photos/ folder; derivatives under
derived/. See store.Photos for the service API (`ws.photos`).
"""
from sva.photos.limits import MAX_PIXELS
from sva.photos.results import (AddResult, BulkResult, ImportCancelled, PhotoWarning,
                                RefusedFiles, Reused)
from sva.photos.store import Photos

__all__ = ["Photos", "MAX_PIXELS", "AddResult", "BulkResult", "ImportCancelled",
           "PhotoWarning", "RefusedFiles", "Reused"]
