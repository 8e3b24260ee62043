"""Portal mail through a real SMTP server on loopback (aiosmtpd): invitations, receipts,
"returned" notices and reminders arrive in the contact's language; reminders follow the
schedule under a fake clock, at most one a day per contact; a failed send is retried later
and never sent twice; `sva-hq serve --smtp` sends without any request waiting on it."""
from __future__ import annotations

import email
import time
from datetime import date, timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller

from sva.hq.portal import answers, campaigns, contacts, reminders, sender
from tests.hq.conftest import HQ, free_port
from tests.hq_portal.conftest import ALL_YES, contact, launch_infosec


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, msg))
        return "250 OK"

    def to(self, addr: str) -> list:
        return [m for rcpt, m in self.messages if addr in rcpt]


@pytest.fixture
def smtp():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.url = f"smtp://127.0.0.1:{port}?from=portal@hq.example"
    yield inbox
    controller.stop()


def _deliver(storage, url, now=None):
    return sender.deliver_due(storage, sender.SmtpTarget.parse(url), now=now)


def test_mail_arrives_in_each_contacts_language(storage, smtp):
    contact(storage, "S001", "aiko@kanto.example", lang="ja")
    contacts.invite(storage, "S002", "li@penang.example", name="Li Wei", lang="en",
                    actor="t", base_url="https://hq.example")
    rid = launch_infosec(storage, ("S001",))["S001"]
    with storage.transaction(write=False) as tx:
        aiko = tx.one("SELECT * FROM portal_contacts WHERE email = 'aiko@kanto.example'")
    answers.save(storage, aiko, rid, ALL_YES)
    answers.submit(storage, aiko, rid)
    answers.return_to_supplier(storage, rid, "証跡を添付してください", actor="mgr")
    assert _deliver(storage, smtp.url) == (5, 0)
    kinds = [m["Subject"] for m in smtp.to("aiko@kanto.example")]
    assert kinds == ["サプライヤーポータルへのご招待（関東部品）",
                     "サプライヤーポータル：情報セキュリティ書面調査（期限 2026-09-30）",
                     "受領：情報セキュリティ書面調査（第1版）",
                     "差し戻し：情報セキュリティ書面調査"]
    returned = smtp.to("aiko@kanto.example")[-1].get_content()
    assert "証跡を添付してください" in returned and "関東部品" in returned
    (li,) = smtp.to("li@penang.example")
    assert li["Subject"] == "Supplier portal: your invitation (Penang Circuits)"
    assert li["From"] == "portal@hq.example"
    assert "https://hq.example/portal/welcome?t=" in li.get_content()
    assert _deliver(storage, smtp.url) == (0, 0)                    # nothing sent twice


def test_reminders_follow_the_schedule_at_most_one_a_day_per_contact(storage, smtp):
    contact(storage, "S001", "aiko@kanto.example", lang="ja")
    contact(storage, "S001", "ken@kanto.example", primary=False)
    gone = contact(storage, "S001", "old@kanto.example", primary=False)
    contacts.set_disabled(storage, gone, True, actor="t")
    contact(storage, "S002", "li@penang.example")
    due = date(2026, 9, 30)
    for q in ("infosec", "csr_critical"):        # two open campaigns, the same due date
        campaigns.launch(storage, fy=2026, questionnaire=q, due=due.isoformat(),
                         t=campaigns.Targets(codes=("S001", "S002")), actor="t")
    with storage.transaction(write=False) as tx:
        li = tx.one("SELECT * FROM portal_contacts WHERE email = 'li@penang.example'")
    for rid in [r["id"] for r in _requests_of(storage, li["supplier_id"])]:
        answers.save(storage, li, rid, _complete(storage, rid))
        answers.submit(storage, li, rid)             # S002 answered both: never reminded
    day = due - timedelta(days=20)
    while day <= due + timedelta(days=20):             # the fake clock
        reminders.plan(storage, day)
        reminders.plan(storage, day)                   # a second pass the same day: nothing
        day += timedelta(days=1)
    with storage.transaction(write=False) as tx:
        rows = tx.all("SELECT to_addr, day FROM portal_outbox WHERE kind = 'reminder'")
    expected = {(due + timedelta(days=d)).isoformat() for d in (-14, -3, 1, 7, 14)}
    for addr in ("aiko@kanto.example", "ken@kanto.example"):
        days = [r["day"] for r in rows if r["to_addr"] == addr]
        assert sorted(days) == sorted(expected), addr
    assert {r["to_addr"] for r in rows} == {"aiko@kanto.example", "ken@kanto.example"}
    assert _deliver(storage, smtp.url)[1] == 0
    # the server's own sender queues as "portal"; `sva-hq portal send` as the named user
    assert reminders.plan(storage, due - timedelta(days=30)) == 0
    contact(storage, "S001", "mika@kanto.example", primary=False)
    assert reminders.plan(storage, due + timedelta(days=7), by="ops.kato") == 1
    with storage.transaction(write=False) as tx:
        actors = [r["actor"] for r in tx.all(
            "SELECT actor FROM event_log WHERE action = 'remind'")]
    assert sorted(actors) == ["ops.kato"] + ["portal"] * (len(actors) - 1)
    subjects = [m["Subject"] for m in smtp.to("aiko@kanto.example")
                if "リマインダー" in m["Subject"]]
    assert len(subjects) == 5 and all("期限 2026-09-30" in s for s in subjects)
    assert len([m for m in smtp.to("ken@kanto.example")
                if m["Subject"].startswith("Reminder:")]) == 5


def _requests_of(storage, supplier_id):
    with storage.transaction(write=False) as tx:
        return tx.all("SELECT id FROM portal_requests WHERE supplier_id = ?", (supplier_id,))


def _complete(storage, rid) -> dict:
    with storage.transaction(write=False) as tx:
        q = answers.questionnaire_of(answers.request_of(tx, None, rid))
    out = {}
    for x in q.questions.values():
        if x.required and x.type != "file":
            out[x.id] = x.options()[0] if x.options() else "1"
    return out


def test_a_failed_send_is_retried_later_and_sent_once(storage):
    contact(storage, "S001", "aiko@kanto.example")
    port = free_port()                                  # nobody listens there yet
    url = f"smtp://127.0.0.1:{port}"
    t0 = 2_000_000_000
    assert _deliver(storage, url, now=t0) == (0, 1)
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT * FROM portal_outbox")
    assert row["attempts"] == 1 and row["next_attempt"] == t0 + 60 and row["last_error"]
    assert _deliver(storage, url, now=t0 + 30) == (0, 0)           # backing off
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        assert _deliver(storage, url, now=t0 + 61) == (1, 0)
        assert _deliver(storage, url, now=t0 + 10_000) == (0, 0)
    finally:
        controller.stop()
    assert len(inbox.messages) == 1


def test_a_password_in_the_smtp_url_is_refused():
    with pytest.raises(Exception, match="keyring"):
        sender.SmtpTarget.parse("smtp://user:secret@127.0.0.1:25")


def test_serve_with_smtp_sends_queued_mail_by_itself(tmp_path, hq_db, smtp):
    server = HQ(tmp_path / "hq", hq_db)
    server.master_data(tmp_path)
    contacts.invite(server.storage, "S001", "aiko@kanto.example", name="Aiko", lang="ja",
                    actor="t")
    server.extra_args = ["--smtp", smtp.url]
    server.start()
    try:
        deadline = time.monotonic() + 20
        while not smtp.messages and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        server.stop()
        server.storage.close()
    (rcpt, msg), = smtp.messages
    assert rcpt == ["aiko@kanto.example"] and "招待" in msg["Subject"]
