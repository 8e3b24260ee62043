"""The two texts every change writes: its moment (sva.domain.base.utc_now, formatted once a
second) and its audit-log changes (one C encoder made once) — each exactly what the
standard library's own formatting gives."""
from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from decimal import Decimal

from sva.domain.base import _log_json, utc_now


def test_the_clock_reads_as_datetime_writes_it():
    for _ in range(200):                   # crosses at least one second boundary
        before = datetime.now(UTC)
        text = utc_now()
        after = datetime.now(UTC)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        assert before <= moment <= after
        assert text == moment.isoformat(timespec="microseconds").replace("+00:00", "Z")
        time.sleep(0.006)


def test_a_log_row_text_is_what_json_dumps_writes():
    for value in ({}, {"note": ["ノート", None]}, {"result": ["conforms", "nonconformity"]},
                  {"n": [1, 2.5], "b": [True, False], "z": [[1, {"k": "\u2028\n\"q\""}], 0]},
                  {"amount": [Decimal("1.50"), None]}):
        assert _log_json(value) == json.dumps(value, ensure_ascii=False, sort_keys=True,
                                              default=str)
