"""Bytes to data: reading claim files with positions, discovering paths, atomic writes.

Only this package opens files. Everything downstream receives a :class:`LoadedDocument`.
The names below load their modules on first use, so that importing one light module of this
package (the cache, file discovery) does not load the parsers.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing's own, without importing typing (a warm run never needs it)
if TYPE_CHECKING:
    from typing import Any

    from claimtrack.io.limits import Limits
    from claimtrack.io.load import Format, LoadedDocument, detect_format, load_bytes, load_path

__all__ = ["Format", "Limits", "LoadedDocument", "detect_format", "load_bytes", "load_path"]

_MODULES = dict.fromkeys(__all__, "claimtrack.io.load") | {"Limits": "claimtrack.io.limits"}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
