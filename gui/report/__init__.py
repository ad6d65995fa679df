"""FrameLens GUI: report."""
