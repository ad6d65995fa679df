"""Headless ``framelens`` subcommands built on the analysis library."""
