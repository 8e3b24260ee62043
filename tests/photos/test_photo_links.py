"""Photos on findings and items: adding a photo the audit already holds links it where it was
added; any photo of an audit can be linked to any finding of the same audit, and unlinked;
each change is one transaction with one audit-log row, and another audit's photo or finding
is refused without changing anything."""
from __future__ import annotations

import pytest
from PIL import Image

from photo_samples import jpeg, log_count, quadrant_image, sign
from sva.errors import AuditLocked, BadInput, NotFound


def _items(ws, audit_id, n=2) -> list[str]:
    return list(ws.audits.template_of(ws.audits.audit(audit_id)).items)[:n]


def _finding(ws, audit_id, item_id=None, **kw) -> str:
    return ws.findings.add(audit_id, severity="minor", item_id=item_id, area="ISEC",
                           observed=kw.pop("observed", "Unlabelled drawings"), **kw)


def _last_log(ws) -> dict:
    row = ws.db.execute("SELECT action, entity_id, changes FROM audit_log "
                        "ORDER BY seq DESC LIMIT 1").fetchone()
    return dict(zip(("action", "entity_id", "changes"), row))


@pytest.fixture
def other_audit(ws, supplier):
    other = ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                             template_ref=ws.templates.latest("svr"), planned_date="2026-06-01",
                             auditors=["Haruka Sato"])
    ws.audits.start(other)
    return other


def test_a_photo_already_on_the_item_added_from_a_finding_is_linked_to_it(ws, audit, tmp_path):
    item, _ = _items(ws, audit)
    finding = _finding(ws, audit, item)
    path = tmp_path / "exit.jpg"
    path.write_bytes(jpeg(quadrant_image()))
    photo = ws.photos.add_file(audit, path, item_id=item)
    assert ws.photos.of_finding(finding) == []
    before = log_count(ws)

    result = ws.photos.add_files(audit, [path], finding_id=finding, item_id=item)

    assert [p["id"] for p in ws.photos.of_finding(finding)] == [photo]
    assert result.added == [(str(path), photo)] and result.new_ids == []
    reused, = result.reused
    assert reused.linked_finding and reused.moved_from is None and not reused.restored
    assert reused.describe() == "already in the audit: linked to the finding"
    row = ws.photos.photo(photo)
    assert (row["finding_id"], row["item_id"]) == (finding, item)       # still on its item
    assert len(ws.photos.of_audit(audit)) == 1
    assert log_count(ws) == before + 1 and _last_log(ws)["action"] == "link"


def test_add_bytes_from_a_finding_links_the_existing_photo_too(ws, audit):
    finding = _finding(ws, audit)
    data = jpeg(quadrant_image())
    photo = ws.photos.add_bytes(audit, data)
    assert ws.photos.add_bytes(audit, data, finding_id=finding) == photo
    assert [p["id"] for p in ws.photos.of_finding(finding)] == [photo]


def test_adding_it_from_another_finding_moves_it_and_says_so(ws, audit):
    first, second = _finding(ws, audit), _finding(ws, audit, observed="Open cabinet")
    data = jpeg(quadrant_image())
    photo = ws.photos.add_bytes(audit, data, finding_id=first)
    result = ws.photos.add_images(audit, [("same.jpg", data)], finding_id=second)
    reused, = result.reused
    assert reused.moved_from == first and "moved from finding" in reused.describe()
    assert ws.photos.of_finding(first) == []
    assert [p["id"] for p in ws.photos.of_finding(second)] == [photo]


def test_adding_it_again_where_it_already_is_changes_nothing(ws, audit):
    finding = _finding(ws, audit)
    data = jpeg(quadrant_image())
    ws.photos.add_bytes(audit, data, finding_id=finding)
    before = log_count(ws)
    reused, = ws.photos.add_images(audit, [("again.jpg", data)], finding_id=finding).reused
    assert not reused.changed and "nothing changed" in reused.describe()
    assert log_count(ws) == before


def test_adding_it_from_an_item_keeps_its_finding(ws, audit):
    item, other = _items(ws, audit)
    finding = _finding(ws, audit, item)
    data = jpeg(quadrant_image())
    photo = ws.photos.add_bytes(audit, data, finding_id=finding, item_id=item)
    reused, = ws.photos.add_images(audit, [("a.jpg", data)], item_id=other).reused
    row = ws.photos.photo(photo)
    assert (row["finding_id"], row["item_id"]) == (finding, other)
    assert reused.before["item_id"] == item and reused.after["item_id"] == other


def test_a_deleted_photo_added_from_a_finding_comes_back_on_that_finding(ws, audit):
    item, _ = _items(ws, audit)
    old, new = _finding(ws, audit), _finding(ws, audit, item, observed="Second")
    data = jpeg(quadrant_image())
    photo = ws.photos.add_bytes(audit, data, finding_id=old)
    ws.photos.delete(photo)
    before = log_count(ws)
    reused, = ws.photos.add_images(audit, [("a.jpg", data)], finding_id=new,
                                   item_id=item).reused
    assert reused.restored and reused.before["deleted"] == 1
    row = ws.photos.photo(photo)
    assert (row["deleted"], row["finding_id"], row["item_id"]) == (0, new, item)
    assert log_count(ws) == before + 1 and _last_log(ws)["action"] == "restore"


def test_one_import_of_new_bytes_twice_makes_one_new_photo(ws, audit, tmp_path):
    path = tmp_path / "a.jpg"
    path.write_bytes(jpeg(quadrant_image()))
    result = ws.photos.add_files(audit, [path, path])
    assert result.reused == [] and len(result.new_ids) == 1


def test_any_photo_can_be_linked_to_a_finding_and_unlinked(ws, audit):
    item, _ = _items(ws, audit)
    finding = _finding(ws, audit)
    photo = ws.photos.add_bytes(audit, jpeg(quadrant_image()), item_id=item)
    before = log_count(ws)

    changes = ws.photos.link_finding(photo, finding)
    assert (changes.photos, changes.photo_ids, changes.audit_ids) == (True, (photo,), (audit,))
    assert changes.item_ids == (item,) and not changes.findings
    assert [p["id"] for p in ws.photos.of_finding(finding)] == [photo]
    assert log_count(ws) == before + 1
    log = _last_log(ws)
    assert (log["action"], log["entity_id"]) == ("link", photo) and finding in log["changes"]

    changes = ws.photos.unlink_finding(photo)
    assert changes.photo_ids == (photo,) and ws.photos.of_finding(finding) == []
    assert ws.photos.photo(photo)["item_id"] == item                    # still on the item
    assert log_count(ws) == before + 2 and _last_log(ws)["action"] == "unlink"


def test_relinking_several_photos_is_all_or_nothing(ws, audit):
    finding = _finding(ws, audit)
    a = ws.photos.add_bytes(audit, jpeg(quadrant_image()))
    b = ws.photos.add_bytes(audit, jpeg(Image.new("RGB", (64, 48), "navy")))
    before = log_count(ws)
    with pytest.raises(BadInput):
        ws.photos.relink({a: {"finding_id": finding}, b: {"item_id": "NO-SUCH-ITEM"}})
    assert ws.photos.of_finding(finding) == [] and log_count(ws) == before
    changes = ws.photos.relink({a: {"finding_id": finding}, b: {"finding_id": finding}})
    assert set(changes.photo_ids) == {a, b} and log_count(ws) == before + 2
    assert {p["id"] for p in ws.photos.of_finding(finding)} == {a, b}


def test_a_photo_and_a_finding_of_different_audits_are_never_linked(ws, audit, other_audit):
    mine = ws.photos.add_bytes(audit, jpeg(quadrant_image()))
    theirs = _finding(ws, other_audit)
    their_photo = ws.photos.add_bytes(other_audit, jpeg(Image.new("RGB", (64, 48), "navy")))
    before = log_count(ws)
    with pytest.raises(BadInput, match="another audit"):
        ws.photos.link_finding(mine, theirs)
    with pytest.raises(BadInput, match="another audit"):
        ws.photos.add_bytes(audit, jpeg(quadrant_image()), finding_id=theirs)
    with pytest.raises(BadInput, match="different audits"):
        ws.photos.relink({mine: {"finding_id": None}, their_photo: {"finding_id": None}})
    assert ws.photos.photo(mine)["finding_id"] is None and ws.photos.of_finding(theirs) == []
    assert log_count(ws) == before


def test_a_deleted_finding_or_photo_is_not_linked(ws, audit):
    finding = _finding(ws, audit)
    photo = ws.photos.add_bytes(audit, jpeg(quadrant_image()))
    ws.findings.delete(finding)
    with pytest.raises(NotFound):
        ws.photos.link_finding(photo, finding)
    alive = _finding(ws, audit, observed="Another")
    ws.photos.delete(photo)
    with pytest.raises(NotFound):
        ws.photos.link_finding(photo, alive)


def test_linking_in_a_signed_audit_is_an_amendment(ws, audit):
    finding = _finding(ws, audit)
    photo = ws.photos.add_bytes(audit, jpeg(quadrant_image()))
    sign(ws, audit)
    with pytest.raises(AuditLocked):
        ws.photos.link_finding(photo, finding)
    ws.photos.link_finding(photo, finding, reason="photo belongs to F-01")
    log = ws.audits.history(audit)[-1]
    assert log["action"] == "amend:link" and log["reason"] == "photo belongs to F-01"


def test_cli_add_from_a_finding_links_the_photo_and_says_so(ws, audit, tmp_path):
    from test_photo_hostile import sva
    path = tmp_path / "exit.jpg"
    path.write_bytes(jpeg(quadrant_image()))
    photo = ws.photos.add_file(audit, path)
    finding = _finding(ws, audit)
    ws.close()
    out = sva("photo", "add", audit, path, "--finding", finding, "--data-dir", ws.folder)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == photo
    assert "(already in the audit: linked to the finding)" in out.stdout
    listed = sva("photo", "list", audit, "--data-dir", ws.folder)      # another process
    assert photo in listed.stdout and finding in listed.stdout
