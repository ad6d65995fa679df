"""FrameLens GUI: widgets."""
