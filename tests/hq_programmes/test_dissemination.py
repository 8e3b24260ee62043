"""Dissemination events on SQLite and PostgreSQL: attendance and awards imported per event,
the year's figures (people, management, suppliers reached, staff trained, awards), bad
attendance files refused whole."""
from __future__ import annotations

import pytest

from sva.errors import BadInput, NotFound
from sva.hq.programmes import dissemination
from tests.hq_programme.conftest import write_csv

from .conftest import counts

HEADER = ["person", "position", "supplier_code", "management"]


def test_event_attendance_awards_and_figures(storage, tmp_path):
    meeting = dissemination.add_event(storage, kind="partners_meeting", held_on="2020-01-24",
                                      title="Strategic partners meeting 2020",
                                      topics=["human_rights", "environment"])
    write_csv(tmp_path / "a.csv", HEADER, [
        ["Taro Yamada", "President", "S001", "yes"],
        ["Hanako Ito", "Quality manager", "s001", "yes"],
        ["Ken Mori", "Engineer", "S002", "no"],
        ["Aki Sato", "Director", "S003", "1"]])
    assert dissemination.import_attendance(storage, meeting, tmp_path / "a.csv") == \
        {"attendees": 4}
    training = dissemination.add_event(storage, kind="staff_training", held_on="2019-10-01",
                                       title="Sustainable procurement basics")
    write_csv(tmp_path / "staff.csv", HEADER, [["Buyer One", "Buyer", "", "no"],
                                               ["Buyer Two", "Buyer", "", "no"]])
    dissemination.import_attendance(storage, training, tmp_path / "staff.csv")
    write_csv(tmp_path / "w.csv", ["supplier_code", "award"],
              [["S002", "Environmental contribution award"]])
    dissemination.import_awards(storage, meeting, tmp_path / "w.csv")
    with storage.transaction(write=False) as tx:
        fig = dissemination.figures(tx, 2019)             # FY2019: 2019-04-01 … 2020-03-31
        assert dissemination.figures(tx, 2020)["events"] == 0
    assert (fig["events"], fig["people"], fig["management"], fig["suppliers_reached"],
            fig["staff_trained"], fig["awards"]) == (2, 4, 3, 3, 2, 1)
    assert fig["by_kind"]["partners_meeting"] == 1 and fig["by_kind"]["staff_training"] == 1
    assert fig["list"][1] == {"kind": "partners_meeting", "held_on": "2020-01-24",
                              "title": "Strategic partners meeting 2020", "people": 4,
                              "management": 3, "suppliers": 3, "staff": 0}


@pytest.mark.parametrize("rows, message", [
    ([["X", "Y", "S999", "yes"]], "row 2, column supplier_code: no supplier with code S999"),
    ([["", "Y", "S001", "yes"]], "row 2, column person: person is empty"),
    ([["X", "Y", "S001", "maybe"]], "row 2, column management: 'maybe' is not yes/no"),
    ([["X", "Y", "S001", "yes"], ["x", "Z", "S001", "no"]], "row 3, column person: x of S001 "
                                                            "also on row(s) 2"),
])
def test_bad_attendance_is_refused_whole(sqlite_storage, tmp_path, rows, message):
    event = dissemination.add_event(sqlite_storage, kind="supplier_briefing", held_on="2020-06-01",
                                    title="Conflict minerals briefing")
    write_csv(tmp_path / "a.csv", HEADER, rows)
    with pytest.raises(BadInput, match="nothing was imported") as err:
        dissemination.import_attendance(sqlite_storage, event, tmp_path / "a.csv")
    assert message in str(err.value)
    assert counts(sqlite_storage, "dissemination_attendees") == {"dissemination_attendees": 0}


def test_staff_training_takes_staff_only_and_unknown_events_are_refused(storage, tmp_path):
    event = dissemination.add_event(storage, kind="staff_training", held_on="2020-06-01",
                                    title="Training")
    write_csv(tmp_path / "a.csv", HEADER, [["X", "Buyer", "", "no"], ["Y", "CEO", "S001", "yes"]])
    with pytest.raises(BadInput, match="row 3, field supplier_code: staff training lists HQ"):
        dissemination.import_attendance(storage, event, tmp_path / "a.csv")
    with pytest.raises(NotFound):
        dissemination.import_attendance(storage, "no-such-event", tmp_path / "a.csv")
    with pytest.raises(BadInput, match="kind 'party' is not one of"):
        dissemination.add_event(storage, kind="party", held_on="2020-06-01", title="T")
    assert counts(storage, "dissemination_attendees") == {"dissemination_attendees": 0}
