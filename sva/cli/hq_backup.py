"""`sva-hq backup -o FILE` / `sva-hq restore FILE` for an HQ on SQLite (registered in
sva.cli.hq.COMMAND_MODULES); the same file format and passphrase rules as `sva backup`."""
from __future__ import annotations

import os
import sys
from functools import partial

from sva.errors import BadInput


def actor(args) -> str:
    from sva.cli.hq import actor as named
    return named(args)


def _postgres(args) -> bool:
    url = getattr(args, "db", None) or os.environ.get("SVA_HQ_DB") or ""
    return url.startswith(("postgresql://", "postgres://"))


def cmd_backup(args) -> int:
    from sva.backup import container
    from sva.backup.passphrase import passphrase
    from sva.hq.backup import create_backup
    from sva.hq.storage import open_storage
    if _postgres(args):
        raise BadInput("sva-hq backup copies an HQ on SQLite; for PostgreSQL use pg_dump and "
                       "copy the blob folder (README, “Backing up HQ on PostgreSQL”)",
                       field="--db")
    secret = passphrase(args.passphrase_env, confirm=True)
    storage = open_storage(getattr(args, "data_dir", None))
    try:
        made = create_backup(storage, args.output, lambda h: container.passphrase_kek(secret, h),
                             actor=actor(args))
    finally:
        storage.close()
    counts = made.header["counts"]
    print(f"HQ backup written to {made.path}: {counts.get('audits', 0)} audits, "
          f"{counts.get('users', 0)} users, {counts['files']} photo blobs, "
          f"{made.size / 1e6:.1f} MB (schema version {made.header['schema_version']})")
    return 0


def cmd_restore(args) -> int:
    from sva.cli.backup_cmds import run_restore
    from sva.hq.backup import restore
    from sva.hq.storage import hq_data_dir
    if _postgres(args):
        raise BadInput("sva-hq restore writes an HQ on SQLite; for PostgreSQL use pg_restore "
                       "(README, “Backing up HQ on PostgreSQL”)", field="--db")
    print("stop `sva-hq serve` on this folder before restoring", file=sys.stderr)
    return run_restore(args, hq_data_dir(getattr(args, "data_dir", None)),
                       partial(restore, actor=actor(args)))


def register(subparsers, common) -> None:
    from sva.cli.backup_cmds import register as register_backup
    register_backup(subparsers, common, backup=cmd_backup, restore=cmd_restore,
                    what="the HQ folder (SQLite)")
