"""``framelens`` subcommands that need Qt (rendering reports)."""
