"""Qt table models over core objects."""

from PySide6.QtCore import Qt

#: Role that returns the underlying core object of a row.
ObjectRole = Qt.ItemDataRole.UserRole + 1
