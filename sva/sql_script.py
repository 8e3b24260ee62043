"""Split an SQL script into statements, for migrations run inside one transaction (the
device's store and HQ's database both migrate this way)."""
from __future__ import annotations

import sqlite3


def split_statements(script: str) -> list[str]:
    """Complete statements of `script` (triggers contain inner semicolons); executescript()
    would COMMIT the caller's transaction, so migrations run them one by one."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
