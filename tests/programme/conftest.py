"""Shared fixtures for the programme tests: the shipped questionnaire and rules, and small
helpers to write registry/response files and build SAQ responses by hand."""
from __future__ import annotations

import csv

import pytest

from sva.hq.programme.levels import load_rules, score
from sva.hq.programme.responses import SaqResponse
from sva.hq.programme.saq import load_questionnaire


@pytest.fixture(scope="session")
def saq():
    return load_questionnaire()


@pytest.fixture(scope="session")
def rules(saq):
    return load_rules(saq)


@pytest.fixture
def write_csv(tmp_path):
    def write(name, header, rows):
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(rows)
        return path
    return write


def answers(saq, default="yes", **overrides):
    """Every question answered `default`, with overrides given as ISEC_01='no'."""
    out = {qid: default for qid in saq.questions}
    out.update({k.replace("_", "-"): v for k, v in overrides.items()})
    return out


def result(saq, rules, code="S1", fy=2025, submitted="2025-06-01", **overrides):
    return score(SaqResponse(code, fy, submitted, saq.ref, answers(saq, **overrides)), saq, rules)
