"""Entry point of the PyInstaller build: the same `sva` as the installed console script
(no subcommand opens the app; `sva --self-check` checks the build; subcommands run the CLI)."""
import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
