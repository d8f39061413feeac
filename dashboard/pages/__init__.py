"""Dash pages: one module per URL, each holding its layout and its callbacks."""
