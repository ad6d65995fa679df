"""FrameLens analysis library: load → segment → score → compare → report data.

This package never imports Qt (a test enforces it). Importing it is cheap: the
heavy libraries (TextBlob, pandas, trafilatura, pypdf, ...) are imported by the
modules that need them, when they are first used.
"""

__version__ = "0.1.0"
