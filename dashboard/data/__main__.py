"""Data package commands.

python -m dashboard.data validate [DATA_DIR]   check everything and print a summary (exit 1 if invalid)
python -m dashboard.data manifest [DATA_DIR]   rewrite data/SHA256SUMS after a curation change
"""

from __future__ import annotations

import sys
from pathlib import Path

from dashboard.config import read_settings
from dashboard.data.errors import DataPackageError
from dashboard.data.manifest import write_manifest
from dashboard.data.store import load_atlas


def main(argv: list[str]) -> int:
    """Run one command."""
    if not argv or argv[0] not in ("validate", "manifest"):
        print(__doc__, file=sys.stderr)
        return 2
    data_dir = Path(argv[1]) if len(argv) > 1 else read_settings().data_dir
    if argv[0] == "manifest":
        print(f"wrote {write_manifest(data_dir)}")
        return 0
    try:
        atlas = load_atlas(data_dir)
    except DataPackageError as exc:
        print(f"INVALID {exc}", file=sys.stderr)
        return 1
    print(atlas.summary_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
