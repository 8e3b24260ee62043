"""What both command lines share: --data-dir on every subcommand, error -> exit code."""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from sva.errors import BadInput, SvaError

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def data_dir_parent(env_name: str, *, top: bool = False) -> argparse.ArgumentParser:
    """`--data-dir` for the top level (default None) or a subcommand (keeps the top's value)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data-dir", metavar="D",
                        default=None if top else argparse.SUPPRESS,
                        help=f"data folder (default: ${env_name}, else the platform's folder)")
    return parent


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors are bad input: exit 2 with the message on stderr."""

    def error(self, message):  # argparse already exits 2; keep the message short and clear
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


Explain = Callable[[BaseException, argparse.Namespace], "SvaError | None"]


def run(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace,
        explain: Explain | None = None) -> int:
    """Run a command: bad input exits 2, every other failure 1, each with one line on stderr
    and no traceback. `explain` turns a database or file-system error met on the way (a
    damaged store, a full disk) into the clear error it stands for."""
    try:
        return handler(args) or EXIT_OK
    except BadInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SvaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:  # e.g. `sva audits list | head`
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:                  # noqa: BLE001 - only database/OS errors kept
        if not isinstance(exc, _database_or_os_errors()):
            raise
        clear = explain(exc, args) if explain else None
        print(f"error: {clear or exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_FAILURE


def _database_or_os_errors() -> tuple[type[BaseException], ...]:
    """sqlite3's and SQLCipher's errors (sva/store/engine.py) and OSError, imported only
    when a command failed: the store package costs sqlite-utils' import."""
    import sqlite3

    import sqlcipher3.dbapi2
    return (sqlite3.Error, sqlcipher3.dbapi2.Error, OSError)


def register_modules(subparsers, common: argparse.ArgumentParser, modules: list[str]) -> None:
    """Let each module add its own subcommands: `module.register(subparsers, common)`."""
    for module in modules:
        importlib.import_module(module).register(subparsers, common)


def dispatch(parser: argparse.ArgumentParser, argv: list[str] | None,
             default: Callable[[argparse.Namespace], int | None] | None = None,
             explain: Explain | None = None) -> int:
    """Parse and run the chosen subcommand; without one run `default`, else print help."""
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None) or default
    if handler is None:
        parser.print_help()
        return EXIT_OK
    return run(handler, args, explain)
