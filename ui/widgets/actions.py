"""One way to make a window's or widget's keyboard action."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence


def make_action(parent, name: str, text: str, keys, slot: Callable, *, context=None,
                add_to=None) -> QAction:
    """A QAction named `name` (tests find it by object name) with its shortcut(s) `keys`
    (a key string, a QKeySequence or standard key, or a list/tuple of them), triggering `slot`;
    `context` sets the shortcut context, `add_to` the widget whose action it is.

    setShortcuts([...]) rather than setShortcut(...): PySide resolves that overload by
    building all 94 enum classes of the Qt namespace (~30 ms, once)."""
    act = QAction(text, parent)
    act.setObjectName(name)
    several = keys if isinstance(keys, (list, tuple)) else [keys]
    act.setShortcuts([QKeySequence(k) for k in several])
    if context is not None:
        act.setShortcutContext(context)
    act.triggered.connect(slot)
    if add_to is not None:
        add_to.addAction(act)
    return act
