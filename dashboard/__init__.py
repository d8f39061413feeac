"""Safe City Atlas: a Dash app over the curated data package in data/."""

from __future__ import annotations

from dashboard.app_factory import create_app

__all__ = ["create_app"]
__version__ = "0.1.0"  # Dash fingerprints our bundled plotly.js with it
