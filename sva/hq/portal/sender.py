"""The outbox sender: delivers queued portal mail over SMTP, with retries, off the request
path (a thread started by `sva-hq serve --smtp URL`, or `sva-hq portal send` from cron).

SMTP URL: `smtp://[user@]host[:port][?from=ADDRESS]` (plain, STARTTLS when the server offers
it) or `smtps://…` (TLS from the start). A user's password is read from the keyring
(service "sva-hq smtp", the user name), never from the URL or the database.

Each mail is claimed before it is sent (a conditional update moving its next attempt on), so
two server instances never send the same mail. A failure backs off exponentially
(1 min, 2, 4 … at most 6 h); after MAX_ATTEMPTS the mail stays unsent with its last error."""
from __future__ import annotations

import smtplib
import ssl
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from sva.errors import BadInput
from sva.hq.storage import Storage

MAX_ATTEMPTS = 8
CLAIM_SECONDS = 300
TIMEOUT = 20


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    tls: bool
    user: str | None
    sender: str

    @classmethod
    def parse(cls, url: str) -> SmtpTarget:
        parts = urlsplit(url or "")
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise BadInput("the SMTP URL must look like smtp://host:port or smtps://host",
                           field="smtp")
        if parts.password:
            raise BadInput("put no password in the SMTP URL: it is read from the keyring "
                           "(service 'sva-hq smtp')", field="smtp")
        sender = parse_qs(parts.query).get("from", ["sva-hq@localhost"])[0]
        return cls(parts.hostname, parts.port or (465 if parts.scheme == "smtps" else 25),
                   parts.scheme == "smtps", unquote(parts.username) if parts.username else None,
                   sender)

    def connect(self) -> smtplib.SMTP:
        if self.tls:
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=TIMEOUT,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=TIMEOUT)
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
        if self.user:
            import keyring
            smtp.login(self.user, keyring.get_password("sva-hq smtp", self.user) or "")
        return smtp


def _message(row: dict, sender: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = row["to_addr"]
    msg["Subject"] = row["subject"]
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(row["body"])
    return msg


def deliver_due(storage: Storage, target: SmtpTarget, *, now: float | None = None,
                batch: int = 50) -> tuple[int, int]:
    """Send what is due; returns (sent, failed). One SMTP connection per call."""
    now = int(now if now is not None else time.time())
    with storage.transaction(write=False) as tx:
        due = tx.all("SELECT * FROM portal_outbox WHERE sent_at IS NULL AND next_attempt <= ? "
                     "AND attempts < ? ORDER BY created_at LIMIT ?", (now, MAX_ATTEMPTS, batch))
    sent = failed = 0
    smtp = None
    try:
        for row in due:
            with storage.transaction() as tx:      # claim it: no other sender takes it now
                if tx.execute("UPDATE portal_outbox SET next_attempt = ? WHERE id = ? AND "
                              "next_attempt = ? AND sent_at IS NULL",
                              (now + CLAIM_SECONDS, row["id"], row["next_attempt"])) != 1:
                    continue
            try:
                smtp = smtp or target.connect()
                smtp.send_message(_message(row, target.sender))
            except (OSError, smtplib.SMTPException) as exc:
                failed += 1
                smtp = _close(smtp)
                attempts = int(row["attempts"]) + 1
                with storage.transaction() as tx:
                    tx.execute("UPDATE portal_outbox SET attempts = ?, next_attempt = ?, "
                               "last_error = ? WHERE id = ?",
                               (attempts, now + min(60 * 2 ** (attempts - 1), 6 * 3600),
                                f"{type(exc).__name__}: {exc}"[:500], row["id"]))
                continue
            sent += 1
            with storage.transaction() as tx:
                tx.execute("UPDATE portal_outbox SET sent_at = ?, attempts = attempts + 1, "
                           "last_error = '' WHERE id = ?",
                           (datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds"),
                            row["id"]))
    finally:
        _close(smtp)
    return sent, failed


def _close(smtp):
    if smtp is not None:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            pass
    return None


def start(storage: Storage, url: str, *, interval: float = 15.0) -> threading.Event:
    """The sender thread of a server: plans today's reminders and sends what is due every
    `interval` seconds. Returns the event that stops it."""
    from sva.hq.portal import reminders
    target = SmtpTarget.parse(url)
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            try:
                reminders.plan(storage, date.today())
                deliver_due(storage, target)
            except Exception as exc:  # noqa: BLE001 - the thread must outlive a bad pass
                import sys
                print(f"portal mail: {type(exc).__name__}: {exc}", file=sys.stderr)
            stop.wait(interval)

    threading.Thread(target=loop, name="sva-portal-mail", daemon=True).start()
    return stop
