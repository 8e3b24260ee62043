"""SVA core: the Qt-free part of Supplier Visit Audits.

Everything the desktop app can do, this package can do from a test or the CLI.
"""
__version__ = "0.1.0"

from sva.workspace import Workspace  # noqa: E402  (re-export)

__all__ = ["Workspace", "__version__"]
