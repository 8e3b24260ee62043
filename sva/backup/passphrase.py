"""Where a backup's passphrase comes from: the terminal (typed twice for a new backup) or an
environment variable named by `--passphrase-env VAR` — never the command line, where other
users of the machine and the shell history could read it. It is never printed or logged."""
from __future__ import annotations

import getpass
import os
import sys

from sva.backup.container import MIN_PASSPHRASE
from sva.errors import BadInput


def passphrase(env_var: str | None, *, confirm: bool, stdin=None, prompt=getpass.getpass) -> str:
    if env_var:
        value = os.environ.get(env_var)
        if not value:
            raise BadInput(f"the environment variable {env_var} is not set or empty",
                           field="--passphrase-env")
        return _checked(value, confirm, "--passphrase-env")
    stdin = sys.stdin if stdin is None else stdin
    if stdin is None or not stdin.isatty():
        raise BadInput("no terminal to ask for the passphrase: run this in a terminal or name "
                       "an environment variable that holds it with --passphrase-env VAR "
                       "(nothing was changed)", field="passphrase")
    first = prompt("Backup passphrase: ")
    if confirm:
        _checked(first, confirm, "passphrase")
        if prompt("The same passphrase again: ") != first:
            raise BadInput("the two passphrases differ (nothing was written)",
                           field="passphrase")
    return first


def _checked(value: str, new: bool, field: str) -> str:
    if new and len(value) < MIN_PASSPHRASE:
        raise BadInput(f"a backup passphrase needs at least {MIN_PASSPHRASE} characters",
                       field=field)
    return value
