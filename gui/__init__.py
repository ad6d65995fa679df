"""FrameLens desktop application: the only package that imports Qt.

Importing ``gui`` itself imports nothing heavy; the command line (gui.cli)
loads Qt only when it opens a window or renders a report.
"""

# PySide6 6.12.0 on Python 3.11 leaks references to None and aborts with
# "none_dealloc"; pyproject.toml pins PySide6 below 6.12 there (the .venv now has
# 6.11.3), so no work-around belongs here.
