"""The programmes' demo on SQLite and PostgreSQL: built through the same imports on a small
registry, it gives the seed's numbers on both databases (every figure query runs on both)."""
from __future__ import annotations

from sva.hq.programmes.demo import build_programmes_demo
from sva.hq.programmes.panels import extra_figures


def test_programmes_demo_gives_the_seed_numbers(storage):
    out = build_programmes_demo(storage, seed=3)
    assert out["events"]["meeting_suppliers"] == 188
    with storage.transaction(write=False) as tx:
        fy2019, fy2020, fy2021 = (extra_figures(tx, fy) for fy in (2019, 2020, 2021))
        smelters = tx.scalar("SELECT COUNT(DISTINCT smelter_id) FROM cmrt_smelters "
                             "WHERE fy = 2020")
    assert fy2020["declarations"]["new_suppliers_declared"] == 297
    meeting = fy2019["dissemination"]["list"][0]
    assert (meeting["people"], meeting["management"], meeting["suppliers"]) == (444, 444, 188)
    assert (fy2020["climate"]["cdp_invited"], fy2021["climate"]["cdp_invited"]) == (25, 73)
    assert fy2020["climate"]["green_rate"] == 100.0
    assert fy2020["cmrt"]["smelters"] == smelters > 0
    assert fy2021["declarations"]["coverage"]["rbc"]["suppliers"] > 0
    assert fy2020["chemicals"]["RoHS"]["surveys"] > 0
