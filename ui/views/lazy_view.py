"""A tab page made in two steps: the empty page at once, its parts when first used."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


class LazyView(QWidget):
    """The parts named in `_PARTS` are made by `_build()` on first use (`ensure_built`, or
    touching any part), so pages the window's first frame does not show cost nothing
    before it. Subclasses import their models and Qt classes inside `_build` too."""

    _PARTS: frozenset[str] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fitted = False
        self._built = False

    def __getattr__(self, name: str):
        # Only called for attributes not set yet: the parts, before the first build.
        if name in type(self)._PARTS and not self.__dict__.get("_built", True):
            self._build()
            return getattr(self, name)
        raise AttributeError(name)

    def ensure_built(self) -> None:
        if not self._built:
            self._build()

    def _build(self) -> None:
        raise NotImplementedError
