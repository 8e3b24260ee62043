"""Installed checklist versions: idempotent, immutable, kept by the audits that use them."""
import dataclasses

import pytest

from sva.checklists import load_template
from sva.errors import BadInput, NotFound
from sva.paths import resource

# The shipped versions (the lead settles them at merge): never written out here.
SVR = load_template(resource("checklists", "svr.yaml")).ref
INFOSEC = load_template(resource("checklists", "infosec.yaml")).ref


def test_installing_the_same_version_twice_is_a_no_op(ws):
    count = ws.db.execute("SELECT COUNT(*) FROM checklist_templates").fetchone()[0]
    assert ws.templates.install(resource("checklists", "svr.yaml")) == SVR
    assert ws.db.execute("SELECT COUNT(*) FROM checklist_templates").fetchone()[0] == count


def test_changed_content_under_the_same_version_is_refused(ws):
    template = load_template(resource("checklists", "svr.yaml"))
    changed = dataclasses.replace(template, title={"en": "Changed", "ja": "変更"})
    with pytest.raises(BadInput, match="new version"):
        ws.templates.install(changed)


def test_audits_keep_the_version_they_started_with(ws, audit):
    template = load_template(resource("checklists", "svr.yaml"))
    newer = dataclasses.replace(template, version=template.version + 1,
                                title={"en": "SVR next", "ja": "次版"})
    ref = f"svr@{template.version + 1}"
    assert ws.templates.install(newer) == ref
    assert ws.templates.latest("svr") == ref
    assert ws.audits.audit(audit)["template_ref"] == f"svr@{template.version}"
    assert ws.audits.template_of(ws.audits.audit(audit)).title["en"] == template.title["en"]


def test_stored_template_round_trips(ws):
    stored = ws.templates.get(INFOSEC)
    original = load_template(resource("checklists", "infosec.yaml"))
    assert stored.items == original.items


def test_unknown_template(ws):
    with pytest.raises(NotFound):
        ws.templates.get("nope@1")


def test_a_stored_template_reads_back_as_installed_without_yaml_or_pydantic(ws):
    """Opening a workspace trusts what install checked (the hash says it is untouched), so
    a second process reads both shipped checklists without loading PyYAML or Pydantic."""
    import subprocess
    import sys
    expected = {ref: repr(load_template(resource("checklists", f"{ref.split('@')[0]}.yaml")))
                for ref in (SVR, INFOSEC)}
    script = ("import sys\nfrom sva.workspace import Workspace\n"
              f"ws = Workspace({str(ws.folder)!r})\n"
              f"for ref in ({SVR!r}, {INFOSEC!r}): print(repr(ws.templates.get(ref)))\n"
              "print(sorted(m for m in ('yaml', 'pydantic') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == [expected[SVR], expected[INFOSEC], "[]"]


def test_a_stored_template_changed_by_hand_is_refused(ws):
    ws.db.execute("UPDATE checklist_templates SET body = replace(body, 'Supplier Visit', "
                  f"'Supplier Vista') WHERE id = '{SVR}'")
    with pytest.raises(BadInput, match="changed outside SVA"):
        ws.templates.get(SVR)
