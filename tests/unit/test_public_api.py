"""The public API is one curated list: ``__all__``, the lazy exports and the imports type
checkers read agree, and nothing internal is exported by accident."""

from __future__ import annotations

import ast
import importlib
import inspect

import claimtrack

_INIT = inspect.getsource(claimtrack)


def _type_checking_imports() -> dict[str, str]:
    """Every ``name: module`` imported under ``if TYPE_CHECKING:`` in claimtrack/__init__
    (besides ``typing``'s, which its own annotations use)."""
    found: dict[str, str] = {}
    for node in ast.parse(_INIT).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom), ast.unparse(statement)
                assert statement.module is not None
                if statement.module == "typing":
                    continue
                for alias in statement.names:
                    found[alias.asname or alias.name] = statement.module
    return found


class TestOneList:
    """The three spellings of the public names cannot drift apart."""

    def test_all_lists_exactly_the_lazy_exports(self) -> None:
        """__all__ holds every lazy export and __version__, sorted, and nothing else."""
        exports = claimtrack._EXPORTS
        assert claimtrack.__all__ == sorted([*exports, "__version__"])

    def test_type_checking_imports_match_the_lazy_exports(self) -> None:
        """What a type checker sees imported is what the lazy exports import at run time,
        from the same module."""
        assert _type_checking_imports() == claimtrack._EXPORTS

    def test_each_export_is_the_object_in_its_module(self) -> None:
        """Every public name resolves to the very object its module defines."""
        for name, module in claimtrack._EXPORTS.items():
            assert getattr(claimtrack, name) is getattr(importlib.import_module(module), name)


class TestNothingInternal:
    """Pipeline internals and the process machinery stay out of the public names."""

    def test_no_private_or_machinery_names(self) -> None:
        """No exported name is private, and none comes from the modules of the pipeline's
        steps, the batch runner or the process pool other than the entry points."""
        assert not [
            name for name in claimtrack.__all__ if name.startswith("_") and name != "__version__"
        ]
        internal = {
            "claimtrack.batch",
            "claimtrack.pipeline",
            "claimtrack.concurrency",
            "claimtrack.records",
        }
        from_internal = {name for name, module in claimtrack._EXPORTS.items() if module in internal}
        assert from_internal == {"check", "check_document", "iter_check"}
