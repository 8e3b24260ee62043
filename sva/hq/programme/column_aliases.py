"""Header aliases of the programme imports (resources/programme/column_aliases.yaml): the
Japanese (or otherwise local) headers a real office's file carries, mapped to the canonical
column names the row models use."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from sva.paths import resource
from sva.validation.yaml_file import read_yaml

KINDS = ("registry", "sites", "saq")


def normalise(text: str) -> str:
    """How a header is compared: NFKC, lower case, outer spaces and a trailing '*'/'※' gone."""
    text = unicodedata.normalize("NFKC", str(text or "")).strip().lower()
    return text.rstrip("*※").strip()


@lru_cache(maxsize=1)
def aliases() -> dict[str, dict[str, str]]:
    """kind -> {normalised alias -> canonical column}. A broken shipped file is a bug: raise."""
    path = resource("programme", "column_aliases.yaml")
    doc, problems = read_yaml(path)
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    out: dict[str, dict[str, str]] = {}
    for kind in KINDS:
        table: dict[str, str] = {}
        for column, names in (doc.get(kind) or {}).items():
            for name in names:
                table[normalise(name)] = column
        out[kind] = table
    return out


def canonical_header(text: str, kind: str = "") -> str:
    """The canonical column a header cell names (itself, normalised, when it is no alias)."""
    name = normalise(text)
    return aliases().get(kind, {}).get(name, name)
