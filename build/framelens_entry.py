"""PyInstaller's entry script: the same ``framelens`` entry point pip installs."""

import sys

from gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
