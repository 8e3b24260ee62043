"""`sva backup -o FILE` and `sva restore FILE`: the data folder in one encrypted file."""
from __future__ import annotations

import sys

from sva.cli.common import EXIT_BAD_INPUT

BACKUP_HELP = """Write a consistent backup of the data folder (database, photos, their
derived copies) into one file encrypted with a passphrase (AES-256-GCM, key by scrypt). The
app may be running meanwhile. The passphrase is asked twice in the terminal, or read from
the environment variable named by --passphrase-env; it is never taken on the command line."""

RESTORE_HELP = """Restore a backup made by `sva backup`. The whole file is decrypted and
checked first: with a wrong passphrase or a damaged file nothing is changed. A data folder
that is not empty is kept aside (renamed <folder>.before-restore-<time>) after you confirm;
--yes confirms for scripts. Close the app on that folder first. FILE may also be a database
copy from the folder's backups/ (daily or before a migration): it replaces sva.db only, and
the database it replaces is kept in backups/replaced-<time>/."""


def register(sub, common, *, backup=None, restore=None, what="the data folder") -> None:
    """`backup` and `restore` subcommands (also for `sva-hq`, with its handlers)."""
    p = sub.add_parser("backup", parents=[common], help=f"back up {what} into one "
                       "encrypted file", description=BACKUP_HELP)
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--passphrase-env", metavar="VAR",
                   help="name of an environment variable holding the passphrase")
    p.set_defaults(handler=backup or cmd_backup)
    p = sub.add_parser("restore", parents=[common], help=f"restore a backup into {what}",
                       description=RESTORE_HELP)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--passphrase-env", metavar="VAR",
                   help="name of an environment variable holding the passphrase")
    p.add_argument("--yes", action="store_true",
                   help="replace a non-empty data folder without asking (it is kept aside)")
    p.set_defaults(handler=restore or cmd_restore)


def _bar(label: str):
    """Progress on stderr when it is a terminal (a line rewritten), silent otherwise."""
    shown = [-1]

    def report(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if sys.stderr.isatty() and percent != shown[0]:
            shown[0] = percent
            print(f"\r{label} {percent:3d}%", end="", file=sys.stderr, flush=True)
    return report


def cmd_backup(args) -> int:
    from sva.backup import container
    from sva.backup.device import create_backup
    from sva.backup.passphrase import passphrase
    from sva.workspace import Workspace
    with Workspace(args.data_dir) as ws:       # a damaged store is refused before asking
        secret = passphrase(args.passphrase_env, confirm=True)
        made = create_backup(ws, args.output,
                             lambda header: container.passphrase_kek(secret, header),
                             progress=_bar("backing up"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    counts = made.header["counts"]
    print(f"backup written to {made.path}: {counts.get('audits', 0)} audits, "
          f"{counts.get('photos', 0)} photos, {counts['files']} files, "
          f"{made.size / 1e6:.1f} MB (schema version {made.header['schema_version']})")
    return 0


def confirmed(args, target) -> bool | None:
    """Whether to replace `target` (True/False), or None when the user declined or there is
    no terminal to ask (and no --yes): the caller then exits 2, nothing changed."""
    from sva.backup import container
    from sva.backup.folder import is_empty
    header = container.describe_or_refuse(args.file)
    if is_empty(target) or args.yes:
        return bool(args.yes)
    if sys.stdin is None or not sys.stdin.isatty():
        print(f"error: {target} is not empty: restoring would put it aside. Confirm with "
              "--yes (nothing was changed).", file=sys.stderr)
        return None
    answer = input(f"{target} is not empty. Put it aside and restore the backup of "
                   f"{header.get('created')} in its place? [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        print("nothing was changed", file=sys.stderr)
        return None
    return True


def run_restore(args, target, restore) -> int:
    from sva.backup import container
    from sva.backup.passphrase import passphrase
    replace = confirmed(args, target)
    if replace is None:
        return EXIT_BAD_INPUT
    secret = passphrase(args.passphrase_env, confirm=False)
    done = restore(args.file, target, lambda h: container.passphrase_kek(secret, h),
                   replace=replace, progress=_bar("restoring"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"restored the backup of {done.header.get('created')} into {done.folder} "
          f"({done.files + 1} files)")
    if done.aside is not None:
        print(f"the folder as it was is kept in {done.aside}")
    return 0


def cmd_restore(args) -> int:
    from sva.backup.device import is_database_copy, restore
    from sva.paths import data_dir
    target = data_dir(args.data_dir)
    if is_database_copy(args.file):
        return _restore_copy(args, target)
    return run_restore(args, target, restore)


def _restore_copy(args, target) -> int:
    """A daily or pre-migration database copy from `backups/` (no passphrase: it is as
    protected as the database itself)."""
    from sva.backup.device import DB_NAME, restore_database_copy
    current = target / DB_NAME
    replace = args.yes
    if current.exists() and current.stat().st_size > 0 and not replace:
        if sys.stdin is None or not sys.stdin.isatty():
            print(f"error: {current} exists: restoring would put it aside. Confirm with --yes "
                  "(nothing was changed).", file=sys.stderr)
            return EXIT_BAD_INPUT
        answer = input(f"Put {current} aside and restore {args.file} in its place? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing was changed", file=sys.stderr)
            return EXIT_BAD_INPUT
        replace = True
    done = restore_database_copy(args.file, target, replace=replace)
    print(f"restored the database copy {args.file} as {current}")
    if done.aside is not None:
        print(f"the database as it was is kept in {done.aside}")
    return 0
