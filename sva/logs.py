"""Log files in the data folder's `logs/`: what the app did, and where it crashed.

`start(folder)` sends the `sva` loggers (and warnings of the libraries) to `logs/sva.log`,
rotated at 1 MiB with 5 old files kept, and turns on `faulthandler` into `logs/crash.log`, so
a hard crash (a segfault in Qt, an abort) leaves the Python stack of every thread behind.
Uncaught exceptions, in any thread, are logged with their traceback.

What is logged: ids (audit, finding, device), counts, versions, error codes and messages,
tracebacks. Never secrets (device token, enrolment code, keys) nor personal data beyond ids;
as a second line of defence, anything shaped like a credential is masked before it is
written (`Redact`). tests/test_logs.py greps the files after a real enrol and sync.
Folders and files are owner-only like the rest of the data folder. $SVA_LOG_LEVEL (e.g.
DEBUG) sets the level; the default is INFO.
"""
from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import re
import sys
import threading
from datetime import datetime
from pathlib import Path

from sva.owner_only import create_file, make_dir

LOG_FILE, CRASH_FILE = "sva.log", "crash.log"
MAX_BYTES, BACKUPS = 1024 * 1024, 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
QUIET = ("httpx", "httpcore", "PIL", "urllib3", "asyncio", "hpack")   # chatty below WARNING

_state: dict = {}


class Redact(logging.Filter):
    """Masks credential-shaped text in a record: `Bearer …`, and the value after `token=`,
    `password:`, `secret=`, `…_key=`, `enrol code:`, `--code` and the like (up to the next
    space, quote, comma or brace)."""

    PATTERNS = [
        (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+"), r"\1 <redacted>"),
        (re.compile(r"(?i)((?:\b[\w-]*(?:token|password|passphrase|secret|[_-]key)|\bkey"
                    r"|enrol(?:ment)?[ _-]code)[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+"),
         r"\1<redacted>"),
        (re.compile(r"(--(?:code|token|password)[= ])[^\s\"',}]+"), r"\1<redacted>"),
    ]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for pattern, repl in self.PATTERNS:
            message = pattern.sub(repl, message)
            if record.exc_text:
                record.exc_text = pattern.sub(repl, record.exc_text)
        record.msg, record.args = message, None
        return True


class _OwnerOnlyRotatingHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files (the new one after each roll-over too) are 0600."""

    def _open(self):
        create_file(self.baseFilename)
        return super()._open()


def logs_dir(folder: str | os.PathLike) -> Path:
    return Path(folder) / "logs"


def start(folder: str | os.PathLike, *, level: str | int | None = None) -> Path:
    """Log into `folder`/logs/ from now on (once per process: a second call for another
    folder moves the files there). Returns the log folder."""
    folder = make_dir(logs_dir(folder))
    stop()
    handler = _OwnerOnlyRotatingHandler(folder / LOG_FILE, maxBytes=MAX_BYTES,
                                        backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(Redact())
    level = level or os.environ.get("SVA_LOG_LEVEL") or "INFO"
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level.upper() if isinstance(level, str) else level)
    for name in QUIET:      # the libraries' own debug output only when DEBUG is asked for
        logging.getLogger(name).setLevel(logging.WARNING if root.level > logging.DEBUG
                                         else logging.NOTSET)
    crash_path = folder / CRASH_FILE
    if crash_path.exists() and crash_path.stat().st_size > MAX_BYTES:
        os.replace(crash_path, crash_path.with_name(CRASH_FILE + ".1"))
    crash = open(create_file(crash_path), "a", encoding="utf-8")  # noqa: SIM115 (kept open)
    # faulthandler writes no time: a line per start tells which run a trace belongs to.
    started = datetime.now().astimezone().isoformat(timespec="seconds")
    crash.write(f"-- sva pid {os.getpid()} started {started}\n")
    crash.flush()
    _state.update(handler=handler, crash=crash, excepthook=sys.excepthook,
                  thread_excepthook=threading.excepthook,
                  faulthandler_was_on=faulthandler.is_enabled())
    faulthandler.enable(file=crash, all_threads=True)
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread
    logging.getLogger("sva").info("log started in %s (level %s, pid %d)",
                                  _home_as_tilde(folder), logging.getLevelName(root.level),
                                  os.getpid())
    return folder


def stop() -> None:
    """Close the log files and put the previous hooks back (tests; switching folders)."""
    handler = _state.pop("handler", None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
    crash = _state.pop("crash", None)
    if crash is not None:
        faulthandler.disable()
        crash.close()
        if _state.pop("faulthandler_was_on", False):
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
    if "excepthook" in _state:
        sys.excepthook = _state.pop("excepthook")
        threading.excepthook = _state.pop("thread_excepthook")


def _log_uncaught(kind, value, tb) -> None:
    logging.getLogger("sva").error("uncaught exception", exc_info=(kind, value, tb))
    _state.get("excepthook", sys.__excepthook__)(kind, value, tb)


def _log_uncaught_in_thread(args) -> None:
    if args.exc_type is not SystemExit:
        logging.getLogger("sva").error(
            "uncaught exception in thread %s", getattr(args.thread, "name", "?"),
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
    _state.get("thread_excepthook", threading.__excepthook__)(args)


def _home_as_tilde(path: Path) -> str:
    """The path with the home folder written `~` (the user's login name stays out)."""
    home = Path.home()
    try:
        return "~/" + str(Path(path).resolve().relative_to(home.resolve()))
    except ValueError:
        return str(path)
