"""No two classes in the package share a name: a name found in a traceback, a type error or
the API docs points at one class. Re-exporting a class under its own name is fine (an import
is not a second class)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import claimtrack

_PACKAGE = Path(claimtrack.__file__).parent


def _class_names(source: str) -> list[str]:
    return [node.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ClassDef)]


def _shared_names(files: dict[str, str]) -> dict[str, list[str]]:
    where: defaultdict[str, list[str]] = defaultdict(list)
    for name, source in files.items():
        for class_name in _class_names(source):
            where[class_name].append(name)
    return {class_name: names for class_name, names in where.items() if len(names) > 1}


def test_no_two_classes_in_the_package_share_a_name() -> None:
    """Every class defined anywhere in the package has a name no other class has."""
    files = {
        path.relative_to(_PACKAGE).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(_PACKAGE.rglob("*.py"))
    }
    assert len(files) > 50
    assert _shared_names(files) == {}


def test_a_second_class_of_the_same_name_is_found() -> None:
    """The search sees a name used twice, nested classes included, and not a re-export."""
    files = {
        "a.py": "class Coverage:\n    class Inner:\n        pass\n",
        "b.py": "from a import Coverage\n\nclass Holder:\n    class Inner:\n        pass\n",
    }
    assert _shared_names(files) == {"Inner": ["a.py", "b.py"]}
