"""Photo evidence: content-addressed originals under the workspace's photos/ folder."""
from sva.photos.store import Photos, MAX_PIXELS

__all__ = ["Photos", "MAX_PIXELS"]
