"""The one exception bad data raises: a single line naming file, row, column and value."""

from __future__ import annotations


class DataPackageError(Exception):
    """The data package cannot be served as it is."""

    def __init__(self, path: str, message: str, *, row: int | None = None, column: str | None = None,
                 value: object = None) -> None:
        """Build the one-line message: `file, row N, column 'c', value 'v': message`."""
        parts = [path]
        if row is not None:
            parts.append(f"row {row}")
        if column is not None:
            parts.append(f"column '{column}'")
        if value is not None:
            shown = str(value)
            parts.append(f"value '{shown[:80]}{'...' if len(shown) > 80 else ''}'")
        super().__init__(", ".join(parts) + ": " + message)
        self.path, self.row, self.column, self.value = path, row, column, value
