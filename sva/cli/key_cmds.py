"""`sva db encrypt` and `sva db unlock`, and the recovery key shown when a command creates an
encrypted data folder (sva/atrest). A recovery key is read from a prompt or stdin, never from
the command line (it would sit in the shell's history and the process list)."""
from __future__ import annotations

import sys

RECOVERY_NOTICE = """\
This data folder is encrypted. Its RECOVERY KEY, shown only this once:

    {key}

Write it down (or print it) and keep it apart from this computer. It opens the folder on a
new computer or after this computer's keyring lost its key (`sva db unlock`). SVA does not
keep it anywhere; without it and without the keyring, the data cannot be read."""

ENCRYPT_HELP = """Encrypt a plain data folder in place: a backup copy first, then the
database (SQLCipher) and every photo file (AES-256-GCM); the key goes to the OS keyring and a
recovery key is printed once. Safe to interrupt: the folder opens at every step, and running
the command again finishes the work."""

UNLOCK_HELP = """Open an encrypted data folder on this computer with its recovery key (typed
at the prompt, or one line on stdin), and keep its key in this computer's keyring again.
A wrong recovery key changes nothing."""


def show_recovery_key(key: str | None) -> None:
    if key:
        print(RECOVERY_NOTICE.format(key=key), file=sys.stderr)


def open_workspace(args):
    """The workspace of `--data-dir`; prints the recovery key when this created the folder."""
    from sva.workspace import Workspace
    ws = Workspace(getattr(args, "data_dir", None))
    show_recovery_key(ws.at_rest.take_recovery_key())
    return ws


def cmd_db_encrypt(args) -> int:
    from sva.store.encrypt import encrypt_folder
    from sva.paths import data_dir
    folder = data_dir(args.data_dir)
    done = encrypt_folder(folder)
    print(f"{folder} is encrypted: database and {done.photos} photo file(s)"
          + (f", {done.backups} backup(s)" if done.backups else ""))
    if done.recovery_key is None:
        print("(an interrupted encryption was finished; its recovery key was shown when it "
              "started)")
    show_recovery_key(done.recovery_key)
    return 0


def _read_recovery_key() -> str:
    if sys.stdin.isatty():
        import getpass
        return getpass.getpass("Recovery key: ")
    return sys.stdin.readline()


def cmd_db_unlock(args) -> int:
    from sva.atrest import keys
    from sva.paths import data_dir
    folder = data_dir(args.data_dir)
    backend = keys.unlock(folder, _read_recovery_key())
    print(f"{folder} is unlocked: its key is in this computer's keyring again ({backend})")
    return 0


def register_db(dbsub, common) -> None:
    c = dbsub.add_parser("encrypt", parents=[common], help="encrypt a plain data folder",
                         description=ENCRYPT_HELP)
    c.set_defaults(handler=cmd_db_encrypt)
    c = dbsub.add_parser("unlock", parents=[common],
                         help="open an encrypted folder here with its recovery key",
                         description=UNLOCK_HELP)
    c.set_defaults(handler=cmd_db_unlock)
