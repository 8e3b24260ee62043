"""`sva-hq bundle import`: apply an offline bundle exactly like the online push would.

Order of checks, each refusing the whole bundle with a message naming the problem and
changing nothing: the file's shape → the device (known, not revoked, has a registered signing
key, user enabled) → the Ed25519 signature over every byte → unwrapping the content key →
every encrypted piece → the payload's shape and each audit document (the API's own model) →
every blob's size and SHA-256. Only then is anything applied: the audit documents go through
`sva.hq.audits.ingest` (same idempotency and ownership rules as `POST /audits`) and the blobs
into the blob store, all in one database transaction. A bundle older than what HQ already
holds for an audit (an earlier export replayed after a newer online push) does not roll that
audit back. Format and key scheme: `sva.sync.bundle_format`.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import ValidationError

from sva.errors import BadInput
from sva.hq import audits
from sva.hq.accounts import log_event
from sva.hq.blobs import MAX_BLOB, SHA256_NAME, BlobStore
from sva.hq.images import ImageRefused, check_photo
from sva.hq.storage import Storage, Tx
from sva.owner_only import make_dir, open_private
from sva.sync import bundle_format as fmt


class BundleRefused(BadInput):
    """The bundle cannot be trusted or read; nothing was changed."""

    def __init__(self, path: Path, message: str):
        super().__init__(f"bundle refused, nothing changed: {message}", file=str(path))


@dataclass
class ImportReport:
    path: Path
    device_id: str
    user: str
    outcomes: dict[str, str] = field(default_factory=dict)   # audit id -> created/updated/...
    blobs_new: int = 0
    blobs_known: int = 0
    bytes_new: int = 0

    @property
    def nothing_new(self) -> bool:
        return self.blobs_new == 0 and all(o in ("unchanged", "older")
                                           for o in self.outcomes.values())

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes.values() if o == outcome)


@dataclass
class _Opened:
    header: dict
    header_raw: bytes
    body_start: int
    body_end: int
    digest: bytes


def _read_header(path: Path) -> _Opened:
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            magic = fh.read(len(fmt.MAGIC))
            if len(magic) < len(fmt.MAGIC) and fmt.MAGIC.startswith(magic):
                raise BundleRefused(path, "the file is truncated (it ends in the first bytes)")
            if magic[:7] != fmt.MAGIC[:7]:
                raise BundleRefused(path, "this is not an SVA bundle (.svab)")
            if magic != fmt.MAGIC:
                raise BundleRefused(path, "bundle format version is not supported by this HQ")
            length_raw = fh.read(fmt.LENGTH.size)
            if len(length_raw) < fmt.LENGTH.size:
                raise BundleRefused(path, "the file is truncated (header cut off)")
            (length,) = fmt.LENGTH.unpack(length_raw)
            if length > fmt.MAX_HEADER:
                raise BundleRefused(path, "the header is damaged (impossible length)")
            header_raw = fh.read(length)
    except FileNotFoundError:
        raise BadInput("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise BadInput("is a folder, not a bundle file", file=str(path)) from None
    if len(header_raw) < length:
        raise BundleRefused(path, "the file is truncated (header cut off)")
    try:
        header = json.loads(header_raw.decode("utf-8"))
        ok = (isinstance(header, dict) and header.get("format") == fmt.FORMAT
              and header.get("version") == fmt.VERSION
              and header.get("segment") == fmt.SEGMENT
              and isinstance(header.get("device_id"), str) and header["device_id"]
              and all(isinstance(header.get(k), str) for k in
                      ("salt", "key_nonce", "wrapped_key", "nonce_prefix")))
        prefix_ok = ok and len(fmt.unb64(header["nonce_prefix"])) == 7
    except (ValueError, UnicodeDecodeError):
        ok = prefix_ok = False
    if not (ok and prefix_ok):
        raise BundleRefused(path, "the header is damaged or of an unknown kind")
    body_start = len(fmt.MAGIC) + fmt.LENGTH.size + length
    body_end = size - fmt.SIGNATURE
    if body_end - body_start < fmt.TAG:
        raise BundleRefused(path, "the file is truncated (no encrypted content)")
    return _Opened(header, header_raw, body_start, body_end, b"")


def _device(tx: Tx, path: Path, device_id: str) -> dict:
    row = tx.one("SELECT d.id, d.public_key, d.token_hash, d.revoked_at, u.id AS user_id, "
                 "u.name AS user_name, u.role, u.disabled FROM devices d "
                 "JOIN users u ON u.id = d.user_id WHERE d.id = ?", (device_id,))
    if row is None:
        raise BundleRefused(path, f"it comes from device {device_id}, which this HQ does not "
                                  "know (enrolled at another HQ, or never enrolled)")
    if row["revoked_at"]:
        raise BundleRefused(path, f"device {device_id} ({row['user_name']}) was revoked at "
                                  f"{row['revoked_at']}; its bundles are no longer accepted")
    if row["disabled"]:
        raise BundleRefused(path, f"user {row['user_name']} is disabled")
    if not row["public_key"]:
        raise BundleRefused(path, f"device {device_id} registered no signing key at enrolment; "
                                  "it cannot send bundles (enrol it again)")
    return row


def _file_digest(path: Path, end: int) -> bytes:
    digest, left = hashlib.sha256(), end
    with open(path, "rb") as fh:
        while left > 0:
            block = fh.read(min(left, 4 * 1024 * 1024))
            if not block:
                break
            digest.update(block)
            left -= len(block)
    return digest.digest()


def _verify(path: Path, opened: _Opened, public_key_hex: str) -> None:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
    except ValueError:
        raise BundleRefused(path, "the device's registered signing key is unusable") from None
    opened.digest = _file_digest(path, opened.body_end)
    with open(path, "rb") as fh:
        fh.seek(opened.body_end)
        signature = fh.read(fmt.SIGNATURE)
    try:
        key.verify(signature, fmt.signed_message(opened.digest))
    except InvalidSignature:
        raise BundleRefused(path, "the signature does not match the key this device registered "
                                  "at enrolment: the file was altered or truncated, or was not "
                                  "written by that device") from None


def _pieces(path: Path, opened: _Opened, content_key: bytes):
    """Decrypted payload, piece by piece; the file is hashed again on the way."""
    aead = AESGCM(content_key)
    prefix = fmt.unb64(opened.header["nonce_prefix"])
    aad = fmt.segment_aad(opened.header_raw)
    digest = hashlib.sha256()
    full = fmt.SEGMENT + fmt.TAG
    with open(path, "rb") as fh:
        digest.update(fh.read(opened.body_start))
        position, counter = opened.body_start, 0
        while position < opened.body_end:
            length = min(full, opened.body_end - position)
            final = position + length == opened.body_end
            piece = fh.read(length)
            digest.update(piece)
            if len(piece) != length or length < fmt.TAG + (1 if final else 0):
                raise BundleRefused(path, "the encrypted content is cut short")
            try:
                yield aead.decrypt(fmt.segment_nonce(prefix, counter, final), piece, aad)
            except InvalidTag:
                raise BundleRefused(path, f"encrypted piece {counter} does not decrypt: the file "
                                          "is damaged") from None
            position += length
            counter += 1
    if digest.digest() != opened.digest:
        raise BundleRefused(path, "the file changed while it was being read")


class _Payload:
    """Reads exact byte counts from the decrypted pieces."""

    def __init__(self, path: Path, pieces):
        self.path, self.pieces, self.buffer = path, pieces, bytearray()

    def read(self, n: int) -> bytes:
        while len(self.buffer) < n:
            piece = next(self.pieces, None)
            if piece is None:
                raise BundleRefused(self.path, "the payload is shorter than its manifest says")
            self.buffer += piece
        out = bytes(self.buffer[:n])
        del self.buffer[:n]
        return out

    def stream(self, n: int, block: int = fmt.SEGMENT):
        while n > 0:
            take = min(n, block)
            yield self.read(take)
            n -= take

    def at_end(self) -> bool:
        return not self.buffer and next(self.pieces, None) is None


def _manifest(path: Path, payload: _Payload, device_id: str) -> tuple[list[dict], list[dict]]:
    from sva.hq.api.models import AuditDocument

    (length,) = fmt.LENGTH.unpack(payload.read(fmt.LENGTH.size))
    if length > fmt.MAX_MANIFEST:
        raise BundleRefused(path, "the manifest is larger than a bundle may hold")
    try:
        manifest = json.loads(payload.read(length).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BundleRefused(path, "the manifest is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("device_id") != device_id \
            or not isinstance(manifest.get("audits"), list) \
            or not isinstance(manifest.get("blobs"), list):
        raise BundleRefused(path, "the manifest is malformed or names another device")
    docs = []
    for index, raw in enumerate(manifest["audits"]):
        try:
            # The same model and normalisation as POST /audits: same content, same hash.
            docs.append(AuditDocument.model_validate(raw).model_dump())
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            raise BundleRefused(path, f"audit {index + 1}, field {where}: "
                                      f"{first.get('msg', 'invalid')}") from None
    blobs, seen = [], set()
    for entry in manifest["blobs"]:
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        size = entry.get("size") if isinstance(entry, dict) else None
        if not (isinstance(sha, str) and SHA256_NAME.match(sha) and isinstance(size, int)
                and 0 < size <= MAX_BLOB) or sha in seen:
            raise BundleRefused(path, f"the manifest lists a malformed photo entry {entry!r:.100}")
        seen.add(sha)
        blobs.append({"sha256": sha, "size": size})
    sizes = {b["sha256"]: b["size"] for b in blobs}
    for doc in docs:
        for photo in doc["photos"]:
            if not photo["deleted"] and sizes.get(photo["sha256"]) != photo["size"]:
                raise BundleRefused(path, f"audit {doc['id']} refers to photo "
                                          f"{photo['sha256'][:12]} that the bundle does not "
                                          "carry (or carries with another size)")
    return docs, blobs


def _stage_blobs(path: Path, payload: _Payload, blobs: list[dict], staging: Path) -> None:
    make_dir(staging)
    for blob in blobs:
        digest = hashlib.sha256()
        with open_private(staging / blob["sha256"]) as out:
            for block in payload.stream(blob["size"]):
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != blob["sha256"]:
            raise BundleRefused(path, f"photo {blob['sha256'][:12]}: its bytes do not match "
                                      "its SHA-256")
        try:
            check_photo(staging / blob["sha256"])
        except ImageRefused as exc:
            raise BundleRefused(path, f"photo {blob['sha256'][:12]}: {exc}") from None
    if not payload.at_end():
        raise BundleRefused(path, "the payload holds more bytes than its manifest lists")


class _SameTransaction:
    """A Storage look-alike whose transactions are one already open: lets the import reuse
    `audits.ingest` / `audits.record_blob` unchanged and still commit everything at once."""

    def __init__(self, tx: Tx):
        self.tx = tx

    @contextmanager
    def transaction(self, *, write: bool = True):
        yield self.tx


def _is_older(stored: dict | None, doc: dict, device_id: str) -> bool:
    """True if HQ already holds a later state of this audit from the same device.

    The device's audit log is append-only with one growing `seq`, so a later document of the
    same audit always ends in a higher seq.
    """
    if stored is None or stored["device_id"] != device_id:
        return False
    held = json.loads(stored["document"]).get("log") or []
    last_held = max((e.get("seq") or 0 for e in held), default=0)
    last_new = max((e.get("seq") or 0 for e in doc.get("log") or []), default=0)
    return last_new < last_held


def _apply(storage: Storage, path: Path, device_id: str, docs: list[dict], blobs: list[dict],
           staging: Path, report: ImportReport, bundle_sha: str, actor: str) -> None:
    store = BlobStore(storage.blob_dir)
    with storage.transaction() as tx:
        device = _device(tx, path, device_id)        # not revoked in the meantime
        who = audits.Principal(device_id=device_id, user_id=device["user_id"],
                               user_name=device["user_name"], role=device["role"])
        shared = _SameTransaction(tx)
        for doc in docs:
            stored = tx.one("SELECT device_id, document FROM audits WHERE id = ?", (doc["id"],))
            if _is_older(stored, doc, device_id):
                report.outcomes[doc["id"]] = "older"
                continue
            try:
                report.outcomes[doc["id"]] = audits.ingest(shared, who, doc)["outcome"]
            except audits.Forbidden as exc:
                raise BundleRefused(path, f"audit {doc['id']}: {exc}") from None
            except BadInput as exc:
                raise BundleRefused(path, f"audit {doc['id']}: {exc}") from None
        for blob in blobs:
            sha, size = blob["sha256"], blob["size"]
            if tx.one("SELECT 1 AS one FROM blobs WHERE sha256 = ?", (sha,)):
                report.blobs_known += 1
            else:
                report.blobs_new += 1
                report.bytes_new += size
            final = store.final_path(sha)
            if not final.exists():
                # Placed before the commit: a verified, content-addressed file is harmless if
                # the commit fails, while a committed row without its file would be a lie.
                make_dir(final.parent)
                os.replace(staging / sha, final)
            audits.record_blob(shared, sha, size, device_id)    # the bundle carried the bytes
        # the HQ user who imported the file; the audits in it are the device user's (push)
        log_event(tx, actor, "bundle_import", "device", device_id,
                  device_user=device["user_name"], bundle_sha256=bundle_sha, file=path.name,
                  outcomes=report.outcomes, blobs_new=report.blobs_new)


def import_bundle(storage: Storage, path: str | os.PathLike, *, actor: str) -> ImportReport:
    """Verify, decrypt and apply one bundle; raises BundleRefused (a BadInput) if untrusted.
    `actor`: the HQ user importing it (`sva-hq bundle import --by NAME`), for the event log."""
    path = Path(path)
    opened = _read_header(path)
    device_id = opened.header["device_id"]
    with storage.transaction(write=False) as tx:
        device = _device(tx, path, device_id)
    _verify(path, opened, device["public_key"])
    try:
        content_key = fmt.unwrap_key(opened.header, bytes.fromhex(device["token_hash"]))
    except (InvalidTag, ValueError):
        raise BundleRefused(path, "it was not encrypted with this device's bundle key (the "
                                  "device's token changed, or it is meant for another HQ)") \
            from None
    report = ImportReport(path=path, device_id=device_id, user=device["user_name"])
    # Staged beside the database, not in the blob store: a refused bundle leaves no trace.
    staging = storage.data_dir / f".bundle-import-{uuid.uuid4().hex}"
    try:
        payload = _Payload(path, _pieces(path, opened, content_key))
        docs, blobs = _manifest(path, payload, device_id)
        _stage_blobs(path, payload, blobs, staging)
        _apply(storage, path, device_id, docs, blobs, staging, report,
               opened.digest.hex(), actor)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report
