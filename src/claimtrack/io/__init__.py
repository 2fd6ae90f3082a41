"""Bytes to data: reading claim files with positions, discovering paths, atomic writes.

Only this package opens files. Everything downstream receives a :class:`LoadedDocument`.
"""

from claimtrack.io.load import Format, Limits, LoadedDocument, detect_format, load_bytes, load_path

__all__ = ["Format", "Limits", "LoadedDocument", "detect_format", "load_bytes", "load_path"]
