"""The programmes' web strings and figure labels: no key given twice (YAML would keep the
last silently), the same keys in English and Japanese, and every key the templates use."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.hq_programme.conftest import ROOT


class _NoDuplicates(yaml.SafeLoader):
    pass


def _mapping(loader, node, deep=False):
    keys = [loader.construct_object(k) for k, _ in node.value]
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:
        raise ValueError(f"keys given twice: {twice}")
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_NoDuplicates.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("path, block", [("resources/web/strings.yaml", "programmes"),
                                         ("resources/programme/programmes_labels.yaml", None)])
def test_strings_have_no_duplicates_and_both_languages(path, block):
    doc = yaml.load((ROOT / path).read_text("utf-8"), _NoDuplicates)
    doc = doc[block] if block else doc
    assert set(doc["en"]) == set(doc["ja"])
    assert all(isinstance(k, str) for k in doc["en"])     # not `yes:` read as True


def test_templates_use_only_defined_keys():
    keys = set(yaml.safe_load((ROOT / "resources/web/strings.yaml").read_text("utf-8"))
               ["programmes"]["en"])
    folder = ROOT / "sva/hq/web/templates"
    used = set()
    for name in ("_programmes.html", "_supplier_programmes.html", "smelters.html",
                 "cmrt_result.html"):
        used |= set(re.findall(r"\b(?:pt|pg\.t)\.(\w+)", (folder / name).read_text("utf-8")))
    assert used and used <= keys, used - keys
