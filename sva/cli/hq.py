"""`sva-hq`: the headquarters command line (server, programme planning, figures).

The server and programme commands land with the HQ issues; today this entry point gives
its version and help so that packaging and scripts can rely on its name.
"""
from __future__ import annotations

import sys

from sva import __version__
from sva.cli.common import Parser, data_dir_parent


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="sva-hq", parents=[data_dir_parent("SVA_HQ_HOME", top=True)],
                    description="SVA headquarters: server, planning and yearly figures.")
    parser.add_argument("--version", action="version", version=f"sva-hq {__version__}")
    parser.parse_args(argv)
    parser.print_help()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
