"""``python -m gui``: the same as the ``framelens`` command."""

import sys

from gui.cli import main

sys.exit(main())
