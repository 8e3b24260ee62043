"""Issue 18, point 6: every `sva-hq` action that changes data records the named user who did
it (`--by NAME`, else $SVA_HQ_USER, else os:<login name>; never a made-up "admin" or "cli").

The guard walks the whole argparse tree: every subcommand takes `--by`, and every one that is
not listed below as read-only hands the name to the service it calls (through
sva.cli.hq.actor or acting_user), so a new data-changing subcommand that forgets it fails
here. Then a few commands of each module run for real and their event-log rows are read."""
from __future__ import annotations

import argparse
import getpass
import inspect
import re
import sqlite3

import pytest

from sva.cli.hq import build_parser
from tests.hq_programme.conftest import hq_cli

# Subcommands that change nothing of HQ's data (or are not an HQ user's action), and why.
READ_ONLY = {
    "serve": "runs the server; each web action is recorded under its logged-in user",
    "user list": "lists", "device list": "lists", "levels": "lists", "eligible": "lists",
    "figures": "reads (or writes an output file)", "fy list": "lists",
    "plans list": "lists", "plans show": "lists", "plans compare": "lists",
    "policy show": "lists", "cmrt file": "writes the stored file out",
    "cmrt smelters": "lists", "declarations outstanding": "lists", "events list": "lists",
    "portal validate": "checks files", "demo": "generates the demo data set (actor 'demo')",
}
NAMES_THE_USER = re.compile(r"\b(?:_?actor|acting_user)\(args\)")


def leaves(parser, path=()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield " ".join(path), parser
    for action in subs:
        for name, sub in action.choices.items():
            yield from leaves(sub, (*path, name))


def test_every_subcommand_takes_by_and_every_changing_one_records_it():
    commands = dict(leaves(build_parser()))
    assert len(commands) > 40 and set(READ_ONLY) <= set(commands)
    without_by = [name for name, p in commands.items()
                  if "--by" not in {o for a in p._actions for o in a.option_strings}]
    assert without_by == []
    silent = [name for name, p in commands.items() if name not in READ_ONLY and not
              NAMES_THE_USER.search(inspect.getsource(p.get_default("handler")))]
    assert silent == [], f"data-changing subcommands that do not record --by: {silent}"


@pytest.fixture
def hq_folder(tmp_path):
    folder = tmp_path / "hq"
    reg = tmp_path / "r.csv"
    reg.write_text("code,name_en,country,annual_spend\nS1,One,JP,100\n", encoding="utf-8")
    assert hq_cli("import", "suppliers", reg, "--data-dir", folder, "--by", "mgr.sato"
                  ).returncode == 0
    return folder


def _events(folder):
    conn = sqlite3.connect(folder / "hq.db")
    try:
        return conn.execute("SELECT actor, action, entity FROM event_log ORDER BY rowid"
                            ).fetchall()
    finally:
        conn.close()


def test_programme_commands_record_the_named_user(hq_folder, tmp_path, monkeypatch):
    monkeypatch.delenv("SVA_HQ_USER", raising=False)
    out = hq_cli("events", "add", "--kind", "partners_meeting", "--date", "2025-01-24",
                 "--title", "Partners' meeting", "--data-dir", hq_folder, "--by", "ops.kato")
    assert out.returncode == 0, out.stderr
    monkeypatch.setenv("SVA_HQ_USER", "ops.mori")
    csv = tmp_path / "conformant.csv"
    csv.write_text("smelter_id,metal,smelter_name,status\nCID000001,Tin,Smelter,Conformant\n",
                   encoding="utf-8")
    out = hq_cli("cmrt", "conformant", csv, "--data-dir", hq_folder)
    assert out.returncode == 0, out.stderr
    monkeypatch.delenv("SVA_HQ_USER")
    hq_cli("events", "add", "--kind", "partners_meeting", "--date", "2025-01-25",
           "--title", "Again", "--data-dir", hq_folder)
    rows = _events(hq_folder)
    assert ("mgr.sato", "import", "registry") in rows
    assert ("ops.mori", "import", "cmrt_conformant") in rows
    added = [actor for actor, action, entity in rows if entity == "dissemination_event"]
    assert added == ["ops.kato", f"os:{getpass.getuser()}"]
    assert not [r for r in rows if r[0] in ("admin", "cli")]
