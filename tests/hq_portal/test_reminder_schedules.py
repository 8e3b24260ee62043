"""A campaign's own reminder schedule, set at launch (function, dashboard form, command line):
checked (a clear message, nothing launched on bad input), shown on the campaign page, the
file's schedule when none is given; reminders follow each campaign's schedule under a fake
clock through a real SMTP server on loopback, still at most one a day per contact. SQLite and
PostgreSQL."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from sva.errors import BadInput
from sva.hq.portal import campaigns, reminders
from tests.hq_portal.conftest import contact, post, staff_client
from tests.hq_portal.test_mail import _deliver, smtp  # noqa: F401
from tests.hq_programme.conftest import hq_cli

DUE = date(2026, 9, 30)


def _launch(storage, questionnaire, codes, schedule=""):
    return campaigns.launch(storage, fy=2026, questionnaire=questionnaire, due=DUE.isoformat(),
                            t=campaigns.Targets(codes=codes), actor="t", reminders=schedule)[0]


def test_each_campaign_reminds_on_its_own_schedule_once_a_day_per_contact(storage, smtp):  # noqa: F811
    contact(storage, "S001", "aiko@kanto.example", lang="ja")
    contact(storage, "S002", "li@penang.example")
    contact(storage, "S003", "joe@ohio.example")
    _launch(storage, "infosec", ("S001", "S003"), " -10, -3 ,+2")     # its own schedule
    _launch(storage, "csr_critical", ("S001", "S002"))                # the file's schedule
    day = DUE - timedelta(days=20)
    while day <= DUE + timedelta(days=20):                            # the fake clock
        reminders.plan(storage, day)
        reminders.plan(storage, day)
        day += timedelta(days=1)
    with storage.transaction(write=False) as tx:
        rows = tx.all("SELECT to_addr, day FROM portal_outbox WHERE kind = 'reminder'")

    def days(addr):
        return sorted((date.fromisoformat(r["day"]) - DUE).days for r in rows
                      if r["to_addr"] == addr)
    assert days("joe@ohio.example") == [-10, -3, 2]
    assert days("li@penang.example") == [-14, -3, 1, 7, 14]
    # both campaigns: the union of the two schedules, -3 (in both) only once
    assert days("aiko@kanto.example") == [-14, -10, -3, 1, 2, 7, 14]
    assert _deliver(storage, smtp.url) == (len(rows) + 3 + 4, 0)   # + invitations, requests
    assert len([m for m in smtp.to("joe@ohio.example")
                if m["Subject"].startswith("Reminder:")]) == 3


@pytest.mark.parametrize("bad,says", [
    ("7", "say -7 (days before the due date) or +7"),
    ("-14,soon", "'soon' is not a whole number of days"),
    ("+400", "more than 365 days"),
    ("-1,,+2", "entry '' is not a whole number"),
    (",", "the reminder schedule is empty"),
])
def test_a_bad_schedule_is_refused_and_nothing_is_launched(storage, bad, says):
    contact(storage, "S001", "aiko@kanto.example")
    with pytest.raises(BadInput, match="reminder schedule") as caught:
        _launch(storage, "infosec", ("S001",), bad)
    assert caught.value.field == "reminders" and says in str(caught.value)
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM portal_campaigns") == 0
        assert tx.scalar("SELECT COUNT(*) FROM portal_outbox") == 1        # the invitation


def test_the_launch_form_takes_a_schedule_and_the_campaign_page_shows_it(storage, app):
    staff = staff_client(app, storage)
    form = {"fy": "2026", "questionnaire": "infosec", "due": DUE.isoformat(), "codes": "S001"}
    assert "-14,-3,+1,+7,+14" in staff.get("/dashboard/portal/campaigns").text
    bad = post(staff, "/dashboard/portal/campaigns", "/dashboard/portal/campaigns",
               {**form, "reminders": "14,3"})
    assert bad.status_code == 422 and "say -14 (days before the due date)" in bad.text
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM portal_campaigns") == 0
    own = post(staff, "/dashboard/portal/campaigns", "/dashboard/portal/campaigns",
               {**form, "reminders": "+1, -3,-14"})
    page = staff.get(own.headers["location"] + "?lang=en").text
    assert "<b>-14, -3, +1</b>" in page and "this campaign&#39;s own schedule" in page
    default = post(staff, "/dashboard/portal/campaigns", "/dashboard/portal/campaigns", form)
    page = staff.get(default.headers["location"] + "?lang=ja").text
    assert "<b>-14, -3, +1, +7, +14</b>" in page and "既定の日程" in page


def test_the_command_line_takes_a_schedule_and_refuses_a_bad_one(storage, tmp_path, hq_db):
    args = ("portal", "launch", "--fy", "2026", "--questionnaire", "infosec", "--due",
            DUE.isoformat(), "--codes", "S001", "--data-dir", tmp_path / "hq", *hq_db.args)
    out = hq_cli(*args, "--reminders=-7,+3")
    assert out.returncode == 0, out.stderr
    assert "reminders -7,+3" in out.stdout
    bad = hq_cli(*args, "--reminders=-7,3")
    assert bad.returncode != 0 and "say -3 (days before the due date) or +3" in bad.stderr
    with storage.transaction(write=False) as tx:
        assert [r["reminders"] for r in tx.all("SELECT reminders FROM portal_campaigns")] \
            == ["-7,+3"]
