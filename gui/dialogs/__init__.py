"""FrameLens GUI: dialogs."""
