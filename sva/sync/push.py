"""Push audits and their photos; an audit is marked synced only when HQ holds every byte."""
from __future__ import annotations

import io

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from collections.abc import Callable

from sva.sync import conflicts, outgoing, state
from sva.sync.document import audit_document
from sva.sync.errors import Offline, ServerError
from sva.sync.http import HqClient
from sva.sync.status import pending_ids

CHUNK = 4 * 1024 * 1024
RETRIES = 3
UPLOAD_STREAMS = 3      # photos uploaded at once (each resumable on its own)

Progress = Callable[[str, int, int], None]      # (what, done, total)


@dataclass
class PushReport:
    pushed: list[str] = field(default_factory=list)
    marked_synced: list[str] = field(default_factory=list)
    blobs_uploaded: int = 0
    bytes_uploaded: int = 0


def audits_to_push(ws) -> list[str]:
    """Signed audits, and synced ones whose CAP fields changed here since HQ agreed (the
    same list the app's sync status counts)."""
    return pending_ids(ws.db)


def upload_blob(client: HqClient, source, sha: str, size: int, *, chunk: int | None = None,
                progress: Progress | None = None, offset: int | None = None) -> int:
    """Send what HQ lacks of one blob, resuming from HQ's offset; returns bytes sent.
    `source`: the blob's bytes, or a plain file holding them.

    `offset`: where HQ said the upload stands (push answer); else it is asked first. A stale
    offset costs nothing but one refused chunk: HQ answers 409 with the right one.
    """
    chunk = chunk or CHUNK
    sent = 0
    if offset is None or not 0 <= offset < size:
        offset, complete = client.blob_offset(sha)
    else:
        complete = False
    failures = 0
    with (io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")) as fh:
        while not complete:
            fh.seek(offset)
            data = fh.read(min(chunk, size - offset))
            if not data:
                raise ServerError(f"HQ expects more bytes of photo {sha[:12]} than the file has",
                                  code="hq_photo_mismatch", params={"photo": sha[:12]})
            sent += len(data)          # counted when sent, even if the answer never comes
            try:
                offset, complete = client.put_chunk(sha, offset, data, size)
            except Offline:
                failures += 1
                if failures > RETRIES:
                    raise
                offset, complete = client.blob_offset(sha)   # resume where HQ really is
                continue
            if progress:
                progress(sha, offset, size)
    return sent


def push_audit(ws, client: HqClient, audit_id: str, report: PushReport,
               progress: Progress | None = None) -> bool:
    """Push one audit and its photos; True if HQ confirmed it holds everything.

    What goes up for each photo is its redacted rendering (and, only under HQ's policy, the
    clean original): sva.sync.outgoing."""
    originals = bool(state.policy(ws.db).get("photo_originals"))
    doc = audit_document(ws, audit_id, originals=originals)
    answer = client.push(doc)
    report.pushed.append(audit_id)
    sizes = {}
    for p in doc["photos"]:
        if not p["deleted"]:
            sizes[p["sha256"]] = p["size"]
            if p.get("original"):
                sizes[p["original"]["sha256"]] = p["original"]["size"]
    for sha in answer["missing_blobs"]:
        if sha not in sizes:
            raise ServerError(f"HQ asks for photo {sha[:12]} that audit {audit_id} does not hold",
                              code="hq_photo_mismatch", params={"photo": sha[:12]})
    offsets = answer.get("blob_offsets", {})
    missing = answer["missing_blobs"]
    files = outgoing.files_of(ws, audit_id, originals=originals) if missing else {}
    paths = {sha: files[sha] for sha in missing}     # the workspace stays on this thread
    blobs = ws.photos.blobs                          # opens sealed files (encrypted folder)

    def send(sha: str) -> int:
        return upload_blob(client, blobs.read(paths[sha]), sha, sizes[sha],
                           progress=progress, offset=offsets.get(sha))

    if UPLOAD_STREAMS > 1 and len(missing) > 1:
        # Several photos in flight: some stream while HQ hashes and fsyncs the others.
        with ThreadPoolExecutor(min(UPLOAD_STREAMS, len(missing))) as pool:
            futures = [pool.submit(send, sha) for sha in missing]
            try:
                for future in futures:
                    report.bytes_uploaded += future.result()
                    report.blobs_uploaded += 1
            except BaseException:
                for future in futures:
                    future.cancel()        # nothing new starts; the one error is raised
                raise
    else:
        for sha in missing:
            report.bytes_uploaded += send(sha)
            report.blobs_uploaded += 1
    confirmed = client.confirm(audit_id)
    if not confirmed["complete"] or confirmed["doc_hash"] != answer["doc_hash"]:
        return False
    state.set_pushed(ws.db, audit_id, answer["doc_hash"])
    for finding in answer.get("findings", []):
        conflicts.reconcile(ws, finding)
    # An amendment made while this push ran is not in what HQ holds: the audit stays
    # signed (pending) and the next sync sends it.
    pushed_seq = max((entry["seq"] for entry in doc["log"]), default=0)
    if ws.audits.audit(audit_id)["status"] == "signed" \
            and ws.audits.mark_synced(audit_id, pushed_seq=pushed_seq):
        report.marked_synced.append(audit_id)
    return True
