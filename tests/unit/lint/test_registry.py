"""Each rule family's flags are registered from a metadata module beside its checks, and those
metadata modules stay light: what needs only the registry never loads the checks."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import claimtrack.lint
from claimtrack.rules import RuleInfo, iter_rules

_LINT = Path(claimtrack.lint.__file__).parent

# Each family's checks, and the module beside them that holds its flags' metadata.
FAMILIES = {
    "claimtrack.lint.sourcing": "claimtrack.lint.sourcing_flags",
    "claimtrack.lint.attribution": "claimtrack.lint.attribution_flags",
    "claimtrack.lint.evidence": "claimtrack.lint.evidence_flags",
    "claimtrack.lint.quantities": "claimtrack.lint.quantity_flags",
    "claimtrack.lint.source_records": "claimtrack.lint.source_record_flags",
    "claimtrack.lint.quotes": "claimtrack.lint.quote_flags",
    "claimtrack.lint.signoff": "claimtrack.lint.signoff_flags",
    "claimtrack.lint.suppress": "claimtrack.lint.flags",
    "claimtrack.fetch.links": "claimtrack.lint.link_flags",
}
_METADATA_IMPORTS = {
    "__future__",
    "claimtrack",
    "claimtrack.findings",
    "claimtrack.lint.flags",
    "claimtrack.rules",
}


def _imports(module: str) -> set[str]:
    path = Path(importlib.import_module(module).__file__ or "")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _rules_of(module: str) -> set[str]:
    values = vars(importlib.import_module(module)).values()
    return {value.code for value in values if isinstance(value, RuleInfo)}


def test_every_flag_is_defined_in_one_family_metadata_module() -> None:
    """Each registered F-rule is defined by exactly one family's metadata module (the quote
    family's also holds its two E-rules, E213 and E214)."""
    defined: dict[str, list[str]] = {}
    for metadata in sorted(set(FAMILIES.values())):
        for code in _rules_of(metadata):
            defined.setdefault(code, []).append(metadata)
    flags = {rule.code for rule in iter_rules() if rule.code.startswith("F")}
    assert flags, "no flags registered"
    assert {code for code, where in defined.items() if len(where) == 1} >= flags
    assert sorted(set(defined) - flags) == ["E213", "E214"]


def test_a_family_takes_its_rules_from_its_own_metadata_module() -> None:
    """A check module imports rule metadata only from the metadata module beside it."""
    for checks, metadata in FAMILIES.items():
        metadata_modules = {
            name
            for name in _imports(checks)
            if name == "claimtrack.lint.flags" or name.endswith("_flags")
        }
        assert metadata_modules <= {metadata}, checks


def test_metadata_modules_import_no_checks() -> None:
    """The metadata modules import only the registry, its helper and the severities."""
    names = [*sorted(path.stem for path in _LINT.glob("*_flags.py")), "flags"]
    assert len(names) == len(set(FAMILIES.values()))
    for name in names:
        assert _imports(f"claimtrack.lint.{name}") <= _METADATA_IMPORTS, name


def test_the_registry_loads_without_the_checks() -> None:
    """Importing the lint package registers every flag without importing a check module."""
    script = (
        "import sys\n"
        "import claimtrack.lint\n"
        "from claimtrack.rules import iter_rules\n"
        f"checks = {sorted(FAMILIES)!r}\n"
        "print(sum(r.code.startswith('F') for r in iter_rules()),"
        " [name for name in checks if name in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.strip()
    flags = sum(rule.code.startswith("F") for rule in iter_rules())
    assert out == f"{flags} []"
