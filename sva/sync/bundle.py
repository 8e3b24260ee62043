"""`sva bundle export`: signed audits for HQ in one encrypted, signed file (USB transfer).

The bundle carries the same audit documents an online push sends, plus every photo blob they
refer to; the file format and key scheme are described in `sva.sync.bundle_format`. Only an
enrolled device can write one: its token (bundle key material) and Ed25519 signing key come
from the OS keyring and are never written anywhere else.

After HQ imports the bundle (`sva-hq bundle import FILE`) HQ cannot tell the device; the next
`sva sync` pushes the same documents, HQ answers "unchanged, nothing missing", confirms it
holds every byte, and only then are the audits marked synced — the ordinary confirm flow.
Exporting marks nothing: a lost stick loses nothing.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime, UTC
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sva import __version__
from sva.atrest.sealed import SealBroken
from sva.backup.folder import fsync_dir
from sva.errors import BadInput, SvaError
from sva.owner_only import open_private
from sva.sync import bundle_format as fmt
from sva.sync import credentials, outgoing, state
from sva.sync.document import audit_document
from sva.sync.push import audits_to_push
from sva.vocabulary import LOCKED_STATUSES as EXPORTABLE

log = logging.getLogger(__name__)      # ids and counts only: never a key


@dataclass
class ExportReport:
    path: Path
    audits: list[str] = field(default_factory=list)
    blobs: int = 0
    blob_bytes: int = 0
    size: int = 0
    device_id: str = ""


class _SealedWriter:
    """Encrypts a plaintext stream piece by piece into `fh`, hashing every byte written."""

    def __init__(self, fh, key: bytes, prefix: bytes, aad: bytes, digest):
        self.fh, self.aead, self.prefix, self.aad, self.digest = fh, AESGCM(key), prefix, aad, \
            digest
        self.buffer = bytearray()
        self.counter = 0

    def _out(self, data: bytes) -> None:
        self.fh.write(data)
        self.digest.update(data)

    def _seal(self, piece: bytes, final: bool) -> None:
        if self.counter >= 2 ** 32:
            raise SvaError("the bundle is too large for one file", code="bundle_too_large")
        nonce = fmt.segment_nonce(self.prefix, self.counter, final)
        self._out(self.aead.encrypt(nonce, bytes(piece), self.aad))
        self.counter += 1

    def write(self, data: bytes) -> None:
        self.buffer += data
        # Keep at least one byte back: the last piece, flagged final, is never empty.
        while len(self.buffer) > fmt.SEGMENT:
            self._seal(self.buffer[:fmt.SEGMENT], False)
            del self.buffer[:fmt.SEGMENT]

    def close(self) -> None:
        self._seal(self.buffer, True)
        self.buffer = bytearray()


def _selected(ws, audit_ids: list[str] | None) -> list[str]:
    if not audit_ids:
        chosen = audits_to_push(ws)
        if not chosen:
            raise BadInput("nothing to export: no signed audit is waiting for HQ "
                           "(give --audit ID to export a synced one again)",
                           code="bundle_nothing")
        return chosen
    chosen = []
    for audit_id in dict.fromkeys(audit_ids):
        rows = list(ws.db.query("SELECT status FROM audits WHERE id = ? AND deleted = 0",
                                [audit_id]))
        if not rows:
            raise BadInput(f"no audit {audit_id} on this device", field="--audit")
        if rows[0]["status"] not in EXPORTABLE:
            raise BadInput(f"audit {audit_id} is {rows[0]['status']}; only signed audits go "
                           "to HQ", field="--audit")
        chosen.append(audit_id)
    return chosen


def _secrets(ws) -> tuple[str, bytes, str]:
    server = state.server(ws.db)
    if server is None:
        raise BadInput("this device is not enrolled: run `sva enrol --server URL --code CODE` "
                       "once while online; bundles are signed with the key registered then",
                       code="bundle_not_enrolled")
    token = credentials.load_token(ws.device)
    signing = credentials.load_signing_key(ws.device)
    if not token or not signing:
        raise BadInput("the device token or signing key is missing from the keyring "
                       f"({credentials.backend_name()}); enrol again with a new code",
                       code="bundle_keys_missing",
                       params={"backend": credentials.backend_name()})
    return token, signing, server["hq_device_id"]


def export_bundle(ws, target: str | os.PathLike, audit_ids: list[str] | None = None
                  ) -> ExportReport:
    """Write the bundle to `target` atomically (temp file + os.replace)."""
    token, signing, device_id = _secrets(ws)
    target = Path(target)
    if target.is_dir():
        raise BadInput(f"{target} is a folder; give a file name such as audits.svab",
                       field="-o", code="bundle_target_folder", params={"path": str(target)})
    if not target.parent.is_dir():
        raise BadInput(f"folder {target.parent} does not exist", field="-o",
                       code="folder_missing", params={"path": str(target.parent)})
    chosen = _selected(ws, audit_ids)
    originals = bool(state.policy(ws.db).get("photo_originals"))
    docs = [audit_document(ws, audit_id, originals=originals) for audit_id in chosen]
    files: dict[str, Path] = {}
    for audit_id in chosen:         # each photo's redacted rendering (sva.sync.outgoing)
        files.update(outgoing.files_of(ws, audit_id, originals=originals))
    blobs: dict[str, int] = {}
    for doc in docs:
        for photo in doc["photos"]:
            if not photo["deleted"]:
                blobs[photo["sha256"]] = photo["size"]
                if photo.get("original"):
                    blobs[photo["original"]["sha256"]] = photo["original"]["size"]
    ordered = sorted(blobs)
    manifest = {"format": "sva-bundle-payload", "version": fmt.VERSION,
                "device_id": device_id, "audits": docs,
                "blobs": [{"sha256": sha, "size": blobs[sha]} for sha in ordered]}
    manifest_raw = json.dumps(manifest, sort_keys=True, ensure_ascii=False).encode("utf-8")
    if len(manifest_raw) > fmt.MAX_MANIFEST:
        raise BadInput(f"the audit documents take {len(manifest_raw)} bytes, more than a "
                       f"bundle holds ({fmt.MAX_MANIFEST}); export fewer audits at a time",
                       field="--audit", code="bundle_too_many_audits")

    content_key, prefix = os.urandom(32), os.urandom(7)
    header = {"format": fmt.FORMAT, "version": fmt.VERSION, "device_id": device_id,
              "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
              "app": f"sva {__version__}", "cipher": "AES-256-GCM", "segment": fmt.SEGMENT,
              "nonce_prefix": fmt.b64(prefix), "signature": "ed25519",
              "audits": len(docs), "blobs": len(ordered),
              **fmt.wrap_key(content_key, fmt.token_digest(token), device_id)}
    header_raw = fmt.header_bytes(header)

    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open_private(temp) as fh:
            digest = hashlib.sha256()
            head = fmt.MAGIC + fmt.LENGTH.pack(len(header_raw)) + header_raw
            fh.write(head)
            digest.update(head)
            sealed = _SealedWriter(fh, content_key, prefix, fmt.segment_aad(header_raw), digest)
            sealed.write(fmt.LENGTH.pack(len(manifest_raw)) + manifest_raw)
            stored = ws.photos.blobs            # opens sealed files (encrypted folder)
            blob_bytes = sum(_copy_blob(stored, files[sha], sha, blobs[sha], sealed)
                             for sha in ordered)
            sealed.close()
            key = Ed25519PrivateKey.from_private_bytes(signing)
            fh.write(key.sign(fmt.signed_message(digest.digest())))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    fsync_dir(target.parent)
    log.info("bundle exported by device %s: audits %s, %d photos, %d bytes", device_id, chosen,
             len(ordered), target.stat().st_size)
    return ExportReport(path=target, audits=chosen, blobs=len(ordered), blob_bytes=blob_bytes,
                        size=target.stat().st_size, device_id=device_id)


def _copy_blob(stored, path: Path, sha: str, size: int, sealed: _SealedWriter) -> int:
    """Copy one photo into the bundle, checking it is still the bytes its name says.
    (A rendering is at most a few MB: read whole, then written in segments.)"""
    check, copied = hashlib.sha256(), 0
    try:
        data = stored.read(path)
    except OSError as exc:
        if not isinstance(exc, SealBroken):
            raise
        data = b""                       # does not open: damaged, said below
    for start in range(0, len(data), fmt.SEGMENT):
        block = data[start:start + fmt.SEGMENT]
        check.update(block)
        copied += len(block)
        sealed.write(block)
    if copied != size or check.hexdigest() != sha:
        raise SvaError(f"photo file {path} is damaged (its bytes no longer match {sha[:12]}); "
                       "nothing was exported — run `sva db check`",
                       code="bundle_photo_damaged", params={"path": str(path)})
    return copied


