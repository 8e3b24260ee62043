"""The `sva` console script: a subcommand runs in the core; no subcommand opens the app.

Qt is imported only when the app really starts, so `sva demo` or `sva db check` work on
a machine without a display and never pay for loading Qt. Plain `sva` and
`sva --data-dir D` open the app without building the command-line parser (start-up).
`sva --self-check` checks the installation (ui/self_check.py; packaging/ runs it on a build).
"""
from __future__ import annotations

import os
import sys
from types import SimpleNamespace
from typing import NoReturn


def _launch(args) -> int:
    from ui.app import main as app_main
    _exit(app_main(data_dir=args.data_dir))


def _self_check() -> int:
    from ui.self_check import run
    _exit(run())


def _exit(code: int) -> NoReturn:
    # Every edit was committed when it was made and the store is closed: skip interpreter
    # finalisation, whose order of destroying Qt wrappers is a known source of crashes at
    # exit in Python bindings (PySide6 6.12 aborted there with "bool_dealloc").
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _app_only(argv: list[str]) -> SimpleNamespace | None:
    """The arguments when they only open the app (nothing or just --data-dir), else None."""
    if not argv:
        return SimpleNamespace(data_dir=None)
    if len(argv) == 1 and argv[0].startswith("--data-dir=") and argv[0] != "--data-dir=":
        return SimpleNamespace(data_dir=argv[0].split("=", 1)[1])
    if len(argv) == 2 and argv[0] == "--data-dir" and argv[1] and not argv[1].startswith("-"):
        return SimpleNamespace(data_dir=argv[1])
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == ["--self-check"]:
        return _self_check()
    args = _app_only(argv)
    if args is not None:
        return _launch(args)
    from sva.cli.main import main as cli_main
    return cli_main(argv, launch_app=_launch)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
