"""The UI's words for the core's codes: one label for every code of each vocabulary list,
and none for a code the core does not know."""
from __future__ import annotations

import pytest

from sva import vocabulary
from ui import vocabulary as labels


@pytest.mark.parametrize("table, codes", [
    (labels.status_labels, vocabulary.AUDIT_STATUSES),
    (labels.kind_labels, vocabulary.AUDIT_KINDS),
    (labels.kind_short_labels, vocabulary.AUDIT_KINDS),
    (labels.region_labels, vocabulary.REGIONS),
    (labels.flag_labels, vocabulary.SUPPLIER_FLAGS),
    (labels.result_labels, {r for rs in vocabulary.KEYED_RESULTS.values() for r in rs}),
    (labels.severity_labels, vocabulary.SEVERITIES),
    (labels.area_labels, vocabulary.AREAS),
    (labels.evidence_labels, vocabulary.EVIDENCE_METHODS),
    (labels.role_labels, vocabulary.ROLES),
    (labels.finding_status_labels, vocabulary.FINDING_STATUSES),
], ids=lambda v: getattr(v, "__name__", ""))
def test_every_code_has_a_label(qapp, table, codes):
    words = table()
    assert set(words) == set(codes)
    assert all(word.strip() for word in words.values())


def test_critical_flags_follow_the_vocabulary_order(qapp):
    row = dict.fromkeys(vocabulary.SUPPLIER_FLAGS, 1)
    assert labels.critical_flags(row) == [labels.flag_labels()[f]
                                          for f in vocabulary.SUPPLIER_FLAGS]
    assert labels.critical_flags({"rare_product": 1}) == ["rare product"]
