"""FrameLens desktop application: the only package that imports Qt.

Importing ``gui`` itself imports nothing heavy; the command line (gui.cli)
loads Qt only when it opens a window or renders a report.
"""
