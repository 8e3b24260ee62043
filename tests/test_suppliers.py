"""Supplier and site services."""
import json

import pytest

from sva.errors import BadInput
from tests.conftest import log_count


def test_add_supplier_derives_region_and_logs_once(ws):
    before = log_count(ws)
    sid = ws.suppliers.add(code="S9", name_en="Pacific Cable Ltd.", name_ja="パシフィック電線社",
                           country="vn", categories=["cables and harnesses"],
                           annual_spend=5_000, large_amount=True, isec_level="B")
    row = ws.suppliers.get("suppliers", sid)
    assert (row["country"], row["region"], row["large_amount"]) == ("VN", "ASIA", 1)
    assert json.loads(row["categories"]) == ["cables and harnesses"]
    assert log_count(ws) == before + 1
    assert len(row["id"]) == 36 and row["created_at"].endswith("Z")


@pytest.mark.parametrize("fields, field", [
    ({"country": "XX"}, "country"),
    ({"isec_level": "E"}, "isec_level"),
    ({"annual_spend": -1}, "annual_spend"),
    ({"name_en": " "}, "name_en"),
    ({"colour": "red"}, "colour"),
])
def test_bad_supplier_input_names_the_field_and_changes_nothing(ws, fields, field):
    before = log_count(ws)
    args = {"code": "S1", "name_en": "A", "country": "JP", **fields}
    with pytest.raises(BadInput) as err:
        ws.suppliers.add(**args)
    assert err.value.field == field
    assert ws.db.execute("SELECT COUNT(*) FROM suppliers").fetchone()[0] == 0
    assert log_count(ws) == before


def test_duplicate_supplier_code_is_refused(ws, supplier):
    with pytest.raises(BadInput, match="S001 already exists"):
        ws.suppliers.add(code="S001", name_en="Other", country="JP")


def test_edit_records_old_and_new_values(ws, supplier):
    ws.suppliers.edit(supplier["id"], isec_level="A", country="US")
    row = ws.suppliers.get("suppliers", supplier["id"])
    assert (row["isec_level"], row["region"]) == ("A", "NA")
    last = ws.db.execute("SELECT action, changes FROM audit_log ORDER BY seq DESC").fetchone()
    assert last[0] == "edit"
    assert json.loads(last[1])["isec_level"] == [None, "A"]


def test_delete_is_soft(ws, supplier):
    ws.suppliers.delete(supplier["id"])
    assert ws.db.execute("SELECT deleted FROM suppliers").fetchone()[0] == 1
    assert ws.queries.suppliers() == []


def test_site_time_zone_is_checked(ws, supplier):
    with pytest.raises(BadInput, match="Mars/Olympus") as err:
        ws.suppliers.add_site(supplier["id"], name="X", country="JP", timezone="Mars/Olympus")
    assert err.value.field == "timezone"
    ws.suppliers.edit_site(supplier["site"], timezone="Asia/Tokyo",
                           contact_name="Emi Watanabe")
    assert ws.queries.sites(supplier["id"])[0]["contact_name"] == "Emi Watanabe"


def test_queries_search_english_and_japanese_names(ws, supplier):
    assert [s["code"] for s in ws.queries.suppliers(search="関東")] == ["S001"]
    assert [s["code"] for s in ws.queries.suppliers(search="kanto")] == ["S001"]
    assert ws.queries.suppliers(search="nothing") == []
