"""Data access: read, check and hand out the curated data package (imports pandas, never Dash)."""

from __future__ import annotations

from dashboard.data.errors import DataPackageError
from dashboard.data.store import AtlasData, load_atlas

__all__ = ["AtlasData", "DataPackageError", "load_atlas"]
