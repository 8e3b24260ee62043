"""The `sva` console script: a subcommand runs in the core; no subcommand opens the app.

Qt is imported only when the app really starts, so `sva demo` or `sva db check` work on
a machine without a display and never pay for loading Qt.
"""
from __future__ import annotations

import os
import sys

from sva.cli.main import main as cli_main


def _launch(args) -> int:
    from ui.app import main as app_main
    code = app_main(data_dir=args.data_dir)
    # Every edit was committed when it was made; skip interpreter finalisation, where
    # PySide6 6.12 can abort while garbage-collecting Qt wrappers ("bool_dealloc").
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    return cli_main(argv, launch_app=_launch)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
