"""FrameLens GUI: workers."""
