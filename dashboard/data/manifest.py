"""SHA-256 manifest of the data files, so a damaged or hand-edited file is caught at start-up.

Refresh after every curation change:  .venv/bin/python -m dashboard.data manifest
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dashboard.data.errors import DataPackageError

MANIFEST_NAME = "SHA256SUMS"


def data_files(data_dir: Path) -> list[Path]:
    """The files the manifest covers: the descriptor and every CSV next to it."""
    return sorted([data_dir / "datapackage.json", *data_dir.glob("*.csv")])


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(data_dir: Path) -> Path:
    """Write `SHA256SUMS` in the `sha256sum` format."""
    lines = [f"{sha256_of(path)}  {path.name}\n" for path in data_files(data_dir)]
    target = data_dir / MANIFEST_NAME
    target.write_text("".join(lines))
    return target


def check_manifest(data_dir: Path) -> None:
    """Raise DataPackageError naming the first file whose bytes differ from the manifest."""
    manifest = data_dir / MANIFEST_NAME
    if not manifest.is_file():
        raise DataPackageError(f"{data_dir.name}/{MANIFEST_NAME}", "checksum manifest not found")
    expected = {}
    for number, line in enumerate(manifest.read_text().splitlines(), start=1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            raise DataPackageError(f"{data_dir.name}/{MANIFEST_NAME}", "malformed line", row=number, value=line)
        expected[name] = digest
    for path in data_files(data_dir):
        if path.name not in expected:
            raise DataPackageError(f"{data_dir.name}/{path.name}", "file is not in the checksum manifest")
    for name, digest in expected.items():
        path = data_dir / name
        if not path.is_file():
            raise DataPackageError(f"{data_dir.name}/{name}", "file listed in the checksum manifest is missing")
        if sha256_of(path) != digest:
            raise DataPackageError(f"{data_dir.name}/{name}", "file changed since the checksum manifest was "
                                   "written (SHA-256 mismatch); re-validate and refresh SHA256SUMS")

