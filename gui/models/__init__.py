"""FrameLens GUI: models."""
