"""YAML files people write by hand (checklists, the SAQ, scoring and planning rules): parse
with the line of every mapping remembered, check with a model, report every problem as
"file:line: item ID: message"."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sva.errors import BadInput
from sva.validation.checks import Issue, check


class LineDict(dict):
    """A YAML mapping that knows the line it starts on (1-based)."""
    line = 0


@lru_cache(maxsize=1)
def _line_loader():
    """The YAML loader class, built on first use: opening a workspace reads stored templates
    (JSON) and never needs PyYAML, whose import was a noticeable part of the app's start-up."""
    import yaml

    class _LineLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            mapping = LineDict(super().construct_mapping(node, deep=deep))
            mapping.line = node.start_mark.line + 1
            return mapping

    _LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                _LineLoader.construct_mapping)
    return _LineLoader


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    item: str | None
    message: str

    def __str__(self) -> str:
        where = f"item {self.item}: " if self.item else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


def read_yaml(path: str | Path):
    """(the parsed document, []) or (None, [the problem]) for an unreadable file."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(str(path), 0, None, f"cannot read: {exc}")]
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader()), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        return None, [Problem(str(path), line, None,
                              f"not valid YAML: {getattr(exc, 'problem', exc)}")]


def line_of(doc, loc: tuple) -> int:
    """The line of the innermost mapping on the way to `loc` (where the problem is)."""
    line, node = getattr(doc, "line", 0), doc
    for part in loc:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
        line = getattr(node, "line", line)
    return line


def problems_of(issues: list[Issue], doc, file: str) -> list[Problem]:
    """One problem per line, item and message (several fields of one mapping may fail for
    one reason its model words once)."""
    return list(dict.fromkeys(Problem(file, line_of(doc, i.loc), i.item, i.message)
                              for i in issues))


def check_yaml(model, doc, file: str, *, context: dict | None = None):
    """(the model, []) or (None, problems) for a parsed document."""
    if not isinstance(doc, dict):
        holds = f" with {model.holds}" if model.holds else ""
        return None, [Problem(file, getattr(doc, "line", 0), None,
                              f"the file must hold a mapping{holds}")]
    result, issues = check(model, doc, context=context)
    return result, problems_of(issues, doc, file)


def load_checked(model, path: str | Path, headline: str, *, context: dict | None = None):
    """Read, parse and check; BadInput listing every problem under `headline`."""
    doc, problems = read_yaml(path)
    result = None
    if not problems:
        result, problems = check_yaml(model, doc, str(path), context=context)
    if problems:
        raise BadInput(f"{headline}:\n" + "\n".join(str(p) for p in problems),
                       file=str(path))
    return result
