"""The PySide6 desktop app of SVA. It talks to the core only through `sva.Workspace`."""
